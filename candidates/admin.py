from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from candidates.models import Candidate
from candidates.services import (
    CANDIDATE_FIELDS,
    candidate_anonymize,
    candidate_create,
    candidate_update,
    normalize_email,
)
from tenancy.admin import OWNER_ROLES, OrganizationScopedAdmin, acting_for, adopt_created, may_edit


class CandidateForm(forms.ModelForm):
    class Meta:
        model = Candidate
        fields = ("organization", "full_name", "email", "phone", "language", "source", "consent_given_at")

    def clean(self) -> dict:
        # The form cannot see the unique constraint (it names the organization, which is not a field
        # here); the services refuse a duplicate too, but only this way it is a form error.
        cleaned = super().clean()
        email = cleaned.get("email")
        if email:
            organization = cleaned.get("organization")
            organization_id = organization.pk if organization else self.instance.organization_id
            others = Candidate.objects.filter(email=normalize_email(email)).exclude(pk=self.instance.pk)
            if organization_id:
                others = others.filter(organization_id=organization_id)
            if others.exists():
                self.add_error("email", _("A candidate with this email address already exists."))
        return cleaned


@admin.register(Candidate)
class CandidateAdmin(OrganizationScopedAdmin):
    form = CandidateForm
    hiring_team_lookup = "applications__job__hiring_team"
    list_display = ("full_name", "email", "language", "source", "created_at")
    list_filter = ("language",)
    search_fields = ("full_name", "email")
    readonly_fields = ("anonymized_at", "created_at", "updated_at")
    actions = ["anonymize"]

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        # A candidate's applications keep their history; personal data is erased by anonymizing.
        return False

    def has_anonymize_permission(self, request: HttpRequest) -> bool:
        return may_edit(request, OWNER_ROLES)

    def save_model(self, request: HttpRequest, obj: Candidate, form: Any, change: bool) -> None:
        fields = {name: form.cleaned_data[name] for name in CANDIDATE_FIELDS if name in form.cleaned_data}
        with acting_for(request, obj) as organization:
            if change:
                candidate_update(candidate=obj, email=form.cleaned_data["email"], **fields)
            else:
                full_name = fields.pop("full_name")
                created = candidate_create(
                    organization=organization, email=form.cleaned_data["email"], full_name=full_name, **fields
                )
                adopt_created(obj, created)

    @admin.action(description=_("Anonymize the selected candidates"), permissions=["anonymize"])
    def anonymize(self, request: HttpRequest, queryset: QuerySet[Candidate]) -> None:
        anonymized = [candidate_anonymize(candidate=c) for c in queryset.filter(anonymized_at__isnull=True)]
        self.message_user(
            request,
            ngettext("%d candidate anonymized.", "%d candidates anonymized.", len(anonymized))
            % len(anonymized),
            messages.SUCCESS,
        )
