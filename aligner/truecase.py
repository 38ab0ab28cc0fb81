"""Recasing of all-capital English lines (wire headlines, pasted PDF titles) for NER.

spaCy's small model relies on capital letters: in "SYRIA'S ASSAD MEETS PUTIN IN MOSCOW" it finds
Syria and Moscow but not the two people, and title case makes it read "Assad Meets Putin" as
one name. A headline's words nearly always recur in the article below it, so each word takes
the casing the document itself gives it (its most frequent form away from the start of a
sentence); words the document does not use otherwise are lower-cased. Recasing maps one
character to one character, so entity offsets stay valid for the original text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_WORD = re.compile(r"[^\W\d_]+")
_MIN_CASED = 8  # "UN", "NATO 2024" are acronyms, not shouting


def is_shouting(text: str) -> bool:
    """Whether a line is written in capitals: at least two words in a cased script, 90% of
    its cased letters upper case (Arabic letters have no case and do not count)."""
    cased = [c for c in text if c.isupper() or c.islower()]
    words = [w for w in _WORD.findall(text) if any(c.isupper() or c.islower() for c in w)]
    if len(cased) < _MIN_CASED or len(words) < 2:
        return False
    return sum(c.isupper() for c in cased) >= 0.9 * len(cased)


def document_casing(texts: Sequence[str]) -> dict[str, str]:
    """Lower-cased word -> its most frequent written form in the lines not in capitals,
    leaving out each line's first word (capitalised whatever it is)."""
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        if is_shouting(text):
            continue
        for k, m in enumerate(_WORD.finditer(text)):
            word = m.group()
            if k == 0 or len(word.lower()) != len(word):
                continue
            forms.setdefault(word.lower(), Counter())[word] += 1
    return {low: count.most_common(1)[0][0] for low, count in forms.items()}


def recase(text: str, casing: dict[str, str]) -> str:
    """``text`` with each word in the casing the document gives it (lower case if it gives
    none) and the first word capitalised; the same length as ``text``, character for
    character."""
    out = list(text)
    for k, m in enumerate(_WORD.finditer(text)):
        word = m.group()
        low = word.lower()
        if len(low) != len(word):  # a letter whose lower case is two characters: leave it
            continue
        form = casing.get(low, low)
        if k == 0:
            form = form[:1].upper() + form[1:] if len(form[:1].upper()) == 1 else form
        out[m.start():m.end()] = form
    return "".join(out)
