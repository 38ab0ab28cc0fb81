"""Moses plain text: two line-aligned files, ``STEM.<src lang>`` and ``STEM.<tgt lang>``."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Any

from aligner.export.base import CorpusRow, corpus_langs, register_exporter
from aligner.export.tsv import one_line
from aligner.fsutil import atomic_open


@register_exporter("moses")
class MosesExporter:
    name = "moses"

    def write(self, rows: list[CorpusRow], out_dir: Path, stem: str,
              signature: dict[str, Any]) -> list[Path]:
        src_lang, tgt_lang = corpus_langs(rows)
        if src_lang == tgt_lang:
            src_lang, tgt_lang = f"{src_lang}.src", f"{tgt_lang}.tgt"
        paths = [out_dir / f"{stem}.{src_lang}", out_dir / f"{stem}.{tgt_lang}"]
        with ExitStack() as stack:
            src_out, tgt_out = (stack.enter_context(atomic_open(p)) for p in paths)
            for row in rows:
                src_out.write(one_line(row.src_text) + "\n")
                tgt_out.write(one_line(row.tgt_text) + "\n")
        return paths
