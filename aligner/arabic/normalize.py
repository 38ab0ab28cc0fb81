"""Arabic normalisation for matching: spelling variants and clitics are not differences.

Translators and transliterators write the same name with or without hamza seats, diacritics or
tatweel, and glue prepositions and the article onto it (بألبوكمال, والعراق); these helpers reduce
such surface variation so that comparisons see the name itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from aligner.typography import VOWEL_MARKS

# Folded for comparison: hamza seats, alef maqsura, teh marbuta, tatweel, and the Persian
# keyboard's yeh and kaf (ی ک) that Arabic typed on one carries
_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                        "ؤ": "و", "ئ": "ي", "ـ": None, "ی": "ي", "ک": "ك"})
_AR_WORD = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0660-\u0669\u066E-\u06D3\u06FA-\u06FF"
                      r"\u064B-\u065F\u0670\u0640]+")

#: Proclitic sequences, longest first; "ال" is handled separately because a name may keep it.
_PROCLITICS = ("وبال", "وكال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل",
               "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_MIN_STEM = 2


_NO_VOWEL_MARKS = str.maketrans("", "", VOWEL_MARKS)


def dediacritize(text: str) -> str:
    """Remove harakat, shadda, sukun and dagger alef: they are optional in print. The same
    marks camel-tools' ``dediac_ar`` removes (checked over the whole BMP), without the ~1 s its
    tables take to build on first use."""
    return text.translate(_NO_VOWEL_MARKS)


def fold_letters(text: str) -> str:
    """Alef/hamza/ya/teh-marbuta variants, tatweel and the Persian keyboard's yeh and kaf
    folded: the one Arabic letter fold."""
    return text.translate(_ALEFS)


def normalize(text: str) -> str:
    """Dediacritise and fold alef/hamza/ya/teh-marbuta variants and tatweel, keeping the length
    relation simple: the result is what two spellings of one word are compared on."""
    return fold_letters(dediacritize(text))


def arabic_tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """Arabic word tokens as ``(start, end, token)`` character offsets into ``text``."""
    for m in _AR_WORD.finditer(text):
        yield m.start(), m.end(), m.group()


def strip_clitics(word: str) -> list[tuple[int, str]]:
    """Readings of ``word`` with its proclitics removed, as ``(offset, stem)``: ``word[offset:]``
    is what remains in the text, ``stem`` what to compare.

    Several readings are returned because stripping is ambiguous (وليد is a name, not و + ليد);
    the caller picks the one that matches. The unstripped word always comes first. Proclitics
    that end in the article (وال, بال, لل) yield the stem with the article restored, so that
    بالعراق and العراق give the same stem. Works on raw text: offsets count the vowel marks of
    a vowelled word (بِأَلبو), whose stems keep theirs.
    """
    out: list[tuple[int, str]] = [(0, word)]
    # where each letter of the unvowelled word stands in ``word``
    letters = [i for i, c in enumerate(word) if c not in VOWEL_MARKS]
    bare = "".join(word[i] for i in letters)
    for p in _PROCLITICS:
        if not bare.startswith(p) or len(bare) - len(p) < _MIN_STEM:
            continue
        cut = letters[len(p)]  # the stem's first letter, after the proclitic's vowel marks
        if p.endswith("ال"):
            out.append((letters[len(p) - 2], word[letters[len(p) - 2]:]))
        elif p.endswith("لل"):
            out.append((cut, "ال" + word[cut:]))  # لل = ل + ال with the alef dropped
        else:
            out.append((cut, word[cut:]))
    first: dict[str, int] = {}  # a stem reached twice keeps the offset it was first reached at
    for k, s in out:
        first.setdefault(s, k)
    return [(k, s) for s, k in first.items()]


def strip_article(word: str) -> str:
    """The word without a leading definite article ال (normalised input expected)."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def match_key(span: str) -> str:
    """The normalised form of a matched (clitic-free) span, articles dropped word by word: two
    renderings with the same key are one form for consistency purposes (العلي ≡ علي), while a
    different spacing (ألبو كمال vs ألبوكمال) stays different."""
    return " ".join(strip_article(normalize(w)) for w in span.split())


def to_buckwalter(text: str) -> str:
    """Buckwalter transliteration (ASCII, reversible): for logs and debugging messages."""
    from camel_tools.utils.charmap import CharMapper

    return str(CharMapper.builtin_mapper("ar2bw")(text))
