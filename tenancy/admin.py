from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tenancy.actors import Actor
from tenancy.models import ApiKey, Membership, Organization, Role, User
from tenancy.scope import org_scope
from tenancy.services import api_key_revoke, membership_user_for_email

EDIT_ROLES = frozenset({Role.OWNER, Role.RECRUITER})
OWNER_ROLES = frozenset({Role.OWNER})


def membership_role(request: HttpRequest) -> str | None:
    membership = getattr(request, "membership", None)
    return membership.role if membership is not None else None


def may_edit(request: HttpRequest, roles: frozenset[str] = EDIT_ROLES) -> bool:
    return request.user.is_superuser or membership_role(request) in roles


def admin_actor(request: HttpRequest) -> Actor:
    return Actor(user=request.user)


@contextmanager
def acting_for(request: HttpRequest, obj: Model) -> Iterator[Organization]:
    """The organization an admin change is made in, with its scope active while the services run.

    For staff that is the request's organization (the row was found through its scope); a platform
    superuser acts in the row's own organization, so that services never see the platform scope.
    """
    organization = getattr(request, "organization", None) or obj.organization
    with org_scope(organization):
        yield organization


def adopt_created(instance: Model, created: Model) -> None:
    """After a service created the row, the admin goes on with the form's instance (related rows, log
    entry, redirect): it becomes the created row."""
    instance.pk = created.pk
    instance._state.adding = False
    instance._state.db = created._state.db


class MissingIsNotFound:
    def _get_obj_does_not_exist_redirect(self, request: HttpRequest, opts: Any, object_id: str) -> NoReturn:
        # Django redirects to the index with "doesn't exist"; another organization's row is a 404,
        # and so, to look exactly the same, is a missing one.
        raise Http404(_("Not found."))


class OrganizationScopedAdmin(MissingIsNotFound, admin.ModelAdmin):
    """Base of every admin page for tenant-owned rows.

    Invariant: the request's organization scope (set by AdminOrganizationScopeMiddleware) filters the
    changelist, change form, foreign-key choices, filters and autocompletes through the models' scoped
    managers; new rows take the request's organization; another organization's row answers 404 like a
    missing one. Roles decide the rest: `edit_roles` may add and change, owners may delete, everyone
    with a membership may view, except that a hiring manager sees only the rows reached from the jobs
    whose hiring team includes them (`hiring_team_lookup`, the path to Job.hiring_team; None hides the
    page from them). Platform superusers see every organization, with the organization as a column and
    a filter. Escape hatch: none here; a page that must cross organizations is not an admin page.
    """

    edit_roles: frozenset[str] = EDIT_ROLES
    hiring_team_lookup: str | None = None

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        if membership_role(request) != Role.HIRING_MANAGER:
            return queryset
        if self.hiring_team_lookup is None:
            return queryset.none()
        on_their_jobs = self.model._default_manager.filter(**{self.hiring_team_lookup: request.user})
        return queryset.filter(pk__in=on_their_jobs.values("pk"))

    def has_module_permission(self, request: HttpRequest) -> bool:
        if request.user.is_superuser:
            return True
        role = membership_role(request)
        return role is not None and (role != Role.HIRING_MANAGER or self.hiring_team_lookup is not None)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return may_edit(request, self.edit_roles)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return may_edit(request, self.edit_roles)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return may_edit(request, OWNER_ROLES)

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

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        # New inline rows take their organization from the scope, which for a superuser is the row's.
        with acting_for(request, form.instance):
            super().save_formset(request, form, formset, change)


class OrganizationScopedInline(admin.TabularInline):
    """Rows of a scoped admin's object, with the parent page's roles (Django's default asks for model
    permissions, which members do not have). The parent was found through the scope; the inline's rows
    come through the model's scoped manager."""

    edit_roles: frozenset[str] = EDIT_ROLES
    extra = 0
    exclude = ("organization",)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser or membership_role(request) is not None

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return may_edit(request, self.edit_roles)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return may_edit(request, self.edit_roles)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return may_edit(request, self.edit_roles)


class OwnerOnlyAdmin(OrganizationScopedAdmin):
    edit_roles = OWNER_ROLES

    def has_module_permission(self, request: HttpRequest) -> bool:
        return may_edit(request, self.edit_roles)


class ReadOnlyScopedAdmin(OrganizationScopedAdmin):
    """Rows that change only through the page's actions (which call services), never through the form."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class ReadOnlyOwnerAdmin(ReadOnlyScopedAdmin, OwnerOnlyAdmin):
    pass


@admin.register(Organization)
class OrganizationAdmin(MissingIsNotFound, admin.ModelAdmin):
    list_display = ("name", "slug", "language", "timezone")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("inbound_address",)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        organization = getattr(request, "organization", None)
        return queryset.filter(pk=organization.pk) if organization else queryset.none()

    def has_module_permission(self, request: HttpRequest) -> bool:
        return may_edit(request, OWNER_ROLES)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser

    @admin.display(description=_("address for candidates' replies"))
    def inbound_address(self, organization: Organization) -> str:
        return organization.inbound_address


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
    readonly_fields = ("prefix", "last_used_at", "created_at", "revoked_at")
    fields = ("name", "scopes", "prefix", "created_at", "last_used_at", "revoked_at")
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # A key is shown once at creation: `manage.py create_api_key` prints it; the admin cannot.
        return False

    @admin.action(
        description=_("Revoke the selected API keys"),
        permissions=["change"],
        location=[admin.ActionLocation.CHANGE_LIST, admin.ActionLocation.CHANGE_FORM],
    )
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiKey]) -> None:
        revoked = [api_key_revoke(api_key=api_key) for api_key in queryset.filter(revoked_at__isnull=True)]
        self.message_user(
            request,
            ngettext("%d API key revoked.", "%d API keys revoked.", len(revoked)) % len(revoked),
            messages.SUCCESS,
        )


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ("email",)
    list_display = ("email", "full_name", "language", "is_staff", "is_superuser")
    search_fields = ("email", "full_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("full_name", "language")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),
    )

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser
