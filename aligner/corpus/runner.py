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
from collections.abc import Callable, Iterator
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
    ReadJob,
    ReadResult,
    WorkConfig,
    align_task,
    embed_task,
    file_sha256,
    read_task,
)
from aligner.embed.known import KnownVectors
from aligner.fsutil import ensure_writable_dir
from aligner.pairing import PairingParams

Progress = Callable[[str, int, int], None]
#: Sentences per document-embedding task: big enough to batch well, small enough to spread.
EMBED_BATCH = 256


def run_corpus(inputs: Path | Inputs, out_dir: Path, config: WorkConfig, engine: Engine, *,
               export: ExportOptions = ExportOptions(),
               progress: Progress | None = None) -> RunSummary:
    """Pair, align and check everything under ``inputs`` (a folder or manifest, or what
    ``load_inputs`` found there); state and outputs in ``out_dir``.

    Unreadable inputs are recorded as failed and the rest of the run goes on.
    """
    started = time.perf_counter()
    tick = progress or (lambda stage, done, total: None)
    out = ensure_writable_dir(out_dir)
    wanted = inputs if isinstance(inputs, Inputs) else load_inputs(inputs)
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
            vectors = _pair_documents(store, wanted, engine, tick)
        with _timed(summary, "align"):
            summary.aligned, summary.reused = _align_pairs(store, engine, tick, vectors)
            _fill_shares(store)
        with _timed(summary, "outputs"):
            summary.files = write_outputs(store, out, export, summary)
        summary.failed = store.failures()
        summary.unpaired = store.unpaired()
        summary.legacy_encoded = store.legacy_encoded()
        summary.cleaned = store.cleaned()
        summary.pages = store.pages()
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
    todo: list[ReadJob] = []
    hashes: dict[str, str | None] = {}  # by file: a bilingual file's two sides share one
    for n, path in enumerate(paths, 1):
        row = known.get(path)
        source = bilingual_file(path)
        if source not in hashes:
            try:
                hashes[source] = file_sha256(source)
            except OSError:
                hashes[source] = None  # the read task records why
        sha = hashes[source]
        if row is None or sha is None or row.sha256 != sha:
            todo.append(ReadJob(path, sha))
        tick("hash", n, len(paths))
    result: ReadResult
    for n, result in enumerate(engine.map_unordered(read_task, todo), 1):
        store.save_document(result.path, result.sha256, result.side, result.error)
        tick("read", n, len(todo))
    return len(todo)


def _pair_documents(store: RunStore, wanted: Inputs, engine: Engine,
                    tick: Progress) -> dict[str, np.ndarray]:
    """Known pairs from the manifest, plus pairing of the single files (redone only when the
    set of pairable documents or the settings changed). Returns the sentence vectors pairing
    computed, by path, for alignment to reuse (none when an earlier pairing was reused)."""
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
    vectors: dict[str, np.ndarray] = {}
    if store.get_meta("pairing_key") == key and stored is not None:
        found = json.loads(stored)
    else:
        found, vectors = _run_pairing(store, pool, engine, tick)
        with store.transaction():
            store.set_meta("pairing", json.dumps(found, ensure_ascii=False))
            store.set_meta("pairing_key", key)
    pairs += [WantedPair(p["src"], p["tgt"], "pairing", p["score"], p["evidence"])
              for p in found["pairs"]]
    store.sync_pairs(pairs, [(u["path"], u["reason"]) for u in found["unpaired"]])
    return vectors


def _run_pairing(store: RunStore, pool: list[str], engine: Engine,
                 tick: Progress) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Pairing of ``pool``, and the sentence vectors of its documents by path. The workers
    embed; the driver pairs with their vectors, so it needs no model of its own."""
    from aligner.pairing import pair_documents

    sides = {p: store.side(p) for p in pool}
    vectors: dict[str, np.ndarray] = {}
    signature = ""
    batches = list(_batches([(p, tuple(s.texts)) for p, s in sides.items()]))
    result: EmbedResult
    for n, result in enumerate(engine.map_unordered(embed_task, batches), 1):
        vectors.update(result.vectors)
        signature = result.signature
        tick("embed", n, len(batches))
    lookup = KnownVectors({tuple(sides[p].texts): v for p, v in vectors.items()}, signature)
    pairing = pair_documents([(s.document, s.segments) for s in sides.values()], lookup)
    return pairing.to_json(), vectors


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


def _align_pairs(store: RunStore, engine: Engine, tick: Progress,
                 vectors: dict[str, np.ndarray]) -> tuple[int, int]:
    """Align every pending pair, on the sentence vectors pairing computed where there are
    (``vectors``, by path); each result is committed as soon as it arrives."""
    pending = store.pending_pairs()
    reused = len(store.pairs()) - len(pending)

    def jobs() -> Iterator[AlignJob]:
        for pair_id, src, tgt in pending:
            yield AlignJob(pair_id, store.side(src), store.side(tgt), vectors.get(src),
                           vectors.get(tgt))

    result: AlignResult
    for n, result in enumerate(engine.map_unordered(align_task, jobs()), 1):
        if result.error is not None:
            store.save_error(result.pair_id, result.error)
        else:
            store.save_result(result.pair_id, result.signature, result.links, result.findings,
                              result.translated_share)
        tick("align", n, len(pending))
    return len(pending), reused


def _fill_shares(store: RunStore) -> None:
    """``translated_share`` of the pairs done before the store kept it: computed once, kept."""
    from aligner.pairing import translated_share

    for pair in store.pairs():
        if pair.status == "done" and pair.translated_share is None:
            report = store.report(pair)
            store.save_share(pair.id, translated_share(report.links, report.src.segments,
                                                       report.tgt.segments))


def bilingual_file(path: str) -> str:
    """The file a stored document comes from: a bilingual file for one of its sides."""
    found = split_side(path)
    return found[0] if found else path

