"""The export options that the corpus commands ('align', 'run', 'export') share, each declared
once; where the commands word one differently, the wording is a parameter."""

from __future__ import annotations

from typing import Any

import typer

FORMAT_NAMES = "jsonl,tsv,moses,tmx,xliff (2.1),xliff12,parquet."
CORPUS_FORMATS = "jsonl,tsv,moses,tmx"  # what 'align --out' and 'run' write unless told


def format_opt(default: str = CORPUS_FORMATS, lead: str = "Corpus formats:") -> Any:
    """``--format``: the comma-separated formats to write, ``default`` unless told."""
    return typer.Option(default, "--format", help=f"{lead} {FORMAT_NAMES}")


def min_score_opt(text: str = "Export only links scoring at least this.") -> Any:
    """``--min-score``: the lowest link score exported."""
    return typer.Option(None, help=text)


KEEP_NULLS_OPT: Any = typer.Option(False, "--keep-nulls", help="Export 1-0 / 0-1 links too.")
