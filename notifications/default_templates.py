"""Built-in default email templates, in Indonesian (``id``) and English (``en``).

Organizations can override any of these; these are the fallback. Subjects and bodies are Django
template strings rendered as plain text. Following the source article, every candidate email names
the position in its subject, greets the candidate by name, thanks them, states its purpose early and
closes with the HR contact. Each paragraph of a body is a single line (mail clients wrap it).

Context for candidate emails (every kind except ``hr_digest``):
    candidate_name: the candidate's full name.
    position: the job title.
    organization: the organization's name.
    interviewer: name of the last interviewer; may be empty.
    expected_decision_date: preformatted date the decision is expected ("3 Desember 2026"); may be empty.
    feedback_text: HR's feedback to the candidate; only for ``feedback_reply``.
    hr_contact: who to contact at HR, e.g. "Rina, HR PT Nusantara Digital <hr@nusantara.test>".

Context for ``hr_digest`` (sent to an HR user, not to a candidate):
    recipient_name: the HR user's name.
    organization: the organization's name.
    overdue_decisions: list of dicts with candidate_name, position, due (preformatted); past the deadline.
    due_soon: list of dicts with candidate_name, position, due (preformatted); deadline approaching.
    awaiting_reply: list of dicts with candidate_name, position, waiting_days (int); unanswered follow-ups.
    failed_emails: number of emails that failed to send (int).
    admin_url: URL of the HR web admin.
"""

from typing import NamedTuple


class DefaultTemplate(NamedTuple):
    subject: str
    body: str


def _body(*paragraphs: str) -> str:
    """Join paragraphs with a blank line between them; the body ends with a newline."""
    return "\n\n".join(paragraphs) + "\n"


DEFAULT_TEMPLATES: dict[tuple[str, str], DefaultTemplate] = {
    # Acknowledgement of a candidate's question about the status of their application.
    ("followup_ack", "id"): DefaultTemplate(
        subject="Informasi Proses Seleksi Posisi {{ position }} - {{ organization }}",
        body=_body(
            "Halo {{ candidate_name }},",
            "Terima kasih telah menanyakan perkembangan lamaran Anda untuk posisi {{ position }} "
            "di {{ organization }}. Saat ini proses seleksi masih berjalan dan keputusan akhir belum "
            "diambil.",
            "{% if expected_decision_date %}Kami akan menyampaikan hasilnya kepada Anda paling lambat "
            "{{ expected_decision_date }}.{% else %}Kami akan menyampaikan hasilnya kepada Anda segera "
            "setelah keputusan diambil.{% endif %} "
            "{% if interviewer %}{{ interviewer }} dan tim kami menghargai waktu yang telah Anda luangkan "
            "untuk wawancara. {% endif %}Terima kasih atas kesabaran Anda.",
            "Jika ada pertanyaan, silakan hubungi kami melalui kontak di bawah ini.",
            "Salam,\n{{ hr_contact }}",
        ),
    ),
    ("followup_ack", "en"): DefaultTemplate(
        subject="Update on your application for {{ position }} - {{ organization }}",
        body=_body(
            "Hello {{ candidate_name }},",
            "Thank you for asking about your application for the {{ position }} position at "
            "{{ organization }}. Our selection process is still under way and no decision has been made yet.",
            "{% if expected_decision_date %}We will let you know the outcome by "
            "{{ expected_decision_date }}.{% else %}We will let you know the outcome as soon as a decision "
            "has been made.{% endif %} "
            "{% if interviewer %}{{ interviewer }} and the team appreciate the time you spent with us at "
            "the interview. {% endif %}Thank you for your patience.",
            "If you have any questions in the meantime, please contact us using the details below.",
            "Best regards,\n{{ hr_contact }}",
        ),
    ),
    # Outcome after the interview: not selected.
    ("rejection", "id"): DefaultTemplate(
        subject="Hasil Seleksi Posisi {{ position }} - {{ organization }}",
        body=_body(
            "Yth. {{ candidate_name }},",
            "Terima kasih atas waktu dan minat Anda untuk bergabung dengan {{ organization }} sebagai "
            "{{ position }}{% if interviewer %}, termasuk wawancara bersama {{ interviewer }}{% endif %}.",
            "Setelah mempertimbangkan dengan saksama, dengan berat hati kami sampaikan bahwa Anda belum "
            "terpilih untuk posisi tersebut kali ini.",
            "Kami sangat menghargai usaha yang telah Anda berikan selama proses seleksi. Semoga sukses "
            "untuk langkah karier Anda berikutnya, dan kami akan senang menerima lamaran Anda kembali "
            "pada kesempatan lain.",
            "Jika Anda ingin mendapatkan masukan mengenai wawancara Anda, silakan hubungi kami melalui "
            "kontak di bawah ini.",
            "Salam,\n{{ hr_contact }}",
        ),
    ),
    ("rejection", "en"): DefaultTemplate(
        subject="Your application for {{ position }} at {{ organization }}",
        body=_body(
            "Dear {{ candidate_name }},",
            "Thank you for your interest in the {{ position }} position at {{ organization }} and for the "
            "time you gave us{% if interviewer %}, including your interview with "
            "{{ interviewer }}{% endif %}.",
            "After careful consideration, we regret to let you know that you have not been selected for "
            "the role this time.",
            "We truly appreciate the effort you put into the process and wish you every success in your "
            "next step. We would be glad to hear from you again for future openings.",
            "If you would like feedback on your interview, please contact us using the details below.",
            "Kind regards,\n{{ hr_contact }}",
        ),
    ),
    # No decision within the decision window: the application is closed automatically.
    ("auto_rejection", "id"): DefaultTemplate(
        subject="Kabar Lamaran Posisi {{ position }} - {{ organization }}",
        body=_body(
            "Yth. {{ candidate_name }},",
            "Terima kasih atas kesabaran Anda menunggu kabar mengenai lamaran Anda untuk posisi "
            "{{ position }} di {{ organization }}.",
            "Dengan berat hati kami sampaikan bahwa proses seleksi untuk lamaran Anda tidak kami "
            "lanjutkan. Kami mohon maaf karena kabar ini baru kami sampaikan sekarang dan Anda harus "
            "menunggu cukup lama.",
            "Terima kasih atas waktu dan minat Anda{% if interviewer %}, termasuk wawancara bersama "
            "{{ interviewer }}{% endif %}. Semoga sukses untuk langkah karier Anda berikutnya.",
            "Jika ada pertanyaan, silakan hubungi kami melalui kontak di bawah ini.",
            "Salam,\n{{ hr_contact }}",
        ),
    ),
    ("auto_rejection", "en"): DefaultTemplate(
        subject="Update on your application for {{ position }} at {{ organization }}",
        body=_body(
            "Dear {{ candidate_name }},",
            "Thank you for your patience while waiting to hear about your application for the "
            "{{ position }} position at {{ organization }}.",
            "We are sorry to let you know that we will not be continuing the selection process with your "
            "application. We apologise that it has taken us this long to get back to you.",
            "Thank you for your time and interest{% if interviewer %}, including your interview with "
            "{{ interviewer }}{% endif %}. We wish you all the best in your job search.",
            "If you have any questions, please contact us using the details below.",
            "Kind regards,\n{{ hr_contact }}",
        ),
    ),
    # Good news: selected; the offer details follow separately.
    ("offer", "id"): DefaultTemplate(
        subject="Selamat! Anda Terpilih untuk Posisi {{ position }} - {{ organization }}",
        body=_body(
            "Halo {{ candidate_name }},",
            "Terima kasih telah mengikuti proses seleksi untuk posisi {{ position }} di {{ organization }}. "
            "Dengan senang hati kami sampaikan bahwa Anda terpilih untuk posisi tersebut. Selamat!",
            "{% if interviewer %}{{ interviewer }} dan tim kami senang dapat mengenal Anda selama proses "
            "seleksi. {% endif %}Dalam waktu dekat, tim HR kami akan menghubungi Anda untuk menyampaikan "
            "detail penawaran kerja beserta langkah selanjutnya.",
            "Jika ada yang ingin ditanyakan sebelumnya, silakan hubungi kami melalui kontak di bawah ini. "
            "Kami berharap dapat segera menyambut Anda di tim kami.",
            "Salam hangat,\n{{ hr_contact }}",
        ),
    ),
    ("offer", "en"): DefaultTemplate(
        subject="Congratulations: you have been selected for {{ position }} at {{ organization }}",
        body=_body(
            "Hello {{ candidate_name }},",
            "Thank you for taking part in our selection process for the {{ position }} position at "
            "{{ organization }}. We are delighted to let you know that you have been selected for the role. "
            "Congratulations!",
            "{% if interviewer %}{{ interviewer }} and the team enjoyed getting to know you. {% endif %}"
            "Our HR team will contact you shortly with the details of the offer and the next steps.",
            "If you have any questions in the meantime, please contact us using the details below. "
            "We hope to welcome you to the team soon.",
            "Warm regards,\n{{ hr_contact }}",
        ),
    ),
    # Reply to a candidate's request for feedback after the outcome.
    ("feedback_reply", "id"): DefaultTemplate(
        subject="Masukan atas Proses Seleksi Posisi {{ position }} - {{ organization }}",
        body=_body(
            "Halo {{ candidate_name }},",
            "Terima kasih telah meminta masukan mengenai proses seleksi untuk posisi {{ position }} di "
            "{{ organization }}. Kami menghargai keinginan Anda untuk terus berkembang. Berikut masukan "
            "dari tim kami:",
            "{{ feedback_text }}",
            "Semoga masukan ini bermanfaat untuk langkah Anda berikutnya. Kami mendoakan yang terbaik "
            "untuk perjalanan karier Anda.",
            "Jika ada pertanyaan, silakan hubungi kami melalui kontak di bawah ini.",
            "Salam,\n{{ hr_contact }}",
        ),
    ),
    ("feedback_reply", "en"): DefaultTemplate(
        subject="Feedback on your application for {{ position }} at {{ organization }}",
        body=_body(
            "Hello {{ candidate_name }},",
            "Thank you for asking for feedback on your application for the {{ position }} position at "
            "{{ organization }}. We appreciate your wish to keep growing. Here is the feedback from our "
            "team:",
            "{{ feedback_text }}",
            "We hope you find it useful for your next step, and we wish you all the best in your career.",
            "If you have any questions, please contact us using the details below.",
            "Kind regards,\n{{ hr_contact }}",
        ),
    ),
    # Confirmation that the candidate's withdrawal was received and the application closed.
    ("withdrawal_confirmation", "id"): DefaultTemplate(
        subject="Konfirmasi Pengunduran Diri dari Seleksi Posisi {{ position }} - {{ organization }}",
        body=_body(
            "Halo {{ candidate_name }},",
            "Terima kasih telah mengabari kami. Kami telah menerima pengunduran diri Anda dari proses "
            "seleksi untuk posisi {{ position }} di {{ organization }}, dan lamaran Anda kini telah kami "
            "tutup.",
            "Kami menghargai keterbukaan Anda serta waktu yang telah Anda luangkan{% if interviewer %}, "
            "termasuk wawancara bersama {{ interviewer }}{% endif %}. Semoga sukses untuk langkah karier "
            "Anda berikutnya, dan kami akan senang bertemu kembali pada kesempatan lain.",
            "Jika ada yang ingin disampaikan, silakan hubungi kami melalui kontak di bawah ini.",
            "Salam,\n{{ hr_contact }}",
        ),
    ),
    ("withdrawal_confirmation", "en"): DefaultTemplate(
        subject="Withdrawal confirmed: your application for {{ position }} at {{ organization }}",
        body=_body(
            "Hello {{ candidate_name }},",
            "Thank you for letting us know. We have received your withdrawal from the selection process "
            "for the {{ position }} position at {{ organization }}, and your application is now closed.",
            "We appreciate your openness and the time you gave us{% if interviewer %}, including your "
            "interview with {{ interviewer }}{% endif %}. Good luck with your next step; we would be glad "
            "to cross paths again in the future.",
            "If there is anything else you would like to tell us, please contact us using the details below.",
            "Kind regards,\n{{ hr_contact }}",
        ),
    ),
    # Daily digest to HR users: overdue and upcoming decisions, unanswered follow-ups, failed emails.
    ("hr_digest", "id"): DefaultTemplate(
        subject="Ringkasan Harian Rekrutmen {{ organization }}",
        body=_body(
            "Halo {{ recipient_name }},",
            "Berikut ringkasan rekrutmen {{ organization }} hari ini.",
            "Keputusan yang sudah melewati tenggat ({{ overdue_decisions|length }}):"
            "{% for item in overdue_decisions %}\n- {{ item.candidate_name }}, {{ item.position }} "
            "(tenggat {{ item.due }}){% empty %}\n- Tidak ada.{% endfor %}",
            "Keputusan yang segera jatuh tempo ({{ due_soon|length }}):"
            "{% for item in due_soon %}\n- {{ item.candidate_name }}, {{ item.position }} "
            "(tenggat {{ item.due }}){% empty %}\n- Tidak ada.{% endfor %}",
            "Follow-up kandidat yang belum dibalas ({{ awaiting_reply|length }}):"
            "{% for item in awaiting_reply %}\n- {{ item.candidate_name }}, {{ item.position }} "
            "(menunggu {{ item.waiting_days }} hari){% empty %}\n- Tidak ada.{% endfor %}",
            "{% if failed_emails %}Ada {{ failed_emails }} email yang gagal terkirim. Mohon periksa "
            "kotak keluar.\n\n{% endif %}Tindak lanjuti di Kabar: {{ admin_url }}",
            "Salam,\nKabar",
        ),
    ),
    ("hr_digest", "en"): DefaultTemplate(
        subject="Daily recruitment digest for {{ organization }}",
        body=_body(
            "Hello {{ recipient_name }},",
            "Here is today's recruitment summary for {{ organization }}.",
            "Decisions past their deadline ({{ overdue_decisions|length }}):"
            "{% for item in overdue_decisions %}\n- {{ item.candidate_name }}, {{ item.position }} "
            "(due {{ item.due }}){% empty %}\n- None.{% endfor %}",
            "Decisions due soon ({{ due_soon|length }}):"
            "{% for item in due_soon %}\n- {{ item.candidate_name }}, {{ item.position }} "
            "(due {{ item.due }}){% empty %}\n- None.{% endfor %}",
            "Candidate follow-ups awaiting a reply ({{ awaiting_reply|length }}):"
            "{% for item in awaiting_reply %}\n- {{ item.candidate_name }}, {{ item.position }} "
            "(waiting {{ item.waiting_days }} day{{ item.waiting_days|pluralize }}){% empty %}\n- None."
            "{% endfor %}",
            "{% if failed_emails %}{{ failed_emails }} email{{ failed_emails|pluralize }} could not be "
            "sent. Please check the outbox.\n\n{% endif %}Follow up in Kabar: {{ admin_url }}",
            "Best regards,\nKabar",
        ),
    ),
}
