"""Names translated rather than transliterated (مصر/Egypt, الحرس الثوري/IRGC): the
hand-written table ``exonyms.tsv``, read both ways."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from aligner.arabic.name_skeleton import ascii_fold
from aligner.arabic.normalize import normalize


def _canon_en(name: str) -> str:
    s = ascii_fold(name).replace("’", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"^the\s+", "", s)
    return " ".join(re.findall(r"[a-z0-9]+", s))


@lru_cache(maxsize=1)
def _exonyms() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """English form → normalised Arabic forms, and the reverse, from ``exonyms.tsv``."""
    en2ar: dict[str, set[str]] = {}
    ar2en: dict[str, set[str]] = {}
    text = resources.files("aligner.arabic").joinpath("exonyms.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ar_part, en_part = line.split("\t")[:2]
        ars = {normalize(a.strip()) for a in ar_part.split("|") if a.strip()}
        ens = {_canon_en(e) for e in en_part.split("|") if e.strip()}
        for e in ens:
            en2ar.setdefault(e, set()).update(ars)
        for a in ars:
            ar2en.setdefault(a, set()).update(ens)
    return ({k: frozenset(v) for k, v in en2ar.items()},
            {k: frozenset(v) for k, v in ar2en.items()})


def exonym_forms(english: str) -> frozenset[str]:
    """Normalised Arabic forms of a translated (not transliterated) name; empty if unknown."""
    return _exonyms()[0].get(_canon_en(english), frozenset())


def exonym_english(arabic: str) -> frozenset[str]:
    """English forms of a normalised Arabic exonym; empty if it is not in the table."""
    return _exonyms()[1].get(normalize(arabic), frozenset())

