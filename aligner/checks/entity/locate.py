"""Where the aligned Arabic renders each English name, shared by the entity checks.

English names come from spaCy NER. Each is looked for in the Arabic of its link: left in Latin
script, by cross-script matching (``aligner.arabic.names``), as the adjective or people-name of
an exonym (الإيرانيين for Iran), as a word the Arabic lexicon knows only as that name
(اليونان: Greece), or through one word that identifies it alone (a surname). Computed once per
report: ``entity_mismatch`` and ``inconsistent_entity`` read the same result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from aligner.arabic.lexicon import name_glosses, name_start
from aligner.arabic.names import Match, english_skeleton, exonym_forms, find_name_in_arabic
from aligner.arabic.normalize import arabic_tokens, normalize, strip_article, strip_clitics
from aligner.checks.base import CheckContext
from aligner.ner import Entity, english_entities_many
from aligner.records import Link, Segment

#: Words of organisation and place names that are translated, not transliterated.
GENERIC_WORDS = frozenset([
    "army", "brigade", "brigades", "battalion", "corps", "force", "forces", "division", "militia",
    "militias", "front", "party", "council", "ministry", "ministries", "news", "security", "page",
    "agency", "office", "committee", "movement", "organisation", "organization", "union",
    "university", "group", "media", "network", "department", "government", "regime", "city",
    "town", "province", "governorate", "district", "village", "camp", "crossing", "border",
    "river", "lake", "mountain", "mountains", "valley", "sea", "gulf", "bay", "region", "state",
    "states", "republic", "kingdom", "emirate", "islamic", "revolutionary", "guard", "guards",
    "national", "international", "united", "general", "the", "of", "and", "for", "in", "al", "el",
    "facebook", "twitter", "centre", "center", "institute", "foundation", "association", "company",
    "bank", "court", "police", "service", "services", "unit", "units", "popular", "mobilisation",
    "mobilization", "democratic", "liberation", "people's", "peoples", "revolution",
])


@dataclass(frozen=True)
class Located:
    """One English entity mention and where (if anywhere) the aligned Arabic renders it."""

    entity: Entity
    en_seg: int
    ar_seg: int | None
    match: Match | None
    partial: bool = False  # found through one of its words only


def english_arabic_sides(ctx: CheckContext) -> tuple[str, str] | None:
    """(English side, Arabic side) names, or None when the pair is not English–Arabic."""
    if ctx.src_lang == "en" and ctx.tgt_lang == "ar":
        return "src", "tgt"
    if ctx.src_lang == "ar" and ctx.tgt_lang == "en":
        return "tgt", "src"
    return None


@lru_cache(maxsize=8192)
def _nisba_stems(form: str) -> frozenset[str]:
    """Stems of an exonym that its adjective or people-name is built on (روسيا → روس)."""
    base = strip_article(form)
    out = {base}
    for suffix in ("يا", "ا", "ه"):
        if base.endswith(suffix) and len(base) - len(suffix) >= 3:
            out.add(base[: -len(suffix)])
    return frozenset(out)


def _find_nisba(english: str, text: str) -> Match | None:
    """An adjective/people form of an exonym (الإيرانيين for Iran, الروس for Russia)."""
    forms = exonym_forms(english)
    stems = {s for f in forms if " " not in f for s in _nisba_stems(f)}
    if not stems:
        return None
    for start, end, tok in arabic_tokens(text):
        for off, stem in strip_clitics(tok):
            word = strip_article(normalize(stem))
            # not morphology.NISBA_ENDINGS: the bare stem counts (الروس for Russia) and يات
            # does not (never matched here; adding it would change what is located)
            for suffix in ("يين", "يون", "يه", "ي", ""):
                if word.endswith(suffix) and word[: len(word) - len(suffix)] in stems:
                    return Match(start + off, end, text[start + off:end], 0.9)
    return None


def _find_glossed(english: str, text: str) -> Match | None:
    """An Arabic word the lexicon knows only as this name (اليونان: Greece; لاهاي: The
    Hague), its proclitics left out of the match (ويوتا, ليوتا: يوتا)."""
    want = english.lower().removeprefix("the ")
    for start, end, tok in arabic_tokens(text):
        if any(g.lower().removeprefix("the ") == want for g in name_glosses(tok)):
            off = name_start(tok)
            return Match(start + off, end, text[start + off:end], 0.9)
    return None


def _name_parts(ent: Entity) -> list[str]:
    """Words of a multi-word name that identify it on their own (surname; proper words of an
    organisation), for renderings that keep only part of the name."""
    words = re.findall(r"[\w'’-]+", ent.text)
    if len(words) < 2:
        return []
    if ent.label == "PERSON":
        return [words[-1]] if len(english_skeleton(words[-1]).strip("aWYA")) >= 2 else []
    return [w for w in words if w[:1].isupper() and w.lower() not in GENERIC_WORDS
            and len(english_skeleton(w)) >= 3]


def locate(name: Entity, segs: tuple[Segment, ...], ids: tuple[int, ...]
           ) -> tuple[int, Match, bool] | None:
    """Where among the Arabic segments ``ids`` the English name is rendered: (segment, match,
    found-by-part-only)."""
    for j in ids:
        text = segs[j].text
        k = text.lower().find(name.text.lower())  # left in Latin script (BPPT, "Momentum")
        m = (Match(k, k + len(name.text), text[k:k + len(name.text)], 1.0) if k >= 0 else
             find_name_in_arabic(name.text, text) or _find_nisba(name.text, text)
             or _find_glossed(name.text, text))
        if m:
            return j, m, False
    for part in _name_parts(name):
        for j in ids:
            m = find_name_in_arabic(part, segs[j].text)
            if m:
                return j, m, True
    return None


_CACHE: dict[int, tuple[object, list[tuple[Link, list[Located]]]]] = {}


def locate_all(ctx: CheckContext) -> list[tuple[Link, list[Located]]]:
    """Every English entity of every non-null link, located in its Arabic; shared by the entity
    checks and computed once per report."""
    cached = _CACHE.get(id(ctx.report))
    if cached and cached[0] is ctx.report:
        return cached[1]
    sides = english_arabic_sides(ctx)
    out: list[tuple[Link, list[Located]]] = []
    if sides:
        en_name, ar_name = sides
        en_segs, ar_segs = ctx.side(en_name), ctx.side(ar_name)
        ents = english_entities_many([s.text for s in en_segs])
        for link in ctx.report.links:
            if link.is_null:
                continue
            en_ids, ar_ids = (link.src, link.tgt) if en_name == "src" else (link.tgt, link.src)
            located = []
            for i in en_ids:
                for ent in ents[i]:
                    hit = locate(ent, ar_segs, ar_ids)
                    located.append(Located(ent, i, *(hit or (None, None, False))))
            out.append((link, located))
    _CACHE.clear()
    _CACHE[id(ctx.report)] = (ctx.report, out)
    return out
