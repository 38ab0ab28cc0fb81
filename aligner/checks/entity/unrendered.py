"""The lower tier of the entity check (major): an English name with no plausible rendering in
the aligned Arabic, nor in the sentences either side, while the Arabic has a name-shaped word
that no English word of the pair accounts for. It finds swaps with names that no list knows
(هتلر → بشير, تكساس → كونيي); a name merely dropped (وقال for "Johnson said") leaves no such
stranger, and a translated one (وزارة الصحة) is an organisation, which this tier leaves alone."""

from __future__ import annotations

import re

from aligner.arabic.glosses import translated
from aligner.arabic.lexicon import gloss_vocabulary, has_ordinary_reading, name_glosses
from aligner.arabic.names import (
    Match,
    arabic_skeleton,
    english_skeleton,
    exonym_forms,
    find_name_in_arabic,
    is_common_given_name,
    is_foreign_name,
    is_personal_name,
    looks_transliterated,
    skeleton_similarity,
)
from aligner.arabic.normalize import arabic_tokens, strip_clitics
from aligner.checks.entity.explain import Explainers, explainers
from aligner.checks.entity.locate import Located, locate
from aligner.checks.entity.namelike import (
    is_calendar_word,
    is_demonym_ar,
    is_ordinary_word,
    zipf,
)
from aligner.checks.entity.params import EntityParams
from aligner.checks.entity.words import (
    TITLES,
    distinctive,
    is_demonym,
    is_derived,
    prefix_found,
    strong_consonants,
    touching,
)
from aligner.lang.ar.morphology import has_pronoun_suffix, is_masdar
from aligner.ner import Entity
from aligner.records import Segment

#: Labels of names a translation transliterates (organisations are mostly translated).
_LABELS = frozenset(["PERSON", "GPE", "LOC"])
#: Labels of names mostly translated but for their proper words (Ryder Cup: كأس رايدر).
_NAMED = frozenset(["ORG", "FAC", "EVENT", "WORK_OF_ART"])


def same_onset(stem: str, words: list[str], p: EntityParams) -> bool:
    """Whether an Arabic word begins with the first strong consonant of one of the English
    words, and its second (if both have one) is among the English word's next ones: a
    rendering the matcher missed (بوف for Bough, جيوس for Gjose) rather than another name
    (هوساكا for Sims, كازوناري for Cromwell: one shared letter is chance)."""
    ar = strong_consonants(arabic_skeleton(stem))

    def close(a: str, b: str) -> bool:
        return skeleton_similarity(a, b) >= p.onset_similarity

    for w in words:
        en = strong_consonants(english_skeleton(w))
        if not (ar and en and close(en[0], ar[0])):
            continue
        # a final gh is silent or f (Bough: بوف), so it cannot tell the words apart
        rest = strong_consonants(english_skeleton(re.sub(r"gh$", "", w, flags=re.I)))[1:]
        if len(ar) < 2 or not rest or any(close(c, ar[1]) for c in rest[:p.onset_reach]):
            return True
    return False


def _stranger(p: EntityParams, token: str, explains: Explainers, names: set[str],
              missing: list[str]) -> tuple[int, str] | None:
    """The name-shaped reading (offset, stem) of an Arabic token that no English word of the
    pair and no name of the passage accounts for: a known name (a common Arab given name, a
    foreign name of the lists, a proper noun of the lexicon) or an unknown transliteration (a
    transliteration's shape, and no dictionary word or a rare one)."""
    readings = list(strip_clitics(token))
    if arabic_word(p, token, readings):
        return None
    # a word as it stands (وجود, كبير) hides no name behind a proclitic (جود, بير)
    word = has_ordinary_reading(token)
    for off, stem in readings:
        if (len(stem) < 3 or len(stem) > p.max_name_letters or stem.startswith("ال")
                or (off and word) or is_calendar_word(stem) or is_demonym_ar(stem)):
            continue
        shaped = looks_transliterated(stem) and (
            not has_ordinary_reading(stem) or zipf(stem) < p.rare_zipf)
        given = is_common_given_name(stem) and zipf(stem) < p.given_name_zipf
        if not (shaped or given or is_foreign_name(stem) or name_glosses(stem)) or (
                not given and is_ordinary_word(stem, p)):
            continue  # a listed name that is mostly a frequent word (بلاد: land) is no name
        # a reading with the article is no short form of a name (بـ + الدوين is no Donald)
        forms = {stem} | {s for _, s in readings if not s.startswith("ال")}
        if accounted_for(p, stem, forms, explains, names, missing):
            return None
        return off, stem
    return None


def accounted_for(p: EntityParams, stem: str, forms: set[str], explains: Explainers,
                  names: set[str], missing: list[str]) -> bool:
    """Whether the pair accounts for an Arabic ``stem``: an English word renders one of its
    ``forms``, it begins like a ``missing`` word, it renders one of ``names``, or it is two
    words run together, one rendering a ``missing`` word."""
    return any(explains(f) for f in forms) or same_onset(stem, missing, p) or any(
        find_name_in_arabic(n, stem, p.loose_match) for n in names) \
        or _run_together(stem, missing)


def arabic_word(p: EntityParams, token: str, readings: list[tuple[int, str]]) -> bool:
    """Whether a token is an Arabic word whatever the lexicon knows: a derived verbal noun
    (لاستلزام: ل + استلزام), a word with an attached dual pronoun (لتبنيهما), or a proclitic
    with the article and a word more frequent with the article alone than the token is and
    no known name (بالرسو: "to dock"; not بالدوين, Baldwin, nor بالبرت, Albert)."""
    if any(is_masdar(stem) or has_pronoun_suffix(stem) for _, stem in readings):
        return True
    return any(off and stem.startswith("ال") and zipf(stem) >= max(p.article_word_zipf,
                                                                   zipf(token))
               and not (is_foreign_name(stem) or name_glosses(stem)
                        or is_common_given_name(stem)) for off, stem in readings)


def _stranger_at(p: EntityParams, start: int, end: int, token: str, explains: Explainers,
                 names: set[str], missing: list[str]) -> Match | None:
    """``_stranger`` of the token at ``start:end``, as the span the finding points at."""
    found = _stranger(p, token, explains, names, missing)
    return Match(start + found[0], end, found[1], 0.6) if found else None


def _first_stranger(p: EntityParams, ar_segs: tuple[Segment, ...], ar_ids: tuple[int, ...],
                    explains: Explainers, names: set[str],
                    missing: list[str]) -> tuple[int, Match] | None:
    """The first stranger anywhere in the link's Arabic segments: (segment, span)."""
    for j in ar_ids:
        for start, end, tok in arabic_tokens(ar_segs[j].text):
            match = _stranger_at(p, start, end, tok, explains, names, missing)
            if match:
                return j, match
    return None


def _run_together(stem: str, words: list[str]) -> bool:
    """Whether an Arabic token is two words written as one, one of them rendering one of the
    English ``words`` (ينزلرينجرز: ينزل رينجرز, for Rangers)."""
    return any(find_name_in_arabic(w, f"{stem[:k]} {stem[k:]}") is not None
               for k in range(2, len(stem) - 1) for w in words)


def translated_in(word: str, ar_text: str) -> bool:
    """Whether an Arabic word of ``ar_text`` translates the English ``word`` (its dictionary
    gloss: مقبرة for Tomb, a word NER or a name list took for a name)."""
    return any(translated(tok, frozenset([word.lower()])) for _, _, tok in arabic_tokens(ar_text))


def _rendered_near(ent: Entity, parts: list[str], ar_segs: tuple[Segment, ...],
                   ar_ids: tuple[int, ...], window: int) -> bool:
    """Whether the name, or one of its distinctive words, is rendered in the link's Arabic or
    within ``window`` segments of it."""
    ids = tuple(j for j in range(min(ar_ids) - window, max(ar_ids) + window + 1)
                if 0 <= j < len(ar_segs))
    if locate(ent, ar_segs, ids):
        return True
    text = " ".join(ar_segs[j].text for j in ids)
    return any(find_name_in_arabic(w, text) or prefix_found(w, text) for w in parts)


def unrendered_name(p: EntityParams, loc: Located, ar_segs: tuple[Segment, ...],
                    ar_ids: tuple[int, ...], en_text: str, names: set[str],
                    link_names: set[str] | None = None) -> tuple[int, Match] | None:
    """For a person or place: an Arabic stranger where the name has no rendering at all (the
    name nowhere in or beside the link), or beside the rendered part of a person's or a
    place's name whose other distinctive word is rendered nowhere (بالدوين ترامب for Donald
    Trump; مورنينج تريمونيك for Morning Post). A stranger
    must render none of ``names`` (the passage's); beside a rendered part, in the missing
    word's very slot, none of ``link_names`` (the link's own; all of ``names`` if None): a
    name of another sentence there (فورد of Christine Blasey Ford, for Christine Blasey
    Miura) is the name the English changed."""
    near = names if link_names is None else link_names
    ent = loc.entity
    # a one-word organisation that is a personal name and no English word is mostly a
    # person NER mislabelled (Sims); others are translated (Senate: مجلس الشيوخ)
    proper_org = (ent.label == "ORG" and " " not in ent.text and ent.text.istitle()
                  and ent.text.lower() not in gloss_vocabulary() and is_personal_name(ent.text))
    if ent.label in _NAMED and not proper_org:
        return _inside_name(p, ent, ar_segs, ar_ids, en_text, names, near)
    if ((ent.label not in _LABELS and not proper_org) or ent.text.isupper()
            or is_demonym(ent.text)):
        return None
    parts = [x for w in distinctive(ent) for x in w.split("-") if x]
    if (not parts and ent.label == "PERSON" and re.fullmatch(r"[A-Z][a-z]{3,}", ent.text)
            and not is_derived(ent.text) and ent.text.lower() not in TITLES):
        parts = [ent.text]  # a one-word name of one strong consonant (Yuan) is a name too
    if not parts or not ar_ids or f"#{ent.text}" in en_text:
        return None  # a hashtag (#MeToo) is translated or described, not transliterated
    ar_text = " ".join(ar_segs[j].text for j in ar_ids)
    if " " not in ent.text and translated_in(ent.text, ar_text):
        return None  # a word NER took for a name, translated (Tomb of ...: مقبرة)
    explains = explainers(en_text, ar_text, p, common=False)
    if loc.match is None and not _rendered_near(ent, parts, ar_segs, ar_ids,
                                                p.rendered_window):
        return _first_stranger(p, ar_segs, ar_ids, explains, names, parts)
    if ent.label == "PERSON":
        # a short given name counts here too (Chou, Lee: too few consonants to look for alone)
        parts += [w for w in re.findall(r"[\w'’]+", ent.text) if w not in parts and len(w) >= 3
                  and w.istitle() and w.lower() not in TITLES]
    if len(parts) < 2:
        return _fewer_mentions(p, parts, ar_segs, ar_ids, en_text, explains, names)
    # a person's name partly rendered: a stranger right beside the rendered part stands in
    # for the part rendered nowhere (بالدوين ترامب for Donald Trump). A name of the passage
    # sharing a word with this one (Donald Trump for Chou Trump) is this person under
    # another given name: the other given name beside the kept surname is a stranger here
    near = _other_names(near, parts)
    for j in ar_ids:
        text = ar_segs[j].text
        found_parts = {w: find_name_in_arabic(w, text) for w in parts}
        kept = [m for m in found_parts.values() if m is not None]
        rest = _without(text, kept)
        if not kept or not any(m is None and not prefix_found(w, rest)
                               for w, m in found_parts.items()):
            continue
        missing = [w for w, m in found_parts.items() if m is None]
        match = _touching_stranger(p, text, list(arabic_tokens(text)), kept, explains, near,
                                   missing)
        if match:
            return j, match
    return _beside_occurrences(p, parts, ar_segs, ar_ids, en_text, explains, near)


def _without(text: str, spans: list[Match]) -> str:
    """``text`` with the words of ``spans`` blanked out."""
    for m in spans:
        text = text.replace(m.text, " ")
    return text


def _other_names(names: set[str], words: list[str]) -> set[str]:
    """The ``names`` that share no word with ``words``: one that does is this name, changed."""
    own = {w.lower() for w in words}
    return {n for n in names if not own & {w.lower() for w in re.findall(r"[\w'’-]+", n)}}


def _spots(word: str, text: str) -> list[Match]:
    """Every Arabic token of ``text`` that renders the English ``word`` (its proclitics left
    out), or the best multi-token span when no single token does."""
    out = []
    for start, _, tok in arabic_tokens(text):
        m = find_name_in_arabic(word, tok)
        if m is not None:
            out.append(Match(start + m.start, start + m.end, m.text, m.score))
    best = find_name_in_arabic(word, text) if not out else None
    return [best] if best else out


def _beside_occurrences(p: EntityParams, parts: list[str], ar_segs: tuple[Segment, ...],
                        ar_ids: tuple[int, ...], en_text: str, explains: Explainers,
                        near: set[str]) -> tuple[int, Match] | None:
    """A stranger beside any rendering of a part of a person's name (not only the first:
    جون كارتر ... جون فالدريكس for John Carter ... John Ramsey), where another part is
    rendered nowhere or fewer times than the English writes it (Donald Trump ... Trump: one
    ترامب, and a stranger beside دونالد)."""
    for j in ar_ids:
        text = ar_segs[j].text
        spots = {w: _spots(w, text) for w in parts}
        kept = [m for ms in spots.values() for m in ms]
        rest = _without(text, kept)
        missing = [w for w, ms in spots.items() if (not ms and not prefix_found(w, rest))
                   or len(ms) < _mentions(w, en_text)]
        if not kept or not missing:
            continue
        toks = list(arabic_tokens(text))
        for m in kept:
            match = _touching_stranger(p, text, toks, [m], explains, near, missing)
            if match:
                return j, match
    return None


def _touching_stranger(p: EntityParams, text: str, toks: list[tuple[int, int, str]],
                       spans: list[Match], explains: Explainers, near: set[str],
                       missing: list[str]) -> Match | None:
    """A stranger in the token right before or right after the tokens ``spans`` cover."""
    inside = [k for k, (s, e, _) in enumerate(toks) if any(s < m.end and m.start < e
                                                            for m in spans)]
    for n in (inside[0] - 1, inside[-1] + 1) if inside else ():
        if not touching(text, toks, inside[0] if n < inside[0] else inside[-1], n):
            continue
        start, end, tok = toks[n]
        match = _stranger_at(p, start, end, tok, explains, near, missing)
        if match:
            return match
    return None


def _mentions(word: str, en_text: str) -> int:
    """How many times the English writes ``word`` as a whole word."""
    return len(re.findall(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])", en_text))


def _fewer_mentions(p: EntityParams, parts: list[str], ar_segs: tuple[Segment, ...],
                    ar_ids: tuple[int, ...], en_text: str, explains: Explainers,
                    names: set[str]) -> tuple[int, Match] | None:
    """For a one-word name the English writes more times than the Arabic renders it (Sims
    and Simpson ... Sims: one سيمز), a stranger anywhere in the link stands in for a mention,
    as for a name rendered nowhere (a pronoun for a mention leaves no stranger)."""
    if len(parts) != 1:
        return None
    word = parts[0]
    # counted only where the matcher finds a mention (an exonym, ألمانيا, it may not)
    rendered = sum(len(_spots(word, ar_segs[j].text)) for j in ar_ids)
    if not 0 < rendered < _mentions(word, en_text):
        return None
    return _first_stranger(p, ar_segs, ar_ids, explains, names, parts)


def _proper_words(ent: Entity) -> list[str]:
    """The words of an organisation's, a building's or an event's name that a translation
    transliterates: distinctive words that are no English dictionary word (Nuggets is one,
    Examiner none), or that are a personal name or a place (Cromwell, Victoria, England)."""
    vocabulary = gloss_vocabulary()
    return [w for w in distinctive(ent) if "-" not in w and (
        w.lower() not in vocabulary or is_personal_name(w) or exonym_forms(w))]


def _inside_name(p: EntityParams, ent: Entity, ar_segs: tuple[Segment, ...],
                 ar_ids: tuple[int, ...], en_text: str, names: set[str], near: set[str]
                 ) -> tuple[int, Match] | None:
    """For an organisation, a building, an event or a work: a proper word of its name (see
    ``_proper_words``) rendered nowhere in the link, and an Arabic stranger in its place:
    beside the rendered part of the name (واشنطن إكزامنر for Yoshimi Examiner), or, where no
    word of it is rendered, anywhere, when the missing word is a personal name or a place
    that a translation keeps (مجتمع كازوناري for Cromwell Society)."""
    if ent.text.isupper() or f"#{ent.text}" in en_text or not ar_ids:
        return None
    proper = _proper_words(ent)
    if not proper:
        return None
    ar_text = " ".join(ar_segs[j].text for j in ar_ids)

    def rendered(w: str) -> bool:
        return bool(prefix_found(w, ar_text) or locate(Entity(w, "GPE", 0, 0), ar_segs, ar_ids))

    missing = [w for w in proper if not rendered(w)]
    if not missing:
        return None
    # a name of the passage sharing a word with this one is this name, changed (see above)
    near = _other_names(near, proper)
    explains = explainers(en_text, ar_text, p, common=False)
    kept = [w for w in distinctive(ent) if w not in missing and rendered(w)]
    if not kept:
        if not any(is_personal_name(w) or exonym_forms(w) for w in missing):
            return None
        return _first_stranger(p, ar_segs, ar_ids, explains, names, missing)
    for j in ar_ids:
        text = ar_segs[j].text
        spans = [m for w in kept if (m := find_name_in_arabic(w, text))]
        match = _touching_stranger(p, text, list(arabic_tokens(text)), spans, explains, near,
                                   missing)
        if match:
            return j, match
    return None


def untagged_name(p: EntityParams, words: list[tuple[int, str, bool, bool]],
                  ar_text: str, en_text: str, names: set[str]) -> tuple[int, str, Match] | None:
    """For a 1-1 link: a capitalised English word that NER tagged as a name elsewhere in the
    document (Waters said, after Maxine Waters) or that is a known personal name, rendered
    nowhere in the Arabic (``words``: ``reverse._unrendered_capitals``), while the Arabic has
    a stranger (``_stranger``): (the word's offset, the word, the stranger's span)."""
    known = [(k, w) for k, w, _, is_known in words if is_known and len(w) >= 4
             and not translated_in(w, ar_text)]
    if len(known) > 1:
        # of several, a known personal name is the one a stranger stands for: the others
        # (Southwest of Desert Southwest: جنوب غرب) are mostly translated words of a name
        known = [(k, w) for k, w in known if is_personal_name(w)]
    if len(known) != 1:
        return None  # one missing name: several leave the stranger's counterpart unclear
    k, word = known[0]
    explains = explainers(en_text, ar_text, p, common=False)
    for start, end, tok in arabic_tokens(ar_text):
        match = _stranger_at(p, start, end, tok, explains, names, [word])
        if match:
            return k, word, match
    return None
