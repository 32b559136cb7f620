import uuid

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from tenancy.models import Language, TenantModel


class Candidate(TenantModel):
    """A person applying to an organization's jobs; one per email address within the organization."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField(_("email address"))
    full_name = models.CharField(_("full name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, blank=True)
    source = models.CharField(_("source"), max_length=100, blank=True)
    consent_given_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    anonymized_at = models.DateTimeField(_("anonymized"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(
                "organization", Lower("email"), name="candidate_email_unique_per_organization"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def preferred_language(self) -> str:
        return self.language or self.organization.language
