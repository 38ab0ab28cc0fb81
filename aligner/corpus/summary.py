"""What a corpus run reports back and what it is asked to write: the run summary, one
finished pair's outcome, and the export options."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aligner.baseline import Acceptance
from aligner.corpus.store import Cleaned


@dataclass
class PairOutcome:
    """One finished pair, as the summary and the index page show it."""

    pair_id: str
    src: str
    tgt: str
    pairing_score: float | None
    evidence: dict[str, Any]
    links: int
    findings: int | None
    translated_share: float  # ``pairing.translated_share``: low for a wrong pair of files
    accepted: int = 0  # findings accepted in a baseline (or left out with ``new_only``)
    worst_open: str | None = None  # the highest severity among the findings not accepted


@dataclass
class RunSummary:
    out_dir: Path
    pairs: list[PairOutcome] = field(default_factory=list)
    unpaired: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    legacy_encoded: list[tuple[str, str]] = field(default_factory=list)  # (path, encoding)
    cleaned: list[Cleaned] = field(default_factory=list)  # text cleaned as it was read
    pages: list[tuple[str, str]] = field(default_factory=list)  # (path, URL) of web pages
    files: list[Path] = field(default_factory=list)
    read: int = 0  # documents read and segmented by this run
    aligned: int = 0  # pairs aligned by this run
    reused: int = 0  # pairs already done by an earlier run
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # wall-clock seconds per stage


@dataclass(frozen=True)
class ExportOptions:
    formats: tuple[str, ...] = ("jsonl", "tsv", "moses", "tmx")
    min_score: float | None = None
    keep_nulls: bool = False
    html: bool = True
    keep_chrome: bool = False
    #: accepted finding ids (``baseline.read_baseline``): marked in every report and page
    accepted: Mapping[str, Acceptance] = field(default_factory=dict)
    new_only: bool = False  # leave accepted findings out of the reports and pages

