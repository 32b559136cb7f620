import secrets
import uuid
import zoneinfo
from datetime import time

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tenancy.errors import CrossOrganizationReference
from tenancy.scope import ALL_ORGANIZATIONS, active_scope, current_organization


class Language(models.TextChoices):
    INDONESIAN = "id", "Bahasa Indonesia"
    ENGLISH = "en", "English"


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(value)s is not a known time zone (for example Asia/Jakarta)."), params={"value": value}
        )


def new_inbound_token() -> str:
    return secrets.token_hex(6)


def weekdays() -> list[int]:
    return [0, 1, 2, 3, 4]


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: object) -> "User":
        if not email:
            raise ValueError("A user needs an email address.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: object) -> "User":
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in to the HR admin, with an email address as the login."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    language = models.CharField(_("admin language"), max_length=2, choices=Language.choices, blank=True)
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self) -> str:
        return self.full_name or self.email

    def clean(self) -> None:
        super().clean()
        self.email = self.email.strip().lower()


class Organization(models.Model):
    """A tenant: one company's HR team."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    timezone = models.CharField(
        _("time zone"), max_length=64, default="Asia/Jakarta", validators=[validate_timezone]
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.INDONESIAN
    )
    sender_name = models.CharField(_("sender name"), max_length=200, blank=True)
    sender_email = models.EmailField(_("sender address"), blank=True)
    reply_to_email = models.EmailField(_("reply-to address"), blank=True)
    inbound_token = models.CharField(
        _("inbound address token"), max_length=24, unique=True, default=new_inbound_token, editable=False
    )
    email_hourly_cap = models.PositiveIntegerField(_("emails per hour at most"), default=500)
    sending_hours_start = models.TimeField(_("automatic emails from"), default=time(8, 0))
    sending_hours_end = models.TimeField(_("automatic emails until"), default=time(18, 0))
    sending_days = ArrayField(
        models.PositiveSmallIntegerField(), default=weekdays, verbose_name=_("sending days (0 = Monday)")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def inbound_address(self) -> str:
        """Where candidates' replies reach Kabar: the token names the organization."""
        return f"{self.slug}+{self.inbound_token}@{settings.KABAR_INBOUND_DOMAIN}"

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)


class ScopedManager(models.Manager):
    """Fail-closed: filtered to the active organization scope; raises when there is none."""

    def get_queryset(self) -> models.QuerySet:
        scope = active_scope()
        queryset = super().get_queryset()
        if scope is ALL_ORGANIZATIONS:
            return queryset
        return queryset.filter(organization_id=scope.pk)

    def none(self) -> models.QuerySet:
        # An empty queryset reads nothing, so it needs no scope (schema generation asks for one).
        return super().get_queryset().none()


class TenantModel(models.Model):
    """Base of every tenant-owned model.

    Invariant: the row carries its organization, the default manager (`objects`) only ever sees the active
    organization's rows, and a row never points at another organization's row (checked on save).
    Escape hatch: `Model.unscoped`, a plain manager, for the few named cross-organization uses.
    """

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, verbose_name=_("organization"))

    objects = ScopedManager()
    unscoped = models.Manager()  # noqa: DJ012 (ruff takes a second manager for a field)

    class Meta:
        abstract = True
        base_manager_name = "unscoped"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.organization_id is None:
            self.organization = current_organization()
        self.refuse_cross_organization_references()
        super().save(*args, **kwargs)

    def refuse_cross_organization_references(self) -> None:
        for field in self._meta.concrete_fields:
            if not field.is_relation or field.name == "organization":
                continue
            if not issubclass(field.related_model, TenantModel):
                continue
            related = getattr(self, field.name, None) if field.is_cached(self) else None
            if related is not None:
                related_organization_id = related.organization_id
            else:
                related_id = getattr(self, field.attname)
                if related_id is None:
                    continue
                related_organization_id = (
                    field.related_model.unscoped.filter(pk=related_id)
                    .values_list("organization_id", flat=True)
                    .first()
                )
            if related_organization_id != self.organization_id:
                raise CrossOrganizationReference(
                    f"{self._meta.verbose_name} cannot refer to a {field.related_model._meta.verbose_name} "
                    "of another organization."
                )


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    RECRUITER = "recruiter", _("Recruiter")
    HIRING_MANAGER = "hiring_manager", _("Hiring manager")
    VIEWER = "viewer", _("Viewer")


class Membership(TenantModel):
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.RECRUITER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="membership_unique_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class ApiScope(models.TextChoices):
    READ = "read", _("Read")
    WRITE = "write", _("Write")


class ApiKey(TenantModel):
    """An integration's credential. Only a SHA-256 hash of the key is stored; the key is shown once."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=16, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, editable=False)
    scopes = ArrayField(models.CharField(max_length=10, choices=ApiScope.choices), default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class IdempotencyKey(TenantModel):
    """A POST's `Idempotency-Key` and the response it got: a retry gets the same response, kept 24 hours."""

    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64)
    response_status = models.PositiveSmallIntegerField(null=True)
    response_body = models.JSONField(null=True)
    completed_at = models.DateTimeField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organization", "key"], name="idempotency_key_unique")]
        indexes = [models.Index(fields=["created_at"], name="idempotency_key_created_idx")]

    def __str__(self) -> str:
        return self.key
