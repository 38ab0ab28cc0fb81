"""Sentence-alignment scoring against gold links (Sennrich & Volk 2011, as in Vecalign's score.py).

strict: a test link is correct only if the very same link is in the gold.
lax: a test link also counts if one of its target ids is linked in the gold to one of its
source ids. Precision runs over all test links including null links, recall over the non-null
gold links, and counts are summed over documents (micro average). Null links are also scored
on their own, per sentence: of the sentences the test leaves unaligned, how many the gold leaves
unaligned too (precision), and the converse (recall).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aligner.records import AlignerError

Pair = tuple[tuple[int, ...], tuple[int, ...]]

_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$")


def parse_links_text(text: str, path: str | None = None) -> list[Pair]:
    """Parse the ``[i, j]:[k]`` one-link-per-line format (0-based, ``[]`` for null)."""
    out: list[Pair] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if not match:
            raise AlignerError(path, f"line {n}: expected '[i, j]:[k]', got {line.strip()[:60]!r}")
        src, tgt = (tuple(int(x) for x in g.replace(",", " ").split()) for g in match.groups())
        out.append((src, tgt))
    return out


def format_links_text(links: Iterable[Pair]) -> str:
    return "".join(f"[{', '.join(map(str, s))}]:[{', '.join(map(str, t))}]\n" for s, t in links)


def read_links(path: Path) -> list[Pair]:
    """Links from a report JSON (``{"links": [{"src": [..], "tgt": [..]}]}``) or the text format."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AlignerError(str(path), f"cannot read: {exc}") from exc
    if text.lstrip().startswith("{"):
        try:
            data: Any = json.loads(text)
            return [(tuple(int(i) for i in x["src"]), tuple(int(j) for j in x["tgt"]))
                    for x in data["links"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise AlignerError(str(path), f"not a report with links: {exc}") from exc
    return parse_links_text(text, str(path))


@dataclass(frozen=True)
class Scores:
    """Summed counts over documents, and the rates derived from them."""

    docs: int
    strict_tp: int
    strict_fp: int
    lax_tp: int
    lax_fp: int
    recall_strict_tp: int
    recall_strict_fn: int
    recall_lax_tp: int
    recall_lax_fn: int
    null_tp: int
    null_test: int
    null_gold: int

    @staticmethod
    def _ratio(num: int, den: int) -> float:
        return num / den if den else 0.0

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float | int]:
        sp = self._ratio(self.strict_tp, self.strict_tp + self.strict_fp)
        sr = self._ratio(self.recall_strict_tp, self.recall_strict_tp + self.recall_strict_fn)
        lp = self._ratio(self.lax_tp, self.lax_tp + self.lax_fp)
        lr = self._ratio(self.recall_lax_tp, self.recall_lax_tp + self.recall_lax_fn)
        return {
            "docs": self.docs,
            "strict_precision": sp, "strict_recall": sr, "strict_f1": self._f1(sp, sr),
            "lax_precision": lp, "lax_recall": lr, "lax_f1": self._f1(lp, lr),
            # no null sentences on a side means nothing was missed / wrongly left out
            "null_precision": self._ratio(self.null_tp, self.null_test) if self.null_test else 1.0,
            "null_recall": self._ratio(self.null_tp, self.null_gold) if self.null_gold else 1.0,
            "null_test": self.null_test, "null_gold": self.null_gold,
        }


def _precision_counts(gold: Sequence[Pair], test: Sequence[Pair]) -> tuple[int, int, int, int]:
    """(strict tp, strict fp, lax tp, lax fp) of ``test`` against ``gold``, as in Vecalign."""
    gold_set = set(gold)
    # lax: target ids linked in gold to each source id
    linked: dict[int, set[int]] = {}
    for s, t in gold:
        for i in s:
            linked.setdefault(i, set()).update(t)
    stp = sfp = ltp = lfp = 0
    for s, t in test:
        if not s and not t:
            continue
        if (s, t) in gold_set:
            stp += 1
            ltp += 1
            continue
        sfp += 1
        if any(linked.get(i, set()).intersection(t) for i in s):
            ltp += 1
        else:
            lfp += 1
    return stp, sfp, ltp, lfp


def _null_sentences(links: Iterable[Pair]) -> set[tuple[str, int]]:
    out: set[tuple[str, int]] = set()
    for s, t in links:
        if not t:
            out.update(("src", i) for i in s)
        if not s:
            out.update(("tgt", j) for j in t)
    return out


def score_documents(gold: Sequence[Sequence[Pair]], test: Sequence[Sequence[Pair]]) -> Scores:
    """Score paired documents; counts are summed before any rate is computed."""
    if len(gold) != len(test):
        raise ValueError(f"{len(gold)} gold documents but {len(test)} test documents")
    c = [0] * 11
    for g, t in zip(gold, test, strict=True):
        g = [(tuple(s), tuple(u)) for s, u in g]
        t = [(tuple(s), tuple(u)) for s, u in t]
        stp, sfp, ltp, lfp = _precision_counts(g, t)
        # recall = precision of the non-null gold links against the non-null test links
        rstp, rsfn, rltp, rlfn = _precision_counts([x for x in t if x[0] and x[1]],
                                                    [x for x in g if x[0] and x[1]])
        gnull, tnull = _null_sentences(g), _null_sentences(t)
        for k, v in enumerate((stp, sfp, ltp, lfp, rstp, rsfn, rltp, rlfn,
                               len(gnull & tnull), len(tnull), len(gnull))):
            c[k] += v
    return Scores(len(gold), *c)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".json", ".txt", ".align", ".gold"):
        name = name.removesuffix(suffix)
    return name


def evaluate_paths(test: Path, gold: Path) -> Scores:
    """Score a test file against a gold file, or a directory of them matched by file name
    (extensions ``.json``, ``.txt``, ``.align``, ``.gold`` ignored)."""
    if not test.exists():
        raise AlignerError(str(test), "no such file or directory")
    if not gold.exists():
        raise AlignerError(str(gold), "no such file or directory")
    if gold.is_dir() != test.is_dir():
        raise AlignerError(str(test), "test and gold must both be files or both be directories")
    if not gold.is_dir():
        return score_documents([read_links(gold)], [read_links(test)])
    tests = {_stem(p): p for p in test.iterdir() if p.is_file() and not p.name.startswith(".")}
    golds = sorted(p for p in gold.iterdir() if p.is_file() and not p.name.startswith("."))
    missing = [p.name for p in golds if _stem(p) not in tests]
    if missing:
        raise AlignerError(str(test), f"no test alignment for gold file(s): {', '.join(missing)}")
    if not golds:
        raise AlignerError(str(gold), "no gold files")
    return score_documents([read_links(p) for p in golds],
                           [read_links(tests[_stem(p)]) for p in golds])
