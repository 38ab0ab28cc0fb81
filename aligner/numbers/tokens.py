"""Tokens of a text for the number parser: digits folded one character for one (so every span
is an offset into the caller's text), words keyed lower-case or Arabic-folded."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from aligner.arabic.normalize import PERSIAN_LETTERS, fold_table
from aligner.typography import ARABIC_MARKS

DIGITS = str.maketrans({**{chr(0x660 + i): str(i) for i in range(10)},
                         **{chr(0x6F0 + i): str(i) for i in range(10)},
                         "٫": ".", "٬": ",", "٪": "%"})
#: Letters this reader has always left as written: hamza on و and ي (مئة) and the Persian
#: keyboard's yeh and kaf. Folding them too would change which words are number words.
NUMBER_WORDS_KEEP = "ؤئ" + PERSIAN_LETTERS
_FOLD = fold_table(keep=NUMBER_WORDS_KEEP)
_TOKEN = re.compile(r"(?P<num>\d+(?:[.,]\d+)*)"
                    r"|(?P<word>[A-Za-z]+|[\u0621-\u063A\u0641-\u065F\u0670-\u06D3\u06FA-\u06FF"
                    r"\u0640]+)"
                    r"|(?P<sym>\S)")


# a no-break, thin or narrow no-break space between digit groups (1 200, as French-style
# and SI typesetting write thousands) is a group separator, read as a comma (one for one: the
# offsets stay); a plain space is not, as "May 5 200 people" shows
_GROUP_SPACE = re.compile(r"(?<=\d)[\u00a0\u2009\u202f](?=\d{3}(?!\d))")
# the Arabic comma between groups of exactly three digits is a thousands separator (60،000);
# elsewhere it separates items of a list ("1، 2")
_ARABIC_COMMA_GROUPS = re.compile(r"(?<![\d.,،])\d{1,3}(?:،\d{3})+(?!،?\d)")
# a plain space between groups of three is a thousands separator only before a multiplier
# ("162 584 mln"): elsewhere it may part two numbers ("May 5 200 people")
_SPACE_GROUPS_SCALED = re.compile(
    r"(?<![\d.,])\d{1,3}(?: \d{3})+(?= ?(?:mln|bln|mn|bn|million|billion|trillion|thousand"
    r"|مليون|مليار|ألف|آلاف|ملايين|مليارات)(?!\w))")


@dataclass(frozen=True)
class Tok:
    kind: str  # num | word | sym
    text: str
    start: int
    end: int
    key: str  # lower-case (Latin) or folded, diacritic-free (Arabic) form

    def attached(self, prev: Tok) -> bool:
        return self.start == prev.end


def fold(word: str) -> str:
    return ARABIC_MARKS.sub("", word).translate(_FOLD).lower()


def tokens(text: str) -> list[Tok]:
    folded = _GROUP_SPACE.sub(",", text.translate(DIGITS))
    folded = _ARABIC_COMMA_GROUPS.sub(lambda m: m.group().replace("،", ","), folded)
    folded = _SPACE_GROUPS_SCALED.sub(lambda m: m.group().replace(" ", ","), folded)
    return [Tok(m.lastgroup or "sym", m.group(), m.start(), m.end(), fold(m.group()))
            for m in _TOKEN.finditer(folded)]


@lru_cache(maxsize=16384)  # pure, and asked of each word by every rule (34 times a word)
def ar_readings(key: str) -> tuple[tuple[str, bool, bool], ...]:
    """Clitic-free readings of a folded Arabic word as (stem, had و/ف, had ال), the word itself
    first. A two-letter stem is only read after و/ف/ال (لست is "I am not", not ل + ست); a
    final accusative alif is also dropped (ثلاثًا = ثلاث)."""
    out = [(key, False, False)]
    for conj in ("", "و", "ف"):
        for prep in ("", "ب", "ل", "ك"):
            for art in ("", "ال"):
                prefix = conj + prep + art
                rest = len(key) - len(prefix)
                if prefix and key.startswith(prefix) and (rest >= 3 or (rest == 2 and not prep)):
                    out.append((key[len(prefix):], bool(conj), bool(art)))
    if key.startswith(("لل", "ولل", "فلل")) and len(key) > 4:
        out.append((key[key.index("لل") + 2:], key[0] in "وف", True))
    return tuple(out + [(stem[:-1], conj, art) for stem, conj, art in out
                        if stem.endswith("ا") and len(stem) > 3])


