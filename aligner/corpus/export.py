"""``aligner export``: a run's finished pairs as training data, filtered, with the filter
settings in the signature."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aligner.corpus.finished import finished, reviewed_report
from aligner.corpus.store import STORE_NAME, RunStore
from aligner.export.base import CorpusRow, corpus_rows, export_rows
from aligner.export.filters import Filters, apply_filters
from aligner.fsutil import atomic_write_text, ensure_writable_dir
from aligner.records import AlignerError
from aligner.signature import signature_string


@dataclass
class ExportResult:
    rows: int
    dropped: dict[str, int]
    files: list[Path]
    signature: dict[str, Any]


def export_corpus(run_dir: Path, dest: Path, stem: str, formats: Iterable[str],
                  filters: Filters, keep_rejected: bool = False) -> ExportResult:
    """Export the finished pairs of a run, filtered for training; the filter settings are part
    of the signature, written with the row counts to ``STEM.export.json``. The reviewer's
    corrected links are exported, without the sentence pairs of rejected findings unless
    ``keep_rejected``."""
    if not (run_dir / STORE_NAME).is_file():
        raise AlignerError(str(run_dir), f"not a run directory (no {STORE_NAME}); "
                                         "make one with 'aligner run'")
    ensure_writable_dir(dest)
    with RunStore(run_dir) as store:
        rows: list[CorpusRow] = []
        base: dict[str, Any] = {}
        for name, pair, report in finished(store):
            rows += corpus_rows(reviewed_report(store, pair, report, keep_rejected), name,
                                keep_nulls=True, keep_chrome=True)
            base = base or report.signature
    kept, dropped = apply_filters(rows, filters)
    signature = {k: v for k, v in base.items() if k != "string"}
    signature["filters"] = filters.to_json()
    if keep_rejected:
        signature["keep_rejected"] = True
    signature["string"] = signature_string(signature)
    files = export_rows(kept, dest, stem, formats, signature)
    sidecar = dest / f"{stem}.export.json"
    atomic_write_text(sidecar, json.dumps(
        {"signature": signature, "rows": len(kept), "candidates": len(rows),
         "dropped": dict(sorted(dropped.items())), "files": [p.name for p in files]},
        ensure_ascii=False, indent=1) + "\n")
    return ExportResult(len(kept), dict(dropped), [*files, sidecar], signature)
