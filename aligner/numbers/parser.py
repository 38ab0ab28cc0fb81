"""The number parser: every reader tried at each token, in order."""

from __future__ import annotations

from functools import lru_cache

from aligner.numbers.digits import DigitReader
from aligner.numbers.lexicon import AR_DUAL_SCALES, AR_PLURAL_SCALES, AR_SCALES
from aligner.numbers.mention import NumberMention
from aligner.numbers.tokens import ar_readings, tokens
from aligner.numbers.words import WordReader


class Parser(DigitReader, WordReader):
    """Digits and words of one text, read left to right."""

    def run(self) -> list[NumberMention]:
        out: list[NumberMention] = []
        i = 0
        while i < len(self.toks):
            for step in (self._at_month_then_number, self._at_fraction, self._at_slash_date,
                         self._at_number, self._at_ar_decade, self._at_ar_compound,
                         self._at_ar_dual,
                         self._at_ar_fraction, self._at_vague, self._at_roman,
                         self._at_en_fraction, self._at_en_words,
                         self._at_ar_words):
                found = step(i)
                if found is not None:
                    mentions, i = found
                    out.extend(mentions)
                    break
            else:
                i += 1
        return self._join_scaled(out)

    def _join_scaled(self, found: list[NumberMention]) -> list[NumberMention]:
        """"مليون و200 ألف", "3 آلاف و500": a figure with a multiplier, و, and a smaller figure
        are one number (1,200,000; 3,500), as number words joined by و are."""
        out: list[NumberMention] = []
        for m in found:
            prev = out[-1] if out else None
            if prev is not None and len(prev.values) == len(m.values) == 1 and \
                    self.text[prev.end:m.start].strip() == "و" and prev.unit is None and \
                    prev.kind == "cardinal" and m.kind in ("cardinal", "currency") and \
                    not m.approx and 0 < m.value < self._multiplier(prev) <= prev.value:
                out[-1] = NumberMention((prev.value + m.value,), m.kind, prev.start, m.end,
                                        self.text[prev.start:m.end], m.unit,
                                        spelled=prev.spelled or m.spelled, approx=prev.approx,
                                        bound=prev.bound)
            else:
                out.append(m)
        return out

    def _multiplier(self, m: NumberMention) -> float:
        """The multiplier word a mention ends its figure with (1000 for "3 آلاف", "ألفين")."""
        scale = 1.0
        for t in tokens(m.text):
            for stem, _c, _a in ar_readings(t.key):
                scale = max(scale, AR_SCALES.get(stem, 1.0), AR_PLURAL_SCALES.get(stem, 1.0),
                            AR_DUAL_SCALES.get(stem, 2.0) / 2)
        return scale



def extract_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every number mentioned in ``text`` (digits in any script, number words in English and
    Arabic, vague quantities), in text order, with spans into ``text``."""
    return list(_numbers(text, lang))


@lru_cache(maxsize=4096)
def _numbers(text: str, lang: str) -> tuple[NumberMention, ...]:
    """Memoised: three checks (and partial omission, clause by clause) read the same texts."""
    return tuple(Parser(text, lang).run())
