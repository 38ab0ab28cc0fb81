"""Typographic characters read as their plain forms, one for one (offsets stay valid).

News sites print curly quotes and apostrophes, no-break spaces inside figures and names, and
no-break hyphens; the models were mostly trained on the plain forms. With ’ the small English
NER model loses "Syria’s Albu Kamal" and makes "Albu Kamal’s al-Katf" one organisation, and
e5 scores a sentence 0.03 lower against its translation than with ', enough for the second
opinion to split a genuine pair. NER and every embedder therefore read this form.

Embedders also read Arabic without its short-vowel marks (harakat, tanween, shadda, sukun):
they were trained on the undiacritised text of the web, and a fully vowelled article (a quoted
verse, an article for learners) scored 0.16 against its translation instead of 0.77.
And they read Arabic words that ran together (a PDF's lost spaces) apart again
(``aligner.arabic.spacing``).
"""

from __future__ import annotations

import re

from aligner.arabic.spacing import split_run_together

_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"',
                        "\u201d": '"', "\u00a0": " ", "\u2007": " ", "\u2009": " ",
                        "\u202f": " ", "\u2010": "-", "\u2011": "-"})


def plain_typography(text: str) -> str:
    """``text`` with typographic quotes, apostrophes, spaces and hyphens in their plain forms
    (same length)."""
    return text.translate(_PLAIN)


#: Arabic short-vowel marks: harakat, tanween, shadda, sukun, dagger alef (what camel-tools'
#: dediacritisation removes)
VOWEL_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
#: The Arabic block's other combining marks (maddah, hamza above and below, subscript alef, ...,
#: U+0653-U+065F): with the vowel marks, any mark a word may carry (names and numbers drop all)
OTHER_ARABIC_MARKS = "".join(chr(c) for c in range(0x0653, 0x0660))
ARABIC_MARKS = re.compile(f"[{VOWEL_MARKS}{OTHER_ARABIC_MARKS}]")
_HARAKAT = re.compile(f"[{VOWEL_MARKS}]")


def embedding_text(text: str) -> str:
    """What an embedder reads: plain typography, Arabic without harakat and with run-together
    words spaced (``aligner.arabic.spacing``; for models only: the length changes, so never
    for offsets)."""
    return split_run_together(_HARAKAT.sub("", plain_typography(text)))
