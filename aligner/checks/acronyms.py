"""English acronyms that the Arabic side renders in full or letter by letter: length that a
check comparing the two sides' lengths must not read as added or missing content."""

from __future__ import annotations

import re

from aligner.lang.ar.letters import LETTER_NAMES

# two to six capitals, a plural s allowed (NGOs)
ACRONYM = re.compile(r"\b[A-Z]{2,6}(?=s?\b)")
_WORD = re.compile(r"\b[A-Z][A-Za-z]{2,5}\b")
_AR_WORD = re.compile(r"[\u0621-\u064A]+")


def letter_names(ar: str) -> int:
    """Arabic words of ``ar`` that are Latin letter names (a و before one allowed)."""
    return sum(1 for w in _AR_WORD.findall(ar)
               if w in LETTER_NAMES or (w[:1] == "و" and w[1:] in LETTER_NAMES))


def absent_acronym_letters(en: str, ar: str, mixed: bool = False) -> int:
    """Letters of the distinct English acronyms of ``en`` that ``ar`` does not keep in Latin
    letters; ``mixed``: count acronyms with lower-case letters too (RdRp)."""
    found = set(ACRONYM.findall(en))
    if mixed:  # RdRp, PhD: capitals are at least half the letters (not McCain)
        found |= {w for w in _WORD.findall(en) if 2 * sum(c.isupper() for c in w) >= len(w)}
    return sum(len(a) for a in found if a not in ar)


def acronym_allowance(en: str, ar: str, letter_chars: int, name_chars: int = 1) -> int:
    """Characters the English acronyms absent from the Arabic may take there: spelled out, a
    word a letter (``letter_chars``); written as letter names (سي إن إن), ``name_chars`` a
    letter. Less the letters themselves."""
    letters = absent_acronym_letters(en, ar, mixed=name_chars > 1)
    named = min(letter_names(ar), letters)
    return (letters - named) * (letter_chars - 1) + named * (name_chars - 1)
