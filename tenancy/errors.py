class DomainError(Exception):
    """A request that breaks a business rule. The API answers 409 with `code`; the admin shows `message`."""

    code = "domain_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class CrossOrganizationReference(DomainError):
    code = "cross_organization_reference"


class OrganizationScopeMissing(RuntimeError):
    """A tenant-owned table was queried with no organization scope active: a bug, never a user error."""
