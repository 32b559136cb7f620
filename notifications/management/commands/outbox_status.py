import json

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Count

from notifications.models import Notification, NotificationStatus
from tenancy.models import Organization
from tenancy.scope import platform_scope


class Command(BaseCommand):
    help = "Prints the number of outbox emails per status as JSON (every organization, or --org SLUG)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--org", help="organization slug")

    def handle(self, *args: object, org: str | None, **options: object) -> None:
        notifications = Notification.unscoped.all()
        if org:
            organization = Organization.objects.filter(slug=org).first()
            if organization is None:
                raise CommandError(f"No organization with slug {org!r}.")
            notifications = notifications.filter(organization=organization)
        counts = dict.fromkeys(NotificationStatus.values, 0)
        with platform_scope(reason="outbox_status command (read-only)"):
            counts |= dict(notifications.values_list("status").annotate(count=Count("pk")).order_by())
        self.stdout.write(json.dumps(counts))
