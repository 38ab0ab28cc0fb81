"""partial_omission: an aligned pair where a clause of one side has no counterpart.

The side that is longer than the document's own length ratio predicts is split into clauses
(punctuation, relative pronouns, subordinating conjunctions); a long segment's head or tail cut
at any word is a candidate too, held to a stricter score. A clause is missing from the
other side when removing it brings the two sides *closer* in embedding space: a translated
clause pulls the similarity up, an untranslated one only dilutes it. The similarity gain is
combined with the length deficit, and the removed span is reported with document offsets.
Besides aligned pairs, facing unaligned sentences the aligner refused are examined as pairs.
A clause holding a figure that only it can match on the other side ("البالغ من العمر 26 عامًا"
for "Palin, 26,") is translated, whatever the embeddings say, and is not a candidate.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from aligner.arabic.numbers import extract_numbers
from aligner.checks.base import CheckContext, register_check
from aligner.checks.length_ratio import DocRatio, doc_ratio
from aligner.checks.omission import facing_pairs, facing_runs
from aligner.lang.ar.letters import LATIN_LETTER_NAMES
from aligner.records import Finding, Link, Span
from aligner.registry import Style

_EN_MARKERS = ("who", "which", "whom", "whose", "while", "whereas", "although", "though",
               "because", "but", "where", "when", "after", "before", "since", "including",
               "unless", "despite")
_AR_MARKERS = ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "حيث",
               "بينما", "لكن", "ولكن", "إذ", "فيما", "وهو", "وهي", "والذي", "والتي",
               "والذين", "بعدما", "رغم", "برغم", "لأن", "كونه", "كونها", "مما", "عندما",
               "كما", "حتى", "منذ", "بعد أن", "قبل أن", "بما في ذلك", "بما فيها", "بما فيهم",
               "إن", "إنه", "إنها", "إنهم")
# A boundary after clause punctuation (also when a quotation closes after it: `feet," City`),
# or before a marker word, "and" or a و-prefixed word (Arabic joins clauses with و where
# English uses commas; إن opens the reported speech after قال).
_SPLIT = re.compile(
    r"(?<=[,،;؛:])\s+|(?<=[,،;؛:][\"”’'])\s+|(?<=[،؛])(?=\S)|\s+(?=[(\[–—-]\s?)"
    r"|(?<=[)\]])\s+|\s+(?=(?:" + "|".join(_EN_MARKERS + _AR_MARKERS) + r")\b)"
    r"|\s+(?=and\s)|\s+(?=و\S{2,})", re.IGNORECASE)


@dataclass(frozen=True)
class PartialOmissionParams:
    # clause candidates: runs of up to ``max_pieces`` pieces, this share of the side's length
    min_fraction: float = 0.12
    max_fraction: float = 0.75
    max_pieces: int = 3
    min_segment_chars: int = 40  # shorter pairs are not examined
    # Decision threshold, tuned on NTREX-dev with synthetic clause drops (scripts/bench_qa.py,
    # seeds 0 and 2-6, checked on 7-12): the similarity gain counts more than the length deficit.
    min_score: float = 0.11
    # Beyond this many sigmas the length alone says something is missing; the clause whose
    # size best explains the deficit is reported, with lower confidence.
    length_only_z: float = 5.0
    # A head or tail cut at a bare word is tried only in segments this long, and must beat the
    # threshold by this much and explain at least half the length deficit: arbitrary cuts offer
    # many chances for a chance gain (NTREX-dev, seeds 0, 2-6).
    min_cut_segment_chars: int = 100
    cut_margin: float = 0.02
    cut_min_fit: float = 0.5
    # A clause whose best match among the other side's pieces is this weak, that explains 70%
    # of a deficit of 2.5 sigmas and raises the similarity at all, is missing (NTREX-dev,
    # seeds 0, 2-6).
    unmatched_z: float = 2.5
    unmatched_gain: float = 0.02
    unmatched_fit: float = 0.7
    unmatched_sim: float = 0.3
    # A facing pair the aligner refused counts only where the rest of the longer sentence is
    # as close to its partner as the pairs ``facing_pairs`` accepts (OmissionParams.facing_sim).
    rest_sim: float = 0.3
    # Pairs within 0.6 sigma of the document's ratio practically never hide a 30% clause drop
    # (none of 134 on NTREX-dev); skipping them halves the embedding work.
    min_z: float = 0.6
    # An English acronym that the Arabic does not keep in Latin letters is spelled out there
    # (MRSA: المكورات العنقودية الذهبية المقاومة للميثيسيلين): each letter counts as this many
    # characters when the Arabic is the longer side.
    acronym_letter_chars: int = 6


_DEFAULTS = PartialOmissionParams()
_ACRONYM = re.compile(r"\b[A-Z]{2,6}(?=s?\b)")
# Latin letter names as Arabic writes an acronym letter by letter (سي إن إن for CNN): such an
# acronym is transliterated, not spelled out
_LETTER_NAMES = frozenset(LATIN_LETTER_NAMES)


def acronym_allowance(en: str, ar: str, letter_chars: int) -> int:
    """Characters the English acronyms absent from the Arabic may take when spelled out there
    (a word a letter, less the letters themselves), less those written as letter names."""
    letters = sum(len(a) for a in set(_ACRONYM.findall(en)) if a not in ar)
    named = sum(1 for w in re.findall(r"[\u0621-\u064A]+", ar)
                if w in _LETTER_NAMES or (w[:1] == "و" and w[1:] in _LETTER_NAMES))
    return max(0, letters - named) * (letter_chars - 1)


@dataclass(frozen=True)
class Clause:
    """A candidate span inside one segment, offsets relative to the segment text; ``cut`` when
    a bare word boundary, not clause punctuation or a marker, delimits it."""

    segment: int
    start: int
    end: int
    cut: bool = False


def clause_pieces(text: str) -> list[tuple[int, int]]:
    """Minimal clause pieces of ``text`` as (start, end) offsets covering the whole text."""
    bounds = [0]
    for m in _SPLIT.finditer(text):
        if m.end() not in (0, len(text)) and m.end() > bounds[-1]:
            bounds.append(m.end())
    bounds.append(len(text))
    return [(a, b) for a, b in itertools.pairwise(bounds) if text[a:b].strip()]


def _without(text: str, start: int, end: int) -> str:
    """The text with [start, end) removed, tidying the punctuation left at the seam."""
    head = text[:start].rstrip()
    tail = text[end:].lstrip()
    if head.endswith((",", "،")) and (not tail or tail[0] in ".،,;؛:!?؟"):
        head = head[:-1].rstrip()
    return f"{head} {tail}".strip()


def candidates(ctx: CheckContext, side: str, ids: tuple[int, ...]) -> list[Clause]:
    """Runs of up to three adjacent pieces inside one segment and, in a long segment, its head
    or tail cut at any word: 12–75% of the side's length.

    Translators drop a trailing or opening phrase at boundaries no punctuation marks:
    "متسببًا في إلحاق إصابات خطيرة للرجل" follows its verb without a comma, so only a cut at a
    word finds it. In a short segment (a title) a cut mostly measures paraphrase.
    """
    p = ctx.params.get(PartialOmissionParams)
    segments = ctx.side(side)
    total = sum(len(segments[i].text) for i in ids)
    out: dict[tuple[int, int, int], Clause] = {}
    for i in ids:
        text = segments[i].text
        pieces = clause_pieces(text)
        spans = [(pieces[a][0], pieces[b][1], False) for a in range(len(pieces))
                 for b in range(a, min(a + p.max_pieces, len(pieces)))]
        if len(text) >= p.min_cut_segment_chars:
            words = [m.start() for m in re.finditer(r"(?<=\s)\S", text)]
            spans += [(w, len(text), True) for w in words] + [(0, w, True) for w in words]
        for start, end, cut in spans:
            if (len(ids) == 1 and (start, end) == (0, len(text))) or (i, start, end) in out:
                continue
            if p.min_fraction <= (end - start) / total <= p.max_fraction:
                out[i, start, end] = Clause(i, start, end, cut)
    return list(out.values())


class PartialOmissionCheck:
    name = "partial_omission"

    def run(self, ctx: CheckContext) -> list[Finding]:
        stats = doc_ratio(ctx)
        findings = []
        pairs = [link for link in ctx.report.links if not link.is_null]
        facing = facing_pairs(ctx)
        known = {(link.src, link.tgt) for link in facing}
        refused = [link for link in _facing_sentences(ctx) if (link.src, link.tgt) not in known]
        rest_sim = ctx.params.get(PartialOmissionParams).rest_sim
        checks = [(link, -1.0) for link in pairs + facing] + [(link, rest_sim) for link in refused]
        for link, rest_sim in checks:
            found = [self._check(ctx, stats, sub, rest_sim) for sub in _sub_links(link)]
            best = max((f for f in found if f), key=lambda f: f.confidence, default=None)
            if best:
                findings.append(best)
        return findings

    def _check(self, ctx: CheckContext, stats: DocRatio, link: Link,
               rest_sim: float = -1.0) -> Finding | None:
        """The best-supported missing clause of ``link``, if any; only clauses whose removal
        leaves the sides at least ``rest_sim`` similar count."""
        p = ctx.params.get(PartialOmissionParams)
        src, tgt = ctx.pair_texts(link)
        if min(len(src), len(tgt)) < 10 or max(len(src), len(tgt)) < p.min_segment_chars:
            return None
        z = stats.z(len(src), len(tgt))
        ar_side = "src" if ctx.src_lang == "ar" else "tgt" if ctx.tgt_lang == "ar" else None
        extra = 0
        if ar_side is not None and (z > 0) == (ar_side == "tgt"):
            # the Arabic is the longer side: its extra length may be spelled-out acronyms
            en_text, ar_text = (tgt, src) if ar_side == "src" else (src, tgt)
            extra = acronym_allowance(en_text, ar_text, p.acronym_letter_chars)
            if extra:
                z = stats.z(len(src) + extra * (ar_side == "tgt"),
                            len(tgt) + extra * (ar_side == "src"))
                if (z > 0) != (ar_side == "tgt"):
                    return None  # the acronyms account for all of it
        if abs(z) < p.min_z:
            return None
        # The longer side (relative to the document's ratio) is where a clause may be extra.
        longer, ids = ("tgt", link.tgt) if z > 0 else ("src", link.src)
        other_text = src if longer == "tgt" else tgt
        long_text = tgt if longer == "tgt" else src
        segs = ctx.side(longer)
        lang = ctx.src_lang if longer == "src" else ctx.tgt_lang
        other_lang = ctx.tgt_lang if longer == "src" else ctx.src_lang
        other_values = _values(other_text, other_lang)
        # Expected length of the longer side given the other one: the deficit a drop explains.
        expected = (len(other_text) + extra + 5) * math.exp(-stats.median if longer == "src"
                                                    else stats.median) - 5
        excess = 1.0 - expected / max(len(long_text), 1)
        cands, variants = [], []
        for c in candidates(ctx, longer, ids):
            if c.cut and _fit((c.end - c.start) / len(long_text), excess) < p.cut_min_fit:
                continue  # it could never score (see ``_score``): not worth an embedding
            variant = " ".join(_without(segs[i].text, c.start, c.end) if i == c.segment
                               else segs[i].text for i in ids)
            if not _keeps_counterpart(segs[c.segment].text[c.start:c.end], variant, lang,
                                      other_values):
                cands.append(c)
                variants.append(variant)
        if not cands:
            return None
        vecs = ctx.embed([other_text, long_text, *variants])
        if vecs is not None and rest_sim > -1.0:
            keep = [k for k in range(len(cands)) if float(vecs[0] @ vecs[2 + k]) >= rest_sim]
            if not keep:
                return None
            cands = [cands[k] for k in keep]
            vecs = vecs[[0, 1, *(2 + k for k in keep)]]
        best, best_score, best_gain = None, 0.0, 0.0
        gains = [_gain(vecs, k) if vecs is not None else 0.0 for k in range(len(cands))]
        for c, gain in zip(cands, gains, strict=True):
            fraction = (c.end - c.start) / len(long_text)
            score = _score(abs(z), gain, fraction, excess, vecs is not None, c.cut, p)
            if score > best_score:
                best, best_score, best_gain = c, score, gain
        if (best is None or best_score < p.min_score) and vecs is not None \
                and abs(z) >= p.unmatched_z:
            # A clause that resembles nothing on the other side, explains the deficit and
            # brings the sides closer is missing even when the gain alone is small.
            strong = [(c, g) for c, g in zip(cands, gains, strict=True)
                      if not c.cut and g >= p.unmatched_gain
                      and _fit((c.end - c.start) / len(long_text), excess) >= p.unmatched_fit]
            if strong:
                match = _best_match(ctx, other_text,
                                    [segs[c.segment].text[c.start:c.end] for c, _ in strong])
                k = int(np.argmin(match))
                if match[k] <= p.unmatched_sim:
                    (best, best_gain), best_score = strong[k], p.min_score
        if (best is None or best_score < p.min_score) and vecs is not None \
                and abs(z) >= p.length_only_z:
            clauses = [c for c in cands if not c.cut]
            best = max(clauses, key=lambda c: _fit((c.end - c.start) / len(long_text), excess),
                       default=None)
            best_score, best_gain = p.min_score, 0.0
        if best is None or best_score < p.min_score:
            return None
        seg = segs[best.segment]
        text = seg.text[best.start:best.end]
        missing = "src" if longer == "tgt" else "tgt"
        where = "target" if missing == "tgt" else "source"
        span = Span(longer, best.segment, seg.start + best.start, seg.start + best.end, text)
        evidence: dict[str, object] = {
            "span": span, "length_z": round(z, 2),
            "clause_fraction": round((best.end - best.start) / len(long_text), 3)}
        if vecs is not None:
            evidence["similarity_gain"] = round(best_gain, 3)
        return Finding(
            kind=self.name, severity="major",
            confidence=round(min(0.95, 0.5 + 2.5 * (best_score - p.min_score)) if vecs is not None
                             else 0.4, 3),
            src=link.src, tgt=link.tgt, missing_in=missing,
            message=f"clause without counterpart in the {where}: “{text.strip()}”",
            evidence=evidence)


def _values(text: str, lang: str) -> Counter[float]:
    """The figures of ``text`` (not vague quantities nor weak ones like "one" or a dual)."""
    return Counter(round(v, 6) for m in extract_numbers(text, lang)
                   if m.kind != "vague" and not m.weak for v in m.values)


def _keeps_counterpart(clause: str, rest: str, lang: str, there: Counter[float]) -> bool:
    """Whether the clause holds a figure that the other side states and that the ``rest`` of
    its side lacks (``there``: the other side's figures): "البالغ من العمر 26 عامًا" facing
    "Palin, 26," is translated, not extra."""
    inside = _values(clause, lang)
    if not inside:
        return False
    rest_values = _values(rest, lang)
    return any(there[v] > rest_values[v] for v in inside)


def _facing_sentences(ctx: CheckContext) -> list[Link]:
    """Single unaligned source and target sentences between the same two aligned pairs.

    ``facing_pairs`` only offers facing runs that are already similar; a sentence that lost
    most of itself ("بعد التمرين في وقت سابق من هذا الأسبوع" for a whole question about the
    Lakers' schedule) is not, although the rest of it translates its partner. ``_check``
    examines these pairs only where the removal of one clause leaves them ``rest_sim``
    similar, so two unrelated sentences stay two omissions.
    """
    if ctx.embedder is None:
        return []
    return [Link((src[0],), (tgt[0],), 0.0) for src, tgt in facing_runs(ctx)
            if len(src) == len(tgt) == 1]


def _best_match(ctx: CheckContext, other: str, clauses: list[str]) -> np.ndarray:
    """Each clause's highest similarity to a run of up to three pieces of the ``other`` side:
    a translated clause resembles its counterpart, a missing one nothing there."""
    pieces = clause_pieces(other)
    runs = [other[pieces[a][0]:pieces[b][1]] for a in range(len(pieces))
            for b in range(a, min(a + ctx.params.get(PartialOmissionParams).max_pieces,
                                  len(pieces)))] or [other]
    vecs = ctx.embed([*clauses, *runs])
    assert vecs is not None
    return (vecs[:len(clauses)] @ vecs[len(clauses):].T).max(axis=1)


def _sub_links(link: Link) -> list[Link]:
    """The link itself and, for an n-n link, its n one-to-one pairs in order.

    An aligner may merge a pair that lost a clause with its neighbour (2-2 instead of a weak
    1-1 and a good 1-1); the merged lengths then hide the deficit that the single pair shows.
    """
    subs = [link]
    if len(link.src) == len(link.tgt) > 1:
        subs += [Link((s,), (t,), link.score) for s, t in zip(link.src, link.tgt, strict=True)]
    return subs


def _gain(vecs: np.ndarray, k: int) -> float:
    """How much closer the sides get when candidate ``k`` is removed from the longer one."""
    other, full, variant = vecs[0], vecs[1], vecs[2 + k]
    return float(other @ variant - other @ full)


def _score(abs_z: float, gain: float, fraction: float, excess: float, embedded: bool,
           cut: bool = False, p: PartialOmissionParams = _DEFAULTS) -> float:
    """Evidence that a clause is missing: similarity gain, length deficit, and whether the
    clause's size matches the unexplained length (weights fitted on NTREX-dev drops,
    scripts/bench_qa.py). A ``cut`` span needs more of each (see ``cut_margin``)."""
    fit = _fit(fraction, excess)
    if cut:
        if not embedded or fit < p.cut_min_fit:
            return 0.0
        return max(0.0, _score(abs_z, gain, fraction, excess, embedded, False, p) - p.cut_margin)
    if not embedded:
        # Length alone is weak evidence: only an extreme deficit that the clause explains.
        return p.min_score if abs_z >= 3.0 and fit >= 0.5 else 0.0
    if gain <= 0.0:
        return 0.0
    return gain + 0.02 * max(0.0, abs_z - 1.0) + 0.02 * fit


def _fit(fraction: float, excess: float) -> float:
    """1 when the clause is exactly as long as the unexplained length, falling to 0."""
    return max(0.0, 1.0 - abs(fraction - excess) / max(fraction, 0.1))


def _explained(clauses: Sequence[Finding], omission: Finding) -> bool:
    """An omission of an unaligned pair that one of these findings explains as one pair
    missing a clause."""
    return any(set(omission.src) <= set(g.src) and set(omission.tgt) <= set(g.tgt)
               for g in clauses)


@register_check("partial_omission", params=PartialOmissionParams, order=2,
                suppresses={"omission": _explained},
                style=Style("black on orange1", "#f46036", "rgba(244, 96, 54, 0.25)"))
def _make() -> PartialOmissionCheck:
    return PartialOmissionCheck()
