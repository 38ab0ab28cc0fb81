"""Evaluate cross-script name matching (``aligner.arabic.names.name_similarity``) on a list of
Arabic names and their romanisations.

Reads a TSV of ``arabic<TAB>english`` pairs (Google's transliteration list in
``../shared/data/names/google-ar2en.tsv``) and prints the share of pairs that match at the
check's threshold: Arabic names that begin with the article where the romanisation leaves it
out (الحلبي: Halabi), a fixed sample of the others, and, for false matches, random pairings
of an Arabic name with another pair's romanisation. Pairs of three letters or fewer and
non-ASCII romanisations are left out.

    .venv/bin/python scripts/eval_names.py --pairs ../shared/data/names/google-ar2en.tsv
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from aligner.arabic.names import MATCH_THRESHOLD, name_similarity


def load(path: Path) -> list[tuple[str, str]]:
    """(Arabic, English) pairs worth scoring."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) == 2 and len(fields[0]) > 3 and len(fields[1]) > 3 and fields[1].isascii():
            pairs.append((fields[0], fields[1]))
    return pairs


def match_rate(pairs: list[tuple[str, str]]) -> float:
    return sum(name_similarity(en, ar) >= MATCH_THRESHOLD for ar, en in pairs) / len(pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=Path, required=True)
    parser.add_argument("--sample", type=int, default=3000, help="Other pairs scored.")
    parser.add_argument("--negatives", type=int, default=6000, help="Random pairings scored.")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    pairs = load(args.pairs)
    rng = random.Random(args.seed)
    article = [(ar, en) for ar, en in pairs
               if ar.startswith("ال") and not en.lower().startswith(("al", "el"))]
    others = [(ar, en) for ar, en in pairs if not ar.startswith("ال")]
    others = rng.sample(others, min(args.sample, len(others)))
    negatives = [(pairs[rng.randrange(len(pairs))][0], pairs[rng.randrange(len(pairs))][1])
                 for _ in range(args.negatives)]
    false = sum(name_similarity(en, ar) >= MATCH_THRESHOLD for ar, en in negatives)
    print(f"threshold {MATCH_THRESHOLD}")
    print(f"article in the Arabic only: {len(article)} pairs, matched {match_rate(article):.3f}")
    print(f"other pairs (sample): {len(others)} pairs, matched {match_rate(others):.3f}")
    print(f"random pairings matched: {false} of {len(negatives)}")


if __name__ == "__main__":
    main()
