from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recruitment.classification import FollowUpKind
from recruitment.policy import (
    HR_REPLY_DAYS,
    ApplicationFacts,
    EarlierFollowUp,
    InterviewFacts,
    Message,
    ResponseOwed,
    Rules,
    Sequence,
    Timing,
    detect_signals,
    evaluate,
    expected_decision_date,
)

JAKARTA = ZoneInfo("Asia/Jakarta")
RULES = Rules()


def at(day: int, hour: int = 10, minute: int = 0) -> datetime:
    """Day 0 is Monday 3 March 2025, in Jakarta."""
    return datetime(2025, 3, 3, hour, minute, tzinfo=JAKARTA) + timedelta(days=day)


def on(day: int) -> date:
    return date(2025, 3, 3) + timedelta(days=day)


def interview(day: int = 0, **fields: object) -> InterviewFacts:
    return InterviewFacts(ends_at=at(day, 11), **fields)


def earlier(kind: FollowUpKind, day: int, answered: bool = False) -> EarlierFollowUp:
    return EarlierFollowUp(kind=kind, received_at=at(day), answered=answered)


def application(
    status: str = "active",
    decided_at: datetime | None = None,
    interviews: tuple[InterviewFacts, ...] = (interview(),),
    earlier_followups: tuple[EarlierFollowUp, ...] = (),
    **fields: str,
) -> ApplicationFacts:
    """By default: active, one interview that ended Monday 11:00 (day 0), no earlier follow-ups."""
    return ApplicationFacts(
        status=status,
        decided_at=decided_at,
        interviews=interviews,
        earlier_followups=earlier_followups,
        **fields,
    )


def message(kind: FollowUpKind, received_at: datetime, text: str = "", subject: str = "") -> Message:
    return Message(kind=kind, received_at=received_at, subject=subject, text=text)


def rejected_on(day: int, **fields: object) -> ApplicationFacts:
    return application(status="rejected", decided_at=at(day, 9), **fields)


# Timing


@pytest.mark.parametrize(
    "received_at",
    [at(0, 15), at(1, 0, 0), at(1, 23, 59)],
    ids=["same-day", "next-day-midnight", "next-day-late-evening"],
)
def test_thank_you_within_one_day_is_on_time(received_at: datetime) -> None:
    verdict = evaluate(RULES, application(), message(FollowUpKind.THANK_YOU, received_at))

    assert verdict.timing == Timing.ON_TIME


@pytest.mark.parametrize("received_at", [at(2, 0, 0), at(5)], ids=["day-2-midnight", "day-5"])
def test_thank_you_after_one_day_is_late(received_at: datetime) -> None:
    verdict = evaluate(RULES, application(), message(FollowUpKind.THANK_YOU, received_at))

    assert verdict.timing == Timing.LATE


@pytest.mark.parametrize(
    ("timezone", "expected"),
    [("Asia/Jakarta", Timing.LATE), ("UTC", Timing.ON_TIME)],
    ids=["jakarta-two-days-apart", "utc-one-day-apart"],
)
def test_thank_you_window_counts_days_in_org_timezone(timezone: str, expected: Timing) -> None:
    # Ends Monday 23:00 in Jakarta (16:00 UTC); thanks Wednesday 01:00 in Jakarta (Tuesday 18:00 UTC).
    facts = application(
        interviews=(InterviewFacts(ends_at=datetime(2025, 3, 3, 16, tzinfo=UTC)),), timezone=timezone
    )

    verdict = evaluate(RULES, facts, message(FollowUpKind.THANK_YOU, datetime(2025, 3, 4, 18, tzinfo=UTC)))

    assert verdict.timing == expected


@pytest.mark.parametrize(
    ("window_days", "expected"),
    [(0, Timing.LATE), (3, Timing.ON_TIME)],
    ids=["same-day-only", "three-days"],
)
def test_thank_you_window_follows_rules(window_days: int, expected: Timing) -> None:
    verdict = evaluate(
        Rules(thank_you_window_days=window_days), application(), message(FollowUpKind.THANK_YOU, at(3))
    )

    assert verdict.timing == expected


@pytest.mark.parametrize(
    ("interviews", "expected"),
    [
        ((interview(0), interview(5)), Timing.ON_TIME),
        ((interview(0), interview(5, cancelled=True)), Timing.LATE),
        ((interview(0), interview(10)), Timing.LATE),
    ],
    ids=["second-interview-restarts-window", "cancelled-interview-ignored", "future-interview-ignored"],
)
def test_thank_you_counts_from_last_held_interview(
    interviews: tuple[InterviewFacts, ...], expected: Timing
) -> None:
    verdict = evaluate(RULES, application(interviews=interviews), message(FollowUpKind.THANK_YOU, at(6)))

    assert verdict.timing == expected


@pytest.mark.parametrize("kind", [FollowUpKind.THANK_YOU, FollowUpKind.STATUS_INQUIRY], ids=str)
def test_thank_you_or_status_inquiry_before_any_interview_is_on_time(kind: FollowUpKind) -> None:
    verdict = evaluate(RULES, application(interviews=()), message(kind, at(0)))

    assert verdict.timing == Timing.ON_TIME


@pytest.mark.parametrize("received_at", [at(1), at(6, 23, 59)], ids=["day-1", "day-6-late-evening"])
def test_status_inquiry_before_seven_days_is_early(received_at: datetime) -> None:
    verdict = evaluate(RULES, application(), message(FollowUpKind.STATUS_INQUIRY, received_at))

    assert verdict.timing == Timing.EARLY


@pytest.mark.parametrize("received_at", [at(7, 0, 0), at(8)], ids=["day-7-midnight", "day-8"])
def test_status_inquiry_from_seven_days_is_on_time(received_at: datetime) -> None:
    verdict = evaluate(RULES, application(), message(FollowUpKind.STATUS_INQUIRY, received_at))

    assert verdict.timing == Timing.ON_TIME


@pytest.mark.parametrize(
    ("received_at", "expected"),
    [(at(8), Timing.EARLY), (at(10, 23, 59), Timing.EARLY), (at(11, 0, 0), Timing.ON_TIME)],
    ids=["day-8", "promised-day-late-evening", "day-after-promise"],
)
def test_status_inquiry_waits_for_later_promised_date(received_at: datetime, expected: Timing) -> None:
    facts = application(interviews=(interview(0, results_promised_by=on(10)),))

    verdict = evaluate(RULES, facts, message(FollowUpKind.STATUS_INQUIRY, received_at))

    assert verdict.timing == expected


def test_status_inquiry_wait_follows_rules() -> None:
    verdict = evaluate(
        Rules(status_inquiry_wait_days=3), application(), message(FollowUpKind.STATUS_INQUIRY, at(3))
    )

    assert verdict.timing == Timing.ON_TIME


@pytest.mark.parametrize("kind", [FollowUpKind.FEEDBACK_REQUEST, FollowUpKind.OTHER], ids=str)
def test_other_kinds_before_decision_are_on_time(kind: FollowUpKind) -> None:
    verdict = evaluate(RULES, application(), message(kind, at(0, 15)))

    assert verdict.timing == Timing.ON_TIME


@pytest.mark.parametrize("interviews", [(), (interview(),)], ids=["no-interview", "after-interview"])
def test_withdrawal_before_decision_has_no_timing(interviews: tuple[InterviewFacts, ...]) -> None:
    verdict = evaluate(RULES, application(interviews=interviews), message(FollowUpKind.WITHDRAWAL, at(3)))

    assert verdict.timing is None
    assert verdict.signals.timing is None


@pytest.mark.parametrize("kind", list(FollowUpKind), ids=str)
@pytest.mark.parametrize("status", ["hired", "rejected", "withdrawn"])
def test_anything_after_decision_is_after_decision(kind: FollowUpKind, status: str) -> None:
    facts = application(status=status, decided_at=at(8, 9))

    verdict = evaluate(RULES, facts, message(kind, at(8, 9)))

    assert verdict.timing == Timing.AFTER_DECISION


@pytest.mark.parametrize(
    "facts",
    [
        application(status="rejected", decided_at=at(9)),
        application(status="rejected", decided_at=None),
        application(status="active", decided_at=at(2)),
    ],
    ids=["received-before-decision", "closed-without-decision-time", "rejection-undone"],
)
def test_message_without_earlier_decision_is_not_after_decision(facts: ApplicationFacts) -> None:
    verdict = evaluate(RULES, facts, message(FollowUpKind.STATUS_INQUIRY, at(8)))

    assert verdict.timing == Timing.ON_TIME


# Sequence


@pytest.mark.parametrize(
    ("earlier_followups", "number"),
    [
        ((), 1),
        ((earlier(FollowUpKind.THANK_YOU, 1),), 2),
        ((earlier(FollowUpKind.OTHER, 1),), 2),
    ],
    ids=["first", "after-thank-you", "after-other"],
)
def test_followups_within_limit_are_numbered_in_order(
    earlier_followups: tuple[EarlierFollowUp, ...], number: int
) -> None:
    verdict = evaluate(
        RULES, application(earlier_followups=earlier_followups), message(FollowUpKind.STATUS_INQUIRY, at(8))
    )

    assert (verdict.sequence, verdict.number) == (Sequence.WITHIN_LIMIT, number)


@pytest.mark.parametrize(
    "kind", [FollowUpKind.THANK_YOU, FollowUpKind.STATUS_INQUIRY, FollowUpKind.OTHER], ids=str
)
def test_third_followup_is_over_limit(kind: FollowUpKind) -> None:
    facts = application(
        earlier_followups=(earlier(FollowUpKind.THANK_YOU, 1), earlier(FollowUpKind.STATUS_INQUIRY, 8))
    )

    verdict = evaluate(RULES, facts, message(kind, at(9)))

    assert (verdict.sequence, verdict.number) == (Sequence.OVER_LIMIT, 3)


def test_followup_limit_follows_rules() -> None:
    facts = application(
        earlier_followups=(earlier(FollowUpKind.THANK_YOU, 1), earlier(FollowUpKind.STATUS_INQUIRY, 8))
    )

    verdict = evaluate(Rules(followup_limit=3), facts, message(FollowUpKind.OTHER, at(9)))

    assert (verdict.sequence, verdict.number) == (Sequence.WITHIN_LIMIT, 3)


def test_withdrawals_and_feedback_requests_do_not_count_toward_followup_limit() -> None:
    facts = application(
        earlier_followups=(
            earlier(FollowUpKind.WITHDRAWAL, 1),
            earlier(FollowUpKind.FEEDBACK_REQUEST, 2),
            earlier(FollowUpKind.OTHER, 3),
        )
    )

    verdict = evaluate(RULES, facts, message(FollowUpKind.STATUS_INQUIRY, at(8)))

    assert (verdict.sequence, verdict.number) == (Sequence.WITHIN_LIMIT, 2)


def test_followups_received_after_the_message_do_not_count() -> None:
    facts = application(
        earlier_followups=(earlier(FollowUpKind.THANK_YOU, 1), earlier(FollowUpKind.OTHER, 9))
    )

    verdict = evaluate(RULES, facts, message(FollowUpKind.STATUS_INQUIRY, at(8)))

    assert (verdict.sequence, verdict.number) == (Sequence.WITHIN_LIMIT, 2)


def test_feedback_requests_have_their_own_limit() -> None:
    facts = rejected_on(
        15, earlier_followups=(earlier(FollowUpKind.THANK_YOU, 1), earlier(FollowUpKind.STATUS_INQUIRY, 8))
    )

    verdict = evaluate(RULES, facts, message(FollowUpKind.FEEDBACK_REQUEST, at(16)))

    assert (verdict.sequence, verdict.number) == (Sequence.WITHIN_LIMIT, 1)


@pytest.mark.parametrize("answered", [True, False], ids=["first-answered", "first-unanswered"])
def test_second_feedback_request_is_over_limit(answered: bool) -> None:
    facts = rejected_on(
        15, earlier_followups=(earlier(FollowUpKind.FEEDBACK_REQUEST, 16, answered=answered),)
    )

    verdict = evaluate(RULES, facts, message(FollowUpKind.FEEDBACK_REQUEST, at(20)))

    assert (verdict.sequence, verdict.number) == (Sequence.OVER_LIMIT, 2)


def test_feedback_request_before_rejection_uses_the_feedback_limit() -> None:
    facts = rejected_on(15, earlier_followups=(earlier(FollowUpKind.FEEDBACK_REQUEST, 3),))

    verdict = evaluate(RULES, facts, message(FollowUpKind.FEEDBACK_REQUEST, at(16)))

    assert (verdict.sequence, verdict.response) == (Sequence.OVER_LIMIT, ResponseOwed.NONE)


@pytest.mark.parametrize("status", ["active", "rejected"])
def test_withdrawal_is_never_counted(status: str) -> None:
    facts = application(
        status=status, earlier_followups=(earlier(FollowUpKind.THANK_YOU, 1), earlier(FollowUpKind.OTHER, 2))
    )

    verdict = evaluate(RULES, facts, message(FollowUpKind.WITHDRAWAL, at(8)))

    assert (verdict.sequence, verdict.number) == (Sequence.NOT_COUNTED, 0)


# Response owed


@pytest.mark.parametrize("received_at", [at(2), at(8)], ids=["early", "on-time"])
def test_status_inquiry_on_active_application_is_acknowledged(received_at: datetime) -> None:
    verdict = evaluate(RULES, application(), message(FollowUpKind.STATUS_INQUIRY, received_at))

    assert verdict.response == ResponseOwed.ACKNOWLEDGE


@pytest.mark.parametrize("status", ["hired", "rejected", "withdrawn"])
def test_status_inquiry_after_decision_owes_hr_reply(status: str) -> None:
    verdict = evaluate(
        RULES, application(status=status, decided_at=at(5)), message(FollowUpKind.STATUS_INQUIRY, at(8))
    )

    assert verdict.response == ResponseOwed.HR_REPLY


def test_feedback_request_after_rejection_owes_feedback() -> None:
    verdict = evaluate(RULES, rejected_on(15), message(FollowUpKind.FEEDBACK_REQUEST, at(16)))

    assert verdict.response == ResponseOwed.FEEDBACK


@pytest.mark.parametrize(
    "facts",
    [
        application(),
        application(status="hired", decided_at=at(5)),
        application(status="rejected", decided_at=at(20)),
    ],
    ids=["active", "hired", "rejected-later"],
)
def test_feedback_request_without_earlier_rejection_owes_hr_reply(facts: ApplicationFacts) -> None:
    verdict = evaluate(RULES, facts, message(FollowUpKind.FEEDBACK_REQUEST, at(8)))

    assert verdict.response == ResponseOwed.HR_REPLY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Apakah saya perlu mengirim portofolio?", ResponseOwed.HR_REPLY),
        ("Saya sudah mengirim portofolio.", ResponseOwed.NONE),
    ],
    ids=["question", "statement"],
)
def test_other_message_owes_hr_reply_only_for_a_question(text: str, expected: ResponseOwed) -> None:
    verdict = evaluate(RULES, application(), message(FollowUpKind.OTHER, at(2), text))

    assert verdict.response == expected


def test_thank_you_owes_nothing() -> None:
    verdict = evaluate(
        RULES, application(), message(FollowUpKind.THANK_YOU, at(1), "Terima kasih. Kapan hasilnya?")
    )

    assert verdict.response == ResponseOwed.NONE


def test_withdrawal_on_active_application_owes_withdraw() -> None:
    verdict = evaluate(RULES, application(), message(FollowUpKind.WITHDRAWAL, at(3)))

    assert verdict.response == ResponseOwed.WITHDRAW


@pytest.mark.parametrize("status", ["hired", "rejected", "withdrawn"])
def test_withdrawal_on_closed_application_owes_nothing(status: str) -> None:
    verdict = evaluate(
        RULES, application(status=status, decided_at=at(2)), message(FollowUpKind.WITHDRAWAL, at(3))
    )

    assert verdict.response == ResponseOwed.NONE


@pytest.mark.parametrize(
    ("facts", "incoming"),
    [
        (
            application(
                earlier_followups=(earlier(FollowUpKind.THANK_YOU, 1), earlier(FollowUpKind.OTHER, 2))
            ),
            message(FollowUpKind.STATUS_INQUIRY, at(8)),
        ),
        (
            application(
                earlier_followups=(earlier(FollowUpKind.THANK_YOU, 1), earlier(FollowUpKind.OTHER, 2))
            ),
            message(FollowUpKind.OTHER, at(8), "Ada kabar?"),
        ),
        (
            rejected_on(15, earlier_followups=(earlier(FollowUpKind.FEEDBACK_REQUEST, 16, answered=True),)),
            message(FollowUpKind.FEEDBACK_REQUEST, at(20)),
        ),
    ],
    ids=["status-inquiry", "question", "feedback-request"],
)
def test_over_limit_owes_nothing(facts: ApplicationFacts, incoming: Message) -> None:
    verdict = evaluate(RULES, facts, incoming)

    assert (verdict.sequence, verdict.response, verdict.reply_due_at) == (
        Sequence.OVER_LIMIT,
        ResponseOwed.NONE,
        None,
    )


@pytest.mark.parametrize(
    ("rules", "facts", "incoming", "due"),
    [
        (RULES, rejected_on(15), message(FollowUpKind.FEEDBACK_REQUEST, at(16)), at(19)),
        (
            Rules(feedback_reply_days=5),
            rejected_on(15),
            message(FollowUpKind.FEEDBACK_REQUEST, at(16)),
            at(21),
        ),
        (RULES, application(), message(FollowUpKind.OTHER, at(2), "Boleh tanya?"), at(2 + HR_REPLY_DAYS)),
        (RULES, application(), message(FollowUpKind.STATUS_INQUIRY, at(8)), None),
        (RULES, application(), message(FollowUpKind.THANK_YOU, at(1)), None),
        (RULES, application(), message(FollowUpKind.WITHDRAWAL, at(3)), None),
    ],
    ids=["feedback", "feedback-custom-days", "hr-reply", "acknowledge", "none", "withdraw"],
)
def test_reply_is_due_only_for_feedback_and_hr_reply(
    rules: Rules, facts: ApplicationFacts, incoming: Message, due: datetime | None
) -> None:
    verdict = evaluate(rules, facts, incoming)

    assert verdict.reply_due_at == due


# Expected decision date


@pytest.mark.parametrize(
    ("interviews", "expected"),
    [
        ((interview(0),), on(14)),
        ((interview(0), interview(3)), on(17)),
        ((interview(0, results_promised_by=on(20)),), on(20)),
        ((interview(0, results_promised_by=on(5)),), on(14)),
        ((interview(0), interview(3, cancelled=True, results_promised_by=on(30))), on(14)),
        ((), None),
        ((interview(0, cancelled=True),), None),
    ],
    ids=[
        "window-after-interview",
        "window-after-last-interview",
        "later-promise",
        "earlier-promise",
        "cancelled-ignored",
        "no-interview",
        "only-cancelled",
    ],
)
def test_expected_decision_date_is_later_of_window_and_promise(
    interviews: tuple[InterviewFacts, ...], expected: date | None
) -> None:
    assert expected_decision_date(RULES, application(interviews=interviews)) == expected


@pytest.mark.parametrize(
    ("timezone", "expected"),
    [("Asia/Jakarta", date(2025, 3, 18)), ("UTC", date(2025, 3, 17))],
    ids=["jakarta", "utc"],
)
def test_expected_decision_date_counts_in_org_timezone(timezone: str, expected: date) -> None:
    # Monday 20:00 UTC is already Tuesday 03:00 in Jakarta.
    facts = application(
        interviews=(InterviewFacts(ends_at=datetime(2025, 3, 3, 20, tzinfo=UTC)),), timezone=timezone
    )

    assert expected_decision_date(RULES, facts) == expected


def test_expected_decision_date_follows_rules() -> None:
    assert expected_decision_date(Rules(decision_window_days=30), application()) == on(30)


@pytest.mark.parametrize(
    ("incoming", "expected"),
    [
        (message(FollowUpKind.STATUS_INQUIRY, at(8)), on(14)),
        (message(FollowUpKind.THANK_YOU, at(1)), None),
        (message(FollowUpKind.OTHER, at(2), "Kapan hasilnya?"), None),
    ],
    ids=["acknowledge", "none", "hr-reply"],
)
def test_verdict_gives_expected_decision_date_only_to_acknowledge(
    incoming: Message, expected: date | None
) -> None:
    assert evaluate(RULES, application(), incoming).expected_decision_date == expected


# Signals


@pytest.mark.parametrize(
    ("subject", "text", "expected"),
    [
        ("", "Terima kasih atas kesempatan interview kemarin.", True),
        ("", "Saya berterimakasih atas waktunya.", True),
        ("", "Makasih ya, Bu.", True),
        ("", "Thanks for your time yesterday.", True),
        ("Thank you - Backend Engineer", "", True),
        ("", "I appreciate the opportunity.", True),
        ("", "Kapan hasilnya keluar?", False),
    ],
    ids=["terima-kasih", "berterimakasih", "makasih", "thanks", "in-subject", "appreciate", "none"],
)
def test_thanks_are_detected(subject: str, text: str, expected: bool) -> None:
    signals = detect_signals(
        Message(FollowUpKind.THANK_YOU, at(1), subject, text), "Backend Engineer", Timing.ON_TIME
    )

    assert signals.thanked is expected


@pytest.mark.parametrize(
    ("subject", "text", "expected"),
    [
        ("Follow Up Interview - Backend Engineer", "", True),
        ("", "posisi backend engineer yang saya lamar", True),
        ("", "sebagai Engineer di tim Backend", True),
        ("Follow Up Interview Kerja", "posisi backend", False),
        ("", "posisi backend engineering", False),
    ],
    ids=["subject", "text-any-case", "words-in-any-order", "missing-word", "partial-word"],
)
def test_position_is_named_when_all_title_words_appear(subject: str, text: str, expected: bool) -> None:
    signals = detect_signals(
        Message(FollowUpKind.STATUS_INQUIRY, at(8), subject, text), "Backend Engineer", None
    )

    assert signals.named_position is expected


def test_empty_position_is_never_named() -> None:
    assert (
        detect_signals(message(FollowUpKind.OTHER, at(2), "Backend Engineer"), "", None).named_position
        is False
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hubungi saya di +62 812-3456-7890.", True),
        ("No. HP: 081234567890", True),
        ("Telp 0812 3456 789", True),
        ("Telepon (021) 555-1234", True),
        ("Email: rina.putri+kerja@example.co.id", True),
        ("Profil: https://www.linkedin.com/in/rina-putri", True),
        ("Interview pada 05.08.2024 10.00", False),
        ("Gaji yang saya harapkan Rp 10.000.000", False),
        ("Nomor lamaran 0812", False),
        ("Terima kasih.", False),
    ],
    ids=[
        "phone-international",
        "phone-mobile",
        "phone-spaced",
        "phone-landline",
        "email",
        "linkedin",
        "date-and-time",
        "salary",
        "short-number",
        "none",
    ],
)
def test_contact_is_detected(text: str, expected: bool) -> None:
    assert detect_signals(message(FollowUpKind.THANK_YOU, at(1), text), "", None).gave_contact is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dear Ms. Rina,", True),
        ("Hi Rina, thanks!", True),
        ("Hello team", True),
        ("Yth. Ibu Rina", True),
        ("Kepada Yth. Bapak Andi", True),
        ("Halo Bu Rina", True),
        ("Selamat siang, Bu.", True),
        ("Dengan hormat,", True),
        ("  Good morning Rina", True),
        ("Saya ingin menanyakan hasil interview. Halo?", False),
        ("Hiring team, kapan hasilnya?", False),
    ],
    ids=[
        "dear",
        "hi",
        "hello",
        "yth",
        "kepada-yth",
        "halo",
        "selamat-siang",
        "dengan-hormat",
        "leading-space",
        "greeting-not-at-start",
        "word-starting-with-hi",
    ],
)
def test_greeting_is_detected_at_the_start(text: str, expected: bool) -> None:
    assert detect_signals(message(FollowUpKind.OTHER, at(2), text), "", None).greeting is expected


@pytest.mark.parametrize(
    ("text", "length"),
    [("", 0), ("Terima kasih.", 2), ("  Dengan hormat,\n\nsaya   Rina  ", 4)],
    ids=["empty", "two-words", "extra-whitespace"],
)
def test_length_counts_words_in_text(text: str, length: int) -> None:
    assert (
        detect_signals(message(FollowUpKind.OTHER, at(2), text, "Subject words"), "", None).length == length
    )


@pytest.mark.parametrize("received_at", [at(1), at(5)], ids=["on-time", "late"])
def test_signals_carry_verdict_timing(received_at: datetime) -> None:
    verdict = evaluate(RULES, application(), message(FollowUpKind.THANK_YOU, received_at))

    assert verdict.signals.timing == verdict.timing


# The article's story: interview Monday, thanks on Tuesday, asks on day 8, rejected on day 15, asks
# for feedback once (answered) and then again.

THANKS = EarlierFollowUp(FollowUpKind.THANK_YOU, at(1))
INQUIRY = EarlierFollowUp(FollowUpKind.STATUS_INQUIRY, at(8))
FEEDBACK = EarlierFollowUp(FollowUpKind.FEEDBACK_REQUEST, at(16), answered=True)


@pytest.mark.parametrize(
    ("facts", "incoming", "expected"),
    [
        (
            application(),
            message(FollowUpKind.THANK_YOU, THANKS.received_at, "Terima kasih atas waktunya."),
            (Timing.ON_TIME, Sequence.WITHIN_LIMIT, 1, ResponseOwed.NONE, None, None),
        ),
        (
            application(earlier_followups=(THANKS,)),
            message(FollowUpKind.STATUS_INQUIRY, INQUIRY.received_at, "Kapan hasilnya keluar?"),
            (Timing.ON_TIME, Sequence.WITHIN_LIMIT, 2, ResponseOwed.ACKNOWLEDGE, on(14), None),
        ),
        (
            rejected_on(15, earlier_followups=(THANKS, INQUIRY)),
            message(FollowUpKind.FEEDBACK_REQUEST, FEEDBACK.received_at, "Boleh minta masukan?"),
            (Timing.AFTER_DECISION, Sequence.WITHIN_LIMIT, 1, ResponseOwed.FEEDBACK, None, at(19)),
        ),
        (
            rejected_on(15, earlier_followups=(THANKS, INQUIRY, FEEDBACK)),
            message(FollowUpKind.FEEDBACK_REQUEST, at(20), "Boleh minta masukan lagi?"),
            (Timing.AFTER_DECISION, Sequence.OVER_LIMIT, 2, ResponseOwed.NONE, None, None),
        ),
    ],
    ids=["thank-you-next-day", "status-inquiry-day-8", "feedback-after-rejection", "second-feedback-request"],
)
def test_article_story(facts: ApplicationFacts, incoming: Message, expected: tuple[object, ...]) -> None:
    verdict = evaluate(RULES, facts, incoming)

    assert (
        verdict.timing,
        verdict.sequence,
        verdict.number,
        verdict.response,
        verdict.expected_decision_date,
        verdict.reply_due_at,
    ) == expected


# Properties

START = datetime(2025, 1, 1, tzinfo=UTC)
properties = settings(deadline=None)

moments = st.integers(min_value=0, max_value=60 * 24 * 60).map(
    lambda minutes: START + timedelta(minutes=minutes)
)
kinds = st.sampled_from(FollowUpKind)
statuses = st.sampled_from(["active", "hired", "rejected", "withdrawn"])
rules_values = st.builds(
    Rules,
    thank_you_window_days=st.integers(0, 5),
    status_inquiry_wait_days=st.integers(0, 21),
    decision_window_days=st.integers(0, 30),
    followup_limit=st.integers(0, 4),
    feedback_limit=st.integers(0, 3),
    feedback_reply_days=st.integers(0, 7),
)
interviews_values = st.lists(
    st.builds(
        InterviewFacts,
        ends_at=moments,
        results_promised_by=st.none() | moments.map(lambda moment: moment.date()),
        cancelled=st.booleans(),
    ),
    max_size=3,
).map(tuple)
earlier_values = st.lists(
    st.builds(EarlierFollowUp, kind=kinds, received_at=moments, answered=st.booleans()), max_size=6
)
applications = st.builds(
    ApplicationFacts,
    status=statuses,
    decided_at=st.none() | moments,
    interviews=interviews_values,
    earlier_followups=earlier_values.map(tuple),
    position=st.sampled_from(["", "Backend Engineer", "Staf Admin & Keuangan"]),
    timezone=st.sampled_from(["Asia/Jakarta", "Asia/Jayapura", "UTC", "America/New_York"]),
)
messages = st.builds(
    Message, kind=kinds, received_at=moments, subject=st.text(max_size=40), text=st.text(max_size=80)
)


@properties
@given(rules=rules_values, facts=applications, incoming=messages)
def test_evaluate_is_deterministic_and_ignores_fact_order(
    rules: Rules, facts: ApplicationFacts, incoming: Message
) -> None:
    reordered = replace(
        facts, interviews=facts.interviews[::-1], earlier_followups=facts.earlier_followups[::-1]
    )

    assert (
        evaluate(rules, facts, incoming)
        == evaluate(rules, facts, incoming)
        == evaluate(rules, reordered, incoming)
    )


@properties
@given(
    rules=rules_values,
    facts=applications,
    history=st.lists(
        st.tuples(kinds, st.integers(1, 60 * 24 * 60)), max_size=8, unique_by=lambda pair: pair[1]
    ),
)
def test_numbers_count_up_as_followups_arrive_in_order(
    rules: Rules, facts: ApplicationFacts, history: list[tuple[FollowUpKind, int]]
) -> None:
    facts = replace(facts, earlier_followups=())
    numbered: list[tuple[FollowUpKind, int]] = []
    for kind, minutes in sorted(history, key=lambda pair: pair[1]):
        received_at = START + timedelta(minutes=minutes)
        numbered.append((kind, evaluate(rules, facts, Message(kind, received_at)).number))
        facts = replace(
            facts, earlier_followups=(*facts.earlier_followups, EarlierFollowUp(kind, received_at))
        )

    shared = [
        number
        for kind, number in numbered
        if kind in (FollowUpKind.THANK_YOU, FollowUpKind.STATUS_INQUIRY, FollowUpKind.OTHER)
    ]
    feedback = [number for kind, number in numbered if kind == FollowUpKind.FEEDBACK_REQUEST]
    assert shared == list(range(1, len(shared) + 1))
    assert feedback == list(range(1, len(feedback) + 1))
    assert all(number == 0 for kind, number in numbered if kind == FollowUpKind.WITHDRAWAL)


@properties
@given(rules=rules_values, facts=applications, incoming=messages, withdrawals=st.lists(moments, max_size=4))
def test_withdrawals_never_count(
    rules: Rules, facts: ApplicationFacts, incoming: Message, withdrawals: list[datetime]
) -> None:
    with_withdrawals = replace(
        facts,
        earlier_followups=facts.earlier_followups
        + tuple(EarlierFollowUp(FollowUpKind.WITHDRAWAL, m) for m in withdrawals),
    )

    assert evaluate(rules, with_withdrawals, incoming) == evaluate(rules, facts, incoming)
    withdrawal = evaluate(rules, facts, replace(incoming, kind=FollowUpKind.WITHDRAWAL))
    assert (withdrawal.sequence, withdrawal.number) == (Sequence.NOT_COUNTED, 0)


@properties
@given(rules=rules_values, facts=applications, incoming=messages)
def test_withdrawal_on_active_application_always_owes_withdraw(
    rules: Rules, facts: ApplicationFacts, incoming: Message
) -> None:
    verdict = evaluate(
        rules, replace(facts, status="active"), replace(incoming, kind=FollowUpKind.WITHDRAWAL)
    )

    assert verdict.response == ResponseOwed.WITHDRAW


@properties
@given(rules=rules_values, facts=applications, incoming=messages)
def test_over_limit_never_owes_a_response(rules: Rules, facts: ApplicationFacts, incoming: Message) -> None:
    verdict = evaluate(rules, facts, incoming)

    if verdict.sequence == Sequence.OVER_LIMIT:
        assert verdict.response == ResponseOwed.NONE
        assert verdict.reply_due_at is None


@properties
@given(rules=rules_values, facts=applications, incoming=messages)
def test_after_decision_iff_received_after_a_decision(
    rules: Rules, facts: ApplicationFacts, incoming: Message
) -> None:
    decided = (
        facts.status != "active" and facts.decided_at is not None and facts.decided_at <= incoming.received_at
    )

    assert (evaluate(rules, facts, incoming).timing == Timing.AFTER_DECISION) is decided


@properties
@given(
    rules=rules_values, facts=applications, incoming=messages, subject=st.text(max_size=40), text=st.text()
)
def test_signals_never_change_the_decision(
    rules: Rules, facts: ApplicationFacts, incoming: Message, subject: str, text: str
) -> None:
    # Only an `other` message's text is read, for its question mark.
    incoming = replace(
        incoming, kind=FollowUpKind.STATUS_INQUIRY if incoming.kind == FollowUpKind.OTHER else incoming.kind
    )
    rewritten = replace(incoming, subject=subject, text=text)

    assert replace(evaluate(rules, facts, rewritten), signals=None) == replace(
        evaluate(rules, facts, incoming), signals=None
    )
