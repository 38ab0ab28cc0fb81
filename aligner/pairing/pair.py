"""Document pairing: decide which documents of two languages are translations of each other.

Topic similarity is not translation: news articles on the same event share names and
vocabulary, so their mean sentence vectors are close. Pairing therefore runs in three steps:

1. **Retrieve** (cheap, scales): each document gets a vector, the normalised mean of its unit
   sentence vectors; every document keeps its ``k`` nearest documents of the other language
   (blocked numpy matrix products; above ``ivf_above`` documents a side, an inverted-file index
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
from aligner.pairing.params import PairingParams
from aligner.pairing.search import top_k_both
from aligner.records import Document, Link, Segment

_DEFAULTS = PairingParams()


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
                   langs: tuple[str, str] | None = None,
                   params: PairingParams = _DEFAULTS) -> PairingResult:
    """Pair segmented documents across two languages; each document is embedded once."""
    recorded = {**params.to_json(), "embedder": embedder.signature()}
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
        return PairingResult(None, [], unpaired, recorded)
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
    result = pair_embedded(groups[0], vectors[0], groups[1], vectors[1], params=params)
    result.langs = langs
    result.params = recorded
    result.unpaired = unpaired + result.unpaired
    return result


def translated_share(links: Sequence[Link], src: Sequence[Segment], tgt: Sequence[Segment],
                     min_sim: float = _DEFAULTS.min_sim) -> float:
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
                  tgt_docs: Sequence[Document], tgt_vecs: Sequence[np.ndarray], *,
                  params: PairingParams = _DEFAULTS) -> PairingResult:
    """Pair documents whose sentences are already embedded (one unit-row array per document).

    Split from ``pair_documents`` so that cached or synthetic vectors can be paired directly.
    """
    src_dv, tgt_dv = doc_vectors(src_vecs), doc_vectors(tgt_vecs)
    k, min_score, min_margin = params.k, params.min_score, params.min_margin
    min_matches = params.min_matches
    src_rank, tgt_rank = top_k_both(src_dv, tgt_dv, k, params=params)
    ranks: dict[tuple[int, int], list[int | None]] = {}
    for i, row in enumerate(src_rank):
        for r, j in enumerate(row):
            ranks.setdefault((i, int(j)), [None, None])[0] = r + 1
    for j, row in enumerate(tgt_rank):
        for r, i in enumerate(row):
            ranks.setdefault((int(i), j), [None, None])[1] = r + 1
    checked = [verify(i, j, src_vecs[i], tgt_vecs[j], params.min_sim) for i, j in ranks]
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
