"""Training-data filters for corpus exports: what an MT training set should not contain.

Each filter is cheap and explainable: site chrome, null links, low alignment scores,
implausible length ratios, a side written in the wrong script, and exact or near duplicates
(normalised-text keys: case, punctuation, digits, Arabic diacritics and letter variants
ignored). The settings go into the export's signature, and the count of rows each filter
dropped into its sidecar file.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from aligner.arabic.normalize import fold_letters
from aligner.export.base import CorpusRow
from aligner.records import AlignerError

DEDUP_MODES = ("none", "exact", "near")

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_DIGITS = re.compile(r"\d+")
_AR_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")


@dataclass(frozen=True)
class Filters:
    """Filter settings; defaults drop null links and exact duplicates only."""

    min_score: float | None = None
    drop_nulls: bool = True
    min_ratio: float | None = None  # character length src/tgt, null links exempt
    max_ratio: float | None = None
    min_script: float | None = None  # share of each side's letters in its language's script
    dedup: str = "exact"
    keep_chrome: bool = False  # rows with site chrome ("0 Comment(s)") are dropped otherwise

    def __post_init__(self) -> None:
        if self.dedup not in DEDUP_MODES:
            raise AlignerError(None, f"unknown dedup mode {self.dedup!r} "
                                     f"(known: {', '.join(DEDUP_MODES)})")
        if self.min_ratio and self.max_ratio and self.min_ratio > self.max_ratio:
            raise AlignerError(None, f"--min-ratio {self.min_ratio} is above --max-ratio "
                                     f"{self.max_ratio}")

    def to_json(self) -> dict[str, Any]:
        """The settings as they appear in the export's signature."""
        ratio = "none" if self.min_ratio is None and self.max_ratio is None else \
            f"{_num(self.min_ratio, '0')}-{_num(self.max_ratio, 'inf')}"
        return {"min_score": _num(self.min_score, "none"), "drop_nulls": self.drop_nulls,
                "length_ratio": ratio, "script_check": _num(self.min_script, "off"),
                "dedup": self.dedup, **({"keep_chrome": True} if self.keep_chrome else {})}


def _num(value: float | None, default: str) -> str:
    return default if value is None else f"{value:g}"


def apply_filters(rows: Iterable[CorpusRow], filters: Filters) -> tuple[list[CorpusRow],
                                                                        Counter[str]]:
    """The rows that pass, in order, and how many each filter dropped (first failing filter)."""
    kept: list[CorpusRow] = []
    dropped: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    for row in rows:
        reason = _reject(row, filters)
        if reason is None and filters.dedup != "none":
            key = dedup_key(row.src_text, filters.dedup), dedup_key(row.tgt_text, filters.dedup)
            if key in seen:
                reason = "duplicate"
            seen.add(key)
        if reason:
            dropped[reason] += 1
        else:
            kept.append(row)
    return kept, dropped


def _reject(row: CorpusRow, f: Filters) -> str | None:
    if row.chrome and not f.keep_chrome:
        return "chrome"
    null = not row.src_ids or not row.tgt_ids
    if null:
        return "null" if f.drop_nulls else None
    if f.min_score is not None and row.score < f.min_score:
        return "score"
    if f.min_ratio is not None or f.max_ratio is not None:
        ratio = _length(row.src_text) / max(_length(row.tgt_text), 1)
        if (f.min_ratio is not None and ratio < f.min_ratio) or \
                (f.max_ratio is not None and ratio > f.max_ratio):
            return "length_ratio"
    if f.min_script is not None and (script_share(row.src_text, row.src_lang) < f.min_script
                                     or script_share(row.tgt_text, row.tgt_lang) < f.min_script):
        return "script"
    return None


def _length(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def script_share(text: str, lang: str) -> float:
    """Share of the letters written in ``lang``'s script (Arabic for ``ar``, else Latin);
    0 for a text without letters, which is no training sentence either."""
    arabic, latin = len(_ARABIC.findall(text)), len(_LATIN.findall(text))
    if not arabic + latin:
        return 0.0
    return (arabic if lang == "ar" else latin) / (arabic + latin)


def dedup_key(text: str, mode: str) -> str:
    """``exact``: Unicode-normalised, whitespace collapsed. ``near``: also case-folded, without
    punctuation, symbols and Arabic diacritics/tatweel, letter variants folded, digits as 0."""
    text = unicodedata.normalize("NFKC", text)
    if mode == "near":
        text = fold_letters(_AR_MARKS.sub("", text)).casefold()
        text = _DIGITS.sub("0", text)
        text = "".join(" " if unicodedata.category(ch)[0] in "PS" else ch for ch in text)
    return " ".join(text.split())
