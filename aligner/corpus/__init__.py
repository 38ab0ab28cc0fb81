"""The corpus run (``aligner run`` / ``aligner export``): inputs, the run store, the per-item
tasks and the engines that run them, the driver, and the outputs derived from the store."""

from aligner.corpus.engines import Engine, make_engine
from aligner.corpus.export import ExportResult, export_corpus
from aligner.corpus.finished import finished, pair_names, reviewed_report
from aligner.corpus.manifest import Inputs, load_inputs
from aligner.corpus.runner import run_corpus
from aligner.corpus.store import STORE_NAME, PairRow, RunStore, WantedPair
from aligner.corpus.summary import ExportOptions, PairOutcome, RunSummary
from aligner.corpus.tasks import WorkConfig

__all__ = [
    "STORE_NAME", "Engine", "ExportOptions", "ExportResult", "Inputs", "PairOutcome", "PairRow",
    "RunStore", "RunSummary", "WantedPair", "WorkConfig", "export_corpus", "finished",
    "load_inputs", "make_engine", "pair_names", "reviewed_report", "run_corpus",
]
