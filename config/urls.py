from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from recruitment.admin_views import dashboard
from tenancy.views import language_switch, organization_switch

urlpatterns = [
    # The admin's home is the organization's dashboard: it answers before admin.site's own index.
    path("admin/", admin.site.admin_view(dashboard), name="kabar-dashboard"),
    path("admin/switch/organization/", admin.site.admin_view(organization_switch), name="kabar-organization"),
    path("admin/switch/language/", admin.site.admin_view(language_switch), name="kabar-language"),
    path("admin/", admin.site.urls),
    path(
        "api/v1/schema/",
        SpectacularAPIView.as_view(authentication_classes=[], permission_classes=[]),
        name="schema",
    ),
    path(
        "api/v1/docs/",
        SpectacularSwaggerView.as_view(url_name="schema", authentication_classes=[], permission_classes=[]),
        name="api-docs",
    ),
    path("api/v1/", include("config.api_urls")),
    path("anymail/", include("anymail.urls")),
]

admin.site.site_header = "Kabar"
admin.site.site_title = "Kabar HR"
admin.site.index_title = "Recruitment"
