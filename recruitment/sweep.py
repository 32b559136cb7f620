"""The decision sweep: applications with no decision within the window are rejected automatically."""

import logging
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from candidates.models import Candidate
from notifications.models import NotificationKind
from recruitment.emails import queue_candidate_emails
from recruitment.events import publish_application_events
from recruitment.models import (
    Application,
    ApplicationStatus,
    FollowUpPolicy,
    Job,
    RejectionReason,
    Stage,
    StageChange,
)
from recruitment.selectors import policy_for_job
from recruitment.services import auto_rejection_entry, no_decision_reason
from tenancy.models import Organization
from tenancy.scope import org_scope, platform_scope

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
LANES = 2
DUE_SOON_HORIZON = timedelta(days=30)


@dataclass
class SweepReport:
    rejected: int = 0
    due_soon: int = 0


# The application as updated, and the candidate fields the notice needs, read back by the update itself.
_APPLICATION_FIELDS = [field.attname for field in Application._meta.concrete_fields]
_CANDIDATE_FIELDS = ["id", "organization_id", "email", "full_name", "language"]
_ORGANIZATION, _JOB = _APPLICATION_FIELDS.index("organization_id"), _APPLICATION_FIELDS.index("job_id")

# The conditional update, one batch at a time: rows a human decision holds are skipped (SKIP LOCKED), rows
# a human decision changed first are no longer active, so a decision that commits first always wins.
_REJECT_OVERDUE_BATCH = """
WITH rejection (job_id, reason_id, note) AS (
    SELECT * FROM unnest(%(jobs)s::uuid[], %(reasons)s::uuid[], %(notes)s::text[])
), overdue AS (
    SELECT application.id, rejection.reason_id, rejection.note
    FROM {application} application JOIN rejection ON rejection.job_id = application.job_id
    WHERE application.status = %(active)s AND application.decision_due_at <= %(now)s
    LIMIT %(limit)s
    FOR UPDATE OF application SKIP LOCKED
)
UPDATE {application} application
SET status = %(rejected)s, rejection_reason_id = overdue.reason_id, rejection_note = overdue.note,
    decided_at = %(decided_at)s, decision_due_at = NULL, updated_at = %(decided_at)s
FROM overdue, {candidate} candidate
WHERE application.id = overdue.id AND candidate.id = application.candidate_id
    AND application.status = %(active)s AND application.decision_due_at <= %(now)s
RETURNING {returning}
"""

# Each application's warning days are its job's policy's, else its organization's, else the default:
# policy_for_job's rule, as joins, so that counting a million applications is one query.
_COUNT_DUE_SOON = """
SELECT count(*)
FROM {application} application
LEFT JOIN {policy} job_policy ON job_policy.job_id = application.job_id
LEFT JOIN {policy} organization_policy
    ON organization_policy.organization_id = application.organization_id AND organization_policy.job_id IS NULL
WHERE application.status = %(active)s
    AND application.decision_due_at > %(now)s AND application.decision_due_at <= %(horizon)s
    AND application.decision_due_at <= %(now)s + make_interval(days => COALESCE(
        job_policy.decision_warning_days, organization_policy.decision_warning_days, %(default_days)s
    ))
"""


def decision_sweep(
    *, now: datetime | None = None, dry_run: bool = False, batch_size: int = BATCH_SIZE, lanes: int = LANES
) -> SweepReport:
    """Rejects every active application whose decision deadline has passed, across organizations.

    A named platform-scope job, set-based: each batch is one transaction made of one conditional UPDATE
    (`status = 'active' AND decision_due_at <= now`, rows taken with SKIP LOCKED) and one bulk insert each
    of the history entries, the notices and the webhook events. A human decision that holds the row first
    wins (the row is no longer active when the sweep sees it again), two sweeps at once never reject one
    application twice, and jobs whose policy does not reject automatically are never touched. With more
    than one batch due, up to `lanes` batches run at once on their own connections. Memory is bounded by
    the batch and the lanes, whatever the number due.
    """
    now = now or timezone.now()
    with platform_scope(reason="decision sweep"):
        report = SweepReport(due_soon=_count_due_soon(now))
        policies = _overdue_job_policies(now)
        rejecting = [job for job, policy in policies if policy.auto_reject]
        due = _overdue(now).filter(job__in=rejecting).count()
        if dry_run:
            report.rejected = due
            return report
        lane = _Lane(
            jobs={job.pk: job for job in rejecting},
            reasons=_no_decision_reasons(policies),
            stages={stage.pk: stage for stage in Stage.objects.filter(job__in=rejecting)},
            now=now,
            batch_size=batch_size,
        )
        # More lanes only when there is work for them: each is a thread with its own connection.
        extra_lanes = min(lanes, -(-due // batch_size)) - 1
        with ThreadPoolExecutor(max_workers=max(extra_lanes, 1)) as pool:
            others = [pool.submit(lane.run_in_thread) for _ in range(extra_lanes)]
            report.rejected = lane.run() + sum(other.result() for other in others)
    logger.info("Decision sweep: %d rejected, %d due soon.", report.rejected, report.due_soon)
    return report


@dataclass(frozen=True)
class _Lane:
    """Rejects batch after batch until no overdue row is left that another lane is not holding.

    Lanes are safe side by side for the reason two sweeps are: each batch takes its rows with SKIP LOCKED.
    Running two lets Python prepare one batch while PostgreSQL writes another.
    """

    jobs: dict[object, Job]
    reasons: dict[object, RejectionReason]
    stages: dict[object, Stage]
    now: datetime
    batch_size: int

    def run(self) -> int:
        rejected = 0
        while batch := _reject_batch(self.jobs, self.reasons, self.stages, self.now, self.batch_size):
            rejected += batch
        return rejected

    def run_in_thread(self) -> int:
        try:
            with platform_scope(reason="decision sweep lane"):
                return self.run()
        finally:
            connection.close()


def _overdue(now: datetime) -> QuerySet[Application]:
    return Application.objects.filter(status=ApplicationStatus.ACTIVE, decision_due_at__lte=now)


def _overdue_job_policies(now: datetime) -> list[tuple[Job, FollowUpPolicy]]:
    """Every job with an overdue application, with the policy that applies to it."""
    overdue_jobs = _overdue(now).order_by().values("job_id").distinct()
    policies = []
    for job in Job.objects.filter(pk__in=overdue_jobs).select_related("organization"):
        with org_scope(job.organization):
            policies.append((job, policy_for_job(job)))
    return policies


def _no_decision_reasons(policies: list[tuple[Job, FollowUpPolicy]]) -> dict[object, RejectionReason]:
    """The rejection reason of each automatically rejecting job, one lookup per (organization, window)."""
    by_window: dict[tuple[object, int], RejectionReason] = {}
    reasons = {}
    for job, policy in policies:
        if not policy.auto_reject:
            continue
        key = (job.organization_id, policy.decision_window_days)
        if key not in by_window:
            with org_scope(job.organization):
                by_window[key] = no_decision_reason(job.organization, policy.decision_window_days)
        reasons[job.pk] = by_window[key]
    return reasons


def _reject_batch(
    jobs: dict[object, Job],
    reasons: dict[object, RejectionReason],
    stages: dict[object, Stage],
    now: datetime,
    batch_size: int,
) -> int:
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                _REJECT_OVERDUE_BATCH.format(
                    application=Application._meta.db_table,
                    candidate=Candidate._meta.db_table,
                    returning=", ".join(
                        [f"application.{name}" for name in _APPLICATION_FIELDS]
                        + [f"candidate.{name}" for name in _CANDIDATE_FIELDS]
                    ),
                ),
                {
                    "jobs": list(reasons),
                    "reasons": [reason.pk for reason in reasons.values()],
                    "notes": [reason.name for reason in reasons.values()],
                    "active": ApplicationStatus.ACTIVE,
                    "rejected": ApplicationStatus.REJECTED,
                    "now": now,
                    "decided_at": timezone.now(),
                    "limit": batch_size,
                },
            )
            rows = cursor.fetchall()
        by_organization: dict[object, list[tuple]] = defaultdict(list)
        for row in rows:
            by_organization[row[_ORGANIZATION]].append(row)
        for organization_rows in by_organization.values():
            organization = jobs[organization_rows[0][_JOB]].organization
            with org_scope(organization):
                _record_rejections(organization, organization_rows, jobs, reasons, stages)
    return len(rows)


def _record_rejections(
    organization: Organization,
    rows: list[tuple],
    jobs: dict[object, Job],
    reasons: dict[object, RejectionReason],
    stages: dict[object, Stage],
) -> None:
    """What application_auto_reject does after its update, for a batch: history, webhooks, notices."""
    split = len(_APPLICATION_FIELDS)
    applications = []
    for row in rows:
        application = Application.from_db(connection.alias, _APPLICATION_FIELDS, row[:split])
        candidate = Candidate.from_db(connection.alias, _CANDIDATE_FIELDS, row[split:])
        candidate.organization = application.organization = organization
        application.candidate = candidate
        application.job = jobs[application.job_id]
        application.rejection_reason = reasons[application.job_id]
        applications.append(application)
    missing = {application.stage_id for application in applications} - stages.keys()
    if missing:  # a stage added to the job since the sweep started
        stages.update(Stage.objects.in_bulk(missing))
    for application in applications:
        application.stage = stages[application.stage_id]
    entries = StageChange.objects.bulk_create(
        auto_rejection_entry(application, application.rejection_reason) for application in applications
    )
    publish_application_events(organization, zip(applications, entries, strict=True))
    queue_candidate_emails(
        organization,
        [(application, entry.pk) for application, entry in zip(applications, entries, strict=True)],
        NotificationKind.AUTO_REJECTION,
        automatic=True,
    )


def _count_due_soon(now: datetime) -> int:
    """Active applications whose deadline falls within their policy's warning days (reported to HR)."""
    with connection.cursor() as cursor:
        cursor.execute(
            _COUNT_DUE_SOON.format(
                application=Application._meta.db_table, policy=FollowUpPolicy._meta.db_table
            ),
            {
                "active": ApplicationStatus.ACTIVE,
                "now": now,
                "horizon": now + DUE_SOON_HORIZON,
                "default_days": FollowUpPolicy._meta.get_field("decision_warning_days").default,
            },
        )
        return cursor.fetchone()[0]
