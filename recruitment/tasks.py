from celery import shared_task

from recruitment.digest import hr_digest_queue_due
from recruitment.sweep import decision_sweep


@shared_task(name="recruitment.decision_sweep")
def decision_sweep_task() -> dict:
    report = decision_sweep()
    return {"rejected": report.rejected, "due_soon": report.due_soon}


@shared_task(name="recruitment.hr_digest")
def hr_digest_task() -> int:
    return hr_digest_queue_due()
