from django.db.models import Max, Q, QuerySet

from recruitment.classification import FollowUpKind
from recruitment.models import Application, FollowUp, FollowUpPolicy, Interview, Job, RejectionReason
from recruitment.policy import ApplicationFacts, EarlierFollowUp, InterviewFacts, Rules


def policy_for_job(job: Job) -> FollowUpPolicy:
    """The job's own policy, else its organization's, else the defaults (unsaved)."""
    policies = {
        policy.job_id: policy for policy in FollowUpPolicy.objects.filter(Q(job=job) | Q(job__isnull=True))
    }
    return policies.get(job.pk) or policies.get(None) or FollowUpPolicy(organization_id=job.organization_id)


def last_interview_end(application: Application) -> object:
    return active_interviews(application).aggregate(last=Max("ends_at"))["last"]


def active_interviews(application: Application) -> QuerySet[Interview]:
    return Interview.objects.filter(application=application, cancelled_at__isnull=True)


def rejection_reasons() -> QuerySet[RejectionReason]:
    return RejectionReason.objects.filter(is_active=True)


def policy_rules(policy: FollowUpPolicy) -> Rules:
    return Rules(
        thank_you_window_days=policy.thank_you_window_days,
        status_inquiry_wait_days=policy.status_inquiry_wait_days,
        decision_window_days=policy.decision_window_days,
        followup_limit=policy.followup_limit,
        feedback_limit=policy.feedback_limit,
        feedback_reply_days=policy.feedback_reply_days,
    )


def application_facts(application: Application, *, excluding: FollowUp | None = None) -> ApplicationFacts:
    """What the pure policy needs to know of an application (all of its follow-ups but `excluding`)."""
    followups = FollowUp.objects.filter(application=application).order_by("received_at")
    if excluding is not None:
        followups = followups.exclude(pk=excluding.pk)
    return ApplicationFacts(
        status=application.status,
        decided_at=application.decided_at,
        interviews=tuple(
            InterviewFacts(
                ends_at=interview.ends_at,
                results_promised_by=interview.results_promised_by,
                cancelled=interview.cancelled_at is not None,
            )
            for interview in Interview.objects.filter(application=application)
        ),
        earlier_followups=tuple(
            EarlierFollowUp(
                kind=FollowUpKind(kind), received_at=received_at, answered=answered_at is not None
            )
            for kind, received_at, answered_at in followups.values_list("kind", "received_at", "answered_at")
        ),
        position=application.job.title,
        timezone=application.organization.timezone,
    )


def feedback_draft(application: Application) -> str:
    """HR's starting point for a feedback reply: the interviewers' notes, oldest first."""
    notes = Interview.objects.filter(application=application, cancelled_at__isnull=True).exclude(
        feedback_notes=""
    )
    return "\n\n".join(notes.order_by("starts_at").values_list("feedback_notes", flat=True))


def followups_awaiting_reply() -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(reply_due_at__isnull=False, answered_at__isnull=True).select_related(
        "application__candidate", "application__job"
    )
