"""Atomic output: a file appears whole or not at all, and a failed write is one clear error."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from aligner.fsutil import atomic_open, atomic_write_text
from aligner.records import AlignerError


def test_a_finished_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    atomic_write_text(target, "first")
    atomic_write_text(target, "second")
    assert target.read_text(encoding="utf-8") == "second"
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]


def test_a_full_disk_is_one_clear_error_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "review.html"
    target.write_text("the previous page", encoding="utf-8")
    with pytest.raises(AlignerError) as err, atomic_open(target) as handle:
        handle.write("<html>")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert (err.value.path, err.value.problem) == (str(target),
                                                   "cannot write: No space left on device")
    assert target.read_text(encoding="utf-8") == "the previous page"
    assert [p.name for p in tmp_path.iterdir()] == ["review.html"]


def test_another_file_failing_inside_the_block_keeps_its_own_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError), atomic_open(tmp_path / "corpus.tsv") as handle:
        handle.write((tmp_path / "missing-input.txt").read_text(encoding="utf-8"))
    assert list(tmp_path.iterdir()) == []
