import sys

from django.core.management.base import BaseCommand, CommandParser

from recruitment.demo import DEMO_PASSWORD, seed_bulk, seed_demo
from tenancy.models import Organization


class Command(BaseCommand):
    help = (
        "Loads the demo organizations (idempotent). --size N adds N applications to a benchmark organization."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--size", type=int, default=0, help="applications to add to the 'bench' organization"
        )

    def handle(self, *args: object, size: int, **options: object) -> None:
        for organization in seed_demo():
            self.stdout.write(f"Demo organization {organization.name} ({organization.slug}) is ready.")
        self.stdout.write(f"Demo logins: hr@nusantara.test, hr@acme.test (password {DEMO_PASSWORD}).")
        if size > 0:
            organization, _created = Organization.objects.get_or_create(
                slug="bench", defaults={"name": "Benchmark Org", "language": "en"}
            )
            seed_bulk(organization, size, self._progress)
            self.stdout.write("")

    def _progress(self, done: int, total: int) -> None:
        width = 40
        filled = width * done // total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        sys.stderr.flush()
