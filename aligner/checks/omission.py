"""omission: segments the aligner left without a counterpart (null links).

Consecutive unaligned segments on one side become one finding. A whole missing paragraph is
critical, a missing sentence major, and unaligned headline/byline lines (often site chrome
such as "Do you like this article?") minor. Confidence comes from the neighbourhood: if the
nearest segments on the other side are close in meaning, or absorb the run when it is glued
to a neighbour (an m-n link the aligner missed), the content is probably there after all.

A short sentence with no counterpart is often absorbed by the aligner into a 2-1 or 1-2 link
with its neighbour (joining it costs the link almost nothing). Such a sentence is reported too,
with the link kept (see ``_absorbed``).
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Sequence

from aligner.arabic.numbers import extract_numbers
from aligner.checks.base import CheckContext, register_check
from aligner.checks.facing import facing_pairs, facing_runs, merged_neighbours, missed_pairs
from aligner.checks.length_ratio import DocRatio, doc_ratio
from aligner.checks.omission_params import OmissionParams
from aligner.records import Finding, Link, Segment, Span
from aligner.registry import Style

CLAUSE_ENDS = frozenset(";:,،؛")
__all__ = ["OmissionCheck", "OmissionParams", "facing_pairs", "facing_runs", "figures_unmatched",
           "looks_absorbed", "may_be_absorbed", "merged_neighbours", "missed_pairs"]


_DEFAULTS = OmissionParams()


def _aligned(ctx: CheckContext) -> dict[str, set[int]]:
    aligned: dict[str, set[int]] = {"src": set(), "tgt": set()}
    for link in ctx.report.links:
        if link.src and link.tgt:
            aligned["src"].update(link.src)
            aligned["tgt"].update(link.tgt)
    return aligned


class OmissionCheck:
    name = "omission"

    def run(self, ctx: CheckContext) -> list[Finding]:
        aligned = _aligned(ctx)
        for src, tgt in missed_pairs(ctx) + merged_neighbours(ctx):
            aligned["src"].add(src)
            aligned["tgt"].add(tgt)
        findings = []
        for side in ("src", "tgt"):
            ids = [i for i in range(len(ctx.side(side))) if i not in aligned[side]]
            for run in _consecutive(ids):
                findings.append(self._finding(ctx, side, run))
        return findings + _absorbed(ctx)

    def _finding(self, ctx: CheckContext, side: str, run: list[int]) -> Finding:
        segs = ctx.side(side)
        other = "tgt" if side == "src" else "src"
        kinds = {segs[i].kind for i in run}
        whole = _whole_paragraphs(segs, run)
        # Presegmented input numbers every line as a paragraph: a paragraph is only real when
        # the text shows paragraph breaks or some paragraph holds several segments.
        text = (ctx.report.src if side == "src" else ctx.report.tgt).document.text
        real_paragraphs = (len(run) > 1 or len({s.paragraph for s in segs}) < len(segs)
                           or re.search(r"\n[ \t\r]*\n", text) is not None)
        if kinds == {"line"}:
            severity, what = "minor", "line"
        elif whole and real_paragraphs:
            severity, what = "critical", "paragraph"
        else:
            severity, what = "major", "sentence"
        nearest, merge_gain, anchor = _context(ctx, side, run)
        confidence = _confidence(nearest, merge_gain, severity,
                                 ctx.params.get(OmissionParams).merge_gain)
        n = len(run) if what != "paragraph" else len(whole)
        plural = "s" if n > 1 else ""
        where = "target" if other == "tgt" else "source"
        message = (f"{n} {'source' if side == 'src' else 'target'} {what}{plural} "
                   f"without counterpart in the {where}")
        evidence: dict[str, object] = {
            "spans": [Span(side, i, segs[i].start, segs[i].end, segs[i].text) for i in run],
            "paragraphs": sorted({segs[i].paragraph for i in run}),
            "after_" + other: anchor,
        }
        if nearest is not None:
            evidence["nearest_similarity"] = round(nearest, 3)
            evidence["merge_gain"] = round(merge_gain, 3)
        ids = tuple(run)
        return Finding(kind=self.name, severity=severity, confidence=confidence,
                       src=ids if side == "src" else (), tgt=ids if side == "tgt" else (),
                       missing_in=other, message=message, evidence=evidence)


def _consecutive(ids: Sequence[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in ids:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _whole_paragraphs(segs: Sequence[Segment], run: list[int]) -> list[int]:
    """Paragraphs of sentences every segment of which is in the run."""
    members: dict[int, list[int]] = defaultdict(list)
    for i, seg in enumerate(segs):
        members[seg.paragraph].append(i)
    inside = set(run)
    return sorted(p for p in {segs[i].paragraph for i in run}
                  if all(i in inside for i in members[p])
                  and any(segs[i].kind != "line" for i in members[p]))


def _context(ctx: CheckContext, side: str, run: list[int]) -> tuple[float | None, float, int]:
    """Nearest similarity of the run to the other side's neighbouring segments, the best
    gain from gluing the run to a neighbouring pair, and the other-side segment it follows."""
    links = [link for link in ctx.report.links if link.src and link.tgt]
    mine = (lambda lk: lk.src) if side == "src" else (lambda lk: lk.tgt)
    theirs = (lambda lk: lk.tgt) if side == "src" else (lambda lk: lk.src)
    before = [lk for lk in links if max(mine(lk)) < run[0]]
    after = [lk for lk in links if min(mine(lk)) > run[-1]]
    anchor = max(theirs(before[-1])) if before else -1
    window = ctx.params.get(OmissionParams).window
    vecs_needed = before[-window:] + after[:window]
    if ctx.embedder is None or not vecs_needed:
        return None, 0.0, anchor
    segs, other_segs = ctx.side(side), ctx.side("tgt" if side == "src" else "src")
    run_text = " ".join(segs[i].text for i in run)
    candidates = sorted({j for lk in vecs_needed for j in theirs(lk)})
    texts = [run_text] + [other_segs[j].text for j in candidates]
    neighbours: list[tuple[Link, bool]] = [(before[-1], False)] if before else []
    if after:
        neighbours.append((after[0], True))
    glued: list[tuple[str, str, str]] = []
    for lk, run_first in neighbours:
        own = " ".join(segs[i].text for i in mine(lk))
        counterpart = " ".join(other_segs[j].text for j in theirs(lk))
        glued.append((own, f"{run_text} {own}" if run_first else f"{own} {run_text}",
                      counterpart))
    for own, joined, counterpart in glued:
        texts += [own, joined, counterpart]
    vecs = ctx.embed(texts)
    assert vecs is not None
    nearest = float(max(vecs[0] @ vecs[k] for k in range(1, len(candidates) + 1)))
    gain = 0.0
    base = 1 + len(candidates)
    for k in range(len(glued)):
        own_v, joined_v, cp_v = vecs[base + 3 * k], vecs[base + 3 * k + 1], vecs[base + 3 * k + 2]
        gain = max(gain, float(cp_v @ joined_v - cp_v @ own_v))
    return nearest, gain, anchor


def _confidence(nearest: float | None, merge_gain: float, severity: str,
                glued_gain: float) -> float:
    """High when nothing nearby means the same; low when the run seems glued to a neighbour."""
    if nearest is None:
        return 0.6 if severity == "minor" else 0.8
    conf = 0.95 - max(0.0, nearest - 0.45) * 2.0
    if merge_gain > glued_gain:
        conf = min(conf, 0.5 - min(0.3, merge_gain * 3))
    if severity == "minor":
        conf = min(conf, 0.6)
    return round(min(0.98, max(0.05, conf)), 3)


def may_be_absorbed(sentence: str, first_of_pair: str, p: OmissionParams = _DEFAULTS) -> bool:
    """Whether ``sentence``, one of two neighbouring segments, could be a sentence of its own
    that lost its counterpart: not a fragment too short to embed reliably, and not one piece
    of a sentence the segmenter split at a semicolon, colon or comma (which ends the first)."""
    words = sum(any(c.isalnum() for c in w) for w in sentence.split())
    return (words >= p.absorbed_min_words or len(sentence.strip()) >= p.absorbed_min_chars) \
        and first_of_pair.rstrip()[-1:] not in CLAUSE_ENDS


def looks_absorbed(with_sim: float, without_sim: float, own_sim: float, typical: float,
                   length_with: float, length_without: float,
                   figures_missing: bool = False, p: OmissionParams = _DEFAULTS) -> bool:
    """The evidence that an edge sentence of a small merge has no counterpart.

    ``with_sim``/``without_sim``: cosine of the merged bead and of the bead without the
    sentence; ``own_sim``: the sentence's own cosine to the other side; ``typical``: the
    document's typical cosine of a 1-1 pair; ``length_with``/``length_without``: distances of
    the two beads' length ratios from the document's, in spreads. A genuine merge matches
    clearly better with the sentence, and the sentence resembles the other side or is needed
    for the lengths to fit; the rest of the bead must be a good pair on its own.
    ``figures_missing``: the sentence states figures none of which the other side has (see
    ``figures_unmatched``); that evidence allows a larger gain and a higher own cosine."""
    if without_sim < p.absorbed_rest * typical:
        return False
    if figures_missing and with_sim - without_sim < p.absorbed_figures_gain \
            and own_sim < p.absorbed_figures_sim:
        return True
    return (with_sim - without_sim < p.absorbed_gain
            and (own_sim < p.absorbed_sim_alone
                 or (own_sim < p.absorbed_sim
                     and length_without < length_with - p.absorbed_length)))


def _absorbed(ctx: CheckContext) -> list[Finding]:
    """Edge sentences of small merges (up to three sentences a side) that the rest of the link
    does not need.

    The aligner's DP cannot tell them from genuine merges (joining such a sentence costs the
    link about 0.01 cosine); real embeddings of the joined, trimmed and single texts, with the
    document's length ratio, can. Reported as an omission of each such sentence; the link stays
    (the rest of it is a good pair). A 1-3 link around one translated sentence loses both
    of its neighbours."""
    if ctx.embedder is None:
        return []
    scores = [lk.score for lk in ctx.report.links if len(lk.src) == 1 and len(lk.tgt) == 1]
    if not scores:
        return []
    typical = statistics.median(scores)
    stats = doc_ratio(ctx)
    p = ctx.params.get(OmissionParams)
    findings = []
    for link in ctx.report.links:
        if not link.src or not link.tgt or len(link.src) + len(link.tgt) <= 2 \
                or max(len(link.src), len(link.tgt)) > p.absorbed_max_side:
            continue
        best: tuple[float, str, list[tuple[int, dict[str, object]]]] | None = None
        for side, ids in (("src", link.src), ("tgt", link.tgt)):
            if len(ids) < 2:
                continue
            found = _absorbed_edges(ctx, link, side, ids, stats, typical)
            if found is not None and (best is None or found[0] < best[0]):
                best = (found[0], side, found[1])
        if best is not None:
            findings += [_absorbed_finding(ctx, link, best[1], edge, evidence)
                         for edge, evidence in best[2]]
    return findings


def _absorbed_edges(ctx: CheckContext, link: Link, side: str, ids: Sequence[int],
                    stats: DocRatio, typical: float
                    ) -> tuple[float, list[tuple[int, dict[str, object]]]] | None:
    """The other sentences of ``ids`` when one of them (the core) is the whole translation and
    every other looks absorbed, with their evidence and the highest similarity among them
    (lower is surer); None when no sentence is such a core. Only single-sentence cores: a
    three-sentence side that loses one sentence keeps a merge, and genuine 1-3 links lose one
    sentence to these rules too often (8% of the gold 1-3 links of the hard synthetic NTREX
    variant and of Text+Berg), two at once almost never."""
    options = []
    for core in ids:
        evidence: list[tuple[float, int, dict[str, object]]] = []
        for edge in ids:
            if edge == core:
                continue
            reach = [i for i in ids if min(core, edge) <= i <= max(core, edge)]
            found = _absorbed_evidence(ctx, link, side, edge, core, reach, stats, typical)
            if found is None:
                break
            evidence.append((found[0], edge, found[1]))
        else:
            options.append((max(sim for sim, _, _ in evidence),
                            [(edge, ev) for _, edge, ev in evidence]))
    return min(options, key=lambda option: option[0]) if options else None


def _absorbed_evidence(ctx: CheckContext, link: Link, side: str, edge: int,
                       core: int, reach: Sequence[int], stats: DocRatio,
                       typical: float) -> tuple[float, dict[str, object]] | None:
    """(the sentence's similarity to the counterpart, evidence) when ``edge`` looks absorbed:
    the sentence ``core`` matches the counterpart without it at least as well as ``reach``
    (from the core to the sentence) does with it."""
    segs, other = ctx.side(side), ctx.side("tgt" if side == "src" else "src")
    counterpart = " ".join(other[j].text for j in (link.tgt if side == "src" else link.src))
    joined = " ".join(segs[i].text for i in reach)
    trimmed = segs[core].text
    first = edge if edge < core else edge - 1  # the first of the sentence and its neighbour
    p = ctx.params.get(OmissionParams)
    if not may_be_absorbed(segs[edge].text, segs[first].text, p):
        return None
    vecs = ctx.embed([joined, trimmed, segs[edge].text, counterpart])
    assert vecs is not None
    with_sim, without_sim, own_sim = (float(vecs[k] @ vecs[3]) for k in range(3))

    def z(text: str) -> float:
        lens = (len(text), len(counterpart)) if side == "src" else (len(counterpart), len(text))
        return abs(stats.z(*lens))

    z_with, z_without = z(joined), z(trimmed)
    langs = (ctx.src_lang, ctx.tgt_lang) if side == "src" else (ctx.tgt_lang, ctx.src_lang)
    unmatched = figures_unmatched(segs[edge].text, langs[0], counterpart, langs[1])
    if not looks_absorbed(with_sim, without_sim, own_sim, typical, z_with, z_without, unmatched,
                          p):
        return None
    if _facing_counterpart(ctx, link, side, segs[edge].text, own_sim):
        return None
    return own_sim, {"figures_missing": unmatched, "link_similarity": round(with_sim, 3),
                     "similarity_without": round(without_sim, 3),
                     "sentence_similarity": round(own_sim, 3),
                     "length_z": round(z_with, 2), "length_z_without": round(z_without, 2)}


def _facing_counterpart(ctx: CheckContext, link: Link, side: str, sentence: str,
                        own_sim: float) -> bool:
    """Whether an unaligned sentence of the other side right beside the link resembles
    ``sentence`` clearly more than the link's counterpart does (``own_sim``): then the sentence
    has a counterpart the aligner left apart, a pair that lost something rather than a sentence
    missing from the other side."""
    other = "tgt" if side == "src" else "src"
    theirs = link.tgt if side == "src" else link.src
    aligned = _aligned(ctx)[other]
    beside = [j for j in (min(theirs) - 1, max(theirs) + 1)
              if 0 <= j < len(ctx.side(other)) and j not in aligned]
    if not beside:
        return False
    vecs = ctx.embed([sentence, *(ctx.side(other)[j].text for j in beside)])
    assert vecs is not None
    best = float((vecs[1:] @ vecs[0]).max())
    return best > own_sim + ctx.params.get(OmissionParams).facing_margin


def figures_unmatched(text: str, lang: str, counterpart: str, other_lang: str) -> bool:
    """Whether ``text`` states figures and none of them is in ``counterpart``: facts that a
    genuine merge would have carried over."""
    mine = {v for m in extract_numbers(text, lang) if m.kind != "vague" and not m.weak
            for v in m.values}
    theirs = {v for m in extract_numbers(counterpart, other_lang) for v in m.values}
    return bool(mine) and not mine & theirs


def _absorbed_finding(ctx: CheckContext, link: Link, side: str, edge: int,
                      evidence: dict[str, object]) -> Finding:
    seg = ctx.side(side)[edge]
    other = "tgt" if side == "src" else "src"
    where = "target" if other == "tgt" else "source"
    severity = "minor" if seg.kind == "line" else "major"
    what = "line" if seg.kind == "line" else "sentence"
    return Finding(
        kind="omission", severity=severity,
        confidence=ctx.params.get(OmissionParams).absorbed_confidence,
        src=(edge,) if side == "src" else (), tgt=(edge,) if side == "tgt" else (),
        missing_in=other,
        message=(f"1 {'source' if side == 'src' else 'target'} {what} without counterpart in "
                 f"the {where} (aligned together with its neighbour)"),
        evidence={"spans": [Span(side, edge, seg.start, seg.end, seg.text)],
                  "paragraphs": [seg.paragraph],
                  "link": {"src": list(link.src), "tgt": list(link.tgt)}, **evidence})


@register_check("omission", params=OmissionParams, order=1, whole_segments=True,
                style=Style("bold red", "#d7263d", "rgba(215, 38, 61, 0.16)"))
def _make() -> OmissionCheck:
    return OmissionCheck()
