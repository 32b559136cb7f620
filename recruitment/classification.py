"""Classify a candidate's follow-up email after an interview (Indonesian or English).

Pure functions only: no ORM, clock, network or I/O, so the module imports without configured
Django settings and can be measured by ``scripts/classifier_accuracy.py``.

The classifier looks for phrases that express an intent, per kind and language, over normalized
text. A message often carries several intents (a thank-you that also asks about the result); the
intent that asks HR to act wins, see ``_PRIORITY``.
"""

import re
import unicodedata

from django.db import models
from django.utils.translation import gettext_lazy as _


class FollowUpKind(models.TextChoices):
    THANK_YOU = "thank_you", _("Thank-you note")
    STATUS_INQUIRY = "status_inquiry", _("Status inquiry")
    FEEDBACK_REQUEST = "feedback_request", _("Feedback request")
    WITHDRAWAL = "withdrawal", _("Withdrawal")
    OTHER = "other", _("Other")


# Each step down owes HR less work: a withdrawal closes the application, a feedback request and a
# status question each need a reply, a thank-you needs none.
_PRIORITY: tuple[FollowUpKind, ...] = (
    FollowUpKind.WITHDRAWAL,
    FollowUpKind.FEEDBACK_REQUEST,
    FollowUpKind.STATUS_INQUIRY,
    FollowUpKind.THANK_YOU,
)

# Chat spellings and contractions are mapped to one standard form so that the patterns below only
# need to know the standard one. Indonesian negators all become "tidak".
_SPELLINGS: dict[str, str] = {
    # Indonesian
    "sy": "saya",
    "aku": "saya",
    "gue": "saya",
    "gw": "saya",
    "udah": "sudah",
    "udh": "sudah",
    "sdh": "sudah",
    "dah": "sudah",
    "blm": "belum",
    "blom": "belum",
    "msh": "masih",
    "ga": "tidak",
    "gak": "tidak",
    "gk": "tidak",
    "nggak": "tidak",
    "ngga": "tidak",
    "enggak": "tidak",
    "engga": "tidak",
    "tdk": "tidak",
    "kpn": "kapan",
    "gimana": "bagaimana",
    "gmn": "bagaimana",
    "gmana": "bagaimana",
    "makasih": "terima kasih",
    "makasi": "terima kasih",
    "mksh": "terima kasih",
    "trmksh": "terima kasih",
    "trims": "terima kasih",
    "terimakasih": "terima kasih",
    "tq": "terima kasih",
    "yg": "yang",
    "dgn": "dengan",
    "dr": "dari",
    "krn": "karena",
    "jd": "jadi",
    "utk": "untuk",
    "tau": "tahu",
    "kalo": "kalau",
    "dpt": "dapat",
    "dapet": "dapat",
    "kmrn": "kemarin",
    "kemaren": "kemarin",
    "dikabarin": "dikabari",
    "nanya": "tanya",
    "bnyk": "banyak",
    "tmpt": "tempat",
    # English
    "u": "you",
    "ur": "your",
    "pls": "please",
    "plz": "please",
    "abt": "about",
    "wanna": "want to",
    "gonna": "going to",
    "wud": "would",
    "cud": "could",
    "thx": "thanks",
    "thnx": "thanks",
    "thnks": "thanks",
    "thanx": "thanks",
    "im": "i am",
    "ive": "i have",
    "dont": "do not",
    "didnt": "did not",
    "doesnt": "does not",
    "wasnt": "was not",
    "werent": "were not",
    "havent": "have not",
    "hasnt": "has not",
    "isnt": "is not",
    "wont": "will not",
    "cant": "can not",
    "couldnt": "could not",
    "theres": "there is",
}

_CONTRACTIONS: tuple[tuple[str, str], ...] = (
    (r"\bwon't\b", "will not"),
    (r"\bcan't\b", "can not"),
    (r"n't\b", " not"),
    (r"'m\b", " am"),
    (r"'re\b", " are"),
    (r"'ve\b", " have"),
    (r"'ll\b", " will"),
    (r"'d\b", " would"),
    (r"'s\b", ""),
)

# A negator this many words before a match cancels it ("not withdrawing", "tidak jadi mundur").
_NEGATION_WINDOW = 3
_NEGATORS = frozenset({"not", "no", "never", "tidak", "tak", "bukan", "jangan", "belum"})
# Casual Indonesian asks with a trailing "ga": in "boleh tau ga kenapa ..." it negates nothing.
_QUESTION_TAG = re.compile(r"\b(boleh|bisa|ada|mau|tahu)( \w+)? tidak\b")

# Thanking someone for their attention closes almost every formal letter, whatever it is about, so
# it is no sign of a thank-you note; neither is a sentence that is only "Terima kasih, Pak."
_BARE_THANKS = re.compile(
    r"(many |big )?(terima kasih|thank you|thanks)"
    r"( (banyak|ya|yaa|sekali|sebelumnya|pak|bu|bapak|ibu|kak|kakak|min|so much|very much|in advance))*"
)
_CLOSING_FORMULAS = re.compile(
    r"\b(terima kasih|thank you|thanks)( \w+){0,2} (atas|for) (your )?"
    r"(perhatian|pengertian|kerja ?sama|bantuan|attention|understanding|consideration|cooperation)\w*"
    r"|\batas perhatian\w*\b.*\bterima kasih\b"
)

_QUOTED_REPLY_HEADER = re.compile(r"(wrote|menulis):\s*$|^-+ ?(original message|pesan asli)", re.IGNORECASE)

# A sentence that asks: a question mark (kept by _sentences as a final "?") or a request phrase.
_ASKING = re.compile(
    r"\?$|\b(could|can|would|will) (you|i|we)\b|\b(please|kindly|wondering|mind)\b"
    r"|\bi would (like|appreciate|be grateful)\b|\bwould be (welcome|appreciated|helpful)\b"
    r"|\b(apakah|apa|bolehkah|bisakah|adakah|sudahkah|kah|boleh|mohon|minta|tolong|berkenan|bersedia)\b"
    r"|\b(menghargai|berterima kasih) (apabila|jika|bila)\b"
)

_WITHDRAWAL_EN = (
    r"\bwithdraw\w*",
    r"\b(accept\w*|taken|took|take|taking|signed|chose|choosing|join\w*|pursue|pursuing|go(ing)? with)\b "
    r"(\w+ ){0,3}(another|other|different) (job|offer|role|position|company|opportunity|employer)\b",
    r"\baccepted (a|an) (job|offer|position|role)\b",
    r"\b(job|position|role|offer|opportunity|something) (\w+ ){0,2}elsewhere\b",
    r"\bno longer (interested|available|pursuing|looking)\b|\bnot interested any ?more\b",
    r"\b(take|remove) me\b|\b(cancel|remove|retract)\w* my (\w+ ){0,2}(application|candidacy)\b",
    r"\bout of the running\b|\bbow out\b|\bpass on (this|the)\b",
    r"\b(drop|step|pull)\w* (out|back|away) (of|from) (the|this) (process|recruitment|running)\b",
    r"\bnot (\w+ ){0,3}(the )?right fit for me\b",
    r"\b(decided to|must|have to|will|going to|would like to) (decline|turn (it |this )?down)\b",
    r"\bdeclin\w* (the|your|this) (offer|invitation)\b|\bnot (be able to )?accept (it|the|your|this)\b",
    r"\bi (\w+ ){0,4}not (\w+ ){0,2}(continu\w*|proceed\w*|move forward|moving forward)\b",
    r"\b(remain|stay)\w* (with|at|in) my current\b",
    r"\bfound (something|another|a (job|role|position))\b",
)
_WITHDRAWAL_ID = (
    r"\b(mengundurkan diri|pengunduran diri|mundur)\b",
    r"\b(menerima|ambil|mengambil) (\w+ ){0,2}(tawaran|offering|pekerjaan|kerjaan|posisi)\b.{0,30}\blain\b",
    r"\b(diterima|keterima|bekerja|kerja|bergabung|gabung) (\w+ ){0,2}(di|dengan|ke) "
    r"(tempat|perusahaan|kantor) lain\b",
    r"\b(sudah|telah) (dapat|mendapat|mendapatkan) (kerja|pekerjaan|kerjaan)\b",
    r"\b(sudah|telah) diterima (kerja|bekerja) di\b",
    r"\btidak (\w+ )?(mengikuti|ikut|mengambil) (proses|tahap|kesempatan)\b",
    r"\b(saya|mau|ingin) cancel\b",
    r"\b(membatalkan|pembatalan|batalkan) lamaran\b",
    r"\btidak (bisa |dapat |akan |jadi |mau )?(lanjut|melanjutkan|meneruskan)\b|\btidak jadi ikut\b",
    r"\bmenolak (tawaran|offering|penawaran)\b",
    r"\btidak (lagi )?(minat|berminat|tertarik)\b",
    r"\bbertahan di (perusahaan|kantor|tempat)\b",
    r"\btidak (di)?proses\w* lagi\b",
    r"\bkontrak (dengan|di) (perusahaan|tempat) lain\b",
)

# Feedback counts only when it is asked for: "thanks for the feedback" is a thank-you. Casual
# "kasih" means "give", but not inside "terima kasih".
_FEEDBACK_EN = (
    r"\b(share|give|provide|send|get|receive|offer|have|any|some)\b.{0,30}\bfeedback\b",
    r"\bfeedback request\b|\brequest\w* (for )?feedback\b",
    r"\b(why|reason|reasons)\b.{0,50}\b(not|unsuccessful|rejected|declined|turned down)\b",
    r"\b(what|which|where|any|areas?|something|anything)\b.{0,40}"
    r"\b(improve|work on|focus on|fell short|missing from my|lacking|did not meet)\b",
    r"\b(what|how)\b.{0,30}\b(panel|interviewers?|team|you)\b.{0,10}\b(thought|think)\b",
    r"\b(notes|comments|perspective|input)\b (from|on)\b",
)
_FEEDBACK_ID = (
    r"\b(minta|meminta|mohon|memberikan|berikan|(?<!terima )kasih|ada|berbagi|mendapat|mendapatkan|mengetahui)\b"
    r".{0,25}\b(masukan|masukkan|feedback|umpan balik|saran|evaluasi|catatan)",
    r"\b(kenapa|mengapa|alasan\w*|pertimbangan\w*|bikin|membuat)\b.{0,30}\b(tidak|belum) (bisa )?"
    r"(lolos|diterima|terpilih|berhasil|lulus|lanjut)\b",
    r"\b(kurangnya|kekurangan saya|bagian mana)\b",
    r"\b(yang|apa)\b.{0,20}\bkurang\b(?! lebih)",
    r"\b(perlu|harus) (saya )?(perbaiki|tingkatkan|pelajari)\b",
)
_FEEDBACK_ASKED = (
    r"\b(criticism|critique|advice|tips|pointers|suggestions|improve\w*|differently|weak\w*)\b",
    r"\b(done|do) better\b|\bfell short\b",
    r"\b(feedback|masukk?an|umpan balik|evaluasi|kritik|saran|catatan|kekurangan|penilaian)\w*",
    r"\b(perbaiki|diperbaiki|tingkatkan|ditingkatkan|kurang|kurangnya)\b(?! lebih)",
)

_STATUS_EN = (
    r"\bany (update|updates|news|word|progress)\b",
    r"\b(inquire|enquire|ask|asking|check|checking|follow up|following up|know|wondering|wonder)\b.{0,60}"
    r"\b(status|outcome|result|results|decision|timeline|update|progress|news)\b",
    r"\bwhen\b.{0,40}\b(hear|decision|decide|results?|outcome|news|update|announce\w*)\b",
    r"\bwhere (things|it|my application) stands?\b",
    r"\b(follow|following) up (on|regarding|about) (my|the) (interview|application|candidacy)\b",
    r"\bstill (being )?(considered|under consideration|in consideration|in the running)\b",
    r"\b(still open|been filled|already filled|filled already)\b",
    r"\bdid i (pass|get|make)\b|\bhave i (passed|been selected|got)\b",
    r"\bhave not (heard|received) (back|anything|any\w*)\b",
    r"\bdecision\b.{0,30}\b(made|expected|reached)\b",
)
_STATUS_ID = (
    r"\b(sudah|apakah) ada (kabar|informasi|info|update|keputusan|pengumuman|hasil|perkembangan)\b",
    r"\b(tanya|menanyakan|bertanya|mengetahui|tahu|konfirmasi|follow up|menindaklanjuti)\b.{0,50}"
    r"\b(hasil|pengumuman|keputusan|kabar|perkembangan|kelanjutan|status|lolos|proses|lamaran)",
    r"\bmohon (info|informasi|kabar)\w*\b.{0,50}\b(hasil|keputusan|kabar|pengumuman|seleksi|lamaran|lolos)",
    r"\bkapan\b.{0,40}\b(pengumuman|hasil|keluar|dikabari|kabar|diumumkan|informasi|info|keputusan)",
    r"\bbagaimana (kabar\w* )?(hasil|lamaran|proses|kelanjutan|seleksi)",
    r"\b(lolos|diterima|keterima)\b.{0,15}\b(atau|apa) (tidak|belum|nggak\w*|gak\w*|enggak\w*)",
    r"\batau (saya )?(belum|tidak) lolos\b",
    r"\bmasih (dalam proses|diproses|dipertimbangkan|dalam pertimbangan|dibuka|buka|tersedia)\b",
    r"\b(sudah|telah) (terisi|selesai|diumumkan|keluar)\b",
    r"\bbelum (menerima|mendapat|dapat|ada) (informasi|kabar|email|info|update|pengumuman|jawaban|balasan)\b",
)
# "Apa kabar?" greets; it does not ask about the application.
_STATUS_ASKED = (
    r"\b(news|updates?|decision|decided|decide|results?|outcome|heard|progress|timeline|status)\b",
    r"\b(selected|shortlisted|successful|next (round|stage|steps?))\b",
    r"\b(hasil|pengumuman|keputusan|kelanjutan|perkembangan|update)\w*|(?<!apa )\bkabar\w*",
    r"\b(lolos|lulus|terpilih|diterima|keterima)\b",
)

_THANK_YOU_EN = (
    r"\b(thank you|thanks|thankful)\b|\bappreciat(e|ed|ion|ive)\b|\bgrateful\b|\bcheers for\b",
    r"\benjoy(ed)?\b|\b(great|nice|lovely|pleasure) (meeting|speaking|talking|to meet|chatting)\b",
)
_THANK_YOU_ID = (
    r"\b(ber)?terima ?kasih\b|\b(kehormatan|apresiasi)\b",
    r"\b(senang|seneng) (sekali |banget |sangat )?(bisa|dapat|sudah|telah)\b",
)


def _compile(*tables: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for table in tables for pattern in table))


# What states an intent in any sentence.
_STATED: dict[FollowUpKind, re.Pattern[str]] = {
    FollowUpKind.WITHDRAWAL: _compile(_WITHDRAWAL_EN, _WITHDRAWAL_ID),
    FollowUpKind.FEEDBACK_REQUEST: _compile(_FEEDBACK_EN, _FEEDBACK_ID),
    FollowUpKind.STATUS_INQUIRY: _compile(_STATUS_EN, _STATUS_ID),
    FollowUpKind.THANK_YOU: _compile(_THANK_YOU_EN, _THANK_YOU_ID),
}
# What states an intent only in a sentence that asks: "hasilnya?" asks for the result, while
# "hasil seleksi sudah saya terima" only mentions it.
_ASKED: dict[FollowUpKind, re.Pattern[str]] = {
    FollowUpKind.FEEDBACK_REQUEST: _compile(_FEEDBACK_ASKED),
    FollowUpKind.STATUS_INQUIRY: _compile(_STATUS_ASKED),
}


def _own_text(body: str) -> str:
    """The candidate's own words: quoted lines and the quoted email after a reply header are not."""
    lines: list[str] = []
    for line in body.splitlines():
        if _QUOTED_REPLY_HEADER.search(line):
            break
        if not line.lstrip().startswith(">"):
            lines.append(line)
    return "\n".join(lines)


def _normalize(sentence: str) -> str:
    text = unicodedata.normalize("NFKD", sentence.lower().replace("\u2019", "'"))
    text = "".join(char for char in text if not unicodedata.combining(char))
    for contraction, expansion in _CONTRACTIONS:
        text = re.sub(contraction, expansion, text)
    # Indonesian chat writes reduplication with a 2: "kira2" is "kira kira".
    text = re.sub(r"\b([a-z]{3,})2\b", r"\1 \1", text)
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    return _QUESTION_TAG.sub(r"\1\2", " ".join(_SPELLINGS.get(word, word) for word in words))


def _sentences(subject: str, body: str) -> list[str]:
    """Normalized sentences, a question ending in " ?", without closings and bare thanks."""
    parts = re.split(r"([.!?;\n]+)", f"{subject}\n{_own_text(body)}")
    sentences: list[str] = []
    for text, delimiter in zip(parts[::2], [*parts[1::2], ""], strict=True):
        sentence = _CLOSING_FORMULAS.sub(" ", _normalize(text)).strip()
        if sentence and not _BARE_THANKS.fullmatch(sentence):
            sentences.append(f"{sentence} ?" if "?" in delimiter else sentence)
    return sentences


def _expresses(pattern: re.Pattern[str], sentence: str) -> bool:
    """True if the sentence states the pattern's intent and does not negate it."""
    for match in pattern.finditer(sentence):
        preceding = sentence[: match.start()].split()[-_NEGATION_WINDOW:]
        if _NEGATORS.isdisjoint(preceding):
            return True
    return False


def _intents(sentence: str) -> set[FollowUpKind]:
    stated = {kind for kind, pattern in _STATED.items() if _expresses(pattern, sentence)}
    if not _ASKING.search(sentence):
        return stated
    return stated | {kind for kind, pattern in _ASKED.items() if _expresses(pattern, sentence)}


def _decide(intents: set[FollowUpKind]) -> FollowUpKind:
    return next((kind for kind in _PRIORITY if kind in intents), FollowUpKind.OTHER)


def classify_followup(subject: str, body: str) -> FollowUpKind:
    """The kind of a candidate's follow-up message; the intent that needs most action wins."""
    return _decide({kind for sentence in _sentences(subject, body) for kind in _intents(sentence)})
