"""``aligner run``: build a parallel corpus from a folder or manifest, resumably.

Stages: hash every input; read and segment new or changed files; pair documents (reused when
the pairable set is unchanged); align and check every pair not yet done; derive the outputs
from the run store. Reading and aligning are engine tasks (local pool or Ray); their results
are written by this driver, one transaction per document or pair. Killed at any point and run
again with the same command, a run redoes only what had not been committed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from aligner.bilingual import split_side
from aligner.corpus.engines import Engine
from aligner.corpus.manifest import Inputs, load_inputs
from aligner.corpus.outputs import write_outputs
from aligner.corpus.store import RunStore, WantedPair
from aligner.corpus.summary import ExportOptions, RunSummary
from aligner.corpus.tasks import (
    AlignJob,
    AlignResult,
    EmbedResult,
    ReadResult,
    WorkConfig,
    align_task,
    embed_task,
    file_sha256,
    read_task,
)
from aligner.fsutil import ensure_writable_dir
from aligner.pairing import PairingParams

Progress = Callable[[str, int, int], None]
#: Sentences per document-embedding task: big enough to batch well, small enough to spread.
EMBED_BATCH = 256


def run_corpus(inputs: Path, out_dir: Path, config: WorkConfig, engine: Engine, *,
               export: ExportOptions = ExportOptions(),
               progress: Progress | None = None) -> RunSummary:
    """Pair, align and check everything under ``inputs``; state and outputs in ``out_dir``.

    Unreadable inputs are recorded as failed and the rest of the run goes on.
    """
    started = time.perf_counter()
    tick = progress or (lambda stage, done, total: None)
    out = ensure_writable_dir(out_dir)
    wanted = load_inputs(inputs)
    summary = RunSummary(out_dir=out)
    with RunStore(out) as store:
        store.lock()
        if store.get_meta("config") != config.key():
            store.reset_results()
            with store.transaction():
                store.set_meta("config", config.key())
        store.set_input_errors(wanted.errors)
        with _timed(summary, "read"):
            summary.read = _read_documents(store, wanted, engine, tick)
        with _timed(summary, "pair"):
            _pair_documents(store, wanted, engine, tick)
        with _timed(summary, "align"):
            summary.aligned, summary.reused = _align_pairs(store, engine, tick)
        with _timed(summary, "outputs"):
            summary.files = write_outputs(store, out, export, summary)
        summary.failed = store.failures()
        summary.unpaired = store.unpaired()
        summary.legacy_encoded = store.legacy_encoded()
        summary.cleaned = store.cleaned()
    summary.seconds = time.perf_counter() - started
    return summary


@contextlib.contextmanager
def _timed(summary: RunSummary, stage: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    summary.stages[stage] = round(time.perf_counter() - started, 2)


def _read_documents(store: RunStore, wanted: Inputs, engine: Engine, tick: Progress) -> int:
    """Hash every input; read and segment only files that are new or changed."""
    paths = wanted.paths
    store.forget_documents(paths)
    known = store.documents()
    todo: list[str] = []
    for n, path in enumerate(paths, 1):
        row = known.get(path)
        try:
            sha: str | None = file_sha256(bilingual_file(path))
        except OSError:
            sha = None  # the read task records why
        if row is None or sha is None or row.sha256 != sha:
            todo.append(path)
        tick("hash", n, len(paths))
    result: ReadResult
    for n, result in enumerate(engine.map_unordered(read_task, todo), 1):
        store.save_document(result.path, result.sha256, result.side, result.error)
        tick("read", n, len(todo))
    return len(todo)


def _pair_documents(store: RunStore, wanted: Inputs, engine: Engine, tick: Progress) -> None:
    """Known pairs from the manifest, plus pairing of the single files (redone only when the
    set of pairable documents or the settings changed)."""
    docs = store.documents()
    ok = {p for p, row in docs.items() if row.error is None}
    pairs: list[WantedPair] = []
    for a, b, source in wanted.pairs:
        if a in ok and b in ok:
            src, tgt = (b, a) if docs[b].lang == "ar" and docs[a].lang != "ar" and \
                split_side(a) is None else (a, b)  # a bilingual file's sides stay as given
            pairs.append(WantedPair(src, tgt, "manifest", None, {"manifest": source}))
    pool = sorted(p for p in dict.fromkeys(wanted.singles) if p in ok)
    key = hashlib.sha256(json.dumps([store.get_meta("config"), PairingParams().to_json(),
                                     [(p, docs[p].sha256) for p in pool]]).encode()).hexdigest()
    stored = store.get_meta("pairing")
    if store.get_meta("pairing_key") == key and stored is not None:
        found = json.loads(stored)
    else:
        found = _run_pairing(store, pool, engine, tick)
        with store.transaction():
            store.set_meta("pairing", json.dumps(found, ensure_ascii=False))
            store.set_meta("pairing_key", key)
    pairs += [WantedPair(p["src"], p["tgt"], "pairing", p["score"], p["evidence"])
              for p in found["pairs"]]
    store.sync_pairs(pairs, [(u["path"], u["reason"]) for u in found["unpaired"]])


def _run_pairing(store: RunStore, pool: list[str], engine: Engine,
                 tick: Progress) -> dict[str, Any]:
    from aligner.pairing import pair_documents

    sides = {p: store.side(p) for p in pool}
    vectors: dict[tuple[str, ...], np.ndarray] = {}
    signature = ""
    batches = list(_batches([(p, tuple(s.texts)) for p, s in sides.items()]))
    result: EmbedResult
    for n, result in enumerate(engine.map_unordered(embed_task, batches), 1):
        for path, vecs in result.vectors.items():
            vectors[tuple(sides[path].texts)] = vecs
        signature = result.signature
        tick("embed", n, len(batches))
    lookup = _Precomputed(vectors, signature)
    pairing = pair_documents([(s.document, s.segments) for s in sides.values()], lookup)
    return pairing.to_json()


def _batches(docs: list[tuple[str, tuple[str, ...]]],
             size: int = EMBED_BATCH) -> Iterator[tuple[tuple[str, tuple[str, ...]], ...]]:
    """Consecutive documents grouped up to about ``size`` sentences per embedding task."""
    batch: list[tuple[str, tuple[str, ...]]] = []
    count = 0
    for doc in docs:
        if batch and count + len(doc[1]) > size:
            yield tuple(batch)
            batch, count = [], 0
        batch.append(doc)
        count += len(doc[1])
    if batch:
        yield tuple(batch)


class _Precomputed:
    """An embedder that serves the document vectors the workers computed, so that pairing in
    the driver needs no model of its own. Looked up by whole document, else sentence by
    sentence (should pairing ever embed other groupings)."""

    name = "precomputed"

    def __init__(self, vectors: dict[tuple[str, ...], np.ndarray], signature: str) -> None:
        self._docs = vectors
        self._texts = {t: v for texts, vecs in vectors.items() for t, v in zip(texts, vecs,
                                                                                strict=True)}
        self._signature = signature
        self.dim = next(iter(vectors.values())).shape[1] if vectors else 0

    def embed(self, texts: Iterable[str]) -> np.ndarray:
        key = tuple(texts)
        if key in self._docs:
            return self._docs[key]
        if not key:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._texts[t] for t in key])

    def signature(self) -> str:
        return self._signature


def _align_pairs(store: RunStore, engine: Engine, tick: Progress) -> tuple[int, int]:
    """Align every pending pair; each result is committed as soon as it arrives."""
    pending = store.pending_pairs()
    reused = len(store.pairs()) - len(pending)

    def jobs() -> Iterator[AlignJob]:
        for pair_id, src, tgt in pending:
            yield AlignJob(pair_id, store.side(src), store.side(tgt))

    result: AlignResult
    for n, result in enumerate(engine.map_unordered(align_task, jobs()), 1):
        if result.error is not None:
            store.save_error(result.pair_id, result.error)
        else:
            store.save_result(result.pair_id, result.signature, result.links, result.findings)
        tick("align", n, len(pending))
    return len(pending), reused


def bilingual_file(path: str) -> str:
    """The file a stored document comes from: a bilingual file for one of its sides."""
    found = split_side(path)
    return found[0] if found else path

