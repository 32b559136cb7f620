import copy
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tenancy.models import ApiKey, ApiScope, Membership, Organization, User
from tenancy.scope import platform_scope

API_KEY_PREFIX = "kbr"
# Writing last_used_at on every request would turn every read into a write.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def _hash_key(raw_key: str) -> str:
    return hashlib.sha256(raw_key.encode()).hexdigest()


@transaction.atomic
def api_key_create(*, organization: Organization, name: str, scopes: Iterable[str]) -> tuple[ApiKey, str]:
    """Returns the stored key and the raw key; the raw key is never stored and cannot be shown again."""
    scopes = sorted(set(scopes))
    unknown = set(scopes) - set(ApiScope.values)
    if not scopes or unknown:
        raise ValueError(
            f"Scopes must be among {', '.join(ApiScope.values)}; got {', '.join(scopes) or 'none'}."
        )
    prefix = secrets.token_hex(4)
    raw_key = f"{API_KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    api_key = ApiKey(
        organization=organization, name=name, prefix=prefix, key_hash=_hash_key(raw_key), scopes=scopes
    )
    api_key.save()
    return api_key, raw_key


def api_key_authenticate(raw_key: str) -> ApiKey | None:
    """The active key matching `raw_key`, or None. Looks across organizations: the key names its own."""
    parts = raw_key.split("_", 2)
    if len(parts) != 3 or parts[0] != API_KEY_PREFIX:
        return None
    key_hash = _hash_key(raw_key)
    remembered = recent_api_keys.get(key_hash)
    if remembered is not None:
        return remembered
    with platform_scope(reason="API key lookup"):
        api_key = (
            ApiKey.unscoped.select_related("organization")
            .filter(prefix=parts[1], revoked_at__isnull=True)
            .first()
        )
        if api_key is None or not hmac.compare_digest(api_key.key_hash, key_hash):
            return None
        now = timezone.now()
        if api_key.last_used_at is None or now - api_key.last_used_at > LAST_USED_RESOLUTION:
            ApiKey.unscoped.filter(pk=api_key.pk).update(last_used_at=now)
            api_key.last_used_at = now
    recent_api_keys.remember(key_hash, api_key)
    return api_key


class RecentApiKeys:
    """Keys authenticated in the last API_KEY_CACHE_SECONDS, with their organization, in this process.

    Looking a key up crosses organizations (the platform scope), which costs an API list request more
    than its own query. A key revoked, or an organization or key changed, is forgotten at once in the
    process that saved it; in the others it is seen within API_KEY_CACHE_SECONDS (0 turns this off).
    Each request gets its own copies, so nothing one request sets on them reaches another.
    """

    LIMIT = 10_000

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.keys: dict[str, tuple[float, ApiKey]] = {}
        self.clock = clock

    def get(self, key_hash: str) -> ApiKey | None:
        remembered = self.keys.get(key_hash)
        if remembered is None or remembered[0] < self.clock():
            return None
        return _detached(remembered[1])

    def remember(self, key_hash: str, api_key: ApiKey) -> None:
        if not settings.API_KEY_CACHE_SECONDS:
            return
        if len(self.keys) >= self.LIMIT:
            self.keys.clear()
        self.keys[key_hash] = (self.clock() + settings.API_KEY_CACHE_SECONDS, _detached(api_key))

    def forget_all(self, **signal_arguments: object) -> None:
        self.keys.clear()


recent_api_keys = RecentApiKeys()


def _detached(api_key: ApiKey) -> ApiKey:
    copied = copy.copy(api_key)
    copied.organization = copy.copy(api_key.organization)
    return copied


def api_key_revoke(*, api_key: ApiKey) -> ApiKey:
    if api_key.revoked_at is None:
        api_key.revoked_at = timezone.now()
        api_key.save(update_fields=["revoked_at"])
    return api_key


def memberships_of(user: User) -> list[Membership]:
    """A user's memberships in every organization: what the admin may scope a session to."""
    with platform_scope(reason="admin membership lookup"):
        return list(
            Membership.unscoped.filter(user=user)
            .select_related("organization")
            .order_by("organization__name")
        )


def membership_user_for_email(email: str) -> User:
    """The user with this email, created (staff, no usable password until reset) when there is none."""
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    return user or User.objects.create_user(email=email, password=None, is_staff=True)
