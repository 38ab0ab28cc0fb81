"""Numbers written with words: English and Arabic cardinals, ordinals, fractions, decades,
Arabic duals, and vague quantities ("dozens", "عشرات")."""

from __future__ import annotations

import re
from collections.abc import Mapping

from aligner.numbers.ar_words import NOT_TEEN_ORDINALS, ar_continues, reading_fits
from aligner.numbers.cursor import Cursor
from aligner.numbers.lexicon import (
    AR_ALPHA,
    AR_CENTURY,
    AR_COMPOUNDS,
    AR_DECADES,
    AR_DUAL_NOUNS,
    AR_DUAL_SCALES,
    AR_FRACTIONS,
    AR_HALF,
    AR_HUNDRED,
    AR_HUNDREDS,
    AR_LAST,
    AR_OF,
    AR_ORD,
    AR_PERCENT,
    AR_PLURAL_FRACTIONS,
    AR_PLURAL_SCALES,
    AR_PRONOUN_SUFFIXES,
    AR_SCALES,
    AR_TEEN_HEADS,
    AR_TEN,
    AR_TENS,
    AR_TWO,
    AR_UNITS,
    AR_VAGUE,
    DUAL_UNIT,
    EN_COMPOUND_HEADS,
    EN_DECADE_DETERMINERS,
    EN_DECADE_PARTS,
    EN_DECADES,
    EN_DENOMINATORS,
    EN_DIMENSIONS,
    EN_IMPLICIT_COUNTS,
    EN_MULTIPLIERS,
    EN_ORD,
    EN_SCALES,
    EN_SMALL,
    EN_TENS,
    EN_VAGUE,
    MONEY,
)
from aligner.numbers.mention import NumberMention
from aligner.numbers.tokens import ar_readings


class WordReader(Cursor):
    """The ``_at_*`` steps that start at a word."""

    def _at_vague(self, i: int) -> tuple[list[NumberMention], int] | None:
        t = self.toks[i]
        if t.kind != "word":
            return None
        k = t.key
        if k in EN_VAGUE:
            if k in ("few", "couple", "dozen", "handful") and self.key(i - 1) != "a":
                return None
            lo, hi = EN_VAGUE[k]
            j = i + 1
            if self.key(i + 1) == "of" and self.key(i + 2) in ("thousands", "millions"):
                scale = EN_VAGUE[self.key(i + 2)][0]
                lo, hi, j = lo * scale, hi * scale, i + 3
            elif k in ("several", "few") and self.key(j) in EN_MULTIPLIERS:
                scale = EN_MULTIPLIERS[self.key(j)]  # several million, a few hundred
                lo, hi, j = lo * scale, hi * scale, j + 1
            if k == "tens" and j == i + 1:
                return None
            start = i - 1 if self.key(i - 1) == "a" else i
            return [self.mention((lo, hi), "vague", start, j)], j
        for stem, _c, _a in ar_readings(k):
            if stem in AR_VAGUE:
                lo, hi = AR_VAGUE[stem]
                j = i + 1
                nxt = self.tok(j)
                if nxt is not None:
                    for s2, _c2, _a2 in ar_readings(nxt.key):
                        if s2 in AR_PLURAL_SCALES:
                            scale = AR_PLURAL_SCALES[s2]
                            lo, hi, j = lo * scale, hi * scale, j + 1
                            break
                return [self.mention((lo, hi), "vague", i, j)], j
        return None

    def _at_en_fraction(self, i: int) -> tuple[list[NumberMention], int] | None:
        """"a third of", "one quarter of", "two thirds", "three-quarters": fractions, not the
        ordinal of "a third term" (weak, like Arabic fractions: as often figures of speech)."""
        k, nxt = self.key(i), self.key(i + 1)
        of_scale = self._en_part_of_scale(i + (k in ("a", "one")))
        if of_scale is not None:
            return of_scale
        if k in ("a", "one") and nxt in EN_DENOMINATORS and self.key(i + 2) == "of":
            return [self.mention((1 / EN_DENOMINATORS[nxt],), "fraction", i, i + 2,
                                 spelled=True, weak=True)], i + 2
        if k == "one" and nxt == "-" and self.key(i + 2) in EN_DENOMINATORS:  # one-third
            return [self.mention((1 / EN_DENOMINATORS[self.key(i + 2)],), "fraction", i, i + 3,
                                 spelled=True, weak=True)], i + 3
        j = i + 1 + (nxt == "-")
        plural = self.key(j)
        if k in EN_SMALL and 2 <= EN_SMALL[k] < 10 and plural.endswith("s") and \
                plural[:-1] in EN_DENOMINATORS and EN_SMALL[k] < EN_DENOMINATORS[plural[:-1]]:
            value = EN_SMALL[k] / EN_DENOMINATORS[plural[:-1]]
            return [self.mention((value,), "fraction", i, j + 1, spelled=True, weak=True)], j + 1
        return None

    def _en_part_of_scale(self, i: int) -> tuple[list[NumberMention], int] | None:
        """"half a million", "a half-million", "a quarter of a billion dollars": the part of a
        multiplier (not the weak fraction "half")."""
        part = {"half": 0.5, "quarter": 0.25}.get(self.key(i))
        if part is None:
            return None
        j = i + 1
        while self.key(j) in ("-", "a", "of") and j < i + 4:
            j += 1
        if self.key(j) not in EN_SCALES:
            return None
        value = part * EN_SCALES[self.key(j)]
        unit, end = self._unit(j + 1)
        kind = "currency" if unit in MONEY else "cardinal"
        return [self.mention((value,), kind, i, end, unit=unit, spelled=True,
                             approx=self.hedged(i), bound=self.bound(i))], end

    def _en_decade_determined(self, i: int) -> bool:
        """Whether the decade word at i follows "the" or a possessive, maybe with early, mid or
        late between ("the eighties", "in her late seventies"), not a bare "eighties"."""
        j = i - 1
        while self.key(j) in EN_DECADE_PARTS and j > i - 3:
            j -= 1
        return self.key(j) in EN_DECADE_DETERMINERS

    def _en_and_a_half(self, j: int) -> int:
        """How many tokens at j say "and a half" (three and a half, three-and-a-half), or 0."""
        keys = [self.key(n) for n in range(j, j + 6)]
        spaced = keys[:3] == ["and", "a", "half"]
        hyphened = keys == ["-", "and", "-", "a", "-", "half"]
        return 3 if spaced else 6 if hyphened else 0

    def _at_en_words(self, i: int) -> tuple[list[NumberMention], int] | None:
        """English number words: "twenty-five", "three hundred and twelve", "a million",
        ordinals ("forty-seventh") and decades ("the eighties")."""
        t = self.toks[i]
        if t.kind != "word" or not t.text.isascii():
            return None
        k = t.key
        start = i
        if k == "a" and self.key(i + 1) in ("hundred", *EN_SCALES):
            i += 1
            k = self.key(i)
        if k in EN_DECADES and self._en_decade_determined(start):
            return [self.mention((EN_DECADES[k],), "decade", start, i + 1, spelled=True)], i + 1
        of_scale = self._en_part_of_scale(i)
        if of_scale is not None:
            return of_scale
        if k == "half" or k == "twice":
            kind, val = ("fraction", 0.5) if k == "half" else ("cardinal", 2.0)
            return [self.mention((val,), kind, start, i + 1, spelled=True, weak=True)], i + 1
        if k in EN_IMPLICIT_COUNTS and start == i:  # trimester = 3 months, a decade
            return [self.mention((float(EN_IMPLICIT_COUNTS[k]),), "cardinal", i, i + 1,
                                 spelled=True, weak=True)], i + 1
        compound = re.fullmatch(r"(two|three|four|five|six|seven|eight|nine|ten)"
                                r"(fold|somes?|balls?)", k)
        if compound:  # threefold, foursomes: a number inside an English word
            v = EN_SMALL[compound.group(1)]
            return [self.mention((v,), "cardinal", i, i + 1, spelled=True, weak=True)], i + 1
        if k in EN_ORD:
            v = EN_ORD[k]
            m = self.mention((v,), "ordinal", start, i + 1, spelled=True, weak=v <= 2)
            return [m], i + 1
        total, current, last, j, kind = 0.0, 0.0, None, i, "cardinal"
        while True:
            k = self.key(j)
            if k in EN_SMALL or k in EN_TENS or k in EN_ORD:
                v = next(d[k] for d in (EN_SMALL, EN_TENS, EN_ORD) if k in d)
                if last is not None and not (last >= 100 or (last in EN_TENS.values()
                                                            and v < 10)):
                    break
                current += v
                last = v
                j += 1
                if k in EN_ORD:
                    kind = "ordinal"
                    break
            elif k == "hundred" and (last is None or last < 100):
                current = max(current, 1) * 100
                last, j = 100.0, j + 1
            elif k in EN_SCALES and (last is not None or j == i):
                total += max(current, 1) * EN_SCALES[k]
                current, last, j = 0.0, EN_SCALES[k], j + 1
            else:
                break
            half = self._en_and_a_half(j)
            if half and kind == "cardinal":  # three and a half (million), a million and a half
                if current:
                    current += 0.5
                else:
                    total += (last or 0) / 2
                j += half
                continue
            # continue over "-" (twenty-five) and "and" (three hundred and twelve)
            sep = self.tok(j)
            after = self.key(j + 1)
            if sep and ((sep.text == "-" and (after in EN_SMALL or after in EN_ORD))
                        or (sep.key == "and" and last is not None and last >= 100
                            and (after in EN_SMALL or after in EN_TENS))):
                j += 1
        if j == i:
            return None
        value = total + current
        end = j
        unit, end2 = self._unit(end)
        if kind == "cardinal" and unit:
            end = end2
        pct = self._percent_words(end)
        if kind == "cardinal" and pct:
            kind, end = "percent", end + pct
        weak = kind == "cardinal" and (value <= 2 or (end == j and self._en_compound(end))
                                       or (j == start + 1 and self._in_title(start)))
        m = self.mention((value,), kind, start, end, unit=unit if end == end2 else None,
                         spelled=True, approx=self.hedged(start), weak=weak,
                         bound=self.bound(start))
        if kind in ("cardinal", "ordinal") and value <= 31:
            m, end = self._maybe_date(m, end)
        return [m], end

    def _ar_word(self, key: str, next_key: str = "", raw: str = ""
                 ) -> tuple[str, float, bool, bool] | None:
        """(category, value, had و, had ال) of an Arabic number word, clitics stripped
        (``raw``, the word as written, rules out readings its hamza or vowels forbid)."""
        for stem, conj, art in ar_readings(key):
            if stem == AR_TWO and art:
                return None  # الاثنين is Monday
            if key in AR_PERCENT:
                return None  # بالمئة is "percent", not ب + مئة
            if stem in AR_TEEN_HEADS:
                return ("unit", AR_TEEN_HEADS[stem], conj, art) if any(
                    s in AR_TEN for s, _c, _a in ar_readings(next_key)) else None
            for cat, lex in (("unit", AR_UNITS), ("ten", AR_TEN), ("tens", AR_TENS),
                             ("hundreds", AR_HUNDREDS), ("hundred", AR_HUNDRED),
                             ("scale", AR_SCALES), ("plural", AR_PLURAL_SCALES),
                             ("dual", AR_DUAL_SCALES), ("ord", AR_ORD), ("half", AR_HALF)):
                if stem in lex:
                    if cat == "dual" and art and stem.endswith(("ا", "ي")):
                        break  # الألفي is "millennial": a dual takes ال only as ألفين
                    if not reading_fits(raw, key, stem, art, cat):
                        break
                    return cat, lex[stem], conj, art
        return None

    def _at_ar_decade(self, i: int) -> tuple[list[NumberMention], int] | None:
        """ثلاثينيات القرن العشرين = the 1930s (the century defaults to the twentieth)."""
        t = self.toks[i]
        if t.kind != "word":
            return None
        for stem, _c, _a in ar_readings(t.key):
            if stem in AR_DECADES:
                value, j = 1900 + AR_DECADES[stem], i + 1
                if self.key(j) == AR_OF and self.key(j + 1) == AR_CENTURY:
                    j += 1  # الثمانينيات من القرن الماضي
                if self.key(j) == AR_CENTURY:
                    w = self._ar_word(self.key(j + 1))
                    if w and w[0] == "tens":  # العشرين
                        j += 2
                    elif w and w[0] == "ord" and self._ar_word(self.key(j + 2)):  # التاسع عشر
                        value -= 100
                        j += 3
                    elif self.key(j + 1) == AR_LAST:
                        j += 2
                digits = self._digits(j)
                if digits is not None and digits in (value, value % 100):
                    j += 1  # التسعينيات 1990: the decade with its digits beside it
                return [self.mention((value,), "decade", i, j, spelled=True)], j
        return None

    def _at_ar_fraction(self, i: int) -> tuple[list[NumberMention], int] | None:
        """النصف, ثلث, ربع: fractions (weak, they are as often figures of speech)."""
        t = self.toks[i]
        if t.kind != "word":
            return None
        unit = self._unit(i - 1)[0] if i > 0 else None
        if unit and self._ar_half(i):  # ساعة ونصف = an hour and a half
            kind = "currency" if unit in MONEY else "cardinal"
            return [self.mention((1.5,), kind, i - 1, i + 1, unit=unit, spelled=True,
                                 weak=True)], i + 1
        plural = self._ar_plural_fraction(i)
        if plural is not None:
            return plural
        for stem, _c, _a in ar_readings(t.key):
            if stem not in AR_FRACTIONS:
                stem = _without_pronoun(stem, AR_FRACTIONS)
                if stem in AR_FRACTIONS:  # ثلثيهم, نصفها: a fraction of something named before
                    return [self.mention((AR_FRACTIONS[stem],), "fraction", i, i + 1,
                                         spelled=True, weak=True)], i + 1
            if stem in AR_FRACTIONS:
                scale = AR_SCALES.get(self.key(i + 1))
                if scale:  # نصف مليون = 500,000, not "half" and "a million"
                    unit, end = self._unit(i + 2)
                    kind = "currency" if unit in MONEY else "cardinal"
                    return [self.mention((AR_FRACTIONS[stem] * scale,), kind, i, end, unit=unit,
                                         spelled=True, approx=self.hedged(i),
                                         bound=self.bound(i))], end
                return [self.mention((AR_FRACTIONS[stem],), "fraction", i, i + 1, spelled=True,
                                     weak=True)], i + 1
        return None

    def _ar_plural_fraction(self, i: int) -> tuple[list[NumberMention], int] | None:
        """A count and a plural denominator, a pronoun perhaps attached: ثلاثة أرباع (three
        quarters), ثلاثة أرباعهم (three quarters of them); weak, as the English fraction is."""
        count = next((AR_UNITS[s] for s, _c, _a in ar_readings(self.key(i)) if s in AR_UNITS),
                     None)
        if count is None or self.tok(i + 1) is None:
            return None
        for stem, _c, _a in ar_readings(self.key(i + 1)):
            stem = _without_pronoun(stem, AR_PLURAL_FRACTIONS)
            den = AR_PLURAL_FRACTIONS.get(stem)
            if den is not None and 0 < count < den:
                return [self.mention((count / den,), "fraction", i, i + 2, spelled=True,
                                     weak=True)], i + 2
        return None

    def _at_ar_compound(self, i: int) -> tuple[list[NumberMention], int] | None:
        """An adjective made from a number: ثلاثية الأبعاد, ثنائي (weak: the count is implicit,
        "3D", "bilateral", "a duo")."""
        t = self.toks[i]
        if t.kind != "word":
            return None
        for stem, _c, _a in ar_readings(t.key):
            if stem in AR_COMPOUNDS:
                return [self.mention((float(AR_COMPOUNDS[stem]),), "cardinal", i, i + 1,
                                     spelled=True, weak=True)], i + 1
        return None

    def _in_title(self, i: int) -> bool:
        """Whether the number word at i is capitalised before a capitalised word that is no
        number or unit: a place or a title ("Thousand Oaks", "Three Rivers"), or a headline."""
        t, nxt = self.toks[i], self.tok(i + 1)
        if nxt is not None and nxt.text in ("'", "’") and self.key(i + 2) == "s":
            nxt = self.tok(i + 3)  # "Three's Company": the possessive is part of the title
        return bool(t.text[:1].isupper() and nxt is not None and nxt.kind == "word"
                    and nxt.text[:1].isupper() and nxt.text.isascii()
                    and self._unit(i + 1)[0] is None and nxt.key not in EN_SMALL
                    and nxt.key not in EN_MULTIPLIERS and nxt.key not in EN_TENS)

    def _en_compound(self, j: int) -> bool:
        """Whether a spelled number ending before token j is part of an adjective:
        three-dimensional, three dimensional, two-way (not a six-point lead)."""
        if self.key(j) in EN_DIMENSIONS:
            return True
        return self.key(j) == "-" and self.key(j + 1) in EN_COMPOUND_HEADS

    def _at_ar_dual(self, i: int) -> tuple[list[NumberMention], int] | None:
        """A dual noun: يومين = two days, مرتين = twice (weak: duals are also just plurals)."""
        t = self.toks[i]
        if t.kind != "word":
            return None
        for stem, _c, _a in ar_readings(t.key):
            if stem in AR_DUAL_NOUNS:
                if self._ar_half(i + 1):  # عامين ونصف: two and a half years, no mere plural
                    return [self.mention((2.5,), "cardinal", i, i + 2,
                                         unit=DUAL_UNIT.get(stem[:-2]), spelled=True)], i + 2
                return [self.mention((2.0,), "cardinal", i, i + 1, unit=DUAL_UNIT.get(stem[:-2]),
                                     spelled=True, weak=True)], i + 1
        return None

    def _at_ar_words(self, i: int) -> tuple[list[NumberMention], int] | None:
        """Arabic number words, read right to left as written: units before tens joined by و
        (خمسة وعشرون), teens without (ثلاثة عشر), multipliers after (ثلاثة آلاف, مليون ونصف),
        duals (ألفين, مئتين), ordinals (الحادي عشر, الرابعة والثلاثين)."""
        t = self.toks[i]
        if t.kind != "word" or t.text.isascii():
            return None
        first = self._ar_word(t.key, self.key(i + 1), t.text)
        if first is None or first[0] in ("plural", "half"):
            return None
        if first[0] == "scale" and any(s == AR_ALPHA for s, _c, _a in ar_readings(t.key)):
            return None  # ألفا without a count before it: alpha (فيروسات كورونا ألفا)
        total, current, last, last_cat, kind = 0.0, 0.0, None, "", "cardinal"
        j = part_start = i
        scale_used = float("inf")
        while True:
            tj = self.tok(j)
            w = self._ar_word(self.key(j), self.key(j + 1), tj.text if tj else "")
            if w is None or (j > i and not ar_continues(w[0], w[2], last, current)):
                break
            if w[0] == "ten" and last_cat == "ord" and any(
                    s in NOT_TEEN_ORDINALS for s, _c, _a in ar_readings(self.key(j - 1))):
                break
            cat, v, _conj, _art = w
            if cat in ("scale", "plural"):
                if v >= scale_used:  # ثلاثة آلاف وخمسة آلاف: two numbers, not one
                    current, j = 0.0, part_start
                    break
                scale_used = v
            elif current == 0:
                part_start = j
            if cat in ("unit", "ord", "ten", "tens", "hundreds"):
                current += v
                kind = "ordinal" if cat == "ord" else kind
            elif cat == "hundred":
                current = current * 100 if last is not None and last < 10 else current + 100
            elif cat == "dual":
                total += v
            elif cat in ("scale", "plural"):
                total += max(current, 1) * v
                current = 0.0
            elif last is not None:  # half: مليون ونصف, ألفين ونصف, ثلاثة ونصف
                half = {"dual": last / 4, "scale": last / 2, "plural": last / 2,
                        "hundred": 50.0, "hundreds": 50.0}.get(last_cat, 0.5)
                total += half
            last, last_cat = v, cat
            j += 1
        if j == i:
            return None
        value = total + current
        unit, end = self._unit(j)
        if unit and last_cat in ("unit", "ten", "tens") and self._ar_half(end):
            value, end = value + 0.5, end + 1  # ثلاث سنوات ونصف
        kind_out = "currency" if unit in MONEY else kind
        pct = self._percent_words(end)
        if pct:
            kind_out, end = "percent", end + pct
        weak = value <= 2
        m = self.mention((value,), kind_out, i, end, unit=unit, spelled=True,
                         approx=self.hedged(i), weak=weak, bound=self.bound(i))
        if kind_out in ("cardinal", "ordinal") and value <= 31:
            m, end = self._maybe_date(m, end)
        return [m], end


def _without_pronoun(stem: str, lexicon: Mapping[str, object]) -> str:
    """``stem`` less an attached pronoun when what is left is in ``lexicon`` (ثلثيهم → ثلثي;
    ربعه → ربع); else ``stem``."""
    for suffix in AR_PRONOUN_SUFFIXES:
        if stem.endswith(suffix) and stem[:-len(suffix)] in lexicon:
            return stem[:-len(suffix)]
    return stem
