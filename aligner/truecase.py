"""Recasing of English lines in capitals or in headline style, for NER.

spaCy's small model relies on capital letters: in "SYRIA'S ASSAD MEETS PUTIN IN MOSCOW" it finds
Syria and Moscow but not the two people, and in "Syria's Assad Meets Putin in Moscow" it reads
"Assad Meets Putin" as one name. A headline's words nearly always recur in the article below
it, so each word takes the casing the document itself gives it (its most frequent form away
from the start of a line); a word the document does not use otherwise is lower-cased when it
is a common English word (or an inflection of one) and capitalised when it is not, as a name
would be. Recasing maps one character to one character, so entity offsets stay valid for the
original text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence

_WORD = re.compile(r"[^\W\d_]+")
_MIN_CASED = 8  # "UN", "NATO 2024" are acronyms, not shouting
# inflections of a common word: (suffix, what replaces it)
_SUFFIXES = (("ies", "y"), ("ing", ""), ("ing", "e"), ("es", ""), ("ed", ""), ("ed", "e"),
             ("s", ""))


def _cased(word: str) -> bool:
    return any(c.isupper() or c.islower() for c in word)


def is_shouting(text: str) -> bool:
    """Whether a line is written in capitals: at least two words in a cased script, 90% of
    its cased letters upper case (Arabic letters have no case and do not count)."""
    cased = [c for c in text if c.isupper() or c.islower()]
    if len(cased) < _MIN_CASED or sum(_cased(w) for w in _WORD.findall(text)) < 2:
        return False
    return sum(c.isupper() for c in cased) >= 0.9 * len(cased)


def is_title_case(text: str) -> bool:
    """Whether a line capitalises its words as headline style does ("Killer Pig Mauls Chinese
    Farmer to Death"): every word of four letters or more after the first capitalised, at
    least three of them (short function words may stay lower case), and no full stop at the
    end (a sentence full of names is no headline)."""
    words = [w for w in _WORD.findall(text)[1:] if len(w) >= 4 and _cased(w[0])]
    return (len(words) >= 3 and all(w[0].isupper() for w in words)
            and not text.rstrip().endswith((".", "!", "?")) and not is_shouting(text))


def needs_recasing(text: str) -> bool:
    """Whether NER should also read the line recased: in capitals or in headline style."""
    return is_shouting(text) or is_title_case(text)


def document_casing(texts: Sequence[str]) -> dict[str, str]:
    """Lower-cased word -> its most frequent written form in the lines not in capitals nor in
    headline style, leaving out each line's first word (capitalised whatever it is)."""
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        if needs_recasing(text):
            continue
        for k, m in enumerate(_WORD.finditer(text)):
            word = m.group()
            if k == 0 or len(word.lower()) != len(word):
                continue
            forms.setdefault(word.lower(), Counter())[word] += 1
    return {low: count.most_common(1)[0][0] for low, count in forms.items()}


def is_common(word: str, vocabulary: Collection[str]) -> bool:
    """Whether a lower-case word, or the word it inflects (meets: meet), is in the vocabulary."""
    return word in vocabulary or any(
        word.endswith(suffix) and len(word) > len(suffix) + 1
        and word[: -len(suffix)] + base in vocabulary for suffix, base in _SUFFIXES)


def recase(text: str, casing: dict[str, str], vocabulary: Collection[str]) -> str:
    """``text`` with each word in the casing the document gives it (else lower case for a
    common word, capitalised for any other) and the first word capitalised; the same length as
    ``text``, character for character. Words in lower case stay (al-Khair), and so, in a
    line not in capitals, do acronyms and mixed-case words (US, McDonald)."""
    shouting = is_shouting(text)
    out = list(text)
    for k, m in enumerate(_WORD.finditer(text)):
        word = m.group()
        low = word.lower()
        if len(low) != len(word) or word == low:  # (İ lower-cases to two characters)
            continue
        if not shouting and not (word[0].isupper() and word[1:] == low[1:]):
            continue
        form = casing.get(low) or (low if is_common(low, vocabulary) else low.capitalize())
        if k == 0 and len(form[:1].upper()) == 1:
            form = form[:1].upper() + form[1:]
        if len(form) == len(word):
            out[m.start():m.end()] = form
    return "".join(out)
