from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tenancy.models import ApiKey, Membership, Organization, Role, User
from tenancy.services import membership_user_for_email


def membership_role(request: HttpRequest) -> str | None:
    membership = getattr(request, "membership", None)
    return membership.role if membership is not None else None


class OrganizationScopedAdmin(admin.ModelAdmin):
    """Base of every admin page for tenant-owned rows.

    Invariant: the request's organization scope (set by AdminOrganizationScopeMiddleware) filters the
    changelist, change form, foreign-key choices and autocompletes through the models' scoped managers;
    new rows take the request's organization. Roles decide what may be changed: `edit_roles` may add and
    change, everyone with a membership may view. Platform superusers see every organization, with the
    organization as a column and a filter.
    """

    edit_roles: frozenset[str] = frozenset({Role.OWNER, Role.RECRUITER})

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser or membership_role(request) is not None

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser or membership_role(request) in self.edit_roles

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.has_add_permission(request)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser or membership_role(request) == Role.OWNER

    def get_list_display(self, request: HttpRequest) -> Any:
        columns = super().get_list_display(request)
        return (*columns, "organization") if request.user.is_superuser else columns

    def get_list_filter(self, request: HttpRequest) -> Any:
        filters = super().get_list_filter(request)
        return (*filters, "organization") if request.user.is_superuser else filters

    def get_exclude(self, request: HttpRequest, obj: Model | None = None) -> Any:
        exclude = super().get_exclude(request, obj) or ()
        return exclude if request.user.is_superuser else (*exclude, "organization")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change and not request.user.is_superuser:
            obj.organization = request.organization
        super().save_model(request, obj, form, change)


class OwnerOnlyAdmin(OrganizationScopedAdmin):
    edit_roles = frozenset({Role.OWNER})

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser or membership_role(request) == Role.OWNER


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "language", "timezone")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        organization = getattr(request, "organization", None)
        return queryset.filter(pk=organization.pk) if organization else queryset.none()

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser or membership_role(request) == Role.OWNER

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser


class MembershipAddForm(forms.ModelForm):
    """Owners add a member by email address; they never browse other organizations' users."""

    email = forms.EmailField(label=_("email address"))

    class Meta:
        model = Membership
        fields = ("role",)

    def save(self, commit: bool = True) -> Membership:
        self.instance.user = membership_user_for_email(self.cleaned_data["email"])
        return super().save(commit)


@admin.register(Membership)
class MembershipAdmin(OwnerOnlyAdmin):
    list_display = ("user", "role", "created_at")
    list_filter = ("role",)
    search_fields = ("user__email", "user__full_name")

    def get_form(
        self, request: HttpRequest, obj: Model | None = None, change: bool = False, **kwargs: Any
    ) -> Any:
        if obj is None:
            kwargs["form"] = MembershipAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request: HttpRequest, obj: Model | None = None) -> Any:
        return ("email", "role") if obj is None else ("user", "role")

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> Any:
        return ("user",) if obj is not None else ()


@admin.register(ApiKey)
class ApiKeyAdmin(OwnerOnlyAdmin):
    list_display = ("name", "prefix", "scopes", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "last_used_at", "created_at")
    fields = ("name", "scopes", "prefix", "created_at", "last_used_at", "revoked_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        # A key is shown once at creation: `manage.py create_api_key` prints it; the admin cannot.
        return False


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ("email",)
    list_display = ("email", "full_name", "is_staff", "is_superuser")
    search_fields = ("email", "full_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("full_name",)}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),
    )

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser
