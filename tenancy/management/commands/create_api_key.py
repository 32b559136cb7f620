from django.core.management.base import BaseCommand, CommandError, CommandParser

from tenancy.models import ApiScope, Organization
from tenancy.scope import org_scope
from tenancy.services import api_key_create


class Command(BaseCommand):
    help = "Creates an API key for an organization and prints the key, alone, once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--org", required=True, help="organization slug")
        parser.add_argument("--name", required=True)
        parser.add_argument(
            "--scopes", nargs="+", default=[ApiScope.READ, ApiScope.WRITE], choices=ApiScope.values
        )

    def handle(self, *args: object, org: str, name: str, scopes: list[str], **options: object) -> None:
        organization = Organization.objects.filter(slug=org).first()
        if organization is None:
            raise CommandError(f"No organization with slug {org!r}.")
        with org_scope(organization):
            _api_key, raw_key = api_key_create(organization=organization, name=name, scopes=scopes)
        self.stdout.write(raw_key)
