"""Evaluate cross-script name matching (``aligner.arabic.names.name_similarity``) on a list of
Arabic names and their romanisations.

Reads a TSV of ``arabic<TAB>english`` pairs (Google's transliteration list in
``../shared/data/names/google-ar2en.tsv``) and prints the share of pairs that match at the
check's threshold: Arabic names that begin with the article where the romanisation leaves it
out (الحلبي: Halabi), a fixed sample of the others, and, for false matches, random pairings
of an Arabic name with another pair's romanisation. Pairs of three letters or fewer and
non-ASCII romanisations are left out.

With ``--wikidata`` it reads Wikidata's person-name tokens (``english<TAB>spaced
Arabic<TAB>count``) instead, only the ``--half`` of them that the held-out protocol gives
(``scripts/heldout.py``: the English token's SHA-1; "inject" is never tuned on), and prints a
table: the match rate of each token with its own Arabic, and the false-match rate against the
Arabic of other tokens of the same half.

    .venv/bin/python scripts/eval_names.py --pairs ../shared/data/names/google-ar2en.tsv
    .venv/bin/python scripts/eval_names.py --wikidata \
        ../shared/data/names/wikidata-person-tokens-ar-en.tsv --half inject
"""

from __future__ import annotations

import argparse
import hashlib
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


def half(token: str) -> str:
    """The held-out protocol's split of the Wikidata tokens by English token."""
    return "tune" if hashlib.sha1(token.lower().encode("utf-8")).digest()[0] % 2 == 0 else "inject"


def load_wikidata(path: Path, which: str, min_count: int) -> list[tuple[str, str, int]]:
    """(Arabic, English, count) of one half: tokens of four letters or more in both scripts,
    seen ``min_count`` times or more."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) != 3 or half(fields[0]) != which or int(fields[2]) < min_count:
            continue
        ar = fields[1].replace(" ", "")
        if len(ar) > 3 and len(fields[0]) > 3 and fields[0].isascii():
            out.append((ar, fields[0], int(fields[2])))
    return out


def wikidata_table(rows: list[tuple[str, str, int]], negatives: int, rng: random.Random) -> None:
    """Match and false-match rates at ``MATCH_THRESHOLD``, overall and by how often a token
    is borne (rare tokens are odder spellings)."""
    print(f"threshold {MATCH_THRESHOLD}")
    print(f"{'tokens borne':<14}{'pairs':>7}{'matched':>9}{'rate':>7}"
          f"{'others':>8}{'false':>7}{'rate':>8}")
    for label, lo, hi in (("1-2 times", 1, 2), ("3-49 times", 3, 49), ("50+ times", 50, 10**9),
                          ("all", 1, 10**9)):
        part = [(ar, en) for ar, en, n in rows if lo <= n <= hi]
        if not part:
            continue
        hits = sum(name_similarity(en, ar) >= MATCH_THRESHOLD for ar, en in part)
        others = []
        for _ in range(min(negatives, 4 * len(part))):
            (_, en), (ar, other) = rng.choice(part), rng.choice(part)
            if other.lower() != en.lower():
                others.append((ar, en))
        false = sum(name_similarity(en, ar) >= MATCH_THRESHOLD for ar, en in others)
        print(f"{label:<14}{len(part):>7}{hits:>9}{hits / len(part):>7.3f}"
              f"{len(others):>8}{false:>7}{false / max(len(others), 1):>8.4f}")


def match_rate(pairs: list[tuple[str, str]]) -> float:
    return sum(name_similarity(en, ar) >= MATCH_THRESHOLD for ar, en in pairs) / len(pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=Path, help="Google's arabic<TAB>english list.")
    parser.add_argument("--wikidata", type=Path, help="Wikidata's person-name tokens.")
    parser.add_argument("--half", choices=("tune", "inject"), default="tune",
                        help="Which half of the Wikidata tokens (inject: report only).")
    parser.add_argument("--min-count", type=int, default=1,
                        help="Wikidata tokens borne at least this often.")
    parser.add_argument("--sample", type=int, default=3000, help="Other pairs scored.")
    parser.add_argument("--negatives", type=int, default=6000, help="Random pairings scored.")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if args.wikidata:
        rows = load_wikidata(args.wikidata, args.half, args.min_count)
        print(f"Wikidata tokens, {args.half} half: {len(rows)}")
        wikidata_table(rows, args.negatives, rng)
        return
    if args.pairs is None:
        parser.error("give --pairs or --wikidata")
    pairs = load(args.pairs)
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
