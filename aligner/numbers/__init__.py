"""Numbers as a translation QA check sees them: values, not spellings.

A translator may write 1,500 as ١٥٠٠ or ألف وخمسمائة, "$390" as "390 دولارًا", "1.5 million" as
"مليون ونصف", and "two days" as the dual يومين; none of that changes a fact. ``extract_numbers``
turns each mention into a normalised value with a kind, an optional unit and the character span
in the input, so that ``checks.number_mismatch`` can compare the facts and point at the text.

Digits are folded one character for one (Arabic-Indic, Persian, ٫ and ٬), so every span is an
offset into the caller's text. Vague quantities ("dozens", "عشرات", "بضعة") are returned with
kind ``vague`` and a plausible (low, high) range instead of a value: they never contradict a
number, they only excuse one. The words are data, in ``aligner.lang.{en,ar}.numbers``.
"""

from aligner.numbers.mention import KINDS, NumberMention
from aligner.numbers.parser import extract_numbers

__all__ = ["KINDS", "NumberMention", "extract_numbers"]
