"""Write synthetic Arabic-English alignment test documents with known gold (see synth.py).

    .venv/bin/python scripts/make_synthetic.py --ntrex ../shared/data/ntrex-dev --out DIR --seed 0

Writes DIR/normal/{src,tgt,gold}/NAME and DIR/hard/{src,tgt,gold}/NAME. The data is CC BY-SA
(NTREX-128): keep the output out of the repository.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synth import HARD, Rates, load_ntrex, make_corpus, write_corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ntrex", type=Path, required=True, help="NTREX dev folder (ar/, en/)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    docs = load_ntrex(args.ntrex)
    for variant, rates in (("normal", Rates()), ("hard", HARD)):
        corpus = make_corpus(docs, args.seed, rates)
        write_corpus(corpus, args.out / variant)
        links = [g for d in corpus for g in d.gold]
        nulls = sum(1 for s, t in links if not s or not t)
        many = sum(1 for s, t in links if s and t and (len(s) > 1 or len(t) > 1))
        print(f"{variant}: {len(corpus)} documents, {len(links)} gold links, "
              f"{many} many-to-one, {nulls} null -> {args.out / variant}")


if __name__ == "__main__":
    main()
