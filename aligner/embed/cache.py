"""On-disk embedding cache: re-aligning or re-checking a corpus should not embed a sentence twice.

Vectors are stored as float16 blobs in SQLite (WAL mode, one connection per process), keyed by
sha1 of the embedder signature and the text, so a model or option change never serves stale
vectors. Location: ``cache_dir`` argument, else ``$ALIGNER_CACHE``, else ``~/.cache/aligner``.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from aligner.embed.base import Embedder, normalize_rows
from aligner.records import AlignerError
from aligner.typography import embedding_text

_BATCH = 500  # keys per SELECT, below SQLite's host-parameter limit


def default_cache_dir() -> Path:
    env = os.environ.get("ALIGNER_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "aligner"


class CachedEmbedder:
    """Wraps an embedder; same protocol. ``hits``/``misses`` count texts served / computed."""

    def __init__(self, embedder: Embedder, cache_dir: str | os.PathLike[str] | None = None) -> None:
        self.inner = embedder
        self.name = embedder.name
        self.dim = embedder.dim
        self.hits = 0
        self.misses = 0
        self._sig = embedder.signature()
        directory = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AlignerError(str(directory), f"cannot create the embedding cache folder "
                                               f"({exc.strerror or exc}); set ALIGNER_CACHE "
                                               "elsewhere or use --no-cache") from exc
        self.path = directory / "embeddings.sqlite"
        self._lock = threading.Lock()
        self._pid = -1
        self._conn: sqlite3.Connection | None = None

    def _db(self) -> sqlite3.Connection:
        # a connection must not cross a fork: reopen in a child process
        if self._conn is None or self._pid != os.getpid():
            conn = sqlite3.connect(self.path, timeout=60, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("CREATE TABLE IF NOT EXISTS vec (key BLOB PRIMARY KEY, v BLOB NOT NULL)")
            self._conn, self._pid = conn, os.getpid()
        return self._conn

    def _unusable(self, exc: sqlite3.DatabaseError) -> AlignerError:
        """A damaged, foreign or unwritable cache file: say which, and how to go on."""
        return AlignerError(str(self.path), f"embedding cache unusable ({exc}); delete the "
                                            "file, or use --no-cache")

    def _key(self, text: str) -> bytes:
        return hashlib.sha1(f"{self._sig}\x00{text}".encode()).digest()

    def signature(self) -> str:
        return self._sig

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        # keyed by the text the model reads: "Morales’s" and "Morales's" share one vector
        texts = [embedding_text(t) for t in texts]
        keys = [self._key(t) for t in texts]
        found: dict[bytes, np.ndarray] = {}
        with self._lock:
            try:
                db = self._db()
                unique = list(dict.fromkeys(keys))
                for k in range(0, len(unique), _BATCH):
                    chunk = unique[k:k + _BATCH]
                    marks = ",".join("?" * len(chunk))
                    rows = db.execute(f"SELECT key, v FROM vec WHERE key IN ({marks})",
                                      chunk).fetchall()
                    for key, blob in rows:
                        found[key] = np.frombuffer(blob, dtype=np.float16)
            except sqlite3.DatabaseError as exc:
                raise self._unusable(exc) from exc
        todo = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in found))
        if todo:
            fresh = np.asarray(self.inner.embed(todo), dtype=np.float32)
            with self._lock:
                try:
                    db = self._db()
                    with db:
                        db.executemany("INSERT OR REPLACE INTO vec (key, v) VALUES (?, ?)",
                                       [(self._key(t), v.astype(np.float16).tobytes())
                                        for t, v in zip(todo, fresh, strict=True)])
                except sqlite3.DatabaseError as exc:
                    raise self._unusable(exc) from exc
            # keep what was stored, so that a rerun sees identical vectors
            for t, v in zip(todo, fresh, strict=True):
                found[self._key(t)] = v.astype(np.float16)
        self.misses += len(todo)
        self.hits += len(texts) - len(todo)
        for row, key in enumerate(keys):
            out[row] = found[key]
        # float16 storage: renormalise so rows stay unit length
        return normalize_rows(out)
