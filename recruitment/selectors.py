from django.db.models import Max, Q, QuerySet

from recruitment.models import Application, FollowUpPolicy, Interview, Job, RejectionReason


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
