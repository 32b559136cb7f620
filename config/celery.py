import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("kabar")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Every job is safe to run twice and on several workers at once; none schedules work days ahead.
app.conf.beat_schedule = {
    "outbox-relay": {"task": "notifications.relay", "schedule": 60.0},
    "decision-sweep": {"task": "recruitment.decision_sweep", "schedule": 300.0},
    "hr-digest": {"task": "recruitment.hr_digest", "schedule": 900.0},
}
