"""`Idempotency-Key` on POST: the same key and body replay the first response and create nothing more."""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework.request import Request
from rest_framework.response import Response

from tenancy.api.errors import ApiError
from tenancy.models import IdempotencyKey, Organization

KEEP_FOR = timedelta(hours=24)
# A request that has not finished in this time died with its process: its key may be taken again.
ABANDONED_AFTER = timedelta(minutes=2)


@dataclass
class Replay(Exception):
    response: Response


def idempotency_begin(request: Request, organization: Organization) -> IdempotencyKey | None:
    """Claims the request's key, or raises Replay / a 409 (still running) / a 422 (another body)."""
    key = request.headers.get("Idempotency-Key", "").strip()
    if request.method != "POST" or not key:
        return None
    if len(key) > 255:
        raise ApiError(400, "idempotency_key_too_long", "Idempotency-Key is at most 255 characters.")
    fingerprint = hashlib.sha256(
        request.method.encode() + request.path.encode() + b"\n" + request.body
    ).hexdigest()
    for _attempt in range(2):
        try:
            with transaction.atomic():
                return IdempotencyKey.objects.create(
                    organization=organization, key=key, fingerprint=fingerprint
                )
        except IntegrityError:
            existing = IdempotencyKey.objects.filter(key=key).first()
            if existing is None or _expired(existing):
                IdempotencyKey.objects.filter(pk=getattr(existing, "pk", None)).delete()
                continue
            if existing.fingerprint != fingerprint:
                raise ApiError(
                    422, "idempotency_key_reused", "This Idempotency-Key was used with a different request."
                ) from None
            if existing.completed_at is None:
                raise ApiError(
                    409,
                    "idempotency_key_in_progress",
                    "A request with this Idempotency-Key is still running.",
                ) from None
            response = Response(existing.response_body, status=existing.response_status)
            response["Idempotent-Replayed"] = "true"
            raise Replay(response) from None
    raise ApiError(
        409, "idempotency_key_in_progress", "A request with this Idempotency-Key is still running."
    )


def idempotency_finish(claim: IdempotencyKey, response: Response) -> None:
    """Keeps the response for replays; a server error frees the key so the client may retry."""
    if response.status_code >= 500:
        IdempotencyKey.objects.filter(pk=claim.pk).delete()
        return
    IdempotencyKey.objects.filter(pk=claim.pk).update(
        response_status=response.status_code, response_body=response.data, completed_at=timezone.now()
    )


def _expired(claim: IdempotencyKey) -> bool:
    now = timezone.now()
    if claim.completed_at is None:
        return now - claim.created_at > ABANDONED_AFTER
    return now - claim.created_at > KEEP_FOR
