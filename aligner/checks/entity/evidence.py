"""Evidence that an Arabic span is a name standing in for an English one: another name of the
passage, an exonym, Arabic name words (محمد الحسن, أبو X), a known foreign name, a stranger
beside the rendered part of a name or of a direction word, or a person written twice."""

from __future__ import annotations

import re

from aligner.arabic.lexicon import has_ordinary_reading
from aligner.arabic.name_skeleton import ascii_fold
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
    lexicon_person_name_at,
    looks_transliterated,
    skeleton_similarity,
    transliterates_foreign_name,
)
from aligner.arabic.normalize import arabic_tokens, normalize, strip_article, strip_clitics
from aligner.checks.entity.explain import Explainers, explainers, unmatched
from aligner.checks.entity.locate import Located
from aligner.checks.entity.params import EntityParams
from aligner.checks.entity.words import (
    AR_AMBIGUOUS,
    AR_GIVEN,
    AR_PERSON_TITLES,
    AR_TRIGGERS,
    DIRECTIONS,
    PERSON_TITLES,
    ar_fold,
    direction_word,
    distinctive,
    padded_words,
    prefix_found,
    prefix_related,
    related,
    touching,
)
from aligner.ner import Entity
from aligner.records import Segment


def other_name(p: EntityParams, ar_text: str, link_names: set[str], doc_names: set[str],
               en_text: str, place: bool = True) -> Match | None:
    """A name-like Arabic span that renders none of the link's English names nor any word of
    the link's English text ``en_text``: another name of the document, a place from the exonym
    table (only when ``place``: a place stands in for a place), two Arabic name words in a row
    (محمد الحسن, أبو X) or a known foreign personal name (سميث)."""
    en_words = padded_words(en_text)
    en_skels = explainers(en_text, ar_text, p)
    for other in sorted(doc_names - link_names):
        if (other.isupper() or sum(c.isalpha() for c in other) < p.other_name_min_letters
                or exonym_forms(other)):
            continue  # acronyms and short names transliterate onto common words (AI ≈ أي)
        m = find_name_in_arabic(other, ar_text, p.other_name_match)
        if (m and m.score >= p.other_name_match and other.lower() not in en_text.lower()
                and not cut_from_word(ar_text, m)
                and not exonym_english(m.text) and unmatched(m.text, en_skels)
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
                if not place or any(related(e, en_words) for e in english):
                    break
                if any(find_name_in_arabic(n, stem) for n in link_names):
                    break
                if unmatched(stem, en_skels):
                    return Match(start + off, end, ar_text[start + off:end], 0.8)
                break
            folded = ar_fold(stem)
            if folded in AR_PERSON_TITLES and k + 1 < len(toks):
                nstart, nend, nxt_tok = toks[k + 1]
                if (is_common_given_name(nxt_tok) or ar_fold(nxt_tok) in AR_GIVEN) and not any(
                        find_name_in_arabic(n, nxt_tok, p.loose_match)
                        for n in link_names | doc_names) \
                        and unmatched(nxt_tok, en_skels):
                    return Match(nstart, nend, nxt_tok, 0.7)  # الرئيس سعيد: a name after all
                break
            if (folded in AR_TRIGGERS or folded in AR_GIVEN) and k + 1 < len(toks):
                nxt = ar_fold(toks[k + 1][2])
                pair = (folded in AR_TRIGGERS or nxt in AR_GIVEN
                        or is_foreign_name(toks[k + 1][2]))
                if not pair and (place or folded in AR_AMBIGUOUS):
                    continue
                stop = toks[k + 1][1] if pair else end
                span = ar_text[start + off:stop]
                if (not any(find_name_in_arabic(n, span, p.loose_match)
                            for n in link_names | doc_names)
                        and unmatched(span, en_skels)):
                    return Match(start + off, stop, span, 0.7)
    return foreign_evidence(p, ar_text, en_text, link_names)



def cut_from_word(ar_text: str, m: Match) -> bool:
    """Whether a match begins after a proclitic read off a token that is an ordinary word
    as it stands and no known name without it (صيلة of فصيلة, family: ف is no "and")."""
    for start, _, tok in arabic_tokens(ar_text):
        if start < m.start < start + len(tok):
            return has_ordinary_reading(tok) and not is_foreign_name(tok[m.start - start:])
    return False


def foreign_evidence(p: EntityParams, ar_text: str, en_text: str, link_names: set[str]
                     ) -> Match | None:
    """A one-word Arabic spelling of a known foreign personal name (or one the lexicon knows
    only as a personal name, not common among Arabs: جورج, not محمد) that no English word of
    the link renders: a name the English does not have."""
    en_skels: Explainers | None = None
    for start, end, tok in arabic_tokens(ar_text):
        word = has_ordinary_reading(tok)
        for off, stem in strip_clitics(tok):
            if off and word and not is_foreign_name(stem):
                continue  # a word as it stands (فصيلة) hides no name behind a "clitic"
            if stem.startswith("ال") or not (
                    is_foreign_name(stem)
                    or transliterates_foreign_name(stem, p.transliteration_strong)
                    or (lexicon_person_name_at(tok) == off and not is_common_given_name(stem))):
                continue
            if en_skels is None:
                en_skels = explainers(en_text, ar_text, p)
            if unmatched(tok, en_skels) and not any(
                    find_name_in_arabic(n, stem, p.loose_match) for n in link_names):
                return Match(start + off, end, ar_text[start + off:end], 0.8)
            break
    return None


def beside_name(p: EntityParams, ent: Entity, ar_text: str, en_text: str,
                known_only: bool = False) -> Match | None:
    """A transliterated-looking Arabic word or a common Arab given name right beside the
    rendered part of a person's name that no English word renders: the other part of the
    name, changed (باتريك أندرسون for Kevin Anderson, بول ميلز هيكس for Paul Steve-Hicks,
    صلاح كوليبالي for Lassana Coulibaly), or after it a name of the name lists without a
    transliteration's long vowel (ليام إرنست for Liam Kelly; before a name, such words are
    often verbs: تغلب). With ``known_only``, only a name of the name lists or the lexicon, not
    a word that merely looks transliterated."""
    toks = list(arabic_tokens(ar_text))
    en_skels: Explainers | None = None
    words = [p for w in distinctive(ent) for p in w.split("-") if p]
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
        if en_skels is None:
            en_skels = explainers(en_text, ar_text, p)
        # an initial written out (رونالد هنري for Ronald H.) belongs to the rendered part
        while last + 1 < len(toks) and touching(ar_text, toks, last, last + 1) \
                and en_skels.initial(toks[last + 1][2]):
            last += 1
        for n in (k - 1, last + 1):
            if not touching(ar_text, toks, k if n < k else last, n):
                continue  # no neighbour, or punctuation between
            start, end, whole = toks[n]
            if any(r is not None and r.start < end and start < r.end for r in rendered.values()):
                continue  # another word of the name, rendered (شو of شو زونغداو: Xu Zongdao)
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
                    or any(skeleton_similarity(english_skeleton(x), sk) >= p.neighbour_similarity
                           or prefix_related(english_skeleton(x), sk) for x in unrendered)):
                continue  # the rendered part itself, or another spelling of a missing one
            if en_skels is None:
                en_skels = explainers(en_text, ar_text, p)
            if unmatched(tok, en_skels):
                return Match(start, end, tok, 0.75)
    return None


def stranger_inside(ent: Entity, match: Match, ar_text: str) -> bool:
    """Whether a loose match of a person's full name spans a known name that renders none of
    its words while one of its words is unrendered: a changed first name (دانييل ستوريدج for
    Tony Sturridge). A known name is asked for, as odd spellings (هيو for Hugh) resemble
    nothing."""
    parts = distinctive(ent)
    if len(parts) < 2 or all(find_name_in_arabic(w, match.text) or prefix_found(w, match.text)
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




def beside_direction(p: EntityParams, ent: Entity, ar_text: str, en_text: str,
                     link_names: set[str]) -> Match | None:
    """For a place with a direction word whose own name the Arabic does not render: a name in
    the place's slot beside the translated direction (خليل الغربية for West Virginia), the
    place replaced while its direction word stayed."""
    roots = {DIRECTIONS[w.lower()] for w in re.findall(r"[\w'’-]+", ent.text)
             if w.lower() in DIRECTIONS}
    if not roots:
        return None
    en_words = padded_words(en_text)
    toks = list(arabic_tokens(ar_text))
    en_skels: Explainers | None = None
    for k, (_, _, tok) in enumerate(toks):
        word = direction_word(tok, roots)
        if word is None:
            continue
        n = k - 1 if word != strip_article(word) else k + 1  # الغربية follows; جنوب precedes
        if not touching(ar_text, toks, k, n):
            continue
        start, end, other = toks[n]
        named = next(((o, st) for o, st in strip_clitics(other) if name_like(p, st, en_words)),
                     None)
        off, stem = named or (0, other)
        if not (named or looks_transliterated(stem) or is_common_given_name(stem)):
            continue
        if any(find_name_in_arabic(name, stem, p.loose_match) for name in link_names):
            continue
        if en_skels is None:
            en_skels = explainers(en_text, ar_text, p)
        if unmatched(stem, en_skels):
            return Match(start + off, end, other[off:], 0.75)
    return None


def generic_replaced(p: EntityParams, ent: Entity, ar_segs: tuple[Segment, ...],
                     ar_ids: tuple[int, ...], en_text: str) -> tuple[int, Match] | None:
    """For a place or organisation whose own name the Arabic renders but which has a generic
    word too (Bridge, Park, United): a personal name beside the rendered part in that word's
    place (ستامفورد فيليب for Stamford Bridge). A translated generic word (ملعب, حديقة) is no
    name."""
    words = re.findall(r"[\w'’-]+", ent.text)
    own = set(distinctive(ent))
    if not any(w[:1].isupper() and w not in own and w.lower() not in PERSON_TITLES
               for w in words):
        return None
    return next(((j, m) for j in ar_ids if (m := beside_name(
        p, ent, ar_segs[j].text, en_text, known_only=True))), None)


def repeated_name(others: list[Located], ar_text: str, en_text: str, at: float
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
        # how often the English writes the word so rendered (Trần of Trần Quốc Tuấn: تران)
        words = re.findall(r"[\w'’-]+", loc.entity.text)
        shown = [w for w in words if find_name_in_arabic(w, loc.match.text)] or words[-1:]
        folded = ascii_fold(en_text)
        written = max(len(re.findall(rf"(?<![\w'’-]){re.escape(ascii_fold(w))}(?![\w-])",
                                     folded)) for w in shown)
        if len(spots) > max(written, 1):
            start, end = min(spots, key=lambda se: abs(se[0] / max(len(ar_text), 1) - at))
            return Match(start, end, ar_text[start:end], 0.7)
    return None



def name_like(p: EntityParams, stem: str, en_words: str) -> bool:
    """Whether a clitic-free Arabic word is a known name: a foreign name of the name lists, an
    unambiguous Arabic given name, or a place of the exonym table the English does not
    mention. Words that merely look transliterated are not enough: too many ordinary words
    (تزال, أيام, وجود) have that shape."""
    english = exonym_english(normalize(stem))
    if english:
        return not any(related(e, en_words) for e in english)
    folded = ar_fold(stem)
    if folded in AR_GIVEN:
        return folded not in AR_AMBIGUOUS
    return is_foreign_name(stem) or transliterates_foreign_name(stem, p.transliteration_strong)
