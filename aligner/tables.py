"""Tables built from data files at start-up (the Buckwalter lexicon, the name index, spaCy's
stop words), compiled once into a pickle under the cache directory and loaded from it after;
or, for a table looked up a few words at a time (the Arabic word costs), into a file the
caller reads (``compiled_file``: a SQLite database).

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
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from aligner import __version__

T = TypeVar("T")
CACHE_ENV = "ALIGNER_CACHE"


def table_path(name: str, sources: Iterable[str | os.PathLike[str]],
               suffix: str = ".pickle") -> Path:
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
    return root / "tables" / f"{name}-{__version__}-{digest.hexdigest()[:16]}{suffix}"


def _drop_others(path: Path, name: str) -> None:
    """Delete the files of ``name`` other than ``path`` (other versions' or sources')."""
    other = re.compile(re.escape(name) + r"-[^-]+-[0-9a-f]{16}\.\w+")
    for old in path.parent.glob(f"{name}-*"):
        if old != path and other.fullmatch(old.name):
            old.unlink(missing_ok=True)


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
        _drop_others(path, name)
    return value


def compiled_file(name: str, sources: Iterable[str | os.PathLike[str]],
                  build: Callable[[Path], None], suffix: str) -> Path | None:
    """A file that ``build(path)`` wrote for these sources, written once and kept like the
    pickles (for tables looked up, not loaded whole); None where the cache cannot be written."""
    path = table_path(name, sources, suffix)
    if path.is_file():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return None
    os.close(fd)
    try:
        from aligner.fsutil import _umask

        build(Path(tmp))
        os.chmod(tmp, 0o666 & ~_umask())  # as the pickles: mkstemp makes 0600
        os.replace(tmp, path)
    except Exception:  # a full disk: the caller builds the table in memory
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return None
    with contextlib.suppress(OSError):
        _drop_others(path, name)
    return path
