import base64
import secrets
import uuid

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tenancy.models import Language, TenantModel


class NotificationKind(models.TextChoices):
    FOLLOWUP_ACK = "followup_ack", _("Follow-up acknowledgement")
    REJECTION = "rejection", _("Rejection")
    AUTO_REJECTION = "auto_rejection", _("Automatic rejection notice")
    OFFER = "offer", _("Offer")
    FEEDBACK_REPLY = "feedback_reply", _("Feedback reply")
    WITHDRAWAL_CONFIRMATION = "withdrawal_confirmation", _("Withdrawal confirmation")
    HR_DIGEST = "hr_digest", _("HR digest")


class NotificationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


class EmailTemplate(TenantModel):
    """An organization's own wording for one kind of email in one language.

    Kinds with no row use the built-in defaults of notifications/default_templates.py.
    """

    kind = models.CharField(_("kind"), max_length=30, choices=NotificationKind.choices)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text body"))
    body_html = models.TextField(_("HTML body"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("email template")
        verbose_name_plural = _("email templates")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "kind", "language"], name="email_template_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.language})"

    def clean(self) -> None:
        from notifications.rendering import TemplateRenderError, render_sample

        try:
            render_sample(self)
        except TemplateRenderError as error:
            raise ValidationError(
                _("The template does not render: %(error)s"), params={"error": error}
            ) from None


class Notification(TenantModel):
    """One outgoing email in the outbox: rendered when queued, sent at most once by delivery."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=30, choices=NotificationKind.choices)
    recipient = models.EmailField(_("recipient"))
    recipient_name = models.CharField(_("recipient name"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text body"))
    body_html = models.TextField(_("HTML body"), blank=True)
    dedupe_key = models.CharField(max_length=200)
    caused_by = models.CharField(_("caused by"), max_length=100, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=NotificationStatus.choices, default=NotificationStatus.PENDING
    )
    send_after = models.DateTimeField(_("send after"))
    queued_at = models.DateTimeField(null=True, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=200, unique=True)
    reply_to = models.EmailField(_("reply-to"), blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)

    class Meta:
        verbose_name = _("email")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "dedupe_key"], name="notification_dedupe_key_unique"
            ),
        ]
        indexes = [
            models.Index(
                fields=["send_after"],
                condition=Q(status__in=["pending", "sending"]),
                name="notification_due_idx",
            ),
            models.Index(fields=["organization", "sent_at"], name="notification_sent_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient}"


class WebhookEvent(models.TextChoices):
    APPLICATION_CREATED = "application.created", _("Application created")
    APPLICATION_STAGE_CHANGED = "application.stage_changed", _("Application moved to another stage")
    APPLICATION_REJECTED = "application.rejected", _("Application rejected (by HR or automatically)")
    APPLICATION_UNREJECTED = "application.unrejected", _("Rejection undone")
    APPLICATION_HIRED = "application.hired", _("Candidate hired")
    APPLICATION_WITHDRAWN = "application.withdrawn", _("Application withdrawn")
    FOLLOWUP_RECEIVED = "followup.received", _("Follow-up received")
    NOTIFICATION_FAILED = "notification.failed", _("Email failed for good")


def new_webhook_secret() -> str:
    """A Standard Webhooks signing secret: `whsec_` and the base64 of 24 random bytes."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


class WebhookEndpoint(TenantModel):
    """An integration's URL that receives signed events; disabled by delivery after failures in a row."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    url = models.URLField(_("URL"), max_length=500, validators=[URLValidator(schemes=["https", "http"])])
    description = models.CharField(_("description"), max_length=200, blank=True)
    events = ArrayField(
        models.CharField(max_length=50, choices=WebhookEvent.choices),
        blank=True,
        default=list,
        verbose_name=_("events"),
        help_text=_("None selected: every event."),
    )
    secret = models.CharField(_("signing secret"), max_length=60, default=new_webhook_secret, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    consecutive_failures = models.PositiveIntegerField(_("failures in a row"), default=0, editable=False)
    disabled_at = models.DateTimeField(_("disabled"), null=True, blank=True, editable=False)
    disabled_reason = models.TextField(_("why disabled"), blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.description or self.url


class WebhookDelivery(TenantModel):
    """One event for one endpoint in the outbox; its id is the `webhook-id`, the same on every retry.

    The status values are the email outbox's, so the relay and the claim rules serve both.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("endpoint")
    )
    event = models.CharField(_("event"), max_length=50)
    payload = models.JSONField(_("payload"))
    dedupe_key = models.CharField(max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=NotificationStatus.choices, default=NotificationStatus.PENDING
    )
    send_after = models.DateTimeField(_("send after"))
    queued_at = models.DateTimeField(null=True, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    response_status = models.PositiveSmallIntegerField(_("response status"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "endpoint", "dedupe_key"], name="webhook_delivery_dedupe_key_unique"
            ),
        ]
        indexes = [
            models.Index(
                fields=["send_after"],
                condition=Q(status__in=["pending", "sending"]),
                name="webhook_delivery_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint}"
