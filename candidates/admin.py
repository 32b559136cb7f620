from django.contrib import admin

from candidates.models import Candidate
from tenancy.admin import OrganizationScopedAdmin


@admin.register(Candidate)
class CandidateAdmin(OrganizationScopedAdmin):
    list_display = ("full_name", "email", "language", "source", "created_at")
    list_filter = ("language",)
    search_fields = ("full_name", "email")
    readonly_fields = ("anonymized_at", "created_at", "updated_at")
