"""JSON Lines: one link a line with both texts, score and segment ids."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from aligner.export.base import CorpusRow, register_exporter
from aligner.fsutil import atomic_open


@register_exporter("jsonl")
class JsonlExporter:
    name = "jsonl"

    def write(self, rows: list[CorpusRow], out_dir: Path, stem: str,
              signature: dict[str, Any]) -> list[Path]:
        path = out_dir / f"{stem}.jsonl"
        with atomic_open(path) as out:
            for row in rows:
                out.write(_one_line(json.dumps(row.to_json(), ensure_ascii=False)) + "\n")
        return [path]


# line breaks other than \n that json.dumps leaves raw: str.splitlines() and some JSON Lines
# readers break a record at them (found by tests/test_properties.py)
_BREAKS = {ord(c): f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"}


def _one_line(record: str) -> str:
    """A JSON record with every line break escaped (they occur only inside its strings)."""
    return record.translate(_BREAKS)
