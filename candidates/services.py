from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from candidates.errors import CandidateAlreadyExists
from candidates.models import Candidate
from tenancy.models import Organization

CANDIDATE_FIELDS = ("full_name", "phone", "language", "source", "consent_given_at")


def normalize_email(email: str) -> str:
    return email.strip().lower()


@transaction.atomic
def candidate_create(*, organization: Organization, email: str, full_name: str, **fields: Any) -> Candidate:
    """Creates a candidate; an email already known in the organization raises CandidateAlreadyExists."""
    email = normalize_email(email)
    existing = (
        Candidate.objects.filter(organization=organization, email=email).values_list("pk", flat=True).first()
    )
    if existing:
        raise CandidateAlreadyExists(existing)
    candidate = Candidate(organization=organization, email=email, full_name=full_name, **_known(fields))
    try:
        with transaction.atomic():
            candidate.save()
    except IntegrityError:
        # A concurrent request created the same person between our check and our insert.
        raise CandidateAlreadyExists(
            Candidate.objects.get(organization=organization, email=email).pk
        ) from None
    return candidate


@transaction.atomic
def candidate_find_or_create(
    *, organization: Organization, email: str, full_name: str, **fields: Any
) -> tuple[Candidate, bool]:
    """The explicit upsert: the organization's candidate with this email, else a new one (created=True)."""
    try:
        return candidate_create(organization=organization, email=email, full_name=full_name, **fields), True
    except CandidateAlreadyExists as exists:
        return Candidate.objects.get(pk=exists.existing_id), False


@transaction.atomic
def candidate_update(*, candidate: Candidate, **fields: Any) -> Candidate:
    changes = _known(fields)
    if "email" in fields:
        email = normalize_email(fields["email"])
        clash = (
            Candidate.objects.filter(email=email)
            .exclude(pk=candidate.pk)
            .values_list("pk", flat=True)
            .first()
        )
        if clash:
            raise CandidateAlreadyExists(clash)
        changes["email"] = email
    for name, value in changes.items():
        setattr(candidate, name, value)
    candidate.save(update_fields=[*changes, "updated_at"])
    return candidate


@transaction.atomic
def candidate_anonymize(*, candidate: Candidate) -> Candidate:
    """Erases personal data; the candidate's applications and their history stay, attached to no one."""
    if candidate.anonymized_at is None:
        candidate.email = f"anonymized-{candidate.pk}@invalid"
        candidate.full_name = "Anonymized candidate"
        candidate.phone = ""
        candidate.source = ""
        candidate.anonymized_at = timezone.now()
        candidate.save()
    return candidate


def _known(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(CANDIDATE_FIELDS) - {"email"}
    if unknown:
        raise TypeError(f"Unknown candidate fields: {', '.join(sorted(unknown))}")
    return {name: value for name, value in fields.items() if name in CANDIDATE_FIELDS}
