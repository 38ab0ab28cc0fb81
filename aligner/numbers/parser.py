"""The number parser: every reader tried at each token, in order."""

from __future__ import annotations

from aligner.numbers.digits import DigitReader
from aligner.numbers.mention import NumberMention
from aligner.numbers.words import WordReader


class Parser(DigitReader, WordReader):
    """Digits and words of one text, read left to right."""

    def run(self) -> list[NumberMention]:
        out: list[NumberMention] = []
        i = 0
        while i < len(self.toks):
            for step in (self._at_month_then_number, self._at_fraction, self._at_slash_date,
                         self._at_number, self._at_ar_decade, self._at_ar_dual,
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
        return out



def extract_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every number mentioned in ``text`` (digits in any script, number words in English and
    Arabic, vague quantities), in text order, with spans into ``text``."""
    return Parser(text, lang).run()
