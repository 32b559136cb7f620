from django.apps import AppConfig


class RecruitmentConfig(AppConfig):
    name = "recruitment"

    def ready(self) -> None:
        # django-anymail hands inbound email over only through its signal.
        from anymail.signals import inbound

        from recruitment.inbound import anymail_inbound_received

        inbound.connect(anymail_inbound_received, dispatch_uid="kabar-inbound-email")
