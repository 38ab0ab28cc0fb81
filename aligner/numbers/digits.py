"""Numbers written with digits: with their currency, scale, unit or percent sign, ranges,
fractions, slash dates, times, ordinals (47th, الـ47), Roman numerals."""

from __future__ import annotations

import itertools
import re

from aligner.numbers.cursor import Cursor
from aligner.numbers.lexicon import (
    AR_BETWEEN,
    AR_CENTURY,
    AR_HOUR,
    AR_OF,
    AR_ORD_ARTICLE,
    AR_PLURAL_SCALES,
    AR_RANGE_TO,
    AR_SCALES,
    AR_YEAR_MARK,
    CURRENCY_ONLY_SCALES,
    CURRENCY_SYMBOLS,
    EN_DIGIT_SCALES,
    MONEY,
    ROMAN,
    ROMAN_VALUES,
)
from aligner.numbers.mention import NumberMention
from aligner.numbers.tokens import DIGITS, tokens

_SLASHES = ("/", "\u2044")  # the fraction slash of 8 1⁄2
_DASHES = ("-", "–")


def _code_prefix(word: str) -> bool:
    """Whether a word hyphened to digits makes them a code (COVID-19, SARS-CoV-2, F-16,
    كوفيد-19) rather than a figure ("mid-2020")."""
    if word.isascii():
        upper = sum(c.isupper() for c in word)
        return upper >= 2 or (len(word) == 1 and upper == 1)
    return len(word) >= 2

class DigitReader(Cursor):
    """The ``_at_*`` steps that start at a digit (or a month name, a Roman numeral)."""

    def _slash_pair(self, i: int) -> bool:
        """Two numbers joined by one slash, written without spaces ("2/3", "9/11"), and not part
        of a longer slash chain such as the full date 1/2/2001."""
        a, slash, b = self.tok(i), self.tok(i + 1), self.tok(i + 2)
        if a is None or slash is None or b is None or a.kind != "num" or b.kind != "num" or \
                slash.text not in _SLASHES or not (slash.attached(a) and b.attached(slash)):
            return False
        before, after = self.tok(i - 1), self.tok(i + 3)
        return not ((before and before.text == "/" and a.attached(before)) or (
            after and after.text == "/" and after.attached(b)))

    def _at_fraction(self, i: int) -> tuple[list[NumberMention], int] | None:
        """A digit fraction "2/3", "3/4" (not 9/11, 24/7 or a date like 1/2/2001). After a whole
        number ("220 2/3 innings") it is the fractional part of a mixed number, which a
        translation may round away: weak."""
        if not self._slash_pair(i):
            return None
        before = self.tok(i - 1)
        num, den = self._digits(i), self._digits(i + 2)
        if num is None or den not in (2, 3, 4, 5, 8) or not (0 < num < den and num.is_integer()):
            return None
        mixed = before is not None and before.kind == "num"
        return [self.mention((num / den,), "fraction", i, i + 3, weak=mixed)], i + 3

    def _at_slash_date(self, i: int) -> tuple[list[NumberMention], int] | None:
        """A day and month with a slash, month first in English ("9/11", "7/7"), day first in
        Arabic ("11/9"); "24/7" (round the clock) is weak. Full dates (1/2/2001) are left."""
        if not self._slash_pair(i):
            return None
        x, y = self._digits(i), self._digits(i + 2)
        if (x, y) == (24, 7):
            return [self.mention((24.0,), "cardinal", i, i + 3, weak=True)], i + 3
        month, day = (y, x) if self.lang == "ar" else (x, y)
        if month is None or day is None or not (month.is_integer() and day.is_integer()
                                                and 1 <= month <= 12 and 1 <= day <= 31):
            return None
        return [self.mention((day,), "date", i, i + 3, unit=f"month={int(month)}")], i + 3

    def _at_roman(self, i: int) -> tuple[list[NumberMention], int] | None:
        """A Roman numeral after a name: "Benedict XVI" = بنديكت السادس عشر, "World War II".
        Weak: a translation may drop it, or it may be an abbreviation."""
        t, prev = self.toks[i], self.tok(i - 1)
        if t.kind != "word" or not t.text or not ROMAN.fullmatch(t.text) or prev is None or \
                (len(t.text) < 2 and t.text != "I"):
            return None
        after_roman = prev.text in _DASHES and t.attached(prev) and i >= 2 and \
            self.toks[i - 2].kind == "word" and bool(ROMAN.fullmatch(self.toks[i - 2].text))
        # a word hyphened to it: "type-II" (as "Type II")
        after_hyphen = prev.text in _DASHES and t.attached(prev) and i >= 2 and \
            self.toks[i - 2].kind == "word" and self.toks[i - 2].text.isascii() and \
            prev.attached(self.toks[i - 2])
        # after a word ("Type I", "angiotensin II") or another numeral ("Phase II-III")
        if not (after_roman or after_hyphen or (prev.kind == "word" and prev.text.isascii())):
            return None
        value = sum(ROMAN_VALUES[c] for c in t.text)
        value -= 2 * sum(ROMAN_VALUES[c] for c, d in itertools.pairwise(t.text)
                         if ROMAN_VALUES[c] < ROMAN_VALUES[d])
        return [self.mention((float(value),), "ordinal", i, i + 1, weak=True)], i + 1

    def _at_number(self, i: int) -> tuple[list[NumberMention], int] | None:
        """A digit number with its prefix (currency, %), scale, suffix and unit; or a range
        ("3 to 6 inches", "between 2 and 3 million", "3-6"), whose ends share scale and unit."""
        first = self._number(i)
        if first is None:
            return None
        m, j = first
        if self._code_digits(i):
            return [m], j  # COVID-19 إلى 29 مليون: no range starts at a code's digits
        join = self.tok(j)
        if m.kind == "year" and join and join.text in ("-", "–") and join.attached(
                self.toks[j - 1]):
            end = self._digits(j + 1)
            if end is not None and re.fullmatch(r"\d{2}|\d{4}", self.toks[j + 1].text):
                end = end + m.value // 100 * 100 if end < 100 else end  # 1950-53
                if end > m.value:
                    return [self.mention((m.value, end), "year", i, j + 2)], j + 2
        if m.kind not in ("cardinal", "currency", "percent") or join is None:
            return [m], j
        between = self.key(i - 1) in ("between", AR_BETWEEN)
        if not (join.key in ("to", "–", *AR_RANGE_TO)
                or (join.key in ("and", "و") and between)
                or (join.text == "-" and join.attached(self.toks[j - 1]))):
            return [m], j
        second = self._number(j + 1)
        if second is None:
            return [m], j
        n, k = second
        low = m.value
        if m.kind == "cardinal" and m.unit is None:
            scale = self._scale_of(n)
            if low * scale <= n.value:
                low *= scale
        if not low < n.value or n.kind not in ("cardinal", "currency", "percent"):
            return [m], j
        kind = n.kind if m.kind == "cardinal" else m.kind
        return [NumberMention((low, n.value), kind, m.start, n.end, self.text[m.start:n.end],
                              n.unit or m.unit, approx=m.approx, bound=m.bound)], k

    def _code_digits(self, i: int) -> bool:
        """Whether the digits at i end a code: a word hyphened to them (COVID-19, كوفيد-19)."""
        t, prev, word = self.toks[i], self.tok(i - 1), self.tok(i - 2)
        return bool(prev and word and prev.text in _DASHES and t.attached(prev)
                    and prev.attached(word) and word.kind == "word"
                    and _code_prefix(word.text))

    def _scale_of(self, m: NumberMention) -> float:
        """The multiplier a scaled mention carries (1 when none), read from its own tokens."""
        for t in tokens(m.text):
            scale = EN_DIGIT_SCALES.get(t.key) or AR_SCALES.get(t.key) or \
                AR_PLURAL_SCALES.get(t.key)
            if scale:
                return scale
        return 1.0

    def _number(self, i: int) -> tuple[NumberMention, int] | None:
        value, alt = self._digits(i), self._digits_alt(i)
        if value is None:
            return None
        t = self.toks[i]
        start_i, j = i, i + 1
        kind, unit = "cardinal", None
        prev = self.tok(i - 1)
        if self._code_digits(i):
            return self.mention((value,), "cardinal", i, i + 1), i + 1  # no scale: كوف-2 مليون
        if prev and prev.kind == "sym" and prev.text in CURRENCY_SYMBOLS:
            start_i, kind, unit = i - 1, "currency", CURRENCY_SYMBOLS[prev.text]
        elif prev and prev.text in ("%", "٪") and t.attached(prev):
            start_i, kind = i - 1, "percent"  # "٪5": Arabic puts the sign first
        elif prev and prev.key in AR_ORD_ARTICLE and t.attached(prev):
            start_i, kind = i - 1, "ordinal"  # الـ47
        scale = 1.0
        nt = self.tok(j)
        # time: 12:55, 7 a.m., 7.55am, الساعة 7 صباحًا
        if nt and nt.text == ":" and self._digits(j + 1) is not None and len(
                self.toks[j + 1].text) == 2 and nt.attached(t):
            value += self._digits(j + 1) / 100  # type: ignore[operator]
            kind, j = "time", j + 2
        ampm = self._am_pm(j)
        if ampm is not None:
            hours, j = ampm
            return self.mention((value,), "time", start_i, j, unit=f"+{hours}"), j
        if kind == "time" or self.key(i - 1) == AR_HOUR:
            return self.mention((value,), "time", start_i, j), j
        # ordinal suffix 47th / decade 1930s
        nt = self.tok(j)
        dim = j + (nt is not None and nt.text == "-" and nt.attached(t))
        if self.key(dim) == "d" and self.toks[dim].attached(self.toks[dim - 1]) and \
                value in (2, 3, 4):  # 3D, 3-D: a count inside an adjective
            return self.mention((value,), "cardinal", start_i, dim + 1, weak=True), dim + 1
        if nt and nt.attached(t) and nt.key in ("st", "nd", "rd", "th") and value.is_integer():
            return self._maybe_date(self.mention((value,), "ordinal", start_i, j + 1), j + 1)
        if nt and nt.attached(t) and nt.key == "s" and value % 10 == 0:
            return self.mention((value,), "decade", start_i, j + 1), j + 1
        if nt and nt.text == "'" and self.key(j + 1) == "s" and value % 10 == 0:
            return self.mention((value,), "decade", start_i, j + 2), j + 2
        mixed = False
        # a mixed number: 8 1/2, 8 1⁄2 (its whole part the other reading: a translation may
        # round the fraction away, "220 2/3 innings" = 220 شوطًا)
        if self._slash_pair(j) and self.toks[j].start > t.end and alt is None:
            num, den = self._digits(j), self._digits(j + 2)
            if num is not None and den is not None and 0 < num < den <= 16:
                value, alt, j, mixed = value + num / den, value, j + 3, True
        # scale: 1.5 million, 2.8bn, £125m, 300 ألف; "$300+ billion" is more than $300bn
        nt = self.tok(j)
        plus = nt is not None and nt.text == "+" and nt.attached(self.toks[j - 1]) and \
            self.tok(j + 1) is not None and self.toks[j + 1].kind == "word"
        if plus:
            j += 1
            nt = self.tok(j)
        if nt and nt.kind == "word":
            scale = (EN_DIGIT_SCALES.get(nt.key) or AR_SCALES.get(nt.key)
                     or AR_PLURAL_SCALES.get(nt.key)
                     or (CURRENCY_ONLY_SCALES.get(nt.key) if unit in MONEY else None) or 1.0)
            if scale == 1 and plus:
                j -= 1
                plus = False
            if scale > 1:
                if alt is not None and value > alt and not mixed:
                    value, alt = alt, value  # 1.500 مليون: 1.5 million rather than 1.5 billion
                value *= scale
                alt = alt * scale if alt is not None else None
                j += 1
                half = self._ar_half(j)
                if half:
                    value += scale / 2
                    alt = alt + scale / 2 if alt is not None else None
                    j += 1
        # percent
        nt = self.tok(j)
        pct = self._percent_words(j)
        if pct:
            kind, j = "percent", j + pct
            if alt is not None and value > 100 >= alt:
                value, alt = alt, value  # 99.999 %: a share, not ninety-nine thousand
        year_like = kind == "cardinal" and scale == 1 and re.fullmatch(
            r"1\d{3}|20\d{2}", t.text.translate(DIGITS))
        if year_like and self.key(j) in AR_YEAR_MARK and self.toks[j].attached(t):
            return self.mention((value,), "year", start_i, j + 1), j + 1  # 2020م
        if year_like and value % 10 == 0:
            century = self._century_after(j)
            if century is not None and century[0] == value // 100 + 1:
                return self.mention((value,), "decade", start_i, century[1]), century[1]
        if year_like and self._unit(j)[0] is None:
            return self.mention((value,), "year", start_i, j), j
        # unit / currency word
        if kind != "percent":
            u, j2 = self._unit(j)
            if u:
                unit, j = u, j2
                if u in MONEY:
                    kind = "currency"
                if scale == 1 and self._ar_half(j):
                    value, alt, j = value + 0.5, None, j + 1  # 3 سنوات ونصف
        approx = self.hedged(start_i)
        m = self.mention((value,), kind, start_i, j, unit=unit, approx=approx,
                         bound="min" if plus else self.bound(start_i), alt=alt)
        if kind == "cardinal" and 1 <= value <= 31 and value.is_integer():
            return self._maybe_date(m, j)
        return m, j

    def _century_after(self, j: int) -> tuple[int, int] | None:
        """(century, index after) of "من القرن العشرين" / "القرن التاسع عشر" at j: what
        "1940 من القرن العشرين" (the 1940s) says its digits' century is, else None."""
        j += self.key(j) == AR_OF
        if self.key(j) != AR_CENTURY:
            return None
        cent = self._ar_century_number(j + 1)
        return None if cent is None else (cent[0], cent[1])

    def _at_month_then_number(self, i: int) -> tuple[list[NumberMention], int] | None:
        """"February 9" and "Oct. 2"; a bare two-word month name (كانون الثاني) is consumed so
        that its الثاني is not read as an ordinal."""
        month = self._month(i)
        if month is None:
            return None
        num, j = month
        day = self._digits(j)
        if day is not None and 1 <= day <= 31 and day.is_integer() and not re.fullmatch(
                r"\d{4}", self.toks[j].text):
            end = j + 1 + (self.key(j + 1) in ("st", "nd", "rd", "th"))
            return [self.mention((day,), "date", i, end, unit=f"month={num}")], end
        if j - i == 2:
            return [], j
        return None

