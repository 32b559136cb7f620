from tenancy.errors import DomainError


class CandidateAlreadyExists(DomainError):
    code = "candidate_exists"

    def __init__(self, existing_id: object) -> None:
        super().__init__(f"A candidate with this email address already exists ({existing_id}).")
        self.existing_id = existing_id
