"""Tables built from data files at start-up (the Buckwalter lexicon, the name index, the Arabic
word costs), compiled once into a pickle under the cache directory and loaded from it after.

A file is named by the table, the package version and the size and time of every source it was
built from (the data files and the module that builds it), so a new release, new data or an
edited builder makes a new file. Written atomically; where the cache cannot be read or written
the table is built as before, at the old cost, and nothing fails.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from aligner import __version__

T = TypeVar("T")
CACHE_ENV = "ALIGNER_CACHE"


def table_path(name: str, sources: Iterable[str | os.PathLike[str]]) -> Path:
    """Where ``name`` built from ``sources`` is (or would be) kept."""
    digest = hashlib.sha256(__version__.encode())
    for source in sources:
        try:
            stat = os.stat(source)
            digest.update(f"{source}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
        except OSError:
            digest.update(f"{source}\0missing\0".encode())
    env = os.environ.get(CACHE_ENV)
    root = Path(env) if env else Path.home() / ".cache" / "aligner"
    return root / "tables" / f"{name}-{__version__}-{digest.hexdigest()[:16]}.pickle"


def compiled(name: str, sources: Iterable[str | os.PathLike[str]], build: Callable[[], T]) -> T:
    """``build()``, or what an earlier call with the same sources stored."""
    path = table_path(name, sources)
    # missing, unreadable or damaged: build it again
    with contextlib.suppress(Exception), path.open("rb") as handle:
        return pickle.load(handle)  # type: ignore[no-any-return]
    value = build()
    with contextlib.suppress(Exception):  # a read-only home or a full disk: not worth failing
        from aligner.fsutil import atomic_open

        with atomic_open(path, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        for old in path.parent.glob(f"{name}-*.pickle"):  # other versions' or sources'
            if old != path:
                old.unlink(missing_ok=True)
    return value
