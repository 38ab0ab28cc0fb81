"""Word lists and small helpers of the entity check: which English words may be names, which
Arabic words are name words, and how a short form of a name is recognised."""

from __future__ import annotations

import re
from functools import lru_cache

from aligner.arabic.names import (
    arabic_skeleton,
    english_skeleton,
    exonym_forms,
    looks_transliterated,
)
from aligner.arabic.normalize import (
    arabic_tokens,
    dediacritize,
    normalize,
    strip_article,
    strip_clitics,
)
from aligner.checks.entity.locate import GENERIC_WORDS
from aligner.ner import Entity
from aligner.records import Segment, Span


def ar_fold(word: str, dediac: bool = True) -> str:
    """Diacritics and hamza-alef folded, but ى kept apart from ي (على is not علي)."""
    return re.sub("[أإآ]", "ا", dediacritize(word) if dediac else word)


#: Common Arabic given names and name words (folded by ``ar_fold``): evidence that an Arabic
#: span is a person's name when it replaces one.
AR_GIVEN = frozenset(ar_fold(w, dediac=False) for w in [
    "محمد", "أحمد", "محمود", "مصطفى", "علي", "حسن", "حسين", "عمر", "عثمان", "خالد", "سعد",
    "إبراهيم", "إسماعيل", "يوسف", "يعقوب", "موسى", "عيسى", "داود", "سليمان",
    "سمير", "ياسر", "ياسين", "عماد", "فادي", "فراس",
    "مازن", "مروان", "نزار", "هشام", "وليد", "وائل", "زياد", "طارق",
    "طلال", "رامي", "رائد", "رياض", "زكريا", "عبدالله", "عبدالرحمن",
    "عبدالعزيز", "عبدالكريم", "عبدالقادر", "حمزة", "حيدر", "جعفر", "كاظم", "مهدي", "باقر",
    "عباس", "فاطمة", "عائشة", "خديجة", "زينب", "مريم", "سارة", "ليلى",
    "رنا", "لينا", "دينا", "ريم", "هبة", "نادية", "سعاد", "الحسن",
    "الحسين", "العلي", "الخطيب", "الشامي", "الحلبي", "المصري", "العبدالله",
    "الخالد",
])
#: Given names that are also everyday words (حسن "good", عمر "age", كان "was"): evidence of a
#: name only next to another name word.
AR_AMBIGUOUS = frozenset(ar_fold(w, dediac=False) for w in [
    "حسن", "عمر", "سعد", "ريم", "دينا", "هبة", "رنا", "ليلى", "سعاد", "علي", "عيسى", "موسى",
    "رامي", "رائد", "طلال", "وائل", "رياض", "هشام", "عماد", "نادية", "سمير", "فادي", "مازن",
    "فراس", "ياسر", "كاظم", "باقر", "مريم", "سارة", "لينا", "زياد", "طارق", "وليد", "داود",
    "عباس", "جعفر", "حيدر", "مهدي", "حمزة", "زينب", "خالد", "ياسين",
])
#: Titles written before an Arab or foreign person's name: the given name after one is a
#: name, even one that is an ordinary word too (الرئيس سعيد).
AR_PERSON_TITLES = frozenset(ar_fold(w, dediac=False) for w in [
    "الرئيس", "السيد", "السيدة", "الشيخ", "الملك", "الملكة", "الأمير", "الأميرة", "الدكتور",
    "القاضي", "السناتور", "النائب", "الجنرال", "العقيد", "اللواء", "الوزير", "الوزيرة",
    "البابا", "المدرب", "الكابتن"])
#: Arabic renderings of Saint and São, written before a place's or a saint's name (سانت
#: توماس): a title of the name after it, never a name alone.
AR_PLACE_TITLES = frozenset(["سان", "سانت", "سانتا", "سانتو", "ساو", "سينت"])
#: Prepositions and particles a typist may run into the next word (فيمركز: في مركز).
AR_FUNCTION_WORDS = ("في", "من", "على", "عن", "الى", "إلى", "مع")
AR_TRIGGERS = frozenset(ar_fold(w, dediac=False) for w in ["أبو", "ابو", "بن", "ابن", "بنت", "عبد"])
#: Capital letters, accented Latin-1 ones included (Étienne, Özil).
_UPPER = "A-ZÀ-ÖØ-Þ"
EN_CAP_RUN = re.compile(rf"(?<![\w-])(?:[{_UPPER}][\w'’-]*[a-z][\w'’-]*)(?:\s+(?:(?:al|el|bin|"
                         rf"ibn|abu|de|van|von)[- ])?[{_UPPER}][\w'’-]*)*")


#: Capitalised English words that are not names (days, months, "I'm").
CALENDAR = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
                       r"February|March|April|May|June|July|August|September|October|"
                       r"November|December|I)\b", re.IGNORECASE)
OPENERS = frozenset(".:;!?\"“”'‘[(«—–-*/|")


def at_sentence_start(text: str, k: int) -> bool:
    """Whether the word at offset ``k`` opens its sentence, heading or quotation."""
    before = text[:k].rstrip()
    return not before or before[-1] in OPENERS


#: Abbreviated titles of names and what a translation writes out for them (St.: سانت).
ABBREVIATIONS = {"st": "Saint", "mt": "Mount", "ft": "Fort"}


#: How adjectives of places end (Syrian, Chinese, Iraqi, Turkish, Hispanic, French).
_DEMONYM_END = re.compile(r"(?:an|ese|i|ish|ic|ch|er)$")


def is_demonym(word: str) -> bool:
    """An adjective of a known place (Syrian, Iraqi, Iranian): translated as an adjective."""
    w = word.rstrip("s")
    if not _DEMONYM_END.search(w):
        return False  # Francesco is no adjective of France
    bases = [w[:-1], w[:-2], w[:-3], w[:-3] + "a", w[:-4] + "a", w[:-4]]
    return any(len(b) >= 3 and exonym_forms(b) for b in bases)


#: How words derived from a name end (Sinophobia, Marxism, Egyptology): translated as words
#: (رهاب الصين, الماركسية), never transliterated as a name.
_DERIVED_END = re.compile(r"(?<=[a-z]{3})(?:phobi[ac]|philia|philes?|isms?|ology|cracy)$")


def is_derived(word: str) -> bool:
    """A word derived from a name or a combining form (Sinophobia, Marxism): no name."""
    return bool(_DERIVED_END.search(word.lower()))


def padded_words(text: str) -> str:
    """The lower-case words of an English text, space-separated and space-padded, so that
    `` word `` finds a whole word."""
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


def touching(ar_text: str, toks: list[tuple[int, int, str]], k: int, n: int) -> bool:
    """Whether token ``n`` exists and sits right beside token ``k``, no punctuation between."""
    return 0 <= n < len(toks) and not ar_text[toks[min(n, k)][1]:toks[max(n, k)][0]].strip()



def related(english: str, en_words: str) -> bool:
    """Whether the English text has the exonym's name or a word derived from it (Britain:
    British; America: American; European Union: EU)."""
    if f" {english} " in en_words:
        return True
    initials = "".join(w[0] for w in english.split())
    if len(initials) >= 2 and f" {initials} " in en_words:
        return True
    return any(len(w) >= 4 and f" {w[:4]}" in en_words for w in english.split())


#: Titles written before a personal name: the word after one is a name (Dr August Vann).
PERSON_TITLES = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame",
                            "lord", "lady", "president", "minister", "king", "queen", "prince",
                            "princess", "sheikh", "gen", "col", "capt", "sen", "senator",
                            "judge", "pope", "lt", "rev", "reverend", "father", "master",
                            "doctor", "duke", "emperor"])

#: Titles, honorifics and generic words of place names written before names; not part of what
#: must be transliterated.
TITLES = PERSON_TITLES | frozenset([
    "prime", "general", "rep", "justice", "saint", "st", "mount", "mt", "lake", "north", "south",
    "east", "west", "northern", "southern", "eastern", "western", "central", "great", "new",
    "northeast", "northwest", "southeast", "southwest", "upper", "lower", "coast", "basin",
    "county", "island", "islands", "park", "street", "road", "square", "bridge", "station",
    "airport", "stadium", "hall", "school", "college", "club", "channel", "valley", "desert",
    "ocean", "peninsula", "canal", "hurricane", "storm", "typhoon", "cyclone"])


def distinctive(ent: Entity) -> list[str]:
    """The words of a name that a translation must transliterate: capitalised, not a title
    (unless a person's surname: Kanye West), a generic geographic/organisational word or a
    demonym, with at least two consonants."""
    out = []
    words = re.findall(r"[\w'’-]+", ent.text)
    for n, w in enumerate(words):
        low = w.lower().strip("'’")
        surname = ent.label == "PERSON" and n == len(words) - 1 > 0
        if (not w[:1].isupper() or low in GENERIC_WORDS or (low in TITLES and not surname)
                or w.isupper()
                or is_demonym(w) or is_derived(w) or len(english_skeleton(w).strip("aWYA")) < 2):
            continue
        out.append(w)
    return out


@lru_cache(maxsize=1)
def en_stop_words() -> frozenset[str]:
    """spaCy's English stop words, read on first use: importing spaCy costs seconds, and only
    a run that reads English names needs them."""
    from aligner.ner import stop_words

    try:
        return stop_words("en")
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()

#: Reporting verbs, translated (قال) and never transliterated: "said" in Arabic letters would
#: be سعيد, a common given name that may stand in for a swapped one. Capitalised, Said is a
#: surname (Edward Said) and still explains سعيد.
REPORTING = frozenset(["said", "says"])
#: A sentence's opening capitals before a reporting verb, directly or after "of" and a place
#: or team (Robyn Vance of Ayr said): its speaker, a name rather than a heading.
SPEAKER = re.compile(r"\s+(?:of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+)?"
                     r"(?:said|says|told)\b")


def strong_consonants(skeleton: str) -> str:
    """The skeleton without weak letters (vowels, h, the article): what a short form keeps."""
    return "".join(c for c in skeleton if c not in "WYaHA").replace("Φ", "F").replace("V", "F")


def prefix_related(en: str, ar: str) -> bool:
    """One name is a short form of the other (Livi: ليفينغستون, Naples: نابولي): the strong
    consonants of one, at least two, begin the other's."""
    a, b = strong_consonants(en), strong_consonants(ar)
    return min(len(a), len(b)) >= 2 and (a.startswith(b) or b.startswith(a))


def prefix_found(word: str, ar_text: str) -> bool:
    """Whether some Arabic word of ``ar_text`` is a short or long form of the English word. The
    Arabic word must itself look transliterated unless it is the longer one and the name has
    three strong consonants: ordinary words share their first two or three consonants with
    many names (وصولاً with Sultan, كرات with Courtney, الاستهزاء with West)."""
    en = english_skeleton(word)
    if len(strong_consonants(en)) < 2:
        return False
    for _, _, tok in arabic_tokens(ar_text):
        for _, stem in strip_clitics(tok):
            ar = arabic_skeleton(stem)
            if prefix_related(en, ar) and (looks_transliterated(stem) or (
                    len(strong_consonants(en)) >= 3
                    and len(strong_consonants(ar)) >= len(strong_consonants(en)))):
                return True
    return False


DIRECTIONS = {"west": "غرب", "western": "غرب", "north": "شمال", "northern": "شمال",
               "south": "جنوب", "southern": "جنوب", "east": "شرق", "eastern": "شرق"}


def direction_word(tok: str, roots: set[str]) -> str | None:
    """The reading of an Arabic word, normalised and without proclitics, that translates one of
    the direction ``roots`` (الغربية, غرب; بجنوب: جنوب), if any."""
    for _, stem in strip_clitics(tok):
        word = normalize(stem)
        bare = strip_article(word)
        if any(bare.startswith(r) and len(bare) <= len(r) + 2 for r in roots):
            return word
    return None



def span_of(side: str, segs: tuple[Segment, ...], j: int, start: int, end: int) -> Span:
    seg = segs[j]
    return Span(side, j, seg.start + start, seg.start + end, seg.text[start:end])


#: Entity labels whose words are names to transliterate (an organisation's are mostly
#: translated: Champions League, White House).
NAME_LABELS = frozenset(["PERSON", "GPE", "LOC", "NORP"])

#: The finding kind of the entity check (both tiers, both directions).
KIND = "entity_mismatch"
