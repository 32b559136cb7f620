from collections.abc import Callable
from contextlib import ExitStack

from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.middleware.csp import ContentSecurityPolicyMiddleware
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tenancy.scope import org_scope, platform_scope
from tenancy.services import memberships_of

SESSION_KEY = "kabar_organization_id"


def is_admin_path(request: HttpRequest) -> bool:
    return request.path.startswith(reverse("admin:index"))


class AdminOrganizationScopeMiddleware:
    """The one place that sets the organization scope for HR admin requests.

    The organization comes from the session, checked against the user's memberships on every request
    (first membership when none is chosen). Platform superusers get the platform scope. A staff user
    with no membership is refused rather than shown an empty or unscoped admin.

    The request also runs in the user's language (else the organization's) and in the organization's
    timezone, both restored when the response is done.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if not is_admin_path(request) or user is None or not user.is_authenticated:
            return self.get_response(request)
        with ExitStack() as stack:
            request.memberships = memberships_of(user)
            if user.is_superuser:
                request.organization = None
                request.membership = None
                stack.enter_context(platform_scope(reason=f"platform superuser {user.email}"))
            else:
                chosen = request.session.get(SESSION_KEY)
                membership = next((m for m in request.memberships if str(m.organization_id) == chosen), None)
                membership = membership or (request.memberships[0] if request.memberships else None)
                if membership is None:
                    if request.path == reverse("admin:logout"):
                        return self.get_response(request)
                    return HttpResponseForbidden(_("Your account is not a member of any organization."))
                request.organization = membership.organization
                request.membership = membership
                stack.enter_context(org_scope(membership.organization))
                stack.enter_context(timezone.override(membership.organization.zone))
            language = user.language or (request.organization.language if request.organization else None)
            if language:
                stack.enter_context(translation.override(language))
                request.LANGUAGE_CODE = language
            response = self.get_response(request)
            if language:
                # LocaleMiddleware only sets the header when it is missing; it would name its own guess.
                response.headers["Content-Language"] = language
            return response


class AdminContentSecurityPolicyMiddleware(ContentSecurityPolicyMiddleware):
    """Django's CSP middleware (policy in SECURE_CSP), applied to the HR admin's pages only.

    The API's documentation page loads Swagger UI from a CDN with an inline script, which the admin's
    policy forbids; API responses are JSON, where a page policy means nothing.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if not is_admin_path(request):
            return response
        return super().process_response(request, response)
