from tenancy.errors import DomainError


class InvalidTransition(DomainError):
    code = "invalid_transition"


class StaleStage(DomainError):
    code = "stale_from_stage"


class ApplicationAlreadyOpen(DomainError):
    code = "application_exists"

    def __init__(self, existing_id: object) -> None:
        super().__init__(f"The candidate already has an open application for this job ({existing_id}).")
        self.existing_id = existing_id
