"""Arabic word patterns that mark an ordinary word rather than a transliterated name."""

from __future__ import annotations

import re

#: Verbal nouns of the derived verb forms: استفعال (استلزام), افتعال (اجتماع; ط or د for ت
#: after some letters: اضطراب) and تفعيل (تشغيل); the root letters are consonants, so a
#: name's vowels (استانلي: Stanley) never fit.
_C = "[^اأإآوىيءة]"
MASDAR = re.compile(rf"^(?:است{_C}{_C}ا{_C}|ا{_C}[تطد]{_C}ا{_C}|ت{_C}{_C}ي{_C})$")


def is_masdar(word: str) -> bool:
    """Whether an Arabic word (clitics stripped) has the shape of a derived verbal noun."""
    return bool(MASDAR.match(word))


#: Attached dual and feminine plural pronouns (لتبنيهما: "for their adoption"), which end no
#: transliterated name (unlike هم of ويلهم, Wilhelm).
PRONOUN_SUFFIXES = ("هما", "كما", "هن", "كن")


def has_pronoun_suffix(word: str) -> bool:
    """Whether an Arabic word of five letters or more ends in an attached dual or feminine
    plural pronoun."""
    return len(word) >= 5 and word.endswith(PRONOUN_SUFFIXES)


#: Endings of a nisba adjective or people-name (السوريين, السوريون, السوريات, السوريه, السوري);
#: no word ends in two of them.
NISBA_ENDINGS = ("يين", "يون", "يات", "يه", "ي")


def nisba_base(word: str, min_stem: int) -> str | None:
    """The stem a nisba is built on (سوريين → سور), if at least ``min_stem`` letters long."""
    for end in NISBA_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= min_stem:
            return word[:-len(end)]
    return None
