from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "tenancy"
    verbose_name = "Organizations"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_migrate, post_save

        from tenancy import rls
        from tenancy.api import schema  # noqa: F401 - registers the OpenAPI authentication scheme
        from tenancy.models import ApiKey, Organization
        from tenancy.services import recent_api_keys

        # Runs after every migrate, so a new tenant table is covered without a migration of its own.
        post_migrate.connect(rls.apply_after_migrate, sender=self, dispatch_uid="kabar-row-level-security")
        for signal in (post_save, post_delete):
            for model in (ApiKey, Organization):
                signal.connect(recent_api_keys.forget_all, sender=model, weak=False)
