from django.urls import include, path

urlpatterns = [
    path("", include("candidates.api.urls")),
    path("", include("recruitment.api.urls")),
    path("", include("notifications.api.urls")),
]
