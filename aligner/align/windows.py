"""Real embeddings for merge windows where they could matter (step 4 of
``aligner.align.aligner``), and the links' scores."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from aligner.align.dp import Bead, bead_marginals
from aligner.align.params import AlignParams
from aligner.align.scorer import BeadScorer
from aligner.align.scoring import Side
from aligner.embed.base import Embedder
from aligner.records import Link


def embed_uncertain(scorer: BeadScorer, src: Side, tgt: Side, src_texts: Sequence[str],
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
    want = {key: {s for s in starts if real_row((src, tgt)[key[0]], key[1], s) < 0}
            for key, starts in want.items()}
    if not embed_windows(want, (src, tgt), (src_texts, tgt_texts), embedder):
        return False
    scorer.forget_windows({size for (k, size), starts in want.items() if k == 0 and starts},
                          {size for (k, size), starts in want.items() if k == 1 and starts})
    return True


def embed_windows(want: dict[tuple[int, int], set[int]], sides: tuple[Side, Side],
                   texts: tuple[Sequence[str], Sequence[str]], embedder: Embedder) -> bool:
    """Embed the joined texts of windows ``(side, size) -> starts`` (each distinct text once)."""
    jobs = [(k, size, np.array(sorted(starts), dtype=np.int64))
            for (k, size), starts in sorted(want.items()) if starts]
    if not jobs:
        return False
    joined = [" ".join(texts[k][s:s + size]) for k, size, starts in jobs for s in starts]
    vecs = embed_unique(embedder, joined)
    at = 0
    for k, size, starts in jobs:
        sides[k].add_real(size, starts, vecs[at:at + len(starts)])
        at += len(starts)
    return True


def embed_unique(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """Embed each distinct text once (repeated headlines, datelines, boilerplate)."""
    index: dict[str, int] = {}
    rows = np.array([index.setdefault(t, len(index)) for t in texts], dtype=np.int64)
    return embedder.embed(list(index))[rows]


def scored_links(path: list[tuple[Bead, int, int]], src: Side, tgt: Side, src_texts: Sequence[str],
           tgt_texts: Sequence[str], embedder: Embedder) -> list[Link]:
    """Links with their cosine scores; windows of merges not embedded yet are embedded now."""
    todo: dict[tuple[int, int], set[int]] = {}  # (side 0/1, size) -> window starts
    for (a, b), i, j in path:
        if a and b:
            for k, side, size, start in ((0, src, a, i - a), (1, tgt, b, j - b)):
                if size > 1 and real_row(side, size, start) < 0:
                    todo.setdefault((k, size), set()).add(start)
    embed_windows(todo, (src, tgt), (src_texts, tgt_texts), embedder)
    links = []
    for (a, b), i, j in path:
        score = 0.0
        if a and b:
            x = src.windows(np.array([i - a]), a)[0]
            y = tgt.windows(np.array([j - b]), b)[0]
            score = clipped(x @ y)
        links.append(Link(tuple(range(i - a, i)), tuple(range(j - b, j)), score))
    return links


def clipped(cos: float) -> float:
    """A cosine as a link score in [0, 1]."""
    return min(max(float(cos), 0.0), 1.0)


def real_row(side: Side, size: int, start: int) -> int:
    return int(side.real[size][0][start]) if size in side.real else -1
