"""Arabic number words as written: which readings a written word allows (its vowel marks
and hamza), and whether a word continues the number read so far."""

from __future__ import annotations

from aligner.typography import ARABIC_MARKS

_DAMMA = "\u064f"
_SHADDA = "\u0651"
_HAMZA_ALIF = "أإآ"
#: ordinals that never head a teen: أول عشر is "the first ten", the eleventh is الحادي عشر
NOT_TEEN_ORDINALS = ("اول", "اولي")


def _letters(raw: str) -> list[tuple[str, str]]:
    """(letter, vowel marks after it) of an Arabic word as written (tatweel left out)."""
    out: list[tuple[str, str]] = []
    for ch in raw.replace("\u0640", ""):
        if ARABIC_MARKS.fullmatch(ch) and out:
            out[-1] = (out[-1][0], out[-1][1] + ch)
        elif not ARABIC_MARKS.fullmatch(ch):
            out.append((ch, ""))
    return out


def reading_fits(raw: str, key: str, stem: str, art: bool, cat: str) -> bool:
    """Whether the written word allows a reading of its folded key: an article reading needs
    a plain alif (ألستون is not ال + ستون), and a tens word never has a damma on its first
    letter (الخُمسين is two fifths, not fifty), and a multiplier never a shadda."""
    letters = _letters(raw)
    if not raw or len(letters) != len(key):
        return True
    start = len(key) - len(stem) - (0 if key.endswith(stem) else 1)
    if art and start >= 2 and letters[start - 2][0] in _HAMZA_ALIF:
        return False
    if cat in ("scale", "plural", "dual") and any(
            _SHADDA in marks for _, marks in letters[max(start, 0):]):
        return False  # no multiplier has a doubled letter: ألّف is "he wrote", not a thousand
    return not (cat == "tens" and 0 <= start < len(letters) and _DAMMA in letters[start][1])


def ar_continues(cat: str, conj: bool, last: float | None, current: float) -> bool:
    """Whether an Arabic number word extends the number read so far (``last`` is the value of
    the previous word): with و a smaller part follows a larger one, or tens follow units
    (خمسة وعشرون); without و come teens (ثلاثة عشر), hundreds (ثلاث مئة) and multipliers."""
    if last is None:
        return True
    if conj:
        if cat in ("unit", "ord"):
            return last >= 100
        if cat == "tens":
            return last < 10 or last >= 100
        if cat in ("hundreds", "hundred", "dual"):
            return last >= 1000
        return cat == "half"
    if cat == "ten":
        return last < 10
    if cat == "hundred":
        return 3 <= last <= 9
    if cat == "scale":
        return True
    return cat == "plural" and 3 <= current <= 10

