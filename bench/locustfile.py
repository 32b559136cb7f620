"""Locust users for bench/load.py: HR integrations reading, moving, rejecting and logging follow-ups.

Each user is an integration of one of the two organizations (its API key), working on that organization's
applications. A 409 (someone moved or decided the application first) is the API doing its job and counts
as a success; anything else that is not 2xx is a failure. Every status code is tallied per endpoint into
LOCUST_STATUS_FILE, so bench/load.py can check that no request got a 5xx.
"""

import json
import os
import random
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

from locust import HttpUser, between, events, task

WORLD = json.loads(Path(os.environ["LOCUST_WORLD_FILE"]).read_text())
STATUS_FILE = Path(os.environ["LOCUST_STATUS_FILE"])
statuses: dict[str, Counter] = defaultdict(Counter)


@events.request.add_listener
def tally(name: str, response: object, **kwargs: object) -> None:
    status = getattr(response, "status_code", 0)
    statuses[name][str(status)] += 1


@events.quitting.add_listener
def write_tally(environment: object, **kwargs: object) -> None:
    STATUS_FILE.write_text(json.dumps(statuses, indent=2, sort_keys=True))


class Integration(HttpUser):
    wait_time = between(0.2, 1.0)

    def on_start(self) -> None:
        self.tenant = random.choice(WORLD["organizations"])
        self.client.headers["Authorization"] = f"Bearer {self.tenant['key']}"

    def application(self) -> str:
        return random.choice(self.tenant["applications"])

    def post(self, path: str, body: dict, name: str) -> None:
        with self.client.post(path, json=body, name=name, catch_response=True) as response:
            if response.status_code in (200, 201, 409):
                response.success()
            else:
                response.failure(f"{response.status_code}: {response.text[:200]}")

    @task(6)
    def list_applications(self) -> None:
        self.client.get("/api/v1/applications/?status=active&page_size=50", name="GET /applications/")

    @task(3)
    def read_application(self) -> None:
        application = self.application()
        self.client.get(f"/api/v1/applications/{application}/", name="GET /applications/{id}/")
        self.client.get(
            f"/api/v1/applications/{application}/history/", name="GET /applications/{id}/history/"
        )

    @task(3)
    def move(self) -> None:
        """Reads an application and moves it one stage on, naming the stage it was read at."""
        application = self.application()
        response = self.client.get(f"/api/v1/applications/{application}/", name="GET /applications/{id}/")
        if response.status_code != 200 or response.json()["status"] != "active":
            return
        stages = self.tenant["stages"]
        current = response.json()["stage"]["id"]
        if current not in stages[:-1]:
            return
        self.post(
            f"/api/v1/applications/{application}/move/",
            {"from_stage": current, "to_stage": stages[stages.index(current) + 1]},
            "POST /applications/{id}/move/",
        )

    @task(1)
    def reject(self) -> None:
        self.post(
            f"/api/v1/applications/{self.application()}/reject/",
            {"reason": random.choice(self.tenant["reasons"]), "note": "Load test"},
            "POST /applications/{id}/reject/",
        )

    @task(3)
    def log_followup(self) -> None:
        self.post(
            "/api/v1/follow-ups/",
            {
                "application": self.application(),
                "received_at": datetime.now(UTC).isoformat(),
                "channel": "email",
                "subject": "Backend Engineer application",
                "text": "Hello, may I ask whether there is any update on the result of my interview?",
            },
            "POST /follow-ups/",
        )
