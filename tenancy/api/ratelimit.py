"""A fixed-window request limit per API key, counted in Redis."""

import logging
import time
from dataclasses import dataclass
from functools import cache

import redis
from django.conf import settings
from redis.commands.core import Script

logger = logging.getLogger(__name__)
WINDOW_SECONDS = 60


@dataclass(frozen=True)
class RateLimitState:
    limit: int
    remaining: int
    retry_after: int

    @property
    def exceeded(self) -> bool:
        return self.remaining < 0


# One round trip, and the window's expiry set by its first request only, so a window never outlives itself.
_COUNT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
"""


@cache
def _count_script(redis_url: str) -> Script:
    client = redis.Redis.from_url(redis_url, socket_timeout=0.5, socket_connect_timeout=0.5)
    return client.register_script(_COUNT)


def rate_limit_consume(api_key_id: object) -> RateLimitState | None:
    """Counts one request; None when Redis cannot be reached (the API stays up without its limit)."""
    limit = settings.API_RATE_LIMIT_PER_MINUTE
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    key = f"kabar:ratelimit:{api_key_id}:{window}"
    try:
        count = _count_script(settings.REDIS_URL)(keys=[key], args=[WINDOW_SECONDS + 1])
    except redis.RedisError:
        logger.warning("Rate limit not applied: Redis is unreachable.", exc_info=True)
        return None
    retry_after = int((window + 1) * WINDOW_SECONDS - now) + 1
    return RateLimitState(limit=limit, remaining=limit - count, retry_after=retry_after)
