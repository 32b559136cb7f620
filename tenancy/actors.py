from dataclasses import dataclass

from tenancy.models import ApiKey, User


@dataclass(frozen=True)
class Actor:
    """Who did something: an HR user, an integration's API key, or Kabar itself (the system)."""

    user: User | None = None
    api_key: ApiKey | None = None

    @classmethod
    def system(cls) -> "Actor":
        return cls()

    @property
    def is_system(self) -> bool:
        return self.user is None and self.api_key is None

    def __str__(self) -> str:
        if self.user is not None:
            return str(self.user)
        if self.api_key is not None:
            return f"API key {self.api_key.name}"
        return "Kabar"
