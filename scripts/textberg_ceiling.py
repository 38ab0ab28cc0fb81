"""The best F1 any in-order aligner can reach against a gold set (an oracle, not an aligner).

Sentence aligners such as aligner, Vecalign and Bertalign emit monotone links of consecutive
sentences. Some gold sets (Text+Berg: captions in a different order on each side, links of
non-adjacent sentences) hold links no such aligner can produce, so strict F1 1.0 is out of
reach. This script searches, per document, the monotone path of up to 6-6 links that scores
best against the gold itself: each link gains 1 when it is right (strictly, or laxly for the
lax ceiling) and loses ``penalty`` otherwise, swept over a few penalties because F1 does not
decompose over links. The figures are lower bounds of the true ceiling (the best path found).

    python scripts/textberg_ceiling.py --gold-dir ../shared/data/textberg-de-fr
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from aligner.evaluate import Pair, parse_links_text, score_documents

MAX_SIDE = 6
# wrong links cost more when aiming at strict F1, less when aiming at lax F1
PENALTIES = {"strict": (0.5, 1.0, 2.0, 4.0), "lax": (0.1, 0.2, 0.5, 1.0)}


def _beads() -> list[tuple[int, int]]:
    links = [(a, b) for a in range(1, MAX_SIDE + 1) for b in range(1, MAX_SIDE + 1)]
    return [*links, (1, 0), (0, 1)]


def oracle_path(n: int, m: int, right: Callable[[Pair], bool], penalty: float) -> list[Pair]:
    """Monotone path over an n x m grid maximising (#right links - penalty * #wrong links)."""
    neg = float("-inf")
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    beads = _beads()
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here == neg:
                continue
            for a, b in beads:
                if i + a > n or j + b > m:
                    continue
                link = (tuple(range(i, i + a)), tuple(range(j, j + b)))
                value = here + (1.0 if right(link) else -penalty)
                if value > best[i + a][j + b]:
                    best[i + a][j + b] = value
                    back[i + a][j + b] = (a, b)
    path: list[Pair] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None
        a, b = step
        path.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    path.reverse()
    return path


def lax_right(gold: list[Pair]) -> Callable[[Pair], bool]:
    """Sennrich & Volk's lax test: a target id of the link is linked in gold to a source id."""
    linked = {(s, t) for src, tgt in gold for s in src for t in tgt}
    exact = set(gold)

    def right(link: Pair) -> bool:
        src, tgt = link
        if not src or not tgt:
            return link in exact
        return any((s, t) in linked for s in src for t in tgt)
    return right


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold-dir", type=Path, required=True,
                    help="folder with src/tgt line files and gold/NNN (Text+Berg layout)")
    ap.add_argument("--src", default="de")
    ap.add_argument("--tgt", default="fr")
    args = ap.parse_args()
    names = sorted(p.name for p in (args.gold_dir / "gold").iterdir())
    docs = []
    for name in names:
        n = len((args.gold_dir / args.src / name).read_text(encoding="utf-8").splitlines())
        m = len((args.gold_dir / args.tgt / name).read_text(encoding="utf-8").splitlines())
        gold = parse_links_text((args.gold_dir / "gold" / name).read_text(encoding="utf-8"))
        docs.append((n, m, gold))
    for label, judge in (("strict", lambda g: set(g).__contains__), ("lax", lax_right)):
        best: dict[str, float] | None = None
        for penalty in PENALTIES[label]:
            test = [oracle_path(n, m, judge(gold), penalty) for n, m, gold in docs]
            s = score_documents([g for _, _, g in docs], test).to_json()
            if best is None or s[f"{label}_f1"] > best[f"{label}_f1"]:
                best = s | {"penalty": penalty}
        assert best is not None
        print(f"oracle aiming at {label:6}: strict F1 {best['strict_f1']:.3f}  "
              f"lax F1 {best['lax_f1']:.3f}  (penalty {best['penalty']})")


if __name__ == "__main__":
    main()
