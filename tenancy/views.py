"""The HR admin's header switches: which organization a session works in, and the user's language."""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tenancy.middleware import SESSION_KEY
from tenancy.models import User


class LanguageForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ("language",)


@require_POST
def organization_switch(request: HttpRequest) -> HttpResponse:
    """Scopes the session to another organization of the user's; any other id is a 404.

    It goes to the home page: the page the user was on belongs to the organization they left.
    """
    chosen = request.POST.get("organization", "")
    membership = next((m for m in request.memberships if str(m.organization_id) == chosen), None)
    if membership is None:
        raise Http404(_("Not found."))
    request.session[SESSION_KEY] = str(membership.organization_id)
    messages.success(
        request, _("You are working in %(organization)s.") % {"organization": membership.organization}
    )
    return HttpResponseRedirect(reverse("admin:index"))


@require_POST
def language_switch(request: HttpRequest) -> HttpResponse:
    """Saves the user's admin language (empty: the organization's) and goes back to the same page."""
    form = LanguageForm(request.POST, instance=request.user)
    if form.is_valid():
        form.save()
    else:
        messages.error(request, _("That language is not available."))
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = reverse("admin:index")
    return HttpResponseRedirect(back)
