"""On-disk cache of spaCy's entity mentions, so that re-checking an article never loads spaCy.

Next to the embedding cache (``entities.sqlite`` in the same folder), and on only where it is:
``pipeline.check_report`` turns it on for a cached embedder, so ``--no-cache`` turns both off.
Rows are keyed by sha1 of the model's identity and the text the model read, and hold the
mentions only (labels, offsets, token tags), never the text. SQLite writes are atomic; a
damaged file is deleted and its mentions computed again, and a cache that cannot be read or
written costs only the computation.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import NamedTuple

FILE_NAME = "entities.sqlite"
_BATCH = 500  # keys per SELECT, below SQLite's host-parameter limit
_FOLDER: ContextVar[Path | None] = ContextVar("aligner_ner_cache", default=None)


class Mention(NamedTuple):
    """One of spaCy's entities, as much of it as the name filter reads: its label, character
    offsets, and each token's (tag, is upper case, length)."""

    label: str
    start: int
    end: int
    tokens: tuple[tuple[str, bool, int], ...]


@contextlib.contextmanager
def entity_cache(folder: Path | None) -> Iterator[None]:
    """Keep the mentions found in the block in ``folder`` (None: no cache)."""
    token = _FOLDER.set(folder)
    try:
        yield
    finally:
        _FOLDER.reset(token)


def cache_folder() -> Path | None:
    return _FOLDER.get()


def key(identity: str, text: str) -> bytes:
    return hashlib.sha1(f"{identity}\x00{text}".encode()).digest()


def _encode(mentions: Sequence[Mention]) -> str:
    return json.dumps([[m.label, m.start, m.end, [list(t) for t in m.tokens]]
                       for m in mentions], separators=(",", ":"))


def _decode(value: str) -> list[Mention]:
    out = []
    for label, start, end, tokens in json.loads(value):
        toks = tuple((tag, upper, n) for tag, upper, n in tokens)
        if not (isinstance(label, str) and type(start) is int and type(end) is int
                and all(isinstance(t, str) and type(u) is bool and type(n) is int
                        for t, u, n in toks)):
            raise ValueError("not a mention")
        out.append(Mention(label, start, end, toks))
    return out


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=60)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE IF NOT EXISTS mentions (key BLOB PRIMARY KEY, v TEXT NOT NULL)")
    return conn


def _discard_if_damaged(path: Path, exc: Exception) -> None:
    """Delete a file SQLite cannot read as a database (an OperationalError, such as a lock
    or a read-only folder, is no damage: the file stays)."""
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{path}{suffix}").unlink()


def read(folder: Path, keys: Sequence[bytes]) -> dict[bytes, list[Mention]]:
    """The stored mentions of those ``keys`` that are stored and readable."""
    path = folder / FILE_NAME
    rows: list[tuple[bytes, str]] = []
    try:
        with contextlib.closing(_connect(path)) as conn:
            unique = list(dict.fromkeys(keys))
            for k in range(0, len(unique), _BATCH):
                chunk = unique[k:k + _BATCH]
                rows += conn.execute(f"SELECT key, v FROM mentions WHERE key IN "
                                     f"({','.join('?' * len(chunk))})", chunk).fetchall()
    except (OSError, sqlite3.Error) as exc:
        _discard_if_damaged(path, exc)
        return {}
    out = {}
    for row_key, value in rows:
        # a damaged row is computed again, and replaced
        with contextlib.suppress(ValueError, TypeError):
            out[bytes(row_key)] = _decode(value)
    return out


def write(folder: Path, found: dict[bytes, list[Mention]]) -> None:
    """Store ``found``; a cache that cannot be written is left as it is."""
    path = folder / FILE_NAME
    try:
        with contextlib.closing(_connect(path)) as conn, conn:
            conn.executemany("INSERT OR REPLACE INTO mentions (key, v) VALUES (?, ?)",
                             [(k, _encode(v)) for k, v in found.items()])
    except (OSError, sqlite3.Error) as exc:
        _discard_if_damaged(path, exc)
