from django.core.management.base import BaseCommand, CommandParser

from recruitment.sweep import decision_sweep


class Command(BaseCommand):
    help = (
        "Rejects active applications past their decision deadline and queues the notices (--dry-run counts)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="only count what would be rejected")

    def handle(self, *args: object, dry_run: bool, **options: object) -> None:
        report = decision_sweep(dry_run=dry_run)
        verb = "would be rejected" if dry_run else "rejected"
        self.stdout.write(
            f"{report.rejected} applications {verb}; {report.due_soon} due within the warning days."
        )
