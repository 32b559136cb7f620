"""Decision sweep: 1,000,000 applications of which 100,000 are overdue, against one SQL statement.

Floor: one statement (a CTE: UPDATE ... RETURNING, INSERT INTO recruitment_stagechange, INSERT INTO
notifications_notification) that writes the same rejections, history rows and rendered notices, timed with
its commit (where the deferred foreign keys are checked), then undone untimed. Kabar: `decision_sweep()` in a separate process whose peak RSS is
measured, then again with ten times fewer applications due. Targets: at most 3x the floor's time; peak
memory under 300 MB and flat when the due count grows tenfold.

    .venv/bin/python bench/decision_sweep.py
"""

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402

APPLICATIONS = int(os.environ.get("BENCH_APPLICATIONS", "1000000"))
DUE_EVERY = 10  # one application in ten is overdue: 100,000 of 1,000,000
SMALL_DUE = APPLICATIONS // DUE_EVERY // 10
APP_ROLE = os.environ.get("BENCH_DATABASE_APP_ROLE", "kabar_app")

SET_DEADLINES = """
WITH numbered AS (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM recruitment_application)
UPDATE recruitment_application a
SET decision_due_at = CASE WHEN numbered.n %% %(every)s = 0 THEN now() - interval '1 day'
                           ELSE now() + (1 + numbered.n %% 28) * interval '1 day' END
FROM numbered WHERE numbered.id = a.id
"""

# Overdue applications had their last interview 15 days ago (the decision window is 14 days).
INTERVIEW_THE_OVERDUE = """
INSERT INTO recruitment_interview (id, organization_id, application_id, starts_at, ends_at, kind,
    interviewers, feedback_notes, completed_at, created_at)
SELECT gen_random_uuid(), a.organization_id, a.id, now() - interval '15 days 1 hour',
    now() - interval '15 days', 'onsite', ARRAY['Rina Wulandari'], '', now() - interval '15 days', now()
FROM recruitment_application a
WHERE a.status = 'active' AND a.decision_due_at <= now()
    AND NOT EXISTS (SELECT 1 FROM recruitment_interview i WHERE i.application_id = a.id)
"""

UNDO_FLOOR = """
UPDATE recruitment_application
SET status = 'active', rejection_reason_id = NULL, rejection_note = '', decided_at = NULL,
    decision_due_at = now() - interval '1 day'
WHERE status = 'rejected'
"""

MAKE_MORE_OVERDUE = """
UPDATE recruitment_application SET decision_due_at = now() - interval '1 day'
WHERE id IN (
    SELECT id FROM recruitment_application WHERE status = 'active' AND decision_due_at > now()
    ORDER BY id LIMIT %(count)s
)
"""

FLOOR = """
WITH rule (organization_id, reason_id, note, organization_name, hr_contact, send_after, domain,
           reply_to) AS (
    SELECT * FROM unnest(%(organizations)s::uuid[], %(reasons)s::uuid[], %(notes)s::text[],
        %(names)s::text[], %(contacts)s::text[], %(send_after)s::timestamptz[], %(domains)s::text[],
        %(reply_to)s::text[])
), rejected AS (
    UPDATE recruitment_application a
    SET status = 'rejected', rejection_reason_id = rule.reason_id, rejection_note = rule.note,
        decided_at = now(), decision_due_at = NULL, updated_at = now()
    FROM rule
    WHERE a.organization_id = rule.organization_id AND a.status = 'active' AND a.decision_due_at <= now()
    RETURNING a.id, a.organization_id, a.candidate_id, a.job_id, a.stage_id, gen_random_uuid() AS notice_id
), history AS (
    INSERT INTO recruitment_stagechange (organization_id, application_id, event, from_stage_id,
        to_stage_id, from_status, to_status, rejection_reason_id, note, created_at)
    SELECT rejected.organization_id, rejected.id, 'rejected', NULL, rejected.stage_id, 'active',
        'rejected', rule.reason_id, rule.note, now()
    FROM rejected JOIN rule USING (organization_id)
    RETURNING id, application_id
)
INSERT INTO notifications_notification (id, organization_id, kind, recipient, recipient_name, language,
    subject, body_text, body_html, dedupe_key, caused_by, status, send_after, attempts, last_error,
    message_id, reply_to, created_at)
SELECT notice.id, rejected.organization_id, 'auto_rejection', c.email, c.full_name, notice.language,
    CASE notice.language WHEN 'id' THEN format(%(subject_id)s, {name}, {title}, rule.organization_name)
                         ELSE format(%(subject_en)s, {name}, {title}, rule.organization_name) END,
    CASE notice.language
        WHEN 'id' THEN format(%(body_id)s, {name}, {title}, rule.organization_name, rule.hr_contact,
            CASE WHEN cardinality(last.interviewers) > 0 THEN %(if_id)s || {interviewers} ELSE '' END)
        ELSE format(%(body_en)s, {name}, {title}, rule.organization_name, rule.hr_contact,
            CASE WHEN cardinality(last.interviewers) > 0 THEN %(if_en)s || {interviewers} ELSE '' END) END,
    '', 'application:' || rejected.id || ':auto_rejection:' || history.id, 'application:' || rejected.id,
    'pending', rule.send_after, 0, '', '<' || notice.id || '@' || rule.domain || '>', rule.reply_to, now()
FROM rejected
JOIN history ON history.application_id = rejected.id
JOIN rule ON rule.organization_id = rejected.organization_id
JOIN candidates_candidate c ON c.id = rejected.candidate_id
JOIN recruitment_job j ON j.id = rejected.job_id
JOIN tenancy_organization o ON o.id = rejected.organization_id
LEFT JOIN LATERAL (
    SELECT i.interviewers FROM recruitment_interview i
    WHERE i.application_id = rejected.id AND i.cancelled_at IS NULL ORDER BY i.ends_at DESC LIMIT 1
) last ON true
CROSS JOIN LATERAL (
    SELECT rejected.notice_id AS id, COALESCE(NULLIF(c.language, ''), o.language) AS language
) notice
"""


def html_escaped(expression: str) -> str:
    """django.utils.html.escape in SQL: Kabar's template rendering escapes values in text bodies too."""
    for character, entity in (
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ('"', "&quot;"),
        ("''", "&#x27;"),
    ):
        expression = f"replace({expression}, '{character}', '{entity}')"
    return expression


FLOOR = FLOOR.format(
    name=html_escaped("c.full_name"),
    title=html_escaped("j.title"),
    interviewers=html_escaped("array_to_string(last.interviewers, ', ')"),
)

KABAR_SWEEP = """
import json, resource, time
import django
django.setup()
from recruitment.sweep import decision_sweep
started = time.monotonic()
report = decision_sweep()
seconds = time.monotonic() - started
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "rejected": report.rejected, "peak_mb": peak_mb}))
"""


def sql_format(template: str) -> tuple[str, str]:
    """A default template as a format() string: positional arguments, the interviewer clause as %5$s.

    Returns the format string and the text that precedes the interviewer names in the clause.
    """
    clause = re.search(r"{% if interviewer %}(.*?){% endif %}", template, re.S)
    prefix = clause.group(1).split("{{ interviewer }}")[0] if clause else ""
    body = template.replace(clause.group(0), "\0") if clause else template
    body = body.replace("%", "%%").replace("\0", "%5$s")
    for position, name in enumerate(("candidate_name", "position", "organization", "hr_contact"), start=1):
        body = body.replace("{{ " + name + " }}", f"%{position}$s")
    assert "{" not in body, body
    return body, prefix


def floor_parameters(organizations: list) -> dict:
    from email.utils import formataddr

    from django.conf import settings
    from django.utils import timezone
    from django.utils.html import escape

    from notifications.default_templates import DEFAULT_TEMPLATES
    from notifications.sending_hours import next_sending_time
    from recruitment.services import no_decision_reason
    from tenancy.scope import org_scope

    now = timezone.now()
    reasons = []
    for org in organizations:
        with org_scope(org):
            reasons.append(no_decision_reason(org, 14))
    parameters = {
        "organizations": [org.pk for org in organizations],
        "reasons": [reason.pk for reason in reasons],
        "notes": [reason.name for reason in reasons],
        "names": [escape(org.name) for org in organizations],
        "contacts": [
            escape(formataddr((org.sender_name or f"HR {org.name}", org.reply_to_email or org.sender_email)))
            for org in organizations
        ],
        "send_after": [next_sending_time(org, now) for org in organizations],
        "domains": [
            (org.sender_email or settings.DEFAULT_FROM_EMAIL).rpartition("@")[2].rstrip(">")
            for org in organizations
        ],
        "reply_to": [org.reply_to_email for org in organizations],
    }
    for language in ("en", "id"):
        template = DEFAULT_TEMPLATES[("auto_rejection", language)]
        parameters[f"subject_{language}"] = sql_format(template.subject)[0]
        parameters[f"body_{language}"], parameters[f"if_{language}"] = sql_format(template.body)
    return parameters


def run_floor(organizations: list) -> tuple[float, int, dict[str, tuple[str, str]]]:
    """The floor's time (statement and commit) and row count, and a few of its notices by application.

    What it wrote is then undone (not timed), so that Kabar starts from the same rows.
    """
    from django.db import connection, transaction

    parameters = floor_parameters(organizations)
    started = time.monotonic()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(FLOOR, parameters)
        written = cursor.rowcount
    seconds = time.monotonic() - started
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT caused_by, subject, body_text FROM notifications_notification ORDER BY caused_by LIMIT 20"
        )
        samples = {caused_by: (subject, body) for caused_by, subject, body in cursor.fetchall()}
    with transaction.atomic():
        execute(UNDO_FLOOR)
        execute("DELETE FROM recruitment_stagechange WHERE event = 'rejected'")
        execute("DELETE FROM notifications_notification")
    return seconds, written, samples


def run_kabar() -> dict:
    env = common.bench_env(DATABASE_APP_ROLE=APP_ROLE)
    result = subprocess.run(
        [common.PYTHON, "-c", KABAR_SWEEP],
        cwd=common.ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(result.stderr[-4000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def execute(sql: str, parameters: dict | None = None) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, parameters or {})
        return cursor.rowcount


def count(sql: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


def main() -> None:
    common.setup(DATABASE_APP_ROLE=APP_ROLE)
    common.heading(f"Decision sweep: {APPLICATIONS:,} applications, {APPLICATIONS // DUE_EVERY:,} overdue")
    print(common.machine())
    common.reset()
    first, _key = common.organization("bench-sweep-a", "en")
    second, _key = common.organization("bench-sweep-b", "id")
    started = time.monotonic()
    common.seed(first, APPLICATIONS // 2)
    common.seed(second, APPLICATIONS - APPLICATIONS // 2)
    execute(SET_DEADLINES, {"every": DUE_EVERY})
    interviews = execute(INTERVIEW_THE_OVERDUE)
    tables = (
        "recruitment_application",
        "recruitment_stagechange",
        "notifications_notification",
        "recruitment_interview",
        "candidates_candidate",
    )
    common.vacuum(*tables)
    due = count(
        "SELECT count(*) FROM recruitment_application WHERE status = 'active' AND decision_due_at <= now()"
    )
    print(
        f"loaded {APPLICATIONS:,} applications ({due:,} overdue, {interviews:,} interviews) in {time.monotonic() - started:.0f} s"
    )

    floor_seconds, floor_rows, floor_samples = run_floor([first, second])
    print(
        f"floor: {floor_seconds:.2f} s for {floor_rows:,} rejections with history and notices (committed, then undone)"
    )
    common.vacuum(*tables)

    kabar = run_kabar()
    print(
        f"Kabar: {kabar['seconds']:.2f} s for {kabar['rejected']:,} rejections, peak RSS {kabar['peak_mb']:.0f} MB"
    )
    history = count("SELECT count(*) FROM recruitment_stagechange WHERE event = 'rejected'")
    notices = count("SELECT count(*) FROM notifications_notification WHERE kind = 'auto_rejection'")
    assert kabar["rejected"] == due == history == notices, (kabar, due, history, notices)
    from notifications.models import Notification

    kabar_samples = {
        notice.caused_by: (notice.subject, notice.body_text)
        for notice in Notification.unscoped.filter(caused_by__in=list(floor_samples))
    }
    print(f"Kabar's notices identical to the floor's: {'yes' if kabar_samples == floor_samples else 'NO'}")
    for caused_by, notice in floor_samples.items():
        if kabar_samples.get(caused_by) != notice:
            print(
                f"  first difference, {caused_by}:\n  floor {notice!r}\n  Kabar {kabar_samples.get(caused_by)!r}"
            )
            break

    execute(MAKE_MORE_OVERDUE, {"count": SMALL_DUE})
    execute(INTERVIEW_THE_OVERDUE)
    common.vacuum(*tables)
    small = run_kabar()
    print(
        f"Kabar with {SMALL_DUE:,} overdue: {small['seconds']:.2f} s for {small['rejected']:,} rejections, "
        f"peak RSS {small['peak_mb']:.0f} MB"
    )
    flat = kabar["peak_mb"] < 300 and kabar["peak_mb"] <= small["peak_mb"] * 1.25
    print(
        f"peak memory: {kabar['peak_mb']:.0f} MB with {due:,} due, {small['peak_mb']:.0f} MB with "
        f"{SMALL_DUE:,} due (target under 300 MB and flat: {'met' if flat else 'NOT met'})"
    )
    ratio = kabar["seconds"] / floor_seconds
    print(f"ratio {ratio:.2f} (Kabar / floor time; target <= 3.00: {'met' if ratio <= 3 else 'NOT met'})")


if __name__ == "__main__":
    main()
