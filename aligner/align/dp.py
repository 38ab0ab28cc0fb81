"""Banded dynamic programming over bead types.

A DP node ``(i, j)`` means "the first i source and j target sentences are aligned". Only nodes in
a :class:`Band` (a contiguous column range per row, stored flat like CSR) exist, so time and
memory are O(cells in band) = O((n + m) * width), never n x m for long documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

Bead = tuple[int, int]
INSERTION: Bead = (0, 1)


@dataclass(frozen=True)
class Band:
    """Row i (0..n) holds columns lo[i]..hi[i] inclusive; cells are numbered row by row."""

    n: int
    m: int
    lo: np.ndarray
    hi: np.ndarray
    off: np.ndarray  # (n + 2,) first cell of each row; off[n + 1] == size
    row: np.ndarray  # (size,) row of each cell
    col: np.ndarray  # (size,) column of each cell

    @property
    def size(self) -> int:
        return int(self.off[-1])

    @classmethod
    def from_ranges(cls, n: int, m: int, lo: np.ndarray, hi: np.ndarray) -> Band:
        """Clip to the grid and make both edges monotone so that (0,0)->(n,m) stays connected."""
        lo = np.clip(np.asarray(lo, dtype=np.int64), 0, m)
        hi = np.clip(np.asarray(hi, dtype=np.int64), 0, m)
        lo[0], hi[n] = 0, m
        lo = np.minimum.accumulate(lo[::-1])[::-1]  # lo may only grow with i
        hi = np.maximum.accumulate(hi)
        hi = np.maximum(hi, lo)
        # consecutive rows must overlap or touch, or no bead could cross between them
        lo[1:] = np.minimum(lo[1:], hi[:-1] + 1)
        width = hi - lo + 1
        off = np.zeros(n + 2, dtype=np.int64)
        np.cumsum(width, out=off[1:])
        row = np.repeat(np.arange(n + 1, dtype=np.int64), width)
        col = np.arange(int(off[-1]), dtype=np.int64) - np.repeat(off[:-1] - lo, width)
        return cls(n, m, lo, hi, off, row, col)

    @classmethod
    def full(cls, n: int, m: int) -> Band:
        return cls.from_ranges(n, m, np.zeros(n + 1), np.full(n + 1, m))

    @classmethod
    def around_path(cls, points: np.ndarray, n: int, m: int, width: int) -> Band:
        """All cells within ``width`` columns of a monotone path given as (k, 2) node points."""
        x, y = points[:, 0], points[:, 1]
        rows = np.arange(n + 1)
        before = np.searchsorted(x, rows, side="left") - 1  # last point in an earlier row
        after = np.searchsorted(x, rows, side="right")  # first point in a later row
        lo = np.where(before >= 0, y[np.maximum(before, 0)], 0) - width
        hi = np.where(after < len(x), y[np.minimum(after, len(x) - 1)], m) + width
        return cls.from_ranges(n, m, lo, hi)


def run_dp(band: Band, beads: Sequence[Bead], gains: Sequence[np.ndarray],
           insertion: float = 0.0) -> list[tuple[Bead, int, int]]:
    """Best-scoring bead sequence from (0,0) to (n,m).

    ``gains[k][cell]`` is the gain of bead ``beads[k]`` ending at that cell (NaN: impossible).
    Insertions (0-1) have the constant gain ``insertion`` and are resolved within a row by a
    running maximum, so each row is a handful of vectorised operations whatever the number of
    bead types.
    Returns (bead, i_end, j_end) in document order.
    """
    size = band.size
    pred, gain = _bead_links(band, beads, gains)
    score = np.full(size, -np.inf)
    back = np.full(size, -1, dtype=np.int8)
    first = band.off[1]
    score[:first] = insertion * np.arange(first)  # row 0: only insertions from (0, 0)
    back[1:first] = len(beads)
    ramps = insertion * np.arange(int((band.hi - band.lo).max()) + 1)
    offs = band.off.tolist()
    for i in range(1, band.n + 1):
        s, e = offs[i], offs[i + 1]
        cand = score[pred[:, s:e]] + gain[:, s:e]
        arg = cand.argmax(axis=0)
        best = cand.max(axis=0)
        # score[j] = max(best[j], score[j-1] + insertion), as a running max of best - insertion*j
        ramp = ramps[:e - s]
        flat = best - ramp
        run = np.maximum.accumulate(flat)
        back[s:e] = np.where(run > flat, len(beads), arg)  # compared exactly, before re-adding
        score[s:e] = run + ramp
    path: list[tuple[Bead, int, int]] = []
    i, j = band.n, band.m
    while i or j:
        k = int(back[band.off[i] + j - band.lo[i]])
        bead = INSERTION if k == len(beads) else beads[k]
        path.append((bead, i, j))
        i, j = i - bead[0], j - bead[1]
    path.reverse()
    return path


def path_points(path: Sequence[tuple[Bead, int, int]]) -> np.ndarray:
    """The DP nodes a path visits, (k, 2), starting with (0, 0)."""
    return np.array([(0, 0)] + [(i, j) for _, i, j in path], dtype=np.int64)


def _bead_links(band: Band, beads: Sequence[Bead], gains: Sequence[np.ndarray]
                ) -> tuple[np.ndarray, np.ndarray]:
    """Per bead type, the cell each bead starts from (its predecessor node) and its gain
    (-inf where the bead is impossible)."""
    pred = np.zeros((len(beads), band.size), dtype=np.int64)
    gain = np.full((len(beads), band.size), -np.inf, dtype=np.float64)
    for k, (a, b) in enumerate(beads):
        pr = band.row - a
        pc = band.col - b
        prc = np.maximum(pr, 0)
        ok = (pr >= 0) & (pc >= band.lo[prc]) & (pc <= band.hi[prc])
        g = np.asarray(gains[k], dtype=np.float64)
        ok &= ~np.isnan(g)
        pred[k] = np.where(ok, band.off[prc] + pc - band.lo[prc], 0)
        gain[k][ok] = g[ok]
    return pred, gain


def bead_marginals(band: Band, beads: Sequence[Bead], gains: Sequence[np.ndarray],
                   insertion: float = 0.0) -> tuple[np.ndarray, float]:
    """Max-marginals: ``out[k][cell]`` is the score of the best complete path that uses bead
    ``beads[k]`` ending at ``cell`` (-inf where impossible); also the best path's score.

    ``best - out[k][cell]`` is how much worse the alignment gets when forced through that bead:
    0 for the beads of the best path, small for its close competitors."""
    size = band.size
    pred, gain = _bead_links(band, beads, gains)
    fwd = np.full(size, -np.inf)
    first = band.off[1]
    fwd[:first] = insertion * np.arange(first)
    ramps = insertion * np.arange(int((band.hi - band.lo).max()) + 1)
    offs = band.off.tolist()
    for i in range(1, band.n + 1):
        s, e = offs[i], offs[i + 1]
        best = (fwd[pred[:, s:e]] + gain[:, s:e]).max(axis=0)
        ramp = ramps[:e - s]
        fwd[s:e] = np.maximum.accumulate(best - ramp) + ramp
    # backward: best score from a node to (n, m), over the beads that start there
    bwd = np.full(size, -np.inf)
    succ = np.zeros((len(beads), size), dtype=np.int64)
    sgain = np.full((len(beads), size), -np.inf)
    for k, (a, b) in enumerate(beads):
        assert a >= 1, "insertions are given by ``insertion``"
        nr, nc = band.row + a, band.col + b
        nrc = np.minimum(nr, band.n)
        ok = (nr <= band.n) & (nc >= band.lo[nrc]) & (nc <= band.hi[nrc])
        succ[k] = np.where(ok, band.off[nrc] + nc - band.lo[nrc], 0)
        sgain[k][ok] = gain[k][succ[k][ok]]
    for i in range(band.n, -1, -1):
        s, e = offs[i], offs[i + 1]
        if i == band.n:
            best = np.full(e - s, -np.inf)
            best[-1] = 0.0  # (n, m) is the last cell
        else:
            best = (sgain[:, s:e] + bwd[succ[:, s:e]]).max(axis=0)
        # insertions run right along the row: bwd[j] = max(best[j], insertion + bwd[j + 1])
        ramp = ramps[:e - s]
        bwd[s:e] = np.maximum.accumulate((best + ramp)[::-1])[::-1] - ramp
    return fwd[pred] + gain + bwd[None, :], float(fwd[-1])
