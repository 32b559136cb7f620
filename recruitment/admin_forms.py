"""Forms of the HR admin's recruitment pages. Each collects what one service call needs, offers only the
application's own choices (through the scoped managers) and, in `perform`, calls that service."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from email import message_from_string
from email import policy as email_policy
from email.utils import parseaddr, parsedate_to_datetime

from django import forms
from django.contrib.admin.sites import site as admin_site
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from candidates.models import Candidate
from notifications.models import Notification, NotificationKind, NotificationStatus
from notifications.services import notification_cancel
from recruitment.classification import FollowUpKind
from recruitment.emails import application_reference
from recruitment.followups import (
    followup_correct_kind,
    followup_log,
    followup_mark_answered,
    followup_send_feedback,
)
from recruitment.inbound import inbound_email_attach, inbound_email_dismiss
from recruitment.models import (
    Application,
    FollowUp,
    FollowUpChannel,
    InboundEmail,
    Interview,
    InterviewKind,
    Job,
    RejectionReason,
    RejectionType,
    Stage,
)
from recruitment.policy import ResponseOwed
from recruitment.selectors import feedback_draft, rejection_reasons
from recruitment.services import (
    application_create,
    application_hire,
    application_move,
    application_reject,
    application_unreject,
    application_withdraw,
    interview_cancel,
    interview_complete,
    interview_schedule,
    interview_update,
)
from tenancy.actors import Actor
from tenancy.models import Organization

LOCAL_INPUT_FORMAT = "%Y-%m-%dT%H:%M"


class LocalDateTimeInput(forms.DateTimeInput):
    """The browser's date-and-time picker; values are in the active (the organization's) timezone."""

    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format=LOCAL_INPUT_FORMAT)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def note_field() -> forms.CharField:
    return forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ApplicationActionForm(forms.Form):
    """One action on one application; `perform` calls its service and returns what to tell HR."""

    title = ""
    submit = _("Save")

    def __init__(self, *args: object, application: Application, **kwargs: object) -> None:
        self.application = application
        super().__init__(*args, **kwargs)

    def perform(self, *, organization: Organization, actor: Actor) -> str:
        raise NotImplementedError


class MoveForm(ApplicationActionForm):
    title = _("Move to another stage")
    submit = _("Move")
    # The stage HR saw: a move from a stage the application has since left is refused (StaleStage).
    from_stage = forms.ModelChoiceField(queryset=Stage.unscoped.none(), widget=forms.HiddenInput)
    to_stage = forms.ModelChoiceField(queryset=Stage.unscoped.none(), label=_("Move to"), empty_label=None)
    note = note_field()

    def __init__(self, *args: object, application: Application, **kwargs: object) -> None:
        super().__init__(*args, application=application, **kwargs)
        stages = Stage.objects.filter(job=application.job_id).order_by("order")
        self.fields["from_stage"].queryset = stages
        self.fields["from_stage"].initial = application.stage_id
        self.fields["to_stage"].queryset = stages.exclude(pk=application.stage_id)
        self.fields["to_stage"].initial = stages.filter(order__gt=application.stage.order).first()

    def perform(self, *, organization: Organization, actor: Actor) -> str:
        application = application_move(
            organization=organization,
            actor=actor,
            application=self.application,
            from_stage=self.cleaned_data["from_stage"],
            to_stage=self.cleaned_data["to_stage"],
            note=self.cleaned_data["note"],
        )
        return gettext("Moved to “%(stage)s”.") % {"stage": application.stage.name}


class RejectForm(ApplicationActionForm):
    title = _("Reject")
    submit = _("Reject")
    NOW, LATER = "now", "later"

    reason = forms.ModelChoiceField(queryset=RejectionReason.unscoped.none(), label=_("Reason"))
    note = note_field()
    notice = forms.ChoiceField(
        label=_("Rejection notice to the candidate"),
        choices=[(NOW, _("Send it now")), (LATER, _("Send it later"))],
        initial=NOW,
        widget=forms.RadioSelect,
    )
    notify_at = forms.DateTimeField(
        label=_("Send at"),
        required=False,
        widget=LocalDateTimeInput(),
        help_text=_("In the organization's time zone. Until then it can be cancelled."),
    )

    def __init__(self, *args: object, application: Application, **kwargs: object) -> None:
        super().__init__(*args, application=application, **kwargs)
        self.fields["reason"].queryset = rejection_reasons().filter(type=RejectionType.REJECTED_BY_US)
        tomorrow = timezone.localtime() + timedelta(days=1)
        self.fields["notify_at"].initial = tomorrow.replace(hour=9, minute=0, second=0, microsecond=0)

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("notice") != self.LATER:
            cleaned["notify_at"] = None
        elif cleaned.get("notify_at") is None or cleaned["notify_at"] <= timezone.now():
            self.add_error("notify_at", _("Choose a time in the future, or send the notice now."))
        return cleaned

    def perform(self, *, organization: Organization, actor: Actor) -> str:
        application_reject(
            organization=organization,
            actor=actor,
            application=self.application,
            reason=self.cleaned_data["reason"],
            note=self.cleaned_data["note"],
            notify_at=self.cleaned_data["notify_at"],
        )
        if self.cleaned_data["notify_at"]:
            when = timezone.localtime(self.cleaned_data["notify_at"])
            return gettext("Rejected. The notice will be sent on %(when)s.") % {
                "when": formats.date_format(when, "j F Y, H:i")
            }
        return gettext("Rejected. The notice is on its way to the candidate.")


class CancelNoticeForm(ApplicationActionForm):
    notification = forms.ModelChoiceField(queryset=Notification.unscoped.none(), widget=forms.HiddenInput)

    def __init__(self, *args: object, application: Application, **kwargs: object) -> None:
        super().__init__(*args, application=application, **kwargs)
        self.fields["notification"].queryset = pending_rejection_notices(application)

    def perform(self, *, organization: Organization, actor: Actor) -> str:
        notification_cancel(organization=organization, notification=self.cleaned_data["notification"])
        return gettext("The rejection notice is cancelled; the candidate will not receive it.")


def pending_rejection_notices(application: Application) -> QuerySet[Notification]:
    return Notification.objects.filter(
        caused_by=application_reference(application),
        kind=NotificationKind.REJECTION,
        status=NotificationStatus.PENDING,
    ).order_by("send_after")


class UnrejectForm(ApplicationActionForm):
    title = _("Undo the rejection")
    submit = _("Undo the rejection")

    def perform(self, *, organization: Organization, actor: Actor) -> str:
        application_unreject(organization=organization, actor=actor, application=self.application)
        return gettext("The rejection is undone; a notice not yet sent is cancelled.")


class HireForm(ApplicationActionForm):
    title = _("Hire")
    submit = _("Hire and send the offer")
    note = note_field()

    def perform(self, *, organization: Organization, actor: Actor) -> str:
        application_hire(
            organization=organization,
            actor=actor,
            application=self.application,
            note=self.cleaned_data["note"],
        )
        return gettext("Hired. The offer email is on its way.")


class WithdrawForm(ApplicationActionForm):
    title = _("The candidate withdrew")
    submit = _("Record the withdrawal")
    reason = forms.ModelChoiceField(
        queryset=RejectionReason.unscoped.none(), label=_("Reason"), required=False
    )
    note = note_field()

    def __init__(self, *args: object, application: Application, **kwargs: object) -> None:
        super().__init__(*args, application=application, **kwargs)
        self.fields["reason"].queryset = rejection_reasons().filter(type=RejectionType.WITHDREW)

    def perform(self, *, organization: Organization, actor: Actor) -> str:
        application_withdraw(
            organization=organization,
            actor=actor,
            application=self.application,
            reason=self.cleaned_data["reason"],
            note=self.cleaned_data["note"],
        )
        return gettext("Withdrawn. The candidate gets a confirmation.")


@dataclass(frozen=True)
class PastedEmail:
    sender: str
    subject: str
    text: str
    sent_at: datetime | None


# Header lines as mail clients show them when an email is copied, in English and Indonesian.
_SENDER_HEADERS = {"from", "dari"}
_SUBJECT_HEADERS = {"subject", "subjek", "perihal"}
_OTHER_HEADERS = {"to", "cc", "bcc", "reply-to", "date", "sent", "kepada", "tembusan", "tanggal", "dikirim"}


def read_pasted_email(pasted: str) -> PastedEmail:
    """The sender, subject, text and date of an email pasted with or without its header lines.

    Leading `Name: value` lines count as headers only when every one is a header a mail client shows,
    so a text that opens with "Dear Sir: ..." stays the candidate's text.
    """
    pasted = pasted.replace("\r\n", "\n").strip()
    message = message_from_string(pasted, policy=email_policy.default)
    headers = [(name.lower(), " ".join(str(value).split())) for name, value in message.items()]
    names = {name for name, _value in headers}
    if not names or names - _SENDER_HEADERS - _SUBJECT_HEADERS - _OTHER_HEADERS:
        return PastedEmail(sender="", subject="", text=pasted, sent_at=None)
    sender = next((parseaddr(value)[1] for name, value in headers if name in _SENDER_HEADERS), "")
    subject = next((value for name, value in headers if name in _SUBJECT_HEADERS), "")
    try:
        sent_at = parsedate_to_datetime(str(message["Date"])) if message["Date"] else None
    except (TypeError, ValueError):
        sent_at = None
    if sent_at is not None and sent_at.tzinfo is None:
        sent_at = None
    return PastedEmail(
        sender=sender.lower(), subject=subject, text=message.get_content().strip(), sent_at=sent_at
    )


class LogFollowUpForm(ApplicationActionForm):
    title = _("Log a follow-up")
    submit = _("Log it")
    email = forms.CharField(
        label=_("The candidate's message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Paste the email, with its From, Date and Subject lines if you have them."),
    )
    received_at = forms.DateTimeField(
        label=_("Received"),
        required=False,
        widget=LocalDateTimeInput(),
        help_text=_("Empty: the email's Date line, else now."),
    )
    channel = forms.ChoiceField(
        label=_("Channel"),
        choices=[c for c in FollowUpChannel.choices if c[0] != FollowUpChannel.API],
        initial=FollowUpChannel.EMAIL,
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("Let Kabar recognize it")), *FollowUpKind.choices],
        required=False,
    )

    def perform(self, *, organization: Organization, actor: Actor) -> str:
        pasted = read_pasted_email(self.cleaned_data["email"])
        followup = followup_log(
            organization=organization,
            actor=actor,
            application=self.application,
            received_at=self.cleaned_data["received_at"] or pasted.sent_at or timezone.now(),
            channel=self.cleaned_data["channel"],
            subject=pasted.subject,
            text=pasted.text,
            sender=pasted.sender,
            kind=self.cleaned_data["kind"] or None,
        )
        return gettext("Logged as %(kind)s.") % {"kind": followup.get_kind_display().lower()}


def followups_owing_feedback(application: Application) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(
        application=application, response_owed=ResponseOwed.FEEDBACK, answered_at__isnull=True
    ).order_by("received_at")


class FeedbackForm(ApplicationActionForm):
    title = _("Send the feedback the candidate asked for")
    submit = _("Send the feedback")
    followup = forms.ModelChoiceField(
        queryset=FollowUp.unscoped.none(), label=_("Answering"), empty_label=None
    )
    text = forms.CharField(
        label=_("Feedback to the candidate"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Starts from the interviewers' notes: rewrite them for the candidate before sending."),
    )

    def __init__(self, *args: object, application: Application, **kwargs: object) -> None:
        super().__init__(*args, application=application, **kwargs)
        self.fields["followup"].queryset = followups_owing_feedback(application)
        self.fields["text"].initial = feedback_draft(application)

    def perform(self, *, organization: Organization, actor: Actor) -> str:
        followup_send_feedback(
            organization=organization,
            actor=actor,
            followup=self.cleaned_data["followup"],
            text=self.cleaned_data["text"],
        )
        return gettext("The feedback is on its way to the candidate.")


class FollowUpChoiceForm(ApplicationActionForm):
    followup = forms.ModelChoiceField(queryset=FollowUp.unscoped.none(), widget=forms.HiddenInput)

    def __init__(self, *args: object, application: Application, **kwargs: object) -> None:
        super().__init__(*args, application=application, **kwargs)
        self.fields["followup"].queryset = FollowUp.objects.filter(application=application)


class CorrectKindForm(FollowUpChoiceForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=FollowUpKind.choices)

    def perform(self, *, organization: Organization, actor: Actor) -> str:
        followup = followup_correct_kind(
            organization=organization,
            actor=actor,
            followup=self.cleaned_data["followup"],
            kind=self.cleaned_data["kind"],
        )
        return gettext("Now a %(kind)s; the policy judged it again.") % {
            "kind": followup.get_kind_display().lower()
        }


class MarkAnsweredForm(FollowUpChoiceForm):
    def perform(self, *, organization: Organization, actor: Actor) -> str:
        followup_mark_answered(organization=organization, actor=actor, followup=self.cleaned_data["followup"])
        return gettext("Marked as answered.")


class ScheduleInterviewForm(ApplicationActionForm):
    title = _("Schedule an interview")
    submit = _("Schedule")
    starts_at = forms.DateTimeField(label=_("Starts"), widget=LocalDateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends"), widget=LocalDateTimeInput())
    kind = forms.ChoiceField(label=_("Kind"), choices=InterviewKind.choices, initial=InterviewKind.ONSITE)
    interviewers = forms.CharField(
        label=_("Interviewers"), required=False, help_text=_("Separated by commas.")
    )
    results_promised_by = forms.DateField(
        label=_("Results promised by"),
        required=False,
        widget=DateInput(),
        help_text=_("The date the candidate was told to expect an answer, if any."),
    )

    def perform(self, *, organization: Organization, actor: Actor) -> str:
        interview_schedule(
            organization=organization,
            actor=actor,
            application=self.application,
            starts_at=self.cleaned_data["starts_at"],
            ends_at=self.cleaned_data["ends_at"],
            kind=self.cleaned_data["kind"],
            interviewers=[
                name.strip() for name in self.cleaned_data["interviewers"].split(",") if name.strip()
            ],
            results_promised_by=self.cleaned_data["results_promised_by"],
        )
        return gettext("Interview scheduled.")


class InterviewChoiceForm(ApplicationActionForm):
    interview = forms.ModelChoiceField(queryset=Interview.unscoped.none(), widget=forms.HiddenInput)

    def __init__(self, *args: object, application: Application, **kwargs: object) -> None:
        super().__init__(*args, application=application, **kwargs)
        self.fields["interview"].queryset = Interview.objects.filter(application=application)


class InterviewFeedbackForm(InterviewChoiceForm):
    feedback_notes = forms.CharField(
        label=_("Interview feedback"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def perform(self, *, organization: Organization, actor: Actor) -> str:
        interview_update(
            organization=organization,
            actor=actor,
            interview=self.cleaned_data["interview"],
            feedback_notes=self.cleaned_data["feedback_notes"],
        )
        return gettext("Interview feedback saved.")


class CompleteInterviewForm(InterviewChoiceForm):
    def perform(self, *, organization: Organization, actor: Actor) -> str:
        interview_complete(organization=organization, actor=actor, interview=self.cleaned_data["interview"])
        return gettext("Interview marked as held; the decision deadline counts from it.")


class CancelInterviewForm(InterviewChoiceForm):
    def perform(self, *, organization: Organization, actor: Actor) -> str:
        interview_cancel(organization=organization, actor=actor, interview=self.cleaned_data["interview"])
        return gettext("Interview cancelled.")


class ApplicationAddForm(forms.Form):
    candidate = forms.ModelChoiceField(
        queryset=Candidate.unscoped.none(),
        label=_("Candidate"),
        widget=AutocompleteSelect(Application._meta.get_field("candidate"), admin_site),
    )
    job = forms.ModelChoiceField(
        queryset=Job.unscoped.none(),
        label=_("Job"),
        widget=AutocompleteSelect(Application._meta.get_field("job"), admin_site),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["candidate"].queryset = Candidate.objects.all()
        self.fields["job"].queryset = Job.objects.all()

    def perform(self, *, organization: Organization, actor: Actor) -> Application:
        return application_create(
            organization=organization,
            actor=actor,
            candidate=self.cleaned_data["candidate"],
            job=self.cleaned_data["job"],
        )


class InboundAttachForm(forms.Form):
    application = forms.ModelChoiceField(
        queryset=Application.unscoped.none(),
        label=_("Application"),
        widget=AutocompleteSelect(FollowUp._meta.get_field("application"), admin_site),
        help_text=_("Search by the candidate's name or email address."),
    )

    def __init__(self, *args: object, inbound: InboundEmail, **kwargs: object) -> None:
        self.inbound = inbound
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = Application.objects.all()

    def perform(self, *, organization: Organization, actor: Actor) -> str:
        inbound_email_attach(
            organization=organization,
            actor=actor,
            inbound=self.inbound,
            application=self.cleaned_data["application"],
        )
        return gettext("Logged as a follow-up of %(application)s.") % {
            "application": self.cleaned_data["application"]
        }


class InboundDismissForm(forms.Form):
    def __init__(self, *args: object, inbound: InboundEmail, **kwargs: object) -> None:
        self.inbound = inbound
        super().__init__(*args, **kwargs)

    def perform(self, *, organization: Organization, actor: Actor) -> str:
        inbound_email_dismiss(organization=organization, actor=actor, inbound=self.inbound)
        return gettext("Dismissed.")
