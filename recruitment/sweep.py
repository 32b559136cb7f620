"""The decision sweep: applications with no decision within the window are rejected automatically."""

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from recruitment.models import Application, ApplicationStatus, FollowUpPolicy, Job
from recruitment.selectors import policy_for_job
from recruitment.services import application_auto_reject
from tenancy.models import Organization
from tenancy.scope import org_scope, platform_scope

logger = logging.getLogger(__name__)

BATCH_SIZE = 200


@dataclass
class SweepReport:
    rejected: int = 0
    due_soon: int = 0


def decision_sweep(
    *, now: datetime | None = None, dry_run: bool = False, batch_size: int = BATCH_SIZE
) -> SweepReport:
    """Rejects every active application whose decision deadline has passed, across organizations.

    A named platform-scope job. Rows are taken in batches with SKIP LOCKED and each batch is one
    transaction, so a human decision that holds the row first wins (the row is no longer active when the
    sweep sees it again), and two sweeps at once never reject one application twice.
    """
    now = now or timezone.now()
    with platform_scope():
        report = SweepReport(due_soon=_count_due_soon(now))
        if dry_run:
            report.rejected = Application.objects.filter(
                status=ApplicationStatus.ACTIVE, decision_due_at__lte=now
            ).count()
            return report
        kept: set[object] = set()  # jobs whose policy does not reject automatically
        while True:
            with transaction.atomic():
                batch = list(
                    Application.objects.select_for_update(skip_locked=True, of=("self",))
                    .filter(status=ApplicationStatus.ACTIVE, decision_due_at__lte=now)
                    .exclude(pk__in=kept)
                    .select_related("organization", "job", "candidate")[:batch_size]
                )
                if not batch:
                    break
                by_organization: dict[Organization, list[Application]] = defaultdict(list)
                for application in batch:
                    by_organization[application.organization].append(application)
                for organization, applications in by_organization.items():
                    with org_scope(organization):
                        rejected, skipped = _reject_overdue(organization, applications, now)
                    report.rejected += rejected
                    kept.update(skipped)
    logger.info("Decision sweep: %d rejected, %d due soon.", report.rejected, report.due_soon)
    return report


def _reject_overdue(
    organization: Organization, applications: list[Application], now: datetime
) -> tuple[int, list]:
    policies: dict[object, FollowUpPolicy] = {}
    rejected, skipped = 0, []
    for application in applications:
        if application.job_id not in policies:
            policies[application.job_id] = policy_for_job(application.job)
        if not policies[application.job_id].auto_reject:
            skipped.append(application.pk)
            continue
        if application_auto_reject(organization=organization, application=application, now=now) is not None:
            rejected += 1
    return rejected, skipped


def _count_due_soon(now: datetime) -> int:
    """Active applications whose deadline falls within their policy's warning days (reported to HR)."""
    due_soon = 0
    upcoming = Application.objects.filter(
        status=ApplicationStatus.ACTIVE,
        decision_due_at__gt=now,
        decision_due_at__lte=now + timedelta(days=30),
    ).values_list("job_id", "decision_due_at")
    warning_days: dict[object, int] = {}
    for job_id, due in upcoming:
        if job_id not in warning_days:
            warning_days[job_id] = policy_for_job(Job.objects.get(pk=job_id)).decision_warning_days
        if due <= now + timedelta(days=warning_days[job_id]):
            due_soon += 1
    return due_soon
