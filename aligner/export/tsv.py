"""Tab-separated values: source, target, score and ids, with a header row.

Tabs and newlines inside a sentence are replaced by spaces so every row is one line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aligner.export.base import CorpusRow, corpus_langs, register_exporter
from aligner.fsutil import atomic_open


def one_line(text: str) -> str:
    return " ".join(text.split())


@register_exporter("tsv")
class TsvExporter:
    name = "tsv"

    def write(self, rows: list[CorpusRow], out_dir: Path, stem: str,
              signature: dict[str, Any]) -> list[Path]:
        path = out_dir / f"{stem}.tsv"
        with atomic_open(path) as out:
            src_lang, tgt_lang = corpus_langs(rows)
            out.write(f"{src_lang}\t{tgt_lang}\tscore\tpair\tsrc_ids\ttgt_ids\n")
            for row in rows:
                ids = (",".join(map(str, row.src_ids)), ",".join(map(str, row.tgt_ids)))
                out.write(f"{one_line(row.src_text)}\t{one_line(row.tgt_text)}\t{row.score:.4f}"
                          f"\t{row.pair_id}\t{ids[0]}\t{ids[1]}\n")
        return [path]
