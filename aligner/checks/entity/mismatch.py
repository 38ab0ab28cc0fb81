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

import re

from aligner.arabic.names import (
    Match,
    exonym_english,
    exonym_forms,
    find_name_in_arabic,
    is_personal_name,
    looks_transliterated,
)
from aligner.arabic.normalize import normalize
from aligner.checks.base import CheckContext, register_check
from aligner.checks.entity.evidence import (
    beside_direction,
    beside_name,
    foreign_evidence,
    generic_replaced,
    other_name,
    repeated_name,
    stranger_inside,
)
from aligner.checks.entity.kept import kept_name
from aligner.checks.entity.locate import Located, english_arabic_sides, locate, locate_all
from aligner.checks.entity.namelike import fragment, name_like_span
from aligner.checks.entity.params import EntityParams
from aligner.checks.entity.reverse import reverse, unrendered_capitals
from aligner.checks.entity.unrendered import unrendered_name, untagged_name
from aligner.checks.entity.words import (
    AR_PERSON_TITLES,
    NAME_LABELS,
    ar_fold,
    distinctive,
    prefix_found,
    span_of,
)
from aligner.ner import Entity
from aligner.records import Finding, Link, Segment, Span
from aligner.registry import Style


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
            words = distinctive(loc.entity) or re.findall(r"^[\w'’-]+$", loc.entity.text)
            found = {w: m for w in words if (m := find_name_in_arabic(w, loc.match.text))}
            for m in found.values():
                word = m.text.strip()
                if " " not in word and looks_transliterated(word):
                    out.setdefault(normalize(word), set()).update(found)
    return {k: frozenset(v) for k, v in out.items()}


def nearby(names_at: dict[int, set[str]], en_ids: tuple[int, ...], window: int) -> set[str]:
    """The names of the English segments within ``window`` of ``en_ids`` (a translator mixes
    up names of the same passage; a bounded window keeps long documents linear)."""
    if not en_ids:
        return set()
    first, last = min(en_ids) - window, max(en_ids) + window
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


def _after_title(ar_text: str, start: int) -> bool:
    """Whether the Arabic word before ``start`` is a person's title (الرئيس سعيد)."""
    before = ar_text[:start].split()
    return bool(before) and ar_fold(before[-1]) in AR_PERSON_TITLES


def _arabic_name_like(finding: Finding, p: EntityParams, ar_segs: tuple[Segment, ...]
                      ) -> bool:
    """Whether the Arabic span a finding gives may be a name (``name_like_span``) and is no
    piece of a token (``fragment``)."""
    ar = finding.evidence.get("arabic")
    if not isinstance(ar, Span):
        return True
    start = ar_segs[ar.segment].start
    return _name_in_place(p, ar_segs, (ar.segment, Match(ar.start - start, ar.end - start,
                                                         ar.text, 0.0)))


def _name_in_place(p: EntityParams, ar_segs: tuple[Segment, ...], other: tuple[int, Match],
                   slot: bool = False) -> bool:
    """Whether the Arabic span standing in a name's place may be a name (``name_like_span``)
    and is no piece of a token cut at a false proclitic (``fragment``)."""
    j, m = other
    return name_like_span(m.text, p, slot) and not fragment(ar_segs[j].text, m.start, m.end)


class EntityMismatchCheck:
    name = "entity_mismatch"

    def run(self, ctx: CheckContext) -> list[Finding]:
        sides = english_arabic_sides(ctx)
        if not sides:
            return []
        en_name, ar_name = sides
        en_segs, ar_segs = ctx.side(en_name), ctx.side(ar_name)
        p = ctx.params.get(EntityParams)
        located = locate_all(ctx)
        names_at: dict[int, set[str]] = {}  # English segment -> names NER found in it
        for _, locs in located:
            for loc in locs:
                names_at.setdefault(loc.en_seg, set()).add(loc.entity.text)
        # words NER tags as names anywhere in the document: it often misses a later mention
        # (Waters said) that it tagged in full earlier (Maxine Waters)
        doc_tagged = {w for _, locs in located for loc in locs
                      if loc.entity.label in NAME_LABELS
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
            doc_names = nearby(names_at, en_ids, p.nearby_segments)
            en_text = " ".join(en_segs[i].text for i in en_ids)
            reported: set[str] = set()
            for loc in locs:
                ent = loc.entity
                if ent.text in reported:
                    continue
                if ent.label in ("ORG", "FAC"):
                    other = self._named_after(p, loc, ar_segs, ar_ids, en_text, link_names)
                    if other is not None and _name_in_place(p, ar_segs, other):
                        reported.add(ent.text)
                        findings.append(self._finding(ctx, link, loc, other, en_name, ar_name,
                                                      en_segs, ar_segs))
                    continue
                if not self._diverges(loc, ar_segs, ar_ids, locs):
                    if ent.label in ("GPE", "LOC"):
                        other = generic_replaced(p, ent, ar_segs, ar_ids, en_text)
                        if other is not None and _name_in_place(p, ar_segs, other):
                            reported.add(ent.text)
                            findings.append(self._finding(ctx, link, loc, other, en_name,
                                                          ar_name, en_segs, ar_segs))
                        continue
                    if ent.label != "PERSON" or len(distinctive(ent)) < 2:
                        continue
                    # each word rendered somewhere, yet a known name beside one of them may
                    # stand in for another: a surname the sentence repeats (David أدولف, and
                    # Father Johnson: جونسون)
                    other = next(((j, m) for j in ar_ids if (m := beside_name(
                        p, ent, ar_segs[j].text, en_text, known_only=True))), None)
                    slot = True
                else:
                    # a place stands in for a place; not for an acronym (U.S.: أمريكا, واشنطن)
                    place = ent.label in ("GPE", "LOC") and not ent.text.isupper()
                    other = next(((j, m) for j in ar_ids if (m := other_name(
                        p, ar_segs[j].text, link_names, doc_names, en_text, place))), None)
                    slot = other is not None and _after_title(ar_segs[other[0]].text,
                                                              other[1].start)
                    if other is None and ent.label == "PERSON":
                        slot = True
                        other = next(((j, m) for j in ar_ids if (m := beside_name(
                            p, ent, ar_segs[j].text, en_text))), None) or self._repeated(
                            loc, locs, en_segs[loc.en_seg].text, ar_segs, ar_ids, en_text)
                    if other is None and place and loc.match is None:
                        slot = True
                        other = next(((j, m) for j in ar_ids if (m := beside_direction(
                            p, ent, ar_segs[j].text, en_text, link_names))), None)
                if other is None or not _name_in_place(p, ar_segs, other, slot):
                    continue  # unrendered, but nothing else stands in: dropped or reworded
                reported.add(ent.text)
                findings.append(self._finding(ctx, link, loc, other, en_name, ar_name,
                                              en_segs, ar_segs))
            if reported:
                continue
            back = [f for f in reverse(p, link, locs, en_name, ar_name, en_segs, ar_segs,
                                       doc_names, doc_tagged, doc_rendered, doc_surnames)
                    if _arabic_name_like(f, p, ar_segs)]
            findings.extend(back)
            if not back:  # the lower tier: a name rendered nowhere, a stranger in the Arabic
                lower = self._unrendered(ctx, p, link, locs, en_text, doc_names, en_name,
                                         ar_name)
                findings.extend(lower or self._untagged(ctx, p, link, locs, doc_names,
                                                        doc_tagged, doc_surnames, en_name,
                                                        ar_name))
        return _one_name_per_span(findings)

    @staticmethod
    def _repeated(loc: Located, locs: list[Located], en_sentence: str,
                  ar_segs: tuple[Segment, ...], ar_ids: tuple[int, ...], en_text: str
                  ) -> tuple[int, Match] | None:
        """Another person of the link written in the Arabic where ``loc``'s name should be
        (``repeated_name``). NER often tags a lone surname ORG (Sims), so those count too."""
        others = [o for o in locs if o.entity.text != loc.entity.text and (
            o.entity.label == "PERSON" or (o.entity.label == "ORG" and " " not in o.entity.text))]
        at = loc.entity.start / max(len(en_sentence), 1)
        return next(((j, m) for j in ar_ids if (m := repeated_name(
            others, ar_segs[j].text, en_text, at))), None)

    @staticmethod
    def _named_after(p: EntityParams, loc: Located, ar_segs: tuple[Segment, ...],
                     ar_ids: tuple[int, ...], en_text: str, link_names: set[str]
                     ) -> tuple[int, Match] | None:
        """For an organisation or facility (mostly translated): a changed personal name in
        it (Maxwell School: كلية جوناس; Mac Girard: ماك ميلر). Its unrendered words must
        include a known personal name, or sit beside a rendered one. Where the whole name is
        rendered closely (ألبوكمال for Albu Kamal, whose words are not found one by one), none
        is changed: a foreign name beside it stands for another of the link's names. A loose
        match is no such evidence: ماكسين ووترز passes for Maxine Reed on its first name."""
        ent = loc.entity
        ar_text = " ".join(ar_segs[j].text for j in ar_ids)
        whole = loc.match is not None and not loc.partial and loc.match.score >= p.whole_match
        missing = [] if whole else [w for w in distinctive(ent)
                                    if find_name_in_arabic(w, ar_text) is None
                                    and not prefix_found(w, ar_text)]
        if not missing:
            return generic_replaced(p, ent, ar_segs, ar_ids, en_text)
        for j in ar_ids:
            m = beside_name(p, ent, ar_segs[j].text, en_text)
            if m is None and any(is_personal_name(w) for w in missing):
                m = foreign_evidence(p, ar_segs[j].text, en_text, link_names)
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
            parts = distinctive(ent)
            free = _untaken(loc, locs, ar_segs, ar_ids)
            if parts and all(prefix_found(w, free) for w in parts):
                return False  # a short or long form (Naples: نابولي)
            return bool(parts or exonym_forms(ent.text))
        if loc.partial:
            parts = distinctive(ent)
            rest = ar_text.replace(loc.match.text, " ")  # كوسوما renders Kusuma, not Samuel
            return len(parts) > 1 and any(
                locate(Entity(w, ent.label, 0, 0), ar_segs, ar_ids) is None
                and not prefix_found(w, rest) for w in parts)
        if ent.label == "PERSON" and loc.ar_seg is not None:
            return stranger_inside(ent, loc.match, ar_segs[loc.ar_seg].text)
        return False

    def _unrendered(self, ctx: CheckContext, p: EntityParams, link: Link, locs: list[Located],
                    en_text: str, doc_names: set[str], en_name: str, ar_name: str
                    ) -> list[Finding]:
        """The lower tier's finding for the link's first name that qualifies, if any."""
        en_segs, ar_segs = ctx.side(en_name), ctx.side(ar_name)
        ar_ids = link.tgt if ar_name == "tgt" else link.src
        names = {loc.entity.text for loc in locs} | doc_names
        for loc in locs:
            other = unrendered_name(p, loc, ar_segs, ar_ids, en_text, names - {loc.entity.text},
                                    {x.entity.text for x in locs} - {loc.entity.text})
            if other is not None:
                return [self._finding(ctx, link, loc, other, en_name, ar_name, en_segs,
                                      ar_segs, tier="unrendered")]
        return []

    def _untagged(self, ctx: CheckContext, p: EntityParams, link: Link, locs: list[Located],
                  doc_names: set[str], doc_tagged: set[str], doc_surnames: set[str],
                  en_name: str, ar_name: str) -> list[Finding]:
        """The lower tier for a name NER missed in this sentence (``untagged_name``)."""
        en_ids = link.src if en_name == "src" else link.tgt
        ar_ids = link.tgt if ar_name == "tgt" else link.src
        if len(en_ids) != 1 or len(ar_ids) != 1:
            return []
        en_segs, ar_segs = ctx.side(en_name), ctx.side(ar_name)
        i, j = en_ids[0], ar_ids[0]
        text, ar_text = en_segs[i].text, ar_segs[j].text
        tagged = {w for loc in locs for w in re.findall(r"[\w'’-]+", loc.entity.text)}
        capitals = unrendered_capitals(p, text, ar_text, locs, ar_segs, j, doc_tagged,
                                       doc_surnames)[0]
        # a lone surname of a person of the document that NER read as a place (West) is that
        # person, whom the lower tier reads as a name NER missed
        misread = {loc.entity.text for loc in locs if loc.entity.label in ("GPE", "LOC")
                   and loc.match is None and loc.entity.text in doc_surnames}
        words = [x for x in capitals if x[1] not in tagged or x[1] in misread]
        names = {loc.entity.text for loc in locs} | doc_names
        labelled = {label: {w for loc in locs if loc.entity.label in label
                            for w in re.findall(r"[\w'’-]+", loc.entity.text)}
                    for label in (("NORP", "LANGUAGE"), ("GPE", "LOC"))}
        # a word of another name's rendering (سان of سان بيير: Saint-Pierre) is no stranger
        taken = [loc.match for loc in locs if loc.match is not None and loc.ar_seg == j]
        # the original name, kept in the Arabic, is often a name of the passage: only the
        # link's own names account for a kept name
        hit = untagged_name(p, words, ar_text, text, names) or kept_name(
            p, capitals, ar_text, text, {loc.entity.text for loc in locs},
            labelled["NORP", "LANGUAGE"], labelled["GPE", "LOC"], taken)
        if hit is None or any(hit[2].start < m.end and m.start < hit[2].end for m in taken):
            return []
        k, word, m = hit
        loc = Located(Entity(word, "PERSON", k, k + len(word)), i, None, None)
        return [self._finding(ctx, link, loc, (j, m), en_name, ar_name, en_segs, ar_segs,
                              tier="unrendered")]

    def _finding(self, ctx: CheckContext, link: Link, loc: Located, other: tuple[int, Match],
                 en_name: str, ar_name: str, en_segs: tuple[Segment, ...],
                 ar_segs: tuple[Segment, ...], tier: str = "replaced") -> Finding:
        """A name rendered as another: ``other`` is the Arabic segment and the span there."""
        ent = loc.entity
        j, m = other
        evidence: dict[str, object] = {
            "entity": span_of(en_name, en_segs, loc.en_seg, ent.start, ent.end),
            "label": ent.label,
            "arabic": span_of(ar_name, ar_segs, j, m.start, m.end),
            "tier": tier,
        }
        if tier == "replaced":
            message = f"'{ent.text}' ({ent.label}) is rendered as a different name: '{m.text}'"
            return Finding(kind=self.name, severity="critical", confidence=0.9,
                           src=link.src, tgt=link.tgt, missing_in=ar_name, message=message,
                           evidence=evidence)
        message = (f"{_what_is_unrendered(ent, ar_segs[j].text, m)} is rendered nowhere in the "
                   f"Arabic, which has a name no English word accounts for: '{m.text}'")
        return Finding(kind=self.name, severity="major", confidence=0.6,
                       src=link.src, tgt=link.tgt, missing_in=ar_name, message=message,
                       evidence=evidence)


def _what_is_unrendered(ent: Entity, ar_text: str, stranger: Match) -> str:
    """The name, or, where the Arabic renders part of it, its missing words: a translator is
    told "'Waterfield' of 'Victoria Waterfield'" when فيكتوريا stands there."""
    words = distinctive(ent)
    kept = [w for w in words if (f := find_name_in_arabic(w, ar_text)) is not None
            and not (f.start < stranger.end and stranger.start < f.end)]
    missing = [w for w in words if w not in kept]
    if not kept or not missing:
        return f"'{ent.text}' ({ent.label})"
    return (f"'{' '.join(missing)}' of '{ent.text}' ({ent.label}, '{' '.join(kept)}' "
            f"rendered)")


@register_check("entity_mismatch", params=EntityParams, order=4,
                style=Style("black on magenta", "#c13fd6", "rgba(193, 63, 214, 0.22)"))
def _make() -> EntityMismatchCheck:
    return EntityMismatchCheck()
