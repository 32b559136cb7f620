from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from recruitment.inbound import inbound_email_receive


class Command(BaseCommand):
    help = (
        "Stores an .eml file as an inbound email and logs it as a follow-up when it matches an application."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: object, file: Path, **options: object) -> None:
        try:
            raw = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        inbound = inbound_email_receive(raw=raw, source="file")
        followup = getattr(inbound, "followup", None) if inbound.status == "matched" else None
        self.stdout.write(
            f"{inbound.pk} {inbound.status}"
            + (f" follow-up {followup.pk}" if followup else "")
            + (f": {inbound.error}" if inbound.error else "")
        )
