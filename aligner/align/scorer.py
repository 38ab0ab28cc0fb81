"""The gains of every bead type on the final band (step 3 of ``aligner.align.aligner``)."""

from __future__ import annotations

import numpy as np

from aligner.align.dp import Band, Bead
from aligner.align.params import AlignParams
from aligner.align.scoring import LengthModel, Side, band_cosines, neighbourhood


class BeadScorer:
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
