"""Atomic file output: write to a temporary file beside the target, then rename, so that a
crash or a bad input never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from aligner.records import AlignerError


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "w",
                encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """Open a temporary file for writing; it replaces ``path`` only if the block succeeds."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        # mkdir under a file says "File exists" or "Not a directory": name the file instead
        blocking = next((p for p in target.parents if p.exists()), None)
        problem = (f"{blocking} is a file, not a folder" if blocking and not blocking.is_dir()
                   else exc.strerror or str(exc))
        raise AlignerError(str(target), f"cannot write here: {problem}") from exc
    binary = "b" in mode
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are for others to read
        with os.fdopen(fd, mode, encoding=None if binary else encoding,
                       newline=None if binary else "") as handle:
            yield handle
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and exc.filename in (None, tmp, str(target)):
            # writing this file failed (disk full, quota, I/O error): one line, not a traceback
            raise AlignerError(str(target), f"cannot write: {exc.strerror or exc}") from exc
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    with atomic_open(path) as handle:
        handle.write(text)


def ensure_writable_dir(path: str | os.PathLike[str]) -> Path:
    """Create ``path`` if needed and prove it is writable, before any work is done."""
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise AlignerError(str(out), "is a file, not an output directory")
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as exc:
        raise AlignerError(str(out), f"output directory is not writable: {exc.strerror or exc}") \
            from exc
    return out
