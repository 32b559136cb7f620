"""The follow-up policy: what one incoming candidate follow-up is, and what HR owes in return.

Pure: it takes values and returns a `Verdict`. No ORM, no clock, no I/O, so every rule is tested with
plain tables of cases. The numbers come from `Rules` (an organization's policy, or a job's override).

Day counting is in calendar days in the organization's timezone: an interview that ends on Monday
evening and a thank-you any time on Tuesday are one day apart. Datetimes must be timezone-aware.

Only the follow-ups received before the message count as earlier ones, so a back-dated entry (a phone
call logged by hand afterwards) is judged at its place in time.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from recruitment.classification import FollowUpKind

# A question in a free-form message is answered by a person, who gets two days for it.
HR_REPLY_DAYS = 2

_ACTIVE = "active"
_REJECTED = "rejected"


class Timing(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    EARLY = "early"
    AFTER_DECISION = "after_decision"


class Sequence(StrEnum):
    WITHIN_LIMIT = "within_limit"
    OVER_LIMIT = "over_limit"
    NOT_COUNTED = "not_counted"


class ResponseOwed(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    FEEDBACK = "feedback"
    HR_REPLY = "hr_reply"
    WITHDRAW = "withdraw"
    NONE = "none"


# These kinds share `followup_limit`; feedback requests have their own limit, withdrawals none.
_COUNTED_KINDS = frozenset({FollowUpKind.THANK_YOU, FollowUpKind.STATUS_INQUIRY, FollowUpKind.OTHER})


@dataclass(frozen=True)
class Rules:
    """One organization's (or job's) policy numbers; the defaults are the article's advice."""

    thank_you_window_days: int = 1
    status_inquiry_wait_days: int = 7
    decision_window_days: int = 14
    followup_limit: int = 2
    feedback_limit: int = 1
    feedback_reply_days: int = 3


@dataclass(frozen=True)
class InterviewFacts:
    ends_at: datetime
    results_promised_by: date | None = None
    cancelled: bool = False


@dataclass(frozen=True)
class EarlierFollowUp:
    kind: FollowUpKind
    received_at: datetime
    answered: bool = False


@dataclass(frozen=True)
class ApplicationFacts:
    status: str
    decided_at: datetime | None
    interviews: tuple[InterviewFacts, ...]
    earlier_followups: tuple[EarlierFollowUp, ...]
    position: str = ""
    timezone: str = "Asia/Jakarta"


@dataclass(frozen=True)
class Message:
    kind: FollowUpKind
    received_at: datetime
    subject: str = ""
    text: str = ""


@dataclass(frozen=True)
class Signals:
    """How the candidate communicates, shown to HR and never used to decide anything."""

    thanked: bool
    named_position: bool
    gave_contact: bool
    greeting: bool
    length: int
    timing: Timing | None


@dataclass(frozen=True)
class Verdict:
    timing: Timing | None
    sequence: Sequence
    number: int
    response: ResponseOwed
    expected_decision_date: date | None
    reply_due_at: datetime | None
    signals: Signals


def evaluate(rules: Rules, application: ApplicationFacts, message: Message) -> Verdict:
    """Judge one incoming follow-up on an application.

    Timing:
    - Anything received once the application is closed (not active) and `decided_at` is at or before
      the message is `after_decision`; a closed application without `decided_at` is never.
    - Otherwise the interviews that count are the non-cancelled ones that ended by the message:
      - a thank-you within `thank_you_window_days` after the last of them is `on_time`, later `late`;
      - a status inquiry is `early` before the day that is `status_inquiry_wait_days` after the last
        of them, and until the latest promised result date has ended; `on_time` from then on;
      - with no such interview, a thank-you or status inquiry is `on_time` (nothing to wait for);
      - a withdrawal has no timing (None): a candidate may withdraw at any moment;
      - feedback requests and other messages are `on_time`.

    Sequence and number:
    - Thank-yous, status inquiries and other messages are numbered together, earlier ones plus this
      one; beyond `followup_limit` they are `over_limit`.
    - Feedback requests are numbered on their own against `feedback_limit`; every earlier feedback
      request counts, answered or not, so a request still waiting for its reply never earns a second.
    - Withdrawals are `not_counted`, number 0.

    Response owed (nothing when over the limit):
    - status inquiry: `acknowledge` while the application is active (with the expected decision
      date), `hr_reply` once it is closed;
    - feedback request: `feedback` when it comes after the decision on a rejected application,
      `hr_reply` otherwise (before any rejection, or after a hire or withdrawal);
    - other message: `hr_reply` when its text asks a question ("?"), else `none`;
    - thank-you: `none`;
    - withdrawal: `withdraw` on an active application, `none` on a closed one.

    `reply_due_at` is `feedback_reply_days` after receipt for feedback and `HR_REPLY_DAYS` for an HR
    reply; None for everything else.
    """
    timing = _timing(rules, application, message)
    sequence, number = _sequence(rules, application, message)
    response = _response(application, message, sequence, timing)
    return Verdict(
        timing=timing,
        sequence=sequence,
        number=number,
        response=response,
        expected_decision_date=(
            expected_decision_date(rules, application) if response == ResponseOwed.ACKNOWLEDGE else None
        ),
        reply_due_at=_reply_due_at(rules, message, response),
        signals=detect_signals(message, application.position, timing),
    )


def expected_decision_date(rules: Rules, application: ApplicationFacts) -> date | None:
    """The later of the last interview's end day plus `decision_window_days` and the latest promised
    result date, in the organization's timezone. Every non-cancelled interview counts, scheduled ones
    too, since the decision waits for them; None without any."""
    interviews = [interview for interview in application.interviews if not interview.cancelled]
    if not interviews:
        return None
    zone = ZoneInfo(application.timezone)
    last_end = max(_local_date(interview.ends_at, zone) for interview in interviews)
    return max(
        [last_end + timedelta(days=rules.decision_window_days)]
        + [interview.results_promised_by for interview in interviews if interview.results_promised_by]
    )


def detect_signals(message: Message, position: str, timing: Timing | None) -> Signals:
    """Communication signals for HR.

    - thanked: thanks in the subject or text (terima kasih, makasih, thank, appreciate, ...);
    - named_position: every word of the position title appears in the subject or text, any case;
    - gave_contact: the text holds a phone number, an email address or a LinkedIn URL;
    - greeting: the text opens with a greeting (dear, hi, hello, yth, halo, selamat pagi, ...);
    - length: words in the text;
    - timing: passed through from the verdict.
    """
    return Signals(
        thanked=bool(_THANKS.search(f"{message.subject}\n{message.text}")),
        named_position=_names_position(position, f"{message.subject}\n{message.text}"),
        gave_contact=_gives_contact(message.text),
        greeting=bool(_GREETING.match(message.text)),
        length=len(message.text.split()),
        timing=timing,
    )


def _timing(rules: Rules, application: ApplicationFacts, message: Message) -> Timing | None:
    if _is_decided_by(application, message.received_at):
        return Timing.AFTER_DECISION
    if message.kind == FollowUpKind.WITHDRAWAL:
        return None
    held = [
        interview
        for interview in application.interviews
        if not interview.cancelled and interview.ends_at <= message.received_at
    ]
    if not held or message.kind not in (FollowUpKind.THANK_YOU, FollowUpKind.STATUS_INQUIRY):
        return Timing.ON_TIME
    zone = ZoneInfo(application.timezone)
    received_on = _local_date(message.received_at, zone)
    last_end = max(_local_date(interview.ends_at, zone) for interview in held)
    if message.kind == FollowUpKind.THANK_YOU:
        in_window = received_on <= last_end + timedelta(days=rules.thank_you_window_days)
        return Timing.ON_TIME if in_window else Timing.LATE
    first_allowed = max(
        [last_end + timedelta(days=rules.status_inquiry_wait_days)]
        + [
            interview.results_promised_by + timedelta(days=1)
            for interview in held
            if interview.results_promised_by
        ]
    )
    return Timing.EARLY if received_on < first_allowed else Timing.ON_TIME


def _sequence(rules: Rules, application: ApplicationFacts, message: Message) -> tuple[Sequence, int]:
    if message.kind == FollowUpKind.WITHDRAWAL:
        return Sequence.NOT_COUNTED, 0
    if message.kind == FollowUpKind.FEEDBACK_REQUEST:
        kinds, limit = frozenset({FollowUpKind.FEEDBACK_REQUEST}), rules.feedback_limit
    else:
        kinds, limit = _COUNTED_KINDS, rules.followup_limit
    number = 1 + sum(
        1
        for earlier in application.earlier_followups
        if earlier.kind in kinds and earlier.received_at < message.received_at
    )
    return (Sequence.WITHIN_LIMIT if number <= limit else Sequence.OVER_LIMIT), number


def _response(
    application: ApplicationFacts, message: Message, sequence: Sequence, timing: Timing | None
) -> ResponseOwed:
    active = application.status == _ACTIVE
    if message.kind == FollowUpKind.WITHDRAWAL:
        return ResponseOwed.WITHDRAW if active else ResponseOwed.NONE
    if sequence == Sequence.OVER_LIMIT:
        return ResponseOwed.NONE
    if message.kind == FollowUpKind.STATUS_INQUIRY:
        return ResponseOwed.ACKNOWLEDGE if active else ResponseOwed.HR_REPLY
    if message.kind == FollowUpKind.FEEDBACK_REQUEST:
        rejected = application.status == _REJECTED and timing == Timing.AFTER_DECISION
        return ResponseOwed.FEEDBACK if rejected else ResponseOwed.HR_REPLY
    if message.kind == FollowUpKind.OTHER and "?" in message.text:
        return ResponseOwed.HR_REPLY
    return ResponseOwed.NONE


def _reply_due_at(rules: Rules, message: Message, response: ResponseOwed) -> datetime | None:
    if response == ResponseOwed.FEEDBACK:
        return message.received_at + timedelta(days=rules.feedback_reply_days)
    if response == ResponseOwed.HR_REPLY:
        return message.received_at + timedelta(days=HR_REPLY_DAYS)
    return None


def _is_decided_by(application: ApplicationFacts, moment: datetime) -> bool:
    return (
        application.status != _ACTIVE
        and application.decided_at is not None
        and application.decided_at <= moment
    )


def _local_date(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


_THANKS = re.compile(r"terima\s*kasih|trima\s*kasih|makasih|matur\s+nuwun|\bthank|\bthx\b|\bappreciat", re.I)
_GREETING = re.compile(
    r"\W*(dear|hi|hello|hey|hai|halo|hallo|yth|kepada|dengan\s+hormat|selamat\s+(pagi|siang|sore|malam)"
    r"|good\s+(morning|afternoon|evening)|assalamu'?alaikum|salam)\b",
    re.I,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_LINKEDIN = re.compile(r"linkedin\.com/|lnkd\.in/", re.I)
# Starts like a phone number (+country code, (0area) or 0 and two digits, which rules out dates such as
# 05.08.2024); the digit count is checked apart, since separators vary.
_PHONE = re.compile(r"(?<![\w+])(\+\d{1,3}[\s.-]?|\(0\d{1,3}\)\s?|0\d{2})[\d\s.-]{5,16}\d")
_PHONE_DIGITS = range(9, 16)
_WORD = re.compile(r"\w+")


def _names_position(position: str, written: str) -> bool:
    title_words = set(_WORD.findall(position.casefold()))
    return bool(title_words) and title_words <= set(_WORD.findall(written.casefold()))


def _gives_contact(text: str) -> bool:
    if _EMAIL.search(text) or _LINKEDIN.search(text):
        return True
    return any(len(re.sub(r"\D", "", match.group())) in _PHONE_DIGITS for match in _PHONE.finditer(text))
