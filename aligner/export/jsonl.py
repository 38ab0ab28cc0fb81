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
                out.write(json.dumps(row.to_json(), ensure_ascii=False) + "\n")
        return [path]
