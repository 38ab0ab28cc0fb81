"""Unaligned sentences facing each other, or a merged pair, where the aligner may have left
apart two sides that translate each other: the omission check's reasons not to report them,
and the pairs ``partial_omission`` examines."""

from __future__ import annotations

import bisect
import statistics

from aligner.checks.base import CheckContext
from aligner.checks.length_ratio import DocRatio, doc_ratio
from aligner.checks.omission_params import OmissionParams
from aligner.records import Link


def facing_runs(ctx: CheckContext) -> list[tuple[list[int], list[int]]]:
    """Unaligned source and target runs between the same two aligned pairs, in document order:
    where the aligner may have left apart two sides that translate each other."""
    aligned = [link for link in ctx.report.links if link.src and link.tgt]
    gaps: dict[int, dict[str, list[int]]] = {}
    for side in ("src", "tgt"):
        ends = sorted(max(getattr(link, side)) for link in aligned)
        done = {i for link in aligned for i in getattr(link, side)}
        for i in range(len(ctx.side(side))):
            if i not in done:
                gap = bisect.bisect_left(ends, i)
                gaps.setdefault(gap, {"src": [], "tgt": []})[side].append(i)
    return [(g["src"], g["tgt"]) for _, g in sorted(gaps.items()) if g["src"] and g["tgt"]]


def facing_pairs(ctx: CheckContext) -> list[Link]:
    """Facing unaligned runs (``facing_runs``) that translate each other.

    An aligner may leave a pair unaligned when one side lost a clause (1-0 + 0-1 instead of a
    weak 1-1). ``partial_omission`` examines them as pairs; where it finds the dropped clause,
    ``run_checks`` drops the two omissions it explains.
    """
    if ctx.embedder is None:
        return []
    out = []
    for src_run, tgt_run in facing_runs(ctx):
        src_text = " ".join(ctx.side("src")[i].text for i in src_run)
        tgt_text = " ".join(ctx.side("tgt")[j].text for j in tgt_run)
        vecs = ctx.embed([src_text, tgt_text])
        assert vecs is not None
        sim = float(vecs[0] @ vecs[1])
        if sim >= ctx.params.get(OmissionParams).facing_sim:
            out.append(Link(tuple(src_run), tuple(tgt_run), sim))
    return out


def missed_pairs(ctx: CheckContext) -> list[tuple[int, int]]:
    """(source, target) sentences the aligner left apart although they translate each other:
    each the only unaligned sentence of its side between the same two pairs, as similar as
    ``facing_pair_sim`` and as long as the document's ratio expects."""
    if ctx.embedder is None:
        return []
    p = ctx.params.get(OmissionParams)
    stats = doc_ratio(ctx)
    out = []
    for src_run, tgt_run in facing_runs(ctx):
        if len(src_run) != 1 or len(tgt_run) != 1:
            continue
        s, t = ctx.side("src")[src_run[0]].text, ctx.side("tgt")[tgt_run[0]].text
        if abs(stats.z(len(s), len(t))) > p.facing_pair_z:
            continue
        vecs = ctx.embed([s, t])
        assert vecs is not None
        if float(vecs[0] @ vecs[1]) >= p.facing_pair_sim:
            out.append((src_run[0], tgt_run[0]))
    return out


def merged_neighbours(ctx: CheckContext) -> list[tuple[int, int]]:
    """(source, target) sentences the aligner left apart by joining one of them to its
    neighbour's pair (a 2-1 and a 0-1 where two 1-1 pairs belong): a lone unaligned sentence
    right beside a link whose other side holds several sentences, the edge one of which
    translates it (``facing_pair_sim``, ``facing_pair_z``) better than it does the link's own
    side, while the rest of the link stays a good pair (``absorbed_rest`` of the typical
    cosine)."""
    scores = [lk.score for lk in ctx.report.links if len(lk.src) == 1 and len(lk.tgt) == 1]
    if ctx.embedder is None or not scores:
        return []
    p = ctx.params.get(OmissionParams)
    stats, typical = doc_ratio(ctx), statistics.median(scores)
    links = [lk for lk in ctx.report.links if lk.src and lk.tgt]
    out = []
    for side, other in (("src", "tgt"), ("tgt", "src")):
        done = {i for lk in links for i in getattr(lk, side)}
        for i in range(len(ctx.side(side))):
            if i in done or (i - 1 not in done and i + 1 not in done):
                continue
            for lk in links:
                mine, theirs = getattr(lk, side), getattr(lk, other)
                if len(theirs) < 2 or i not in (max(mine) + 1, min(mine) - 1):
                    continue
                edge = max(theirs) if i > max(mine) else min(theirs)
                if _translates_beside(ctx, side, i, mine, edge, theirs, stats, typical, p):
                    out.append((i, edge) if side == "src" else (edge, i))
    return out


def _translates_beside(ctx: CheckContext, side: str, i: int, mine: tuple[int, ...], edge: int,
                       theirs: tuple[int, ...], stats: DocRatio, typical: float,
                       p: OmissionParams) -> bool:
    """Whether sentence ``edge`` of a link's other side (``theirs``) translates the unaligned
    sentence ``i`` beside the link, and the link without it is still a good pair."""
    other = "tgt" if side == "src" else "src"
    text, edge_text = ctx.side(side)[i].text, ctx.side(other)[edge].text
    lens = (len(text), len(edge_text)) if side == "src" else (len(edge_text), len(text))
    if abs(stats.z(*lens)) > p.facing_pair_z:
        return False
    own = " ".join(ctx.side(side)[j].text for j in mine)
    rest = " ".join(ctx.side(other)[j].text for j in theirs if j != edge)
    vecs = ctx.embed([text, edge_text, own, rest])
    assert vecs is not None
    sim = float(vecs[0] @ vecs[1])
    return sim >= p.facing_pair_sim and sim > float(vecs[1] @ vecs[2]) \
        and float(vecs[2] @ vecs[3]) >= p.absorbed_rest * typical
