"""The parser's cursor over the tokens of one text, and what every reader of a number asks of
it: the words around a figure (hedges, bounds, units, percent, a.m./p.m.) and dates."""

from __future__ import annotations

import re

from aligner.numbers.lexicon import (
    AR_AGE,
    AR_AGE_HEDGE,
    AR_AM_PM,
    AR_AND_HALF,
    AR_BOUNDS,
    AR_HUNDRED_DEF,
    AR_OF,
    AR_ORD,
    AR_PER,
    AR_PERCENT,
    AR_SQUARE,
    AR_TEN,
    AR_TENS,
    AR_UP_TO,
    DEGREE_SCALES,
    DEGREES,
    EN_AM_PM,
    EN_PERCENT,
    EN_SQUARE,
    HEDGES,
    MONTHS_AR,
    MONTHS_AR2,
    MONTHS_EN,
    POUND_COUNTRIES,
    UNITS,
)
from aligner.numbers.mention import NumberMention
from aligner.numbers.tokens import DIGITS, Tok, ar_readings, tokens

# groups of three digits after a first group that is not 0: 15.000 and 1.234.567, not 0.300
_DOT_GROUPS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_LENGTHS = frozenset(("km", "mi", "m", "ft", "yd", "cm"))  # units that square into an area


class Cursor:
    """A cursor over the tokens of one text; each ``_at_*`` method of a parser either consumes a
    mention starting at ``i`` and returns it with the next index, or returns None."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.toks = tokens(text)

    def tok(self, i: int) -> Tok | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def key(self, i: int) -> str:
        t = self.tok(i)
        return t.key if t else ""

    def mention(self, values: tuple[float, ...], kind: str, i: int, j: int, **kw: object
                ) -> NumberMention:
        """A mention covering tokens i..j-1."""
        start, end = self.toks[i].start, self.toks[j - 1].end
        return NumberMention(values, kind, start, end, self.text[start:end], **kw)  # type: ignore[arg-type]

    def hedged(self, i: int) -> bool:
        if self.key(i - 1) == AR_AGE_HEDGE and self.key(i - 2) in AR_AGE:
            return False  # عن عمر يناهز 37 عامًا is the set phrase for "aged 37", not "about"
        if (self.key(i - 2), self.key(i - 1)) in (("up", "to"), ("close", "to")):
            return True  # but "rose to 110" is exact
        return any(self.key(k) in HEDGES for k in (i - 1, i - 2))

    def bound(self, i: int) -> str | None:
        """"min" or "max" when the mention at token i is a bound ("more than 800"), else None."""
        keys = (self.key(i - 1), self.key(i - 2))
        if keys[0] in ("over", "above", "least") or (keys[0] == "than" and keys[1] == "more"):
            return "min"
        if (keys[0] == "than" and keys[1] in ("less", "fewer")) or keys[0] in ("under", "below") \
                or keys == ("to", "up") or \
                keys == AR_UP_TO:
            return "max"  # "up to", "ما يصل إلى"
        for k in keys:
            for stem, _c, _a in ar_readings(k):
                if stem in AR_BOUNDS:
                    return AR_BOUNDS[stem]
        return None

    def _digits(self, i: int) -> float | None:
        """Value of a digit token: ',' groups of three are thousands, '.' the decimal mark, but
        for dots between groups of three (1.234.567; in Arabic text also 15.000)."""
        t = self.tok(i)
        if t is None or t.kind != "num":
            return None
        s = t.text.translate(DIGITS)
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
            return float(s.replace(",", ""))
        if _DOT_GROUPS.fullmatch(s) and (self.lang == "ar" or s.count(".") > 1):
            return float(s.replace(".", ""))
        if self.lang == "ar" and re.fullmatch(r"\d+,\d+", s):
            return float(s.replace(",", "."))  # Arabic texts also use ',' as the decimal mark
        if self.lang != "ar":
            s = s.replace(",", "")  # a mistyped grouping (150,7000) is still one number
        lead = re.match(r"\d+(?:\.\d+)?", s)
        return float(lead.group()) if lead else None

    def _digits_alt(self, i: int) -> float | None:
        """The other reading of a digit token with one dot before three digits (15.000 is 15000
        or 15, whichever ``_digits`` did not take), else None."""
        t = self.tok(i)
        s = t.text.translate(DIGITS) if t is not None and t.kind == "num" else ""
        if not _DOT_GROUPS.fullmatch(s) or s.count(".") != 1:
            return None
        return float(s) if self.lang == "ar" else float(s.replace(".", ""))

    def _percent_words(self, j: int) -> int:
        """How many tokens at j spell "percent" (%, ٪, per cent, بالمئة, في المائة), or 0."""
        k = self.key(j)
        if k in ("%", "٪") or k in EN_PERCENT or k in AR_PERCENT:
            return 1
        if (k, self.key(j + 1)) == ("per", "cent") or (
                k == AR_PER and self.key(j + 1) in AR_HUNDRED_DEF):
            return 2
        return 0

    def _am_pm(self, j: int) -> tuple[int, int] | None:
        """Hours to add for a following a.m./p.m./صباحًا mark, and the index after it."""
        k = self.key(j)
        if k in ("am", "pm"):
            return EN_AM_PM[k], j + 1
        if k in ("a", "p") and self.key(j + 1) == "." and self.key(j + 2) == "m":
            return EN_AM_PM[k], j + 3 + (self.key(j + 3) == ".")
        if k in AR_AM_PM:
            return AR_AM_PM[k], j + 1
        return None

    def _ar_half(self, j: int) -> bool:
        t = self.tok(j)
        return bool(t and t.kind == "word" and t.key in AR_AND_HALF)

    def _unit(self, j: int) -> tuple[str | None, int]:
        t = self.tok(j)
        degree = self._temperature(j) if t is not None else None
        if degree is not None:
            return degree
        if t is None or t.kind != "word":
            return None, j
        nxt = self.key(j + 1)
        if t.key in EN_SQUARE and nxt in UNITS and UNITS[nxt] in _LENGTHS:
            return UNITS[nxt] + "2", j + 2  # square kilometres, sq mi: an area
        unit, end = self._plain_unit(j)
        if unit in _LENGTHS and self.key(end) in AR_SQUARE:
            return unit + "2", end + 1  # كيلومترا مربعا
        return unit, end

    def _plain_unit(self, j: int) -> tuple[str | None, int]:
        t = self.toks[j]
        nxt = self.key(j + 1)
        if t.key in ("pound", "pounds") and nxt == "sterling":
            return "GBP", j + 2
        if t.key in UNITS:
            return UNITS[t.key], j + 1
        if t.key in POUND_COUNTRIES and nxt in ("pound", "pounds"):
            return POUND_COUNTRIES[t.key], j + 2
        if t.key == "us" and nxt in ("dollar", "dollars"):
            return "USD", j + 2
        for stem, _conj, _art in ar_readings(t.key)[1:]:
            if stem in UNITS:
                return UNITS[stem], j + 1
        return None, j

    def _temperature(self, j: int) -> tuple[str, int] | None:
        """40C, 40°F, 40 degrees Celsius, 40 درجة مئوية: degrees (Celsius unless said)."""
        t, prev = self.toks[j], self.tok(j - 1)
        if t.text == "°":
            scale = self.key(j + 1)
            return ("degF", j + 2) if scale == "f" else ("degC", j + 1 + (scale == "c"))
        if t.text in ("C", "F") and prev is not None and prev.kind == "num" and t.attached(prev):
            return ("degC" if t.text == "C" else "degF"), j + 1
        if t.key in DEGREES:
            scale = self.key(j + 1)
            if scale in DEGREE_SCALES:
                return DEGREE_SCALES[scale], j + 2
            return "degC", j + 1
        if t.key in DEGREE_SCALES:
            return DEGREE_SCALES[t.key], j + 1
        return None

    def _ar_century_number(self, j: int) -> tuple[int, int] | None:
        """(number, index after) of a century's ordinal at j: العشرين 20, التاسع عشر 19,
        الحادي والعشرين 21; else None."""
        def stem_in(k: int, table: dict[str, int] | dict[str, float]) -> float | None:
            return next((table[s] for s, _c, _a in ar_readings(self.key(k)) if s in table),
                        None)
        tens = stem_in(j, AR_TENS)
        if tens is not None:
            return int(tens), j + 1
        unit = stem_in(j, AR_ORD)
        if unit is None:
            return None
        if stem_in(j + 1, AR_TEN) is not None:
            return int(unit) + 10, j + 2
        tens = stem_in(j + 1, AR_TENS)
        return (int(unit + tens), j + 2) if tens is not None else None

    # -- dates

    def _month(self, i: int) -> tuple[int, int] | None:
        """Month number at token i and the index after its name."""
        t = self.tok(i)
        if t is None or t.kind != "word":
            return None
        if (t.key, self.key(i + 1)) in MONTHS_AR2:
            return MONTHS_AR2[(t.key, self.key(i + 1))], i + 2
        if t.key in MONTHS_EN and t.text[0].isupper():
            return MONTHS_EN[t.key], i + 1 + (self.key(i + 1) == ".")
        for stem, _c, _a in ar_readings(t.key):
            if stem in MONTHS_AR:
                return int(MONTHS_AR[stem]), i + 1
        return None

    def _maybe_date(self, m: NumberMention, j: int) -> tuple[NumberMention, int]:
        """A day number followed by a month name ("9 February", "30 من سبتمبر") is a date."""
        k = j + (self.key(j) in ("of", AR_OF))
        month = self._month(k)
        if month is None or not (1 <= m.value <= 31):
            return m, j
        i = next(n for n, t in enumerate(self.toks) if t.start == m.start)
        return self.mention(m.values, "date", i, month[1], unit=f"month={month[0]}"), month[1]

