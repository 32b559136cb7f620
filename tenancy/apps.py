from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "tenancy"
    verbose_name = "Organizations"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from tenancy import rls
        from tenancy.api import schema  # noqa: F401 - registers the OpenAPI authentication scheme

        # Runs after every migrate, so a new tenant table is covered without a migration of its own.
        post_migrate.connect(rls.apply_after_migrate, sender=self, dispatch_uid="kabar-row-level-security")
