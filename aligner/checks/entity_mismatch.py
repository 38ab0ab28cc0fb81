"""entity_mismatch: an English name that the aligned Arabic does not render (or the reverse).

English names come from spaCy NER; each is looked for in the aligned Arabic by cross-script
matching (``aligner.arabic.names``). Translators legitimately drop or reword names (a pronoun
for a person named earlier, a common noun for an organisation), so a name the Arabic does not
render is reported only when the Arabic has a *different* name-like span in its place
(critical). There is no Arabic NER offline: name-likeness in Arabic means a span rendering
another name of the surrounding passage, an exonym-table entry, a known foreign or Arabic given
name, or a kunya/nasab pattern (أبو X, بن X, عبد الX).
"""

from __future__ import annotations

import itertools
import re

from aligner.arabic.lexicon import name_glosses
from aligner.arabic.names import (
    MATCH_THRESHOLD,
    Match,
    arabic_skeleton,
    english_skeleton,
    exonym_english,
    exonym_forms,
    find_name_in_arabic,
    is_common_given_name,
    is_foreign_name,
    is_listed_name,
    is_personal_name,
    is_rare_name,
    lexicon_person_name_at,
    looks_transliterated,
    skeleton_similarity,
    transliterates_foreign_name,
)
from aligner.arabic.normalize import (
    arabic_tokens,
    dediacritize,
    normalize,
    strip_article,
    strip_clitics,
)
from aligner.checks.base import CheckContext, register_check
from aligner.checks.entity_locate import (
    GENERIC_WORDS,
    Located,
    english_arabic_sides,
    locate,
    locate_all,
)
from aligner.ner import Entity
from aligner.records import Finding, Link, Segment, Span


def _fold(word: str, dediac: bool = True) -> str:
    """Diacritics and hamza-alef folded, but ى kept apart from ي (على is not علي)."""
    return re.sub("[أإآ]", "ا", dediacritize(word) if dediac else word)


#: Common Arabic given names and name words (folded by ``_fold``): evidence that an Arabic
#: span is a person's name when it replaces one.
_AR_GIVEN = frozenset(_fold(w, dediac=False) for w in [
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
_AR_AMBIGUOUS = frozenset(_fold(w, dediac=False) for w in [
    "حسن", "عمر", "سعد", "ريم", "دينا", "هبة", "رنا", "ليلى", "سعاد", "علي", "عيسى", "موسى",
    "رامي", "رائد", "طلال", "وائل", "رياض", "هشام", "عماد", "نادية", "سمير", "فادي", "مازن",
    "فراس", "ياسر", "كاظم", "باقر", "مريم", "سارة", "لينا", "زياد", "طارق", "وليد", "داود",
    "عباس", "جعفر", "حيدر", "مهدي", "حمزة", "زينب", "خالد", "ياسين",
])
#: Titles written before an Arab or foreign person's name: the given name after one is a
#: name, even one that is an ordinary word too (الرئيس سعيد).
_AR_PERSON_TITLES = frozenset(_fold(w, dediac=False) for w in [
    "الرئيس", "السيد", "السيدة", "الشيخ", "الملك", "الملكة", "الأمير", "الأميرة", "الدكتور",
    "القاضي", "السناتور", "النائب", "الجنرال", "العقيد", "اللواء", "الوزير", "الوزيرة",
    "البابا", "المدرب", "الكابتن"])
_AR_TRIGGERS = frozenset(_fold(w, dediac=False) for w in ["أبو", "ابو", "بن", "ابن", "بنت", "عبد"])
#: Capital letters, accented Latin-1 ones included (Étienne, Özil).
_UPPER = "A-ZÀ-ÖØ-Þ"
_EN_CAP_RUN = re.compile(rf"(?<![\w-])(?:[{_UPPER}][\w'’-]*[a-z][\w'’-]*)(?:\s+(?:(?:al|el|bin|"
                         rf"ibn|abu|de|van|von)[- ])?[{_UPPER}][\w'’-]*)*")


#: Capitalised English words that are not names (days, months, "I'm").
_CALENDAR = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
                       r"February|March|April|May|June|July|August|September|October|"
                       r"November|December|I)\b", re.IGNORECASE)
_OPENERS = frozenset(".:;!?\"“”'‘[(«—–-*/|")


#: How adjectives of places end (Syrian, Chinese, Iraqi, Turkish, Hispanic, French).
_DEMONYM_END = re.compile(r"(?:an|ese|i|ish|ic|ch|er)$")


def _is_demonym(word: str) -> bool:
    """An adjective of a known place (Syrian, Iraqi, Iranian): translated as an adjective."""
    w = word.rstrip("s")
    if not _DEMONYM_END.search(w):
        return False  # Francesco is no adjective of France
    bases = [w[:-1], w[:-2], w[:-3], w[:-3] + "a", w[:-4] + "a", w[:-4]]
    return any(len(b) >= 3 and exonym_forms(b) for b in bases)


def _padded_words(text: str) -> str:
    """The lower-case words of an English text, space-separated and space-padded, so that
    `` word `` finds a whole word."""
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


def _touching(ar_text: str, toks: list[tuple[int, int, str]], k: int, n: int) -> bool:
    """Whether token ``n`` exists and sits right beside token ``k``, no punctuation between."""
    return 0 <= n < len(toks) and not ar_text[toks[min(n, k)][1]:toks[max(n, k)][0]].strip()


def _other_name(ar_text: str, link_names: set[str], doc_names: set[str],
                en_text: str, place: bool = True) -> Match | None:
    """A name-like Arabic span that renders none of the link's English names nor any word of
    the link's English text ``en_text``: another name of the document, a place from the exonym
    table (only when ``place``: a place stands in for a place), two Arabic name words in a row
    (محمد الحسن, أبو X) or a known foreign personal name (سميث)."""
    en_words = _padded_words(en_text)
    en_skels = _Explainers(en_text, ar_text)
    for other in sorted(doc_names - link_names):
        if other.isupper() or sum(c.isalpha() for c in other) < 5 or exonym_forms(other):
            continue  # acronyms and short names transliterate onto common words (AI ≈ أي)
        m = find_name_in_arabic(other, ar_text, 0.85)
        if (m and m.score >= 0.85 and other.lower() not in en_text.lower()
                and not exonym_english(m.text) and _unmatched(m.text, en_skels)
                and not any(f" {e} " in en_words for e in exonym_english(m.text))
                and not any(find_name_in_arabic(n, m.text, MATCH_THRESHOLD)
                            for n in link_names)):
            return m
    toks = list(arabic_tokens(ar_text))
    for k, (start, end, tok) in enumerate(toks):
        for off, stem in strip_clitics(tok):
            word = normalize(stem)
            english = exonym_english(word)
            if english:
                if not place or any(_related(e, en_words) for e in english):
                    break
                if any(find_name_in_arabic(n, stem) for n in link_names):
                    break
                if _unmatched(stem, en_skels):
                    return Match(start + off, end, ar_text[start + off:end], 0.8)
                break
            folded = _fold(stem)
            if folded in _AR_PERSON_TITLES and k + 1 < len(toks):
                nstart, nend, nxt_tok = toks[k + 1]
                if (is_common_given_name(nxt_tok) or _fold(nxt_tok) in _AR_GIVEN) and not any(
                        find_name_in_arabic(n, nxt_tok, 0.6) for n in link_names | doc_names) \
                        and _unmatched(nxt_tok, en_skels):
                    return Match(nstart, nend, nxt_tok, 0.7)  # الرئيس سعيد: a name after all
                break
            if (folded in _AR_TRIGGERS or folded in _AR_GIVEN) and k + 1 < len(toks):
                nxt = _fold(toks[k + 1][2])
                pair = (folded in _AR_TRIGGERS or nxt in _AR_GIVEN
                        or is_foreign_name(toks[k + 1][2]))
                if not pair and (place or folded in _AR_AMBIGUOUS):
                    continue
                stop = toks[k + 1][1] if pair else end
                span = ar_text[start + off:stop]
                if (not any(find_name_in_arabic(n, span, 0.6) for n in link_names | doc_names)
                        and _unmatched(span, en_skels)):
                    return Match(start + off, stop, span, 0.7)
    return _foreign_evidence(ar_text, en_text, link_names)


def _related(english: str, en_words: str) -> bool:
    """Whether the English text has the exonym's name or a word derived from it (Britain:
    British; America: American; European Union: EU)."""
    if f" {english} " in en_words:
        return True
    initials = "".join(w[0] for w in english.split())
    if len(initials) >= 2 and f" {initials} " in en_words:
        return True
    return any(len(w) >= 4 and f" {w[:4]}" in en_words for w in english.split())


#: Titles written before a personal name: the word after one is a name (Dr August Vann).
_PERSON_TITLES = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame",
                            "lord", "lady", "president", "minister", "king", "queen", "prince",
                            "princess", "sheikh", "gen", "col", "capt", "sen", "senator",
                            "judge", "pope", "lt", "rev", "reverend", "father"])

#: Titles, honorifics and generic words of place names written before names; not part of what
#: must be transliterated.
_TITLES = _PERSON_TITLES | frozenset([
    "prime", "general", "rep", "justice", "saint", "st", "mount", "mt", "lake", "north", "south",
    "east", "west", "northern", "southern", "eastern", "western", "central", "great", "new",
    "northeast", "northwest", "southeast", "southwest", "upper", "lower", "coast", "basin",
    "county", "island", "islands", "park", "street", "road", "square", "bridge", "station",
    "airport", "stadium", "hall", "school", "college", "club", "channel", "valley", "desert",
    "ocean", "peninsula", "canal", "hurricane", "storm", "typhoon", "cyclone"])


def _distinctive(ent: Entity) -> list[str]:
    """The words of a name that a translation must transliterate: capitalised, not a title
    (unless a person's surname: Kanye West), a generic geographic/organisational word or a
    demonym, with at least two consonants."""
    out = []
    words = re.findall(r"[\w'’-]+", ent.text)
    for n, w in enumerate(words):
        low = w.lower().strip("'’")
        surname = ent.label == "PERSON" and n == len(words) - 1 > 0
        if (not w[:1].isupper() or low in GENERIC_WORDS or (low in _TITLES and not surname)
                or w.isupper()
                or _is_demonym(w) or len(english_skeleton(w).strip("aWYA")) < 2):
            continue
        out.append(w)
    return out


def _english_stop_words() -> frozenset[str]:
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()
    return frozenset(STOP_WORDS)


_EN_STOP = _english_stop_words()
#: Reporting verbs, translated (قال) and never transliterated: "said" in Arabic letters would
#: be سعيد, a common given name that may stand in for a swapped one. Capitalised, Said is a
#: surname (Edward Said) and still explains سعيد.
_REPORTING = frozenset(["said", "says"])


def _strong(skeleton: str) -> str:
    """The skeleton without weak letters (vowels, h, the article): what a short form keeps."""
    return "".join(c for c in skeleton if c not in "WYaHA").replace("Φ", "F").replace("V", "F")


def _prefix_related(en: str, ar: str) -> bool:
    """One name is a short form of the other (Livi: ليفينغستون, Naples: نابولي): the strong
    consonants of one, at least two, begin the other's."""
    a, b = _strong(en), _strong(ar)
    return min(len(a), len(b)) >= 2 and (a.startswith(b) or b.startswith(a))


def _prefix_found(word: str, ar_text: str) -> bool:
    """Whether some Arabic word of ``ar_text`` is a short or long form of the English word. The
    Arabic word must itself look transliterated unless it is the longer one and the name has
    three strong consonants: ordinary words share their first two or three consonants with
    many names (وصولاً with Sultan, كرات with Courtney, الاستهزاء with West)."""
    en = english_skeleton(word)
    if len(_strong(en)) < 2:
        return False
    for _, _, tok in arabic_tokens(ar_text):
        for _, stem in strip_clitics(tok):
            ar = arabic_skeleton(stem)
            if _prefix_related(en, ar) and (looks_transliterated(stem) or (
                    len(_strong(en)) >= 3 and len(_strong(ar)) >= len(_strong(en)))):
                return True
    return False


def _unmatched(span: str, explains: _Explainers, clitics: bool = True) -> bool:
    """No word (or pair of words) of the English renders the Arabic span (nor, with
    ``clitics``, the span with a proclitic taken off)."""
    forms = {span}
    if clitics:
        forms.update(stem for _, stem in strip_clitics(span))
    return not any(explains(form) for form in forms)


def _foreign_evidence(ar_text: str, en_text: str, link_names: set[str]) -> Match | None:
    """A one-word Arabic spelling of a known foreign personal name (or one the lexicon knows
    only as a personal name, not common among Arabs: جورج, not محمد) that no English word of
    the link renders: a name the English does not have."""
    en_skels: _Explainers | None = None
    for start, end, tok in arabic_tokens(ar_text):
        for off, stem in strip_clitics(tok):
            if stem.startswith("ال") or not (
                    is_foreign_name(stem) or transliterates_foreign_name(stem, 4)
                    or (lexicon_person_name_at(tok) == off and not is_common_given_name(stem))):
                continue
            if en_skels is None:
                en_skels = _Explainers(en_text, ar_text)
            if _unmatched(tok, en_skels) and not any(
                    find_name_in_arabic(n, stem, 0.6) for n in link_names):
                return Match(start + off, end, ar_text[start + off:end], 0.8)
            break
    return None


def _beside_name(ent: Entity, ar_text: str, en_text: str, known_only: bool = False
                 ) -> Match | None:
    """A transliterated-looking Arabic word or a common Arab given name right beside the
    rendered part of a person's name that no English word renders: the other part of the
    name, changed (باتريك أندرسون for Kevin Anderson, بول ميلز هيكس for Paul Steve-Hicks,
    صلاح كوليبالي for Lassana Coulibaly), or after it a name of the name lists without a
    transliteration's long vowel (ليام إرنست for Liam Kelly; before a name, such words are
    often verbs: تغلب). With ``known_only``, only a name of the name lists or the lexicon, not
    a word that merely looks transliterated."""
    toks = list(arabic_tokens(ar_text))
    en_skels: _Explainers | None = None
    words = [p for w in _distinctive(ent) for p in w.split("-") if p]
    # a neighbour may be another spelling of a word the Arabic renders nowhere, not of one it
    # renders (هوارد ريكاردو for John Howard Johnson: ريكاردو is no spelling of Howard)
    rendered = {w: find_name_in_arabic(w, ar_text) for w in words}
    unrendered = [x for x in words if rendered[x] is None]
    for w in words:
        m = rendered[w]
        if m is None:
            continue
        k = next((i for i, t in enumerate(toks) if t[0] <= m.start < t[1]), None)
        last = next((i for i, t in enumerate(toks) if t[0] < m.end <= t[1]), None)
        if k is None or last is None:
            continue
        for n in (k - 1, last + 1):
            if not _touching(ar_text, toks, k, n):
                continue  # no neighbour, or punctuation between
            start, end, whole = toks[n]
            lexicon_at = lexicon_person_name_at(whole)
            # وفراي: و + a foreign name; before the name, وناصر: "and" + an Arab given name
            # that replaced the first one (not لصالح, "in favour of"; after the name, "and"
            # starts another person's name)
            off, tok = next(((o, s) for o, s in strip_clitics(whole) if is_foreign_name(s)
                             or (n < k and whole[:o] == "و" and is_common_given_name(s))),
                            (lexicon_at or 0, whole[lexicon_at or 0:]))
            start += off
            sk = arabic_skeleton(tok)
            if (not ((looks_transliterated(tok) and not known_only) or is_common_given_name(tok)
                     or is_foreign_name(tok) or lexicon_at is not None
                     or (n > last and is_listed_name(tok)))
                    or normalize(m.text) in normalize(tok)
                    or any(skeleton_similarity(english_skeleton(x), sk) >= 0.45
                           or _prefix_related(english_skeleton(x), sk) for x in unrendered)):
                continue  # the rendered part itself, or another spelling of a missing one
            if en_skels is None:
                en_skels = _Explainers(en_text, ar_text)
            if _unmatched(tok, en_skels):
                return Match(start, end, tok, 0.75)
    return None


def _stranger_inside(ent: Entity, match: Match, ar_text: str) -> bool:
    """Whether a loose match of a person's full name spans a known name that renders none of
    its words while one of its words is unrendered: a changed first name (دانييل ستوريدج for
    Tony Sturridge). A known name is asked for, as odd spellings (هيو for Hugh) resemble
    nothing."""
    parts = _distinctive(ent)
    if len(parts) < 2 or all(find_name_in_arabic(w, match.text) or _prefix_found(w, match.text)
                             for w in parts):
        return False
    for start, end, tok in arabic_tokens(ar_text):
        if end <= match.start or start >= match.end:
            continue
        for _, stem in strip_clitics(tok):
            if ((is_foreign_name(stem) or is_common_given_name(stem))
                    and not any(find_name_in_arabic(w, stem) for w in parts)):
                return True
    return False


#: Direction words of place names and the Arabic roots that translate them: an adjective after
#: the place (فرجينيا الغربية: West Virginia) or a noun before it (جنوب السودان: South Sudan).
_DIRECTIONS = {"west": "غرب", "western": "غرب", "north": "شمال", "northern": "شمال",
               "south": "جنوب", "southern": "جنوب", "east": "شرق", "eastern": "شرق"}


def _direction_word(tok: str, roots: set[str]) -> str | None:
    """The reading of an Arabic word, normalised and without proclitics, that translates one of
    the direction ``roots`` (الغربية, غرب; بجنوب: جنوب), if any."""
    for _, stem in strip_clitics(tok):
        word = normalize(stem)
        bare = strip_article(word)
        if any(bare.startswith(r) and len(bare) <= len(r) + 2 for r in roots):
            return word
    return None


def _beside_direction(ent: Entity, ar_text: str, en_text: str, link_names: set[str]
                      ) -> Match | None:
    """For a place with a direction word whose own name the Arabic does not render: a name in
    the place's slot beside the translated direction (خليل الغربية for West Virginia), the
    place replaced while its direction word stayed."""
    roots = {_DIRECTIONS[w.lower()] for w in re.findall(r"[\w'’-]+", ent.text)
             if w.lower() in _DIRECTIONS}
    if not roots:
        return None
    en_words = _padded_words(en_text)
    toks = list(arabic_tokens(ar_text))
    en_skels: _Explainers | None = None
    for k, (_, _, tok) in enumerate(toks):
        word = _direction_word(tok, roots)
        if word is None:
            continue
        n = k - 1 if word != strip_article(word) else k + 1  # الغربية follows; جنوب precedes
        if not _touching(ar_text, toks, k, n):
            continue
        start, end, other = toks[n]
        named = next(((o, st) for o, st in strip_clitics(other) if _name_like(st, en_words)),
                     None)
        off, stem = named or (0, other)
        if not (named or looks_transliterated(stem) or is_common_given_name(stem)):
            continue
        if any(find_name_in_arabic(name, stem, 0.6) for name in link_names):
            continue
        if en_skels is None:
            en_skels = _Explainers(en_text, ar_text)
        if _unmatched(stem, en_skels):
            return Match(start + off, end, other[off:], 0.75)
    return None


def _generic_replaced(ent: Entity, ar_segs: tuple[Segment, ...], ar_ids: tuple[int, ...],
                      en_text: str) -> tuple[int, Match] | None:
    """For a place or organisation whose own name the Arabic renders but which has a generic
    word too (Bridge, Park, United): a personal name beside the rendered part in that word's
    place (ستامفورد فيليب for Stamford Bridge). A translated generic word (ملعب, حديقة) is no
    name."""
    words = re.findall(r"[\w'’-]+", ent.text)
    distinctive = set(_distinctive(ent))
    if not any(w[:1].isupper() and w not in distinctive and w.lower() not in _PERSON_TITLES
               for w in words):
        return None
    return next(((j, m) for j in ar_ids if (m := _beside_name(
        ent, ar_segs[j].text, en_text, known_only=True))), None)


def _repeated_name(others: list[Located], ar_text: str, en_text: str, at: float
                   ) -> Match | None:
    """For an unrendered person: the link's other person written more often in the Arabic
    than in the English (سيمز وسيمبسون ... سيمز for Tanaka and Simpson ... Sims). The extra
    occurrence stands in for the missing name; the one nearest its place (``at``, a fraction
    of the sentence) is given."""
    toks = list(arabic_tokens(ar_text))
    for loc in others:
        if loc.match is None or len(loc.match.text.split()) != 1:
            continue
        rendered = normalize(loc.match.text)
        spots = [(start + off, end) for start, end, tok in toks
                 for off, stem in strip_clitics(tok) if normalize(stem) == rendered]
        spots = list(dict.fromkeys(spots))
        surname = re.findall(r"[\w'’-]+", loc.entity.text)[-1]
        written = len(re.findall(rf"(?<![\w'’-]){re.escape(surname)}(?![\w-])", en_text))
        if len(spots) > max(written, 1):
            start, end = min(spots, key=lambda se: abs(se[0] / max(len(ar_text), 1) - at))
            return Match(start, end, ar_text[start:end], 0.7)
    return None


def _transliterations(located: list[tuple[Link, list[Located]]]) -> dict[str, frozenset[str]]:
    """Arabic words (normalised) that transliterate a word of a name somewhere in the
    document (رايدر for Ryder of Ryder Cup), each with the words of its name that the Arabic
    transliterates (Johnny and English for جوني of جوني إنجليش): where a sentence has such an
    Arabic word and its English none of those words, a name was changed on one side."""
    out: dict[str, set[str]] = {}
    for _, locs in located:
        for loc in locs:
            if loc.match is None:
                continue
            words = _distinctive(loc.entity) or re.findall(r"^[\w'’-]+$", loc.entity.text)
            found = {w: m for w in words if (m := find_name_in_arabic(w, loc.match.text))}
            for m in found.values():
                word = m.text.strip()
                if " " not in word and looks_transliterated(word):
                    out.setdefault(normalize(word), set()).update(found)
    return {k: frozenset(v) for k, v in out.items()}


#: How far (in English segments) a name of the document may stand from a link and still be
#: looked for in its Arabic as a name that replaced the link's own: a translator mixes up
#: names of the same passage, and a bounded window keeps long documents linear.
_NEARBY_SEGMENTS = 60


def _nearby(names_at: dict[int, set[str]], en_ids: tuple[int, ...]) -> set[str]:
    """The names of the English segments within ``_NEARBY_SEGMENTS`` of ``en_ids``."""
    if not en_ids:
        return set()
    first, last = min(en_ids) - _NEARBY_SEGMENTS, max(en_ids) + _NEARBY_SEGMENTS
    return {n for i in range(first, last + 1) for n in names_at.get(i, ())}


def _untaken(loc: Located, locs: list[Located], ar_segs: tuple[Segment, ...],
             ar_ids: tuple[int, ...]) -> str:
    """The link's Arabic less the renderings of its other names (those sharing no word with
    ``loc``'s): كيلي renders Kelly, so it is no short form of Coulibaly beside it."""
    words = set(re.findall(r"[\w'’-]+", loc.entity.text))
    texts = {j: ar_segs[j].text for j in ar_ids}
    for other in locs:
        m = other.match
        if (m is None or other.partial or other.ar_seg not in texts
                or words & set(re.findall(r"[\w'’-]+", other.entity.text))):
            continue
        text = texts[other.ar_seg]
        texts[other.ar_seg] = text[:m.start] + " " * (m.end - m.start) + text[m.end:]
    return " ".join(texts[j] for j in ar_ids)


def _span(side: str, segs: tuple[Segment, ...], j: int, start: int, end: int) -> Span:
    seg = segs[j]
    return Span(side, j, seg.start + start, seg.start + end, seg.text[start:end])


#: How closely a multi-word name must match as a whole to vouch for each of its words.
_WHOLE_MATCH = 0.85


def _one_name_per_span(findings: list[Finding]) -> list[Finding]:
    """One Arabic name stands in for one English name: where several names of a link are
    reported as rendered by the same span, keep the one whose kind fits it (a place of the
    exonym table for a place, any other name for a person), else the first. Putin and Syria,
    both missing from الأسد يلتقي أردوغان, are not both Erdogan."""
    claims: dict[tuple[object, ...], list[Finding]] = {}
    for f in findings:
        ar = f.evidence.get("arabic")
        key = (f.src, f.tgt, ar.side, ar.start, ar.end) if isinstance(ar, Span) else (id(f),)
        claims.setdefault(key, []).append(f)
    keep: set[int] = set()
    for group in claims.values():
        ar = group[0].evidence.get("arabic")
        fits = ("GPE", "LOC") if isinstance(ar, Span) and exonym_english(ar.text) else ("PERSON",)
        keep.add(id(next((f for f in group if f.evidence.get("label") in fits), group[0])))
    return [f for f in findings if id(f) in keep]


class EntityMismatchCheck:
    name = "entity_mismatch"

    def run(self, ctx: CheckContext) -> list[Finding]:
        sides = english_arabic_sides(ctx)
        if not sides:
            return []
        en_name, ar_name = sides
        en_segs, ar_segs = ctx.side(en_name), ctx.side(ar_name)
        located = locate_all(ctx)
        names_at: dict[int, set[str]] = {}  # English segment -> names NER found in it
        for _, locs in located:
            for loc in locs:
                names_at.setdefault(loc.en_seg, set()).add(loc.entity.text)
        # words NER tags as names anywhere in the document: it often misses a later mention
        # (Waters said) that it tagged in full earlier (Maxine Waters)
        doc_tagged = {w for _, locs in located for loc in locs
                      if loc.entity.label in _NAME_LABELS
                      for w in re.findall(r"[\w'’-]+", loc.entity.text)}
        # words of names the Arabic renders somewhere: where a sentence renders one its
        # English lacks, the English may have a swapped name
        doc_rendered = _transliterations(located)
        # surnames of the document's people: a name even where a title word (Kanye West)
        doc_surnames = {re.findall(r"[\w'’-]+", loc.entity.text)[-1] for _, locs in located
                        for loc in locs if loc.entity.label == "PERSON"
                        and len(loc.entity.text.split()) >= 2}
        findings: list[Finding] = []
        for link, locs in located:
            ar_ids = link.tgt if ar_name == "tgt" else link.src
            en_ids = link.src if en_name == "src" else link.tgt
            link_names = {loc.entity.text for loc in locs}
            doc_names = _nearby(names_at, en_ids)
            en_text = " ".join(en_segs[i].text for i in en_ids)
            reported: set[str] = set()
            for loc in locs:
                ent = loc.entity
                if ent.text in reported:
                    continue
                if ent.label in ("ORG", "FAC"):
                    other = self._named_after(loc, ar_segs, ar_ids, en_text, link_names)
                    if other is not None:
                        reported.add(ent.text)
                        findings.append(self._finding(ctx, link, loc, other, en_name, ar_name,
                                                      en_segs, ar_segs))
                    continue
                if not self._diverges(loc, ar_segs, ar_ids, locs):
                    if ent.label in ("GPE", "LOC"):
                        other = _generic_replaced(ent, ar_segs, ar_ids, en_text)
                        if other is not None:
                            reported.add(ent.text)
                            findings.append(self._finding(ctx, link, loc, other, en_name,
                                                          ar_name, en_segs, ar_segs))
                        continue
                    if ent.label != "PERSON" or len(_distinctive(ent)) < 2:
                        continue
                    # each word rendered somewhere, yet a known name beside one of them may
                    # stand in for another: a surname the sentence repeats (David أدولف, and
                    # Father Johnson: جونسون)
                    other = next(((j, m) for j in ar_ids if (m := _beside_name(
                        ent, ar_segs[j].text, en_text, known_only=True))), None)
                else:
                    # a place stands in for a place; not for an acronym (U.S.: أمريكا, واشنطن)
                    place = ent.label in ("GPE", "LOC") and not ent.text.isupper()
                    other = next(((j, m) for j in ar_ids if (m := _other_name(
                        ar_segs[j].text, link_names, doc_names, en_text, place))), None)
                    if other is None and ent.label == "PERSON":
                        other = next(((j, m) for j in ar_ids if (m := _beside_name(
                            ent, ar_segs[j].text, en_text))), None) or self._repeated(
                            loc, locs, en_segs[loc.en_seg].text, ar_segs, ar_ids, en_text)
                    if other is None and place and loc.match is None:
                        other = next(((j, m) for j in ar_ids if (m := _beside_direction(
                            ent, ar_segs[j].text, en_text, link_names))), None)
                if other is None:
                    continue  # unrendered, but nothing else stands in: dropped or reworded
                reported.add(ent.text)
                findings.append(self._finding(ctx, link, loc, other, en_name, ar_name,
                                              en_segs, ar_segs))
            if not reported:
                findings.extend(self._reverse(link, locs, en_name, ar_name, en_segs, ar_segs,
                                              doc_names, doc_tagged, doc_rendered,
                                              doc_surnames))
        return _one_name_per_span(findings)

    @staticmethod
    def _repeated(loc: Located, locs: list[Located], en_sentence: str,
                  ar_segs: tuple[Segment, ...], ar_ids: tuple[int, ...], en_text: str
                  ) -> tuple[int, Match] | None:
        """Another person of the link written in the Arabic where ``loc``'s name should be
        (``_repeated_name``). NER often tags a lone surname ORG (Sims), so those count too."""
        others = [o for o in locs if o.entity.text != loc.entity.text and (
            o.entity.label == "PERSON" or (o.entity.label == "ORG" and " " not in o.entity.text))]
        at = loc.entity.start / max(len(en_sentence), 1)
        return next(((j, m) for j in ar_ids if (m := _repeated_name(
            others, ar_segs[j].text, en_text, at))), None)

    @staticmethod
    def _named_after(loc: Located, ar_segs: tuple[Segment, ...], ar_ids: tuple[int, ...],
                     en_text: str, link_names: set[str]) -> tuple[int, Match] | None:
        """For an organisation or facility (mostly translated): a changed personal name in
        it (Maxwell School: كلية جوناس; Mac Girard: ماك ميلر). Its unrendered words must
        include a known personal name, or sit beside a rendered one. Where the whole name is
        rendered closely (ألبوكمال for Albu Kamal, whose words are not found one by one), none
        is changed: a foreign name beside it stands for another of the link's names. A loose
        match is no such evidence: ماكسين ووترز passes for Maxine Reed on its first name."""
        ent = loc.entity
        ar_text = " ".join(ar_segs[j].text for j in ar_ids)
        whole = loc.match is not None and not loc.partial and loc.match.score >= _WHOLE_MATCH
        missing = [] if whole else [w for w in _distinctive(ent)
                                    if find_name_in_arabic(w, ar_text) is None
                                    and not _prefix_found(w, ar_text)]
        if not missing:
            return _generic_replaced(ent, ar_segs, ar_ids, en_text)
        for j in ar_ids:
            m = _beside_name(ent, ar_segs[j].text, en_text)
            if m is None and any(is_personal_name(w) for w in missing):
                m = _foreign_evidence(ar_segs[j].text, en_text, link_names)
            if m is not None:
                return j, m
        return None

    @staticmethod
    def _diverges(loc: Located, ar_segs: tuple[Segment, ...], ar_ids: tuple[int, ...],
                  locs: list[Located]) -> bool:
        """Whether the Arabic misses the name, or one of its distinctive words (Kevin of Kevin
        Anderson): a swapped name keeps nothing, or only the surname."""
        ent = loc.entity
        if ent.label in ("ORG", "FAC"):  # mostly translated (Stadio: ملعب), not transliterated
            return False
        ar_text = " ".join(ar_segs[j].text for j in ar_ids)
        if loc.match is None:
            parts = _distinctive(ent)
            free = _untaken(loc, locs, ar_segs, ar_ids)
            if parts and all(_prefix_found(w, free) for w in parts):
                return False  # a short or long form (Naples: نابولي)
            return bool(parts or exonym_forms(ent.text))
        if loc.partial:
            parts = _distinctive(ent)
            rest = ar_text.replace(loc.match.text, " ")  # كوسوما renders Kusuma, not Samuel
            return len(parts) > 1 and any(
                locate(Entity(w, ent.label, 0, 0), ar_segs, ar_ids) is None
                and not _prefix_found(w, rest) for w in parts)
        if ent.label == "PERSON" and loc.ar_seg is not None:
            return _stranger_inside(ent, loc.match, ar_segs[loc.ar_seg].text)
        return False

    def _finding(self, ctx: CheckContext, link: Link, loc: Located, other: tuple[int, Match],
                 en_name: str, ar_name: str, en_segs: tuple[Segment, ...],
                 ar_segs: tuple[Segment, ...]) -> Finding:
        """A name rendered as another: ``other`` is the Arabic segment and the span there."""
        ent = loc.entity
        j, m = other
        evidence: dict[str, object] = {
            "entity": _span(en_name, en_segs, loc.en_seg, ent.start, ent.end),
            "label": ent.label,
            "arabic": _span(ar_name, ar_segs, j, m.start, m.end),
        }
        message = f"'{ent.text}' ({ent.label}) is rendered as a different name: '{m.text}'"
        return Finding(kind=self.name, severity="critical", confidence=0.9,
                       src=link.src, tgt=link.tgt, missing_in=ar_name, message=message,
                       evidence=evidence)

    def _reverse(self, link: Link, locs: list[Located], en_name: str, ar_name: str,
                 en_segs: tuple[Segment, ...], ar_segs: tuple[Segment, ...],
                 doc_names: set[str], doc_tagged: set[str],
                 doc_rendered: dict[str, frozenset[str]], doc_surnames: set[str]
                 ) -> list[Finding]:
        """An Arabic name-like span with no English counterpart, while the English has a
        personal name (a known given or family name, or a word of a PERSON entity) that the
        Arabic does not render: a swapped name the forward direction did not see (missed or
        mislabelled by NER)."""
        en_ids = link.src if en_name == "src" else link.tgt
        ar_ids = link.tgt if ar_name == "tgt" else link.src
        ar_text = " ".join(ar_segs[j].text for j in ar_ids)
        persons = {w for loc in locs if loc.entity.label == "PERSON"
                   for w in re.findall(r"[\w'’-]+", loc.entity.text)}
        en_text = " ".join(en_segs[i].text for i in en_ids)
        people = {n for n in doc_names if len(n.split()) >= 2}
        for i in en_ids:
            text = en_segs[i].text
            for run in _EN_CAP_RUN.finditer(text):
                before = text[:run.start()].rstrip()
                if not before or before[-1] in _OPENERS or len(run.group().split()) > 3:
                    continue
                for wm in re.finditer(r"[\w'’-]+", run.group()):
                    word = wm.group()
                    if (_CALENDAR.match(word) or _is_demonym(word)
                            or not _distinctive(Entity(word, "", 0, 0))
                            or not (word in persons or is_personal_name(word))):
                        continue
                    if (any(locate(Entity(word, "PERSON", 0, 0), ar_segs, (j,)) for j in ar_ids)
                            or _prefix_found(word, ar_text)):
                        continue
                    link_names = {loc.entity.text for loc in locs} | {word}
                    for j in ar_ids:
                        m = _other_name(ar_segs[j].text, link_names, people, en_text, False)
                        if m is None or m.score < 0.8:  # a document or foreign name
                            continue
                        start = run.start() + wm.start()
                        return [Finding(
                            kind=self.name, severity="critical", confidence=0.75,
                            src=link.src, tgt=link.tgt, missing_in=None,
                            message=f"the Arabic names '{m.text}' where the English has "
                                    f"'{word}'",
                            evidence={"entity": _span(en_name, en_segs, i, start,
                                                      start + len(word)),
                                      "arabic": _span(ar_name, ar_segs, j, m.start, m.end)})]
        return self._positional(link, locs, en_name, ar_name, en_segs, ar_segs, doc_tagged,
                                doc_rendered, doc_surnames)

    def _positional(self, link: Link, locs: list[Located], en_name: str, ar_name: str,
                    en_segs: tuple[Segment, ...], ar_segs: tuple[Segment, ...],
                    doc_tagged: set[str], doc_rendered: dict[str, frozenset[str]],
                    doc_surnames: set[str]) -> list[Finding]:
        """A capitalised English word inside a sentence of a 1-1 link (a name, whatever NER
        made of it) that the Arabic does not render, while the Arabic has, at about the same
        place in the sentence, a name-like word that renders no English word of the link: the
        name was swapped for another (Heinrich: اليونان; Walker: ترامب). The English word
        must be a name to NER (here or anywhere in the document: a later bare "Waters") or
        to the name lists, or follow a known given name (Maxine Waters); the Arabic word
        must not resemble an English word of the link that is not clearly rendered
        elsewhere (``_Explainers``). Any capitalised word not opening a sentence or heading
        (Walker, Price: on no list) counts when the Arabic word transliterates a name the
        document has elsewhere (ترامب) and this English lacks: a name changed in the English;
        when it is the sentence's only unrendered word and a known name, anywhere in the
        sentence (the Arabic moves an attribution to the front: حملة ترامب for a Jean
        campaign spokesman).
        An Arabic word that is no known name but has a transliteration's shape and is borne,
        rarely, as a name in the gazetteer (سفين, فرنسوا), or a name dictionary's spelling
        without a long vowel (أندرس), stands in only for a name NER tagged, or a word
        transliterated elsewhere in the document (Ryder of Ryder Cup), close by, and without a
        proclitic (جود of وجود is no name). An Arabic word beside a rendering of the English
        word's neighbour in its capitalised run is in its place whatever the word order
        (مورنينج غوردون for Morning Post). A word after a personal title is a name even when
        it is a month (Dr August Vann), and a one-word name, or the surname of a person of
        the document (Kanye West), stays one even when it is a title word (West); titles
        before a name do not make its run a heading (Lt Col The Reverend Bernard Vann)."""
        en_ids = link.src if en_name == "src" else link.tgt
        ar_ids = link.tgt if ar_name == "tgt" else link.src
        if len(en_ids) != 1 or len(ar_ids) != 1:
            return []
        i, j = en_ids[0], ar_ids[0]
        text, ar_text = en_segs[i].text, ar_segs[j].text
        words, beside = _unrendered_capitals(text, ar_text, locs, ar_segs, j, doc_tagged,
                                             doc_surnames)
        if not any(known for *_, known in words) and not (words and doc_rendered):
            return []
        # a single unrendered name and a single stranger: word order matters less
        wide = _POSITION_SLACK_ONE if len(words) == 1 else _POSITION_SLACK
        en_words = _padded_words(text)
        explains = _Explainers(text, ar_text)
        strangers = {ar for ar, names in doc_rendered.items()
                     if not any(f" {w.lower()} " in en_words for w in names)}
        transliterated = {w for names in doc_rendered.values() for w in names}
        toks = list(arabic_tokens(ar_text))
        # (weak evidence, distance, English word's offset and word, Arabic span): a known
        # name anywhere in the window beats a word that is merely rare as a name
        candidates: list[tuple[bool, float, int, str, int, int]] = []
        for t, (start, end, tok) in enumerate(toks):
            pos = (start + end) / 2 / max(len(ar_text), 1)
            dist = {(k, w): abs((k + len(w) / 2) / len(text) - pos) for k, w, *_ in words}
            around = " ".join(x[2] for x in toks[max(t - 1, 0):t] + toks[t + 1:t + 2])
            for k, w, *_ in words:  # beside a rendering of its neighbour: in its place
                if any(find_name_in_arabic(x, around) for x in beside[w]):
                    dist[k, w] = 0.0
            for off, stem in strip_clitics(tok):
                weak = False
                if normalize(stem) in strangers and looks_transliterated(stem) and not any(
                        _related(e, en_words) for e in exonym_english(normalize(stem))):
                    near = [(k, w) for k, w, _, known in words if dist[k, w] <= wide
                            or (len(words) == 1 and known)]
                elif _name_like(stem, en_words) or lexicon_person_name_at(tok) == off:
                    near = [(k, w) for k, w, _, known in words if known and dist[k, w] <= wide]
                elif off == 0 and ((looks_transliterated(stem) and is_rare_name(stem))
                                   or is_listed_name(stem) or transliterates_foreign_name(stem)):
                    weak = True
                    near = [(k, w) for k, w, ner, known in words if known and (
                        ner or w in transliterated) and dist[k, w] <= _POSITION_SLACK]
                else:
                    continue
                if explains(stem, start + off, end) or any(
                        explains(s, start + o, end, lower=False)
                        for o, s in strip_clitics(tok) if o != off):
                    break  # it, or another reading of it (ليوتا: ل + يوتا), renders a word
                if not near:
                    continue  # another reading may be a stronger name (و + توماس)
                k, word = min(near, key=lambda kw: dist[kw])
                candidates.append((weak, dist[k, word], k, word, start + off, end))
                break
        if not candidates:
            return []
        _, _, k, word, start, end = min(candidates)
        return [Finding(
            kind=self.name, severity="critical", confidence=0.7,
            src=link.src, tgt=link.tgt, missing_in=None,
            message=f"the Arabic names '{ar_text[start:end]}' where the English has '{word}'",
            evidence={"entity": _span(en_name, en_segs, i, k, k + len(word)),
                      "arabic": _span(ar_name, ar_segs, j, start, end)})]


def _unrendered_capitals(text: str, ar_text: str, locs: list[Located],
                         ar_segs: tuple[Segment, ...], j: int, doc_tagged: set[str],
                         doc_surnames: set[str]
                         ) -> tuple[list[tuple[int, str, bool, bool]], dict[str, list[str]]]:
    """The capitalised words of an English sentence that may be names and that Arabic
    sentence ``j`` does not render, as (offset, word, NER-tagged, a known name), and each
    one's distinctive neighbours in its capitalised run (see ``_positional``)."""
    tagged = {w for loc in locs if loc.entity.label in _NAME_LABELS
              for w in re.findall(r"[\w'’-]+", loc.entity.text)}
    named = {w for loc in locs if loc.entity.label in ("PERSON", "GPE", "LOC")
             for w in re.findall(r"[\w'’-]+", loc.entity.text)}
    alone = {loc.entity.text for loc in locs  # a whole name, though a title word (West)
             if loc.entity.label in ("PERSON", "GPE", "LOC") and " " not in loc.entity.text}
    found = {w for loc in locs if loc.match and not loc.partial
             for w in re.findall(r"[\w'’-]+", loc.entity.text)}  # Kamal of ألبوكمال
    words: list[tuple[int, str, bool, bool]] = []  # (offset, word, NER-tagged, a name)
    beside: dict[str, list[str]] = {}  # its neighbours in its capitalised run
    for run in _EN_CAP_RUN.finditer(text):
        before = text[:run.start()].rstrip()
        initial = not before or before[-1] in _OPENERS
        run_words = [re.sub(r"['’]s?$", "", w.group())
                     for w in re.finditer(r"[\w'’-]+", run.group())]
        titles = next((n for n, x in enumerate(run_words)
                       if x.lower() not in _TITLES | _EN_STOP), len(run_words))
        if len(run_words) - titles > 4 or (initial and len(run_words) == 1):
            continue  # a heading, not a name (titles aside: Lt Col The Reverend X Y)
        for n, wm in enumerate(re.finditer(r"[\w'’-]+", run.group())):
            word = run_words[n]
            titled = n > 0 and run_words[n - 1].lower().rstrip(".") in _PERSON_TITLES
            if ((n == 0 and initial) or (_CALENDAR.match(word) and not titled)
                    or _is_demonym(word) or word.lower() in _EN_STOP):
                continue  # but a month after a title is a name (Dr August Vann)
            if not _distinctive(Entity(word, "", 0, 0)) and not (
                    word in named and len(word) >= 4 and word.istitle()
                    and (word.lower() not in _TITLES | GENERIC_WORDS or word in alone)
            ) and not (word in doc_surnames and word.istitle()):
                continue  # a tagged name with one strong consonant (Yuan) still counts
            known = (word in tagged or word in doc_tagged or is_personal_name(word)
                     or titled or (n > 0 and is_personal_name(run_words[n - 1])))
            if not known and initial and any(
                    x.lower() not in _EN_STOP | _TITLES for x in run_words[:n]):
                continue  # a heading's capitals (Comment Policy) say nothing of a name
            if word in found or any(locate(Entity(p, "PERSON", 0, 0), ar_segs, (j,))
                   or _prefix_found(p, ar_text) for p in word.split("-") if p):
                continue
            words.append((run.start() + wm.start(), word, word in named, known))
            beside[word] = [x for x in run_words[max(n - 1, 0):n] + run_words[n + 1:n + 2]
                            if _distinctive(Entity(x, "", 0, 0))]
    return words, beside


class _Explainers:
    """Whether an Arabic word of a sentence pair renders some English word of it. A
    capitalised English word explains a word that resembles it (or shares its first
    consonants) only when its own best rendering is not elsewhere in the sentence: Ford,
    rendered فورد, does not also explain فرديناند; St, rendered سانت, not سايتو. Lower-case
    words, and titles and generic words (Street, Prime: mostly translated), must match
    closely (``_LOWER_MATCH``; closer still for a known foreign name). Two words in a row
    explain a word together when both are names or neither is: a name and the verb after it
    (Climo converted) are no two-word name."""

    def __init__(self, en_text: str, ar_text: str) -> None:
        words = [re.sub(r"['’]s?$", "", w) for w in re.findall(r"[A-Za-z][\w'’-]*", en_text)]
        parts = [p for w in words if "-" in w for p in w.split("-") if p]
        self.words = [w for w in dict.fromkeys(words + parts)
                      if w.lower() not in _EN_STOP and w not in _REPORTING]
        self.pairs = [a + " " + b for a, b in itertools.pairwise(words)
                      if a.lower() not in _EN_STOP and b.lower() not in _EN_STOP
                      and (b[:1].isupper() or not a[:1].isupper())]
        self.ar_text = ar_text
        self._best: dict[str, Match | None] = {}

    def _rendered_at(self, word: str) -> Match | None:
        if word not in self._best:
            self._best[word] = find_name_in_arabic(word, self.ar_text)
        return self._best[word]

    def __call__(self, stem: str, start: int | None = None, end: int | None = None,
                 lower: bool = True) -> bool:
        """Whether ``stem`` (at ``start``-``end`` of the Arabic text, when known) renders an
        English word (only a capitalised name word unless ``lower``)."""
        glossed = {g.lower() for g in name_glosses(stem)}
        if glossed and any(w.lower() in glossed or (len(w) >= 4 and any(
                g.startswith(w.lower()) for g in glossed)) for w in self.words):
            return True  # the lexicon's own English for it (وهيو: Hugh; يوفنتوس: Juve)
        sk = arabic_skeleton(stem)
        lower_match = _FOREIGN_LOWER_MATCH if is_foreign_name(stem) else _LOWER_MATCH
        for w in self.words + self.pairs:
            if len(w) < 3:
                continue  # St, Mr: abbreviations resemble anything with weak letters
            en = english_skeleton(w)
            sim = skeleton_similarity(en, sk)
            if not w[:1].isupper() or w.lower() in _TITLES or w.lower() in GENERIC_WORDS:
                if lower and sim >= lower_match:  # translated words: a transliteration is close
                    return True
                continue
            if not (sim >= 0.6 or _prefix_related(en, sk)):
                continue
            m = self._rendered_at(w)
            if m is None or m.score < sim + 0.1:
                return True  # not clearly rendered elsewhere: this may be its rendering
            if (start < m.end and m.start < end if start is not None and end is not None
                    else normalize(stem) in normalize(m.text)):
                return True
        return False


#: How closely a lower-case English word must resemble an Arabic word to explain it: a
#: transliterated common noun (podcast: بودكاست, comedian: الكوميديان) is close; a chance
#: likeness (back: باكر) is not much looser than this.
_LOWER_MATCH = 0.65
#: As close for a known foreign personal name (بوريس): a common noun transliterated as one
#: is rare, and a loose likeness (pursue: بوريس) hides a swapped name.
_FOREIGN_LOWER_MATCH = 0.85


#: Entity labels whose words are names to transliterate (an organisation's are mostly
#: translated: Champions League, White House).
_NAME_LABELS = frozenset(["PERSON", "GPE", "LOC", "NORP"])

#: How far apart (as a fraction of the sentence) a swapped name and its replacement may sit;
#: farther when the English has a single unrendered name (word order differs).
_POSITION_SLACK = 0.15
_POSITION_SLACK_ONE = 0.3


def _name_like(stem: str, en_words: str) -> bool:
    """Whether a clitic-free Arabic word is a known name: a foreign name of the name lists, an
    unambiguous Arabic given name, or a place of the exonym table the English does not
    mention. Words that merely look transliterated are not enough: too many ordinary words
    (تزال, أيام, وجود) have that shape."""
    english = exonym_english(normalize(stem))
    if english:
        return not any(_related(e, en_words) for e in english)
    folded = _fold(stem)
    if folded in _AR_GIVEN:
        return folded not in _AR_AMBIGUOUS
    return is_foreign_name(stem) or transliterates_foreign_name(stem, 4)


@register_check("entity_mismatch")
def _make() -> EntityMismatchCheck:
    return EntityMismatchCheck()
