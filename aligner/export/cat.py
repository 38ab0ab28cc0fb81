"""What the CAT-file writers (TMX, XLIFF 2.1, XLIFF 1.2, through translate-toolkit) share:
text made safe for XML, the languages, one unit per row with its notes, the atomic write."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from aligner.export.base import CorpusRow, corpus_langs
from aligner.fsutil import atomic_open


def strip_invalid_xml(text: str) -> str:
    """XML 1.0 forbids most control characters and U+FFFE, U+FFFF; drop them rather than
    write a broken file (a carriage return stays: lxml writes it as &#13;, so it reads back)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or 0x20 <= ord(ch) < 0xFFFE
                   or ord(ch) > 0xFFFF)


def cat_langs(rows: list[CorpusRow]) -> tuple[str, str]:
    """The file's source and target languages (ar, en for an empty corpus)."""
    return corpus_langs(rows, empty=("ar", "en"))


def add_units(store: Any, rows: list[CorpusRow], origin: str | None = None,
              **source_options: Any) -> Iterator[tuple[int, CorpusRow, Any]]:
    """Add each row to ``store`` as a unit (source, target, the pair's findings as notes) and
    yield (number from 1, row, unit) for the format to name it and add its properties."""
    for n, row in enumerate(rows, 1):
        unit = store.addsourceunit(strip_invalid_xml(row.src_text), **source_options)
        unit.target = strip_invalid_xml(row.tgt_text)
        for text in row.notes:
            unit.addnote(strip_invalid_xml(text), origin=origin)
        yield n, row, unit


def write_store(store: Any, path: Path) -> list[Path]:
    """The serialised file, written atomically."""
    with atomic_open(path, "wb", encoding=None) as out:
        out.write(bytes(store))
    return [path]
