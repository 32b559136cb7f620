import uuid
from enum import StrEnum

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from candidates.models import Candidate
from recruitment.classification import FollowUpKind
from recruitment.policy import ResponseOwed, Sequence, Timing
from tenancy.models import ApiKey, ScopedManager, TenantModel


class JobStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class StageKind(models.TextChoices):
    APPLIED = "applied", _("Applied")
    SCREENING = "screening", _("Screening")
    INTERVIEW = "interview", _("Interview")
    OFFER = "offer", _("Offer")
    HIRED = "hired", _("Hired")


class ApplicationStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    HIRED = "hired", _("Hired")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class RejectionType(models.TextChoices):
    REJECTED_BY_US = "rejected_by_us", _("Rejected by us")
    WITHDREW = "withdrew", _("Candidate withdrew")


class InterviewKind(models.TextChoices):
    PHONE = "phone", _("Phone")
    VIDEO = "video", _("Video")
    ONSITE = "onsite", _("On-site")
    TECHNICAL = "technical", _("Technical")
    PANEL = "panel", _("Panel")


class HistoryEvent(models.TextChoices):
    CREATED = "created", _("Applied")
    MOVED = "moved", _("Moved")
    REJECTED = "rejected", _("Rejected")
    UNREJECTED = "unrejected", _("Rejection undone")
    HIRED = "hired", _("Hired")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Job(TenantModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(_("title"), max_length=200)
    department = models.CharField(_("department"), max_length=200, blank=True)
    location = models.CharField(_("location"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.OPEN)
    hiring_team = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, verbose_name=_("hiring team"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class DefaultStage(TenantModel):
    """One step of the organization's default pipeline, copied into every new job."""

    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=20, choices=StageKind.choices)

    class Meta:
        verbose_name = _("default pipeline stage")
        verbose_name_plural = _("default pipeline")
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "order"], name="default_stage_order_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Stage(TenantModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="stages", verbose_name=_("job"))
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=20, choices=StageKind.choices)

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["job", "order"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "job", "order"], name="stage_order_unique")
        ]

    def __str__(self) -> str:
        return self.name


class RejectionReason(TenantModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    type = models.CharField(_("type"), max_length=20, choices=RejectionType.choices)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("rejection reason")
        verbose_name_plural = _("rejection reasons")
        ordering = ["type", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="rejection_reason_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Application(TenantModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    candidate = models.ForeignKey(
        Candidate, on_delete=models.PROTECT, related_name="applications", verbose_name=_("candidate")
    )
    job = models.ForeignKey(Job, on_delete=models.PROTECT, related_name="applications", verbose_name=_("job"))
    stage = models.ForeignKey(
        Stage, on_delete=models.PROTECT, related_name="applications", verbose_name=_("stage")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ApplicationStatus.choices, default=ApplicationStatus.ACTIVE
    )
    decision_due_at = models.DateTimeField(_("decision due"), null=True, blank=True)
    rejection_reason = models.ForeignKey(
        RejectionReason, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("rejection reason")
    )
    rejection_note = models.TextField(_("rejection note"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "job", "candidate"],
                condition=Q(status="active"),
                name="one_open_application_per_candidate_and_job",
            ),
        ]
        indexes = [
            models.Index(
                fields=["decision_due_at"], condition=Q(status="active"), name="application_decision_due_idx"
            ),
            models.Index(fields=["organization", "status", "-created_at"], name="application_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} – {self.job}"


class StageChange(TenantModel):
    """One entry of an application's history: a move, a decision or a withdrawal, with who and why."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="history", verbose_name=_("application")
    )
    event = models.CharField(_("event"), max_length=20, choices=HistoryEvent.choices)
    from_stage = models.ForeignKey(Stage, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    to_stage = models.ForeignKey(Stage, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    from_status = models.CharField(max_length=10, choices=ApplicationStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=ApplicationStatus.choices)
    actor_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_api_key = models.ForeignKey(
        ApiKey, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    rejection_reason = models.ForeignKey(
        RejectionReason, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_event_display()} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def actor_label(self) -> str:
        if self.actor_user_id:
            return str(self.actor_user)
        if self.actor_api_key_id:
            return f"API: {self.actor_api_key.name}"
        return "Kabar"


class Interview(TenantModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="interviews", verbose_name=_("application")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    kind = models.CharField(
        _("kind"), max_length=20, choices=InterviewKind.choices, default=InterviewKind.ONSITE
    )
    interviewers = ArrayField(
        models.CharField(max_length=200), default=list, blank=True, verbose_name=_("interviewers")
    )
    results_promised_by = models.DateField(_("results promised by"), null=True, blank=True)
    feedback_notes = models.TextField(_("feedback notes"), blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="interview_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_at:%Y-%m-%d %H:%M}"


def _days(verbose_name: str, default: int, minimum: int = 0) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        verbose_name, default=default, validators=[MinValueValidator(minimum), MaxValueValidator(365)]
    )


class FollowUpPolicy(TenantModel):
    """The organization's follow-up policy (job empty), or one job's override of it. Defaults: PRODUCT.md."""

    job = models.OneToOneField(
        Job, on_delete=models.CASCADE, null=True, blank=True, related_name="policy", verbose_name=_("job")
    )
    thank_you_window_days = _days(_("thank-you window (days)"), 1)
    status_inquiry_wait_days = _days(_("earliest status question (days after the interview)"), 7)
    decision_window_days = _days(_("decision window (days after the last interview)"), 14, minimum=1)
    decision_warning_days = _days(_("warn HR this many days before the decision deadline"), 3)
    followup_limit = _days(_("follow-ups answered per application"), 2)
    feedback_limit = _days(_("feedback requests answered"), 1)
    feedback_reply_days = _days(_("days HR has to send requested feedback"), 3, minimum=1)
    auto_reject = models.BooleanField(_("reject automatically when the decision window passes"), default=True)

    class Meta:
        verbose_name = _("follow-up policy")
        verbose_name_plural = _("follow-up policies")
        constraints = [
            models.UniqueConstraint(
                fields=["organization"], condition=Q(job__isnull=True), name="one_policy_per_organization"
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Policy')}: {self.job or self.organization}"


def enum_choices(values: type[StrEnum]) -> list[tuple[str, str]]:
    """Model choices for the pure policy's enums, which know nothing of Django."""
    return [(value.value, value.value.replace("_", " ").capitalize()) for value in values]


class FollowUpChannel(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone")
    API = "api", _("API")
    MANUAL = "manual", _("Manual")


class FollowUp(TenantModel):
    """One incoming message from a candidate about an application, with the policy's verdict on it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="followups", verbose_name=_("application")
    )
    received_at = models.DateTimeField(_("received"))
    channel = models.CharField(_("channel"), max_length=10, choices=FollowUpChannel.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=FollowUpKind.choices)
    kind_was_classified = models.BooleanField(_("kind found by Kabar"), default=False)
    subject = models.CharField(_("subject"), max_length=500, blank=True)
    text = models.TextField(_("text"), blank=True)
    sender = models.CharField(_("sender"), max_length=300, blank=True)
    inbound_email = models.OneToOneField(
        "InboundEmail", on_delete=models.SET_NULL, null=True, blank=True, related_name="followup"
    )
    timing = models.CharField(_("timing"), max_length=20, choices=enum_choices(Timing), blank=True)
    sequence = models.CharField(_("sequence"), max_length=20, choices=enum_choices(Sequence))
    number = models.PositiveSmallIntegerField(_("number"), default=0)
    response_owed = models.CharField(_("response owed"), max_length=20, choices=enum_choices(ResponseOwed))
    expected_decision_date = models.DateField(_("expected decision date"), null=True, blank=True)
    reply_due_at = models.DateTimeField(_("reply due"), null=True, blank=True)
    signals = models.JSONField(_("signals"), default=dict, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    feedback_text = models.TextField(_("feedback sent"), blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["-received_at"]
        indexes = [
            models.Index(
                fields=["reply_due_at"],
                condition=Q(answered_at__isnull=True),
                name="followup_awaiting_reply_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.received_at:%Y-%m-%d}"

    @property
    def awaiting_reply(self) -> bool:
        return self.reply_due_at is not None and self.answered_at is None


class InboundStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    MATCHED = "matched", _("Logged as a follow-up")
    UNMATCHED = "unmatched", _("Waiting for triage")
    REJECTED = "rejected", _("Could not be read")
    DISMISSED = "dismissed", _("Dismissed")


class InboundEmail(models.Model):
    """A raw incoming email, stored before anything is done with it so that nothing is ever lost.

    The organization is empty when the address it was sent to matched none; such rows are seen in the
    platform scope only.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        "tenancy.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("organization"),
    )
    raw = models.BinaryField(_("raw message"))
    size = models.PositiveIntegerField(_("size in bytes"))
    status = models.CharField(
        _("status"), max_length=10, choices=InboundStatus.choices, default=InboundStatus.RECEIVED
    )
    error = models.TextField(_("error"), blank=True)
    source = models.CharField(_("source"), max_length=50, blank=True)
    from_address = models.CharField(_("from"), max_length=300, blank=True)
    to_addresses = models.TextField(_("to"), blank=True)
    subject = models.CharField(_("subject"), max_length=500, blank=True)
    text = models.TextField(_("text"), blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=300, blank=True)
    in_reply_to = models.TextField(_("In-Reply-To and References"), blank=True)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)

    objects = ScopedManager()
    unscoped = models.Manager()  # noqa: DJ012 (ruff takes a second manager for a field)

    class Meta:
        verbose_name = _("inbound email")
        verbose_name_plural = _("inbound emails")
        ordering = ["-received_at"]
        base_manager_name = "unscoped"

    def __str__(self) -> str:
        return self.subject or str(self.id)
