from collections import Counter

import pytest

from recruitment.classification import FollowUpKind, classify_followup
from tests.recruitment.followup_messages import HELD_OUT, MESSAGES

THANK_YOU = FollowUpKind.THANK_YOU
STATUS = FollowUpKind.STATUS_INQUIRY
FEEDBACK = FollowUpKind.FEEDBACK_REQUEST
WITHDRAWAL = FollowUpKind.WITHDRAWAL
OTHER = FollowUpKind.OTHER


def test_kinds_have_the_stored_values_and_labels() -> None:
    assert {kind.value: str(kind.label) for kind in FollowUpKind} == {
        "thank_you": "Thank-you note",
        "status_inquiry": "Status inquiry",
        "feedback_request": "Feedback request",
        "withdrawal": "Withdrawal",
        "other": "Other",
    }


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Thank you - Data Analyst interview",
            "Dear Ms. Tan, thank you for meeting me yesterday. Best, Maya",
        ),
        ("", "thx for having me today, really enjoyed meeting the team!"),
        ("Ucapan Terima Kasih", "Yth. Bapak Hendra, saya mengucapkan terima kasih atas waktu Bapak kemarin."),
        ("", "makasih ya kak buat interview tadi, seneng banget bisa ngobrol sama tim"),
    ],
)
def test_thank_you_notes_are_thank_you(subject: str, body: str) -> None:
    assert classify_followup(subject, body) == THANK_YOU


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Following up - Marketing Coordinator",
            "Could you let me know if there is any update on my application?",
        ),
        ("", "hi! any news on the QA role?"),
        (
            "Informasi Hasil Wawancara",
            "Dengan hormat, saya ingin menanyakan apakah sudah ada kabar hasil wawancara.",
        ),
        ("", "kak kapan ya pengumuman hasil seleksinya?"),
        ("", "pak gimana kabarnya lamaran sy? udh 2 minggu blm ada info"),
    ],
)
def test_questions_about_the_outcome_are_status_inquiries(subject: str, body: str) -> None:
    assert classify_followup(subject, body) == STATUS


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Request for feedback", "I would be grateful for any feedback on my interview performance."),
        ("", "bummer. anything I could have done better?"),
        ("Permohonan Umpan Balik", "Mohon kesediaan Bapak memberikan masukan atas wawancara saya kemarin."),
        ("", "kak boleh minta feedback ga? kurangnya sy dimana ya"),
    ],
)
def test_requests_for_feedback_are_feedback_requests(subject: str, body: str) -> None:
    assert classify_followup(subject, body) == FEEDBACK


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Withdrawal of application", "I have accepted another offer and must withdraw my application."),
        ("", "Sorry, I'm no longer interested in the role. Please remove my application."),
        (
            "Pengunduran Diri",
            "Saya mengundurkan diri dari proses seleksi karena sudah menerima tawaran lain.",
        ),
        ("", "kak maaf sy udh diterima di tempat lain, jd ga lanjut proses ya"),
    ],
)
def test_withdrawals_are_withdrawals(subject: str, body: str) -> None:
    assert classify_followup(subject, body) == WITHDRAWAL


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Rescheduling request", "I can't make Thursday's interview. Would Friday morning work instead?"),
        ("", "hi, what's the dress code for the onsite tomorrow?"),
        ("Perubahan Nomor Telepon", "Nomor telepon saya berganti menjadi 0857-1234-5678. Terima kasih."),
        ("", "kak link zoom buat interview besok blm masuk ke email sy"),
    ],
)
def test_messages_with_no_follow_up_intent_are_other(subject: str, body: str) -> None:
    assert classify_followup(subject, body) == OTHER


def test_withdrawal_wins_over_thanks() -> None:
    body = "Thank you so much for the interview. I have accepted another offer and withdraw from the process."
    assert classify_followup("Thank you", body) == WITHDRAWAL


def test_withdrawal_wins_over_a_feedback_request() -> None:
    body = "I have accepted a position elsewhere and would like to withdraw. Could you share any feedback?"
    assert classify_followup("", body) == WITHDRAWAL


def test_feedback_request_wins_over_thanks_for_the_rejection() -> None:
    body = "Thanks for letting me know I was not selected; could you share feedback?"
    assert classify_followup("Re: Your application", body) == FEEDBACK


def test_feedback_request_wins_over_a_status_question() -> None:
    body = "Apakah hasilnya sudah final? Kalau boleh tahu, kenapa saya tidak lolos?"
    assert classify_followup("", body) == FEEDBACK


def test_status_question_wins_over_thanks() -> None:
    body = "Thank you for the interview. Could you tell me when I will hear back?"
    assert classify_followup("Re: Interview", body) == STATUS


def test_thanks_win_over_other_content() -> None:
    body = "Thanks for the interview yesterday! Here is the portfolio link I mentioned: github.com/aryawp"
    assert classify_followup("", body) == THANK_YOU


@pytest.mark.parametrize(
    "body",
    [
        "I am still very interested, not withdrawing. Any update on the timeline?",
        "Kak sy masih tertarik kok, ga mengundurkan diri. Kapan ya pengumumannya?",
    ],
)
def test_a_negated_withdrawal_is_not_a_withdrawal(body: str) -> None:
    assert classify_followup("", body) == STATUS


@pytest.mark.parametrize(
    "body",
    [
        "Terima kasih atas informasinya. Walaupun belum berhasil, saya senang sudah diberi kesempatan.",
        "Thank you for letting me know. I appreciate the honest answer.",
    ],
)
def test_thanks_after_a_rejection_without_asking_for_feedback_is_thank_you(body: str) -> None:
    assert classify_followup("Re: Hasil Seleksi", body) == THANK_YOU


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for the feedback, it was really helpful.",
        "Terima kasih atas masukannya Bu, akan saya jadikan bahan evaluasi.",
    ],
)
def test_thanks_for_feedback_is_not_a_feedback_request(body: str) -> None:
    assert classify_followup("", body) == THANK_YOU


def test_looking_forward_to_hearing_from_you_is_a_polite_closing() -> None:
    body = "Thank you for the engaging interview. I look forward to hearing from you.\n\nBest regards,\nNadia"
    assert classify_followup("Thank you", body) == THANK_YOU


@pytest.mark.parametrize(
    "body",
    [
        "Attached is my updated CV.\n\nThank you.\nReza",
        "Berikut saya lampirkan transkrip nilai.\n\nTerima kasih atas perhatiannya.\nAlif",
    ],
)
def test_a_closing_thanks_does_not_make_a_thank_you_note(body: str) -> None:
    assert classify_followup("", body) == OTHER


def test_quoted_reply_text_is_ignored() -> None:
    body = (
        "Thanks for letting me know.\n\n"
        "On Mon, 3 Mar 2025 at 10:00, HR <hr@example.com> wrote:\n"
        "> We have decided not to move forward. Would you like feedback? We could withdraw the offer.\n"
    )
    assert classify_followup("Re: Your application", body) == THANK_YOU


def test_the_message_set_covers_every_kind_language_and_register() -> None:
    combinations = Counter((kind, language, register) for _, _, kind, language, register in MESSAGES)
    expected = {
        (kind, language, register)
        for kind in FollowUpKind.values
        for language in ("id", "en")
        for register in ("formal", "casual")
    }
    assert len(MESSAGES) >= 120
    assert set(combinations) == expected
    assert HELD_OUT


def test_accuracy_on_the_message_set_is_at_least_90_percent() -> None:
    hits_by_kind: dict[str, list[bool]] = {kind: [] for kind in FollowUpKind.values}
    for subject, body, expected, _, _ in MESSAGES:
        hits_by_kind[expected].append(classify_followup(subject, body) == expected)
    hits = [hit for kind_hits in hits_by_kind.values() for hit in kind_hits]

    assert sum(hits) / len(hits) >= 0.90
    recall = {kind: sum(kind_hits) / len(kind_hits) for kind, kind_hits in hits_by_kind.items()}
    assert min(recall.values()) >= 0.80, recall
