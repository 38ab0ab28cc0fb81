"""Candidate retrieval for pairing: each document's nearest documents of the other language,
exact (blocked matrix products) or, above ``PairingParams.ivf_above`` documents a side, through
an inverted-file index."""

from __future__ import annotations

import numpy as np

from aligner.embed.base import normalize_rows
from aligner.pairing.params import PairingParams

_DEFAULTS = PairingParams()


def top_k_both(a: np.ndarray, b: np.ndarray, k: int, block: int = 1024, *,
               ivf_above: int | None = None,
               params: PairingParams = _DEFAULTS) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """For each row of ``a`` its ``k`` most similar rows of ``b``, and vice versa, best first.

    Up to ``ivf_above`` (default ``params.ivf_above``) rows a side, i.e. while ``len(a) * len(b) <=
    ivf_above ** 2``, the search is exact (``exact_top_k_both``). Above it, both directions
    search an inverted-file index (``ivf_top_k_both``): the cost grows as N^1.5 rather than
    N^2, and a row may miss one of its true top-k neighbours (``scripts/bench_pairing.py``
    measures how often).
    """
    ivf_above = params.ivf_above if ivf_above is None else ivf_above
    if len(a) * len(b) <= ivf_above ** 2 or min(len(a), len(b)) <= k:
        return exact_top_k_both(a, b, k, block)
    return ivf_top_k_both(a, b, k, nprobe=params.ivf_nprobe, nprobe_max=params.ivf_nprobe_max,
                          iters=params.ivf_iters, seed=params.ivf_seed)


def exact_top_k_both(a: np.ndarray, b: np.ndarray, k: int,
                     block: int = 1024) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Exact ``top_k_both``: one blocked pass over ``a @ b.T`` serves both directions (the
    similarity matrix is the cost), and memory stays at ``block x len(b)`` floats whatever the
    collection size.
    """
    ka, kb = min(k, len(b)), min(k, len(a))
    if ka == 0 or kb == 0:
        return ([np.zeros(0, dtype=np.int64)] * len(a), [np.zeros(0, dtype=np.int64)] * len(b))
    rows: list[np.ndarray] = []
    col_idx = np.zeros((len(b), 0), dtype=np.int64)  # running best rows of a for each b
    col_val = np.zeros((len(b), 0), dtype=np.float32)
    for start in range(0, len(a), block):
        sims = a[start:start + block] @ b.T
        rows.extend(_best(sims, ka))
        sims_t = np.ascontiguousarray(sims.T)  # row-wise partitions are much faster
        kk = min(kb, sims_t.shape[1])
        top = np.argpartition(sims_t, -kk, axis=1)[:, -kk:]
        col_idx = np.hstack([col_idx, top + start])
        col_val = np.hstack([col_val, np.take_along_axis(sims_t, top, axis=1)])
        if col_idx.shape[1] > kb:
            keep = np.argpartition(col_val, -kb, axis=1)[:, -kb:]
            col_idx = np.take_along_axis(col_idx, keep, axis=1)
            col_val = np.take_along_axis(col_val, keep, axis=1)
    order = np.argsort(-col_val, axis=1, kind="stable")
    return rows, list(np.take_along_axis(col_idx, order, axis=1))


def ivf_top_k_both(a: np.ndarray, b: np.ndarray, k: int, *, nlist: int | None = None,
                   nprobe: int = _DEFAULTS.ivf_nprobe,
                   nprobe_max: int = _DEFAULTS.ivf_nprobe_max, iters: int = _DEFAULTS.ivf_iters,
                   seed: int = _DEFAULTS.ivf_seed) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """``top_k_both`` with an inverted-file index: (at most) ``k`` rows per row, best first.

    Both sides are clustered together (spherical k-means, ``nlist`` ~ sqrt((len(a) + len(b))
    / 4) centroids, seeded, so the result is deterministic), and a row is compared only with the
    other side's rows in its ``nprobe`` most similar clusters. A row that is not the best match
    of its own best match (not a mutual nearest neighbour, as a found translation is) is then
    searched again in its ``nprobe_max`` most similar clusters: only documents whose partner was
    missed, or that have none, pay for the wider search.

    Fitting on both sides puts a document and its translation, which are close, in the same
    cluster. The clusters are found on vectors centred per side (each side minus its mean,
    renormalised), so that an offset between the two languages' vectors does not split them
    into one-language clusters; candidates are still ranked by the plain cosine, as in the exact
    search.
    """
    if nlist is None:
        nlist = max(1, round(np.sqrt((len(a) + len(b)) / 4)))
    nlist = min(nlist, len(a) + len(b))
    ac, bc = (normalize_rows(x - x.mean(axis=0)) for x in (a, b))
    centroids = spherical_kmeans(np.vstack([ac, bc]), nlist, iters=iters, seed=seed)
    nprobe_max = min(max(nprobe, nprobe_max), nlist)
    nprobe = min(nprobe, nlist)
    probe_a, probe_b = (_best(x @ centroids.T, nprobe_max) for x in (ac, bc))
    label_a, label_b = probe_a[:, 0], probe_b[:, 0]
    idx_a, val_a = _search_probed(a, probe_a[:, :nprobe], b, label_b, nlist, k)
    idx_b, val_b = _search_probed(b, probe_b[:, :nprobe], a, label_a, nlist, k)
    if nprobe_max > nprobe:
        lonely_a = np.flatnonzero(idx_b[idx_a[:, 0], 0] != np.arange(len(a)))
        lonely_b = np.flatnonzero(idx_a[idx_b[:, 0], 0] != np.arange(len(b)))
        for queries, probes, base, labels, idx, val, redo in (
                (a, probe_a, b, label_b, idx_a, val_a, lonely_a),
                (b, probe_b, a, label_a, idx_b, val_b, lonely_b)):
            if len(redo):
                more_idx, more_val = _search_probed(queries[redo], probes[redo, nprobe:], base,
                                                    labels, nlist, k)
                both_idx = np.hstack([idx[redo], more_idx])
                both_val = np.hstack([val[redo], more_val])
                best = _best(both_val, idx.shape[1])
                idx[redo] = np.take_along_axis(both_idx, best, axis=1)
                val[redo] = np.take_along_axis(both_val, best, axis=1)
    return ([row[ok] for row, ok in zip(idx_a, val_a > -np.inf, strict=True)],
            [row[ok] for row, ok in zip(idx_b, val_b > -np.inf, strict=True)])


def _search_probed(queries: np.ndarray, probes: np.ndarray, base: np.ndarray,
                   labels: np.ndarray, nlist: int, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Each query's ``k`` most similar ``base`` rows among those whose cluster (``labels``) is
    one of the query's ``probes``, best first, and their similarities (index -1, similarity
    -inf where fewer were compared); one matrix product per cluster."""
    nq, nprobe = probes.shape
    members = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[members], np.arange(nlist + 1))
    kk = min(k, len(base))
    cand_idx = np.full((nq, nprobe, kk), -1, dtype=np.int64)
    cand_val = np.full((nq, nprobe, kk), -np.inf, dtype=np.float32)
    flat = probes.ravel()
    order = np.argsort(flat, kind="stable")
    starts = np.searchsorted(flat[order], np.arange(nlist + 1))
    for c in range(nlist):
        rows = members[bounds[c]:bounds[c + 1]]
        sel = order[starts[c]:starts[c + 1]]
        if len(rows) == 0 or len(sel) == 0:
            continue
        q, slot = np.divmod(sel, nprobe)
        sims = queries[q] @ base[rows].T
        m = min(kk, len(rows))
        top = (np.argpartition(sims, -m, axis=1)[:, -m:] if m < len(rows)
               else np.broadcast_to(np.arange(m), (len(sel), m)))
        cand_idx[q, slot, :m] = rows[top]
        cand_val[q, slot, :m] = np.take_along_axis(sims, top, axis=1)
    flat_idx, flat_val = cand_idx.reshape(nq, -1), cand_val.reshape(nq, -1)
    best = _best(flat_val, kk)
    return (np.take_along_axis(flat_idx, best, axis=1),
            np.take_along_axis(flat_val, best, axis=1))


def spherical_kmeans(x: np.ndarray, n: int, *, iters: int = _DEFAULTS.ivf_iters,
                     seed: int = _DEFAULTS.ivf_seed,
                     sample: int = 32) -> np.ndarray:
    """``n`` unit centroids of the unit rows ``x``: Lloyd iterations on the cosine, fitted on
    at most ``sample * n`` rows drawn with a fixed seed and initialised on distinct ones. An
    emptied cluster is re-seeded on the row farthest from its centroid."""
    rng = np.random.default_rng(seed)
    fit = x if len(x) <= sample * n else x[np.sort(rng.choice(len(x), sample * n, replace=False))]
    centroids = fit[np.sort(rng.choice(len(fit), n, replace=False))].astype(np.float32)
    onehot = np.zeros((n, len(fit)), dtype=np.float32)
    for _ in range(iters):
        sims = fit @ centroids.T
        labels = sims.argmax(axis=1)
        onehot[:] = 0
        onehot[labels, np.arange(len(fit))] = 1
        sums = onehot @ fit
        empty = np.flatnonzero(onehot.sum(axis=1) == 0)
        if len(empty):
            far = np.argsort(sims[np.arange(len(fit)), labels], kind="stable")[:len(empty)]
            sums[empty] = fit[far]
        centroids = normalize_rows(sums)
    return centroids


def _best(sims: np.ndarray, k: int) -> np.ndarray:
    """Column indices of each row's ``k`` largest values, largest first."""
    part = np.argpartition(sims, -k, axis=1)[:, -k:]
    order = np.argsort(-np.take_along_axis(sims, part, axis=1), axis=1, kind="stable")
    return np.take_along_axis(part, order, axis=1)
