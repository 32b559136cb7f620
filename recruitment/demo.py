"""The demo organizations: what `manage.py seed_demo` loads and `make run` shows."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from candidates.services import candidate_find_or_create
from recruitment.models import Application, ApplicationStatus, Job, RejectionReason, StageKind
from recruitment.services import (
    application_create,
    application_hire,
    application_move,
    application_reject,
    application_withdraw,
    interview_complete,
    interview_schedule,
    job_create,
)
from tenancy.actors import Actor
from tenancy.models import Membership, Organization, Role, User
from tenancy.scope import org_scope

DEMO_PASSWORD = "kabar-demo"

ORGANIZATIONS = (
    {
        "slug": "nusantara",
        "name": "PT Nusantara Digital",
        "language": "id",
        "hr": "hr@nusantara.test",
        "hr_name": "Rina Wulandari",
        "sender_email": "rekrutmen@nusantara.test",
        "jobs": (
            ("Backend Engineer", "Teknologi"),
            ("Product Designer", "Produk"),
            ("Staf Keuangan", "Keuangan"),
        ),
        "first_names": ("Ayu", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hendra", "Indah", "Joko"),
        "last_names": ("Lestari", "Santoso", "Pratama", "Wijaya", "Saputra", "Kusuma", "Hidayat", "Nugroho"),
        "domain": "mail.co.id",
        "city": "Jakarta",
    },
    {
        "slug": "acme",
        "name": "Acme Asia Pte Ltd",
        "language": "en",
        "hr": "hr@acme.test",
        "hr_name": "Sarah Tan",
        "sender_email": "careers@acme.test",
        "jobs": (
            ("Data Analyst", "Analytics"),
            ("Account Manager", "Sales"),
            ("DevOps Engineer", "Engineering"),
        ),
        "first_names": ("Alex", "Priya", "Wei", "Daniel", "Mei", "Arjun", "Grace", "Kenji", "Nora", "Omar"),
        "last_names": ("Lim", "Tan", "Ng", "Fernandez", "Kumar", "Wong", "Chen", "Rahman"),
        "domain": "example.sg",
        "city": "Singapore",
    },
)


def seed_demo() -> list[Organization]:
    """Loads the demo organizations; an organization that already has jobs is left as it is."""
    return [_seed_organization(spec) for spec in ORGANIZATIONS]


@transaction.atomic
def _seed_organization(spec: dict) -> Organization:
    organization, _created = Organization.objects.get_or_create(
        slug=spec["slug"],
        defaults={
            "name": spec["name"],
            "language": spec["language"],
            "sender_name": f"HR {spec['name']}",
            "sender_email": spec["sender_email"],
            "reply_to_email": spec["sender_email"],
        },
    )
    user = User.objects.filter(email=spec["hr"]).first()
    if user is None:
        user = User.objects.create_user(
            email=spec["hr"], password=DEMO_PASSWORD, full_name=spec["hr_name"], is_staff=True
        )
    with org_scope(organization):
        Membership.objects.get_or_create(organization=organization, user=user, defaults={"role": Role.OWNER})
        if Job.objects.exists():
            return organization
        _seed_pipeline(organization, spec, Actor(user=user))
    return organization


def _seed_pipeline(organization: Organization, spec: dict, actor: Actor) -> None:
    rng = random.Random(spec["slug"])  # the same demo every time
    now = timezone.now()
    jobs = [
        job_create(
            organization=organization, actor=actor, title=title, department=department, location=spec["city"]
        )
        for title, department in spec["jobs"]
    ]
    reasons = list(RejectionReason.objects.filter(type="rejected_by_us"))
    names = [(first, last) for first in spec["first_names"] for last in spec["last_names"]]
    rng.shuffle(names)
    # (stage kind, days since the interview ended or None, outcome): a spread across the pipeline,
    # including decisions due soon and overdue.
    plan = [
        ("applied", None, None),
        ("applied", None, None),
        ("screening", None, None),
        ("screening", None, None),
        ("interview", -2, None),
        ("interview", 1, None),
        ("interview", 6, None),
        ("interview", 9, None),
        ("interview", 12, None),
        ("interview", 13, None),
        ("interview", 15, None),
        ("offer", 4, None),
        ("interview", 5, "rejected"),
        ("offer", 3, "hired"),
        ("screening", None, "withdrawn"),
    ]
    common = {"organization": organization, "actor": actor}
    for index, (first, last) in enumerate(names[:30]):
        kind, days_since_interview, outcome = plan[index % len(plan)]
        candidate, _created = candidate_find_or_create(
            organization=organization,
            email=f"{first}.{last}{index}@{spec['domain']}".lower(),
            full_name=f"{first} {last}",
            language=spec["language"],
            source=rng.choice(["LinkedIn", "Jobstreet", "Referral", "Website"]),
        )
        job = jobs[index % len(jobs)]
        application = application_create(**common, candidate=candidate, job=job)
        target = job.stages.get(kind=kind)
        if target != application.stage:
            application_move(**common, application=application, from_stage=application.stage, to_stage=target)
        if days_since_interview is not None:
            ends_at = now - timedelta(days=days_since_interview, hours=rng.randint(0, 6))
            interview = interview_schedule(
                **common,
                application=application,
                starts_at=ends_at - timedelta(hours=1),
                ends_at=ends_at,
                kind=rng.choice(["onsite", "video", "technical"]),
                interviewers=[actor.user.full_name],
                results_promised_by=(ends_at + timedelta(days=10)).date(),
            )
            if days_since_interview > 0:
                interview_complete(
                    **common,
                    interview=interview,
                    feedback_notes="Komunikasi baik, teknis cukup kuat."
                    if spec["language"] == "id"
                    else "Communicates clearly; solid technical basics.",
                )
        if outcome == "rejected":
            application_reject(**common, application=application, reason=rng.choice(reasons))
        elif outcome == "hired":
            application_hire(**common, application=application)
        elif outcome == "withdrawn":
            application_withdraw(**common, application=application)


def seed_bulk(organization: Organization, size: int, progress: callable) -> None:
    """Adds `size` applications to an organization with bulk inserts, for benchmarks."""
    from candidates.models import Candidate
    from recruitment.models import Stage, StageChange

    with org_scope(organization):
        job = Job.objects.filter(title="Bulk pipeline").first() or job_create(
            organization=organization, actor=Actor.system(), title="Bulk pipeline"
        )
        stages = list(Stage.objects.filter(job=job).exclude(kind=StageKind.HIRED))
        start = Candidate.objects.count()
        batch = 5000
        now = timezone.now()
        for offset in range(0, size, batch):
            count = min(batch, size - offset)
            candidates = Candidate.objects.bulk_create(
                Candidate(
                    organization=organization,
                    email=f"bulk{start + offset + i}@bulk.test",
                    full_name=f"Bulk Candidate {start + offset + i}",
                )
                for i in range(count)
            )
            applications = Application.objects.bulk_create(
                Application(
                    organization=organization,
                    candidate=candidate,
                    job=job,
                    stage=stages[i % len(stages)],
                    status=ApplicationStatus.ACTIVE,
                    decision_due_at=now + timedelta(days=(i % 28) - 7),
                )
                for i, candidate in enumerate(candidates)
            )
            StageChange.objects.bulk_create(
                StageChange(
                    organization=organization,
                    application=application,
                    event="created",
                    to_stage=application.stage,
                    to_status=ApplicationStatus.ACTIVE,
                )
                for application in applications
            )
            progress(offset + count, size)
