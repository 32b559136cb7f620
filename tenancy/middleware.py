from collections.abc import Callable
from contextlib import ExitStack

from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.urls import reverse
from django.utils.translation import gettext as _

from tenancy.scope import org_scope, platform_scope
from tenancy.services import memberships_of

SESSION_KEY = "kabar_organization_id"


class AdminOrganizationScopeMiddleware:
    """The one place that sets the organization scope for HR admin requests.

    The organization comes from the session, checked against the user's memberships on every request
    (first membership when none is chosen). Platform superusers get the platform scope. A staff user
    with no membership is refused rather than shown an empty or unscoped admin.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if not request.path.startswith(reverse("admin:index")) or user is None or not user.is_authenticated:
            return self.get_response(request)
        with ExitStack() as stack:
            if user.is_superuser:
                request.organization = None
                request.membership = None
                stack.enter_context(platform_scope())
            else:
                memberships = memberships_of(user)
                chosen = request.session.get(SESSION_KEY)
                membership = next((m for m in memberships if str(m.organization_id) == chosen), None)
                membership = membership or (memberships[0] if memberships else None)
                if membership is None:
                    if request.path == reverse("admin:logout"):
                        return self.get_response(request)
                    return HttpResponseForbidden(_("Your account is not a member of any organization."))
                request.organization = membership.organization
                request.membership = membership
                request.memberships = memberships
                stack.enter_context(org_scope(membership.organization))
            return self.get_response(request)
