"""No work done twice in ``aligner run``: each sentence embedded once (pairing's vectors serve
alignment and the checks, with the embedding cache off), the inputs listed once and each file
hashed once, and ``translated_share`` computed once per pair and read back from the store."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from run_corpus import ARTICLES, write_collection
from typer.testing import CliRunner

import aligner.corpus.manifest as manifest
import aligner.corpus.runner as runner
import aligner.corpus.tasks as tasks
import aligner.pairing as pairing
import aligner.report.html as html
from aligner.cli import app
from aligner.corpus import ExportOptions, WorkConfig, run_corpus
from aligner.corpus.engines.local import SerialEngine
from aligner.corpus.store import STORE_NAME, RunStore
from aligner.embed.usem3 import USEm3Embedder
from aligner.typography import embedding_text

N_PAIRS = 3


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIGNER_CACHE", str(tmp_path / "cache"))


def test_each_sentence_is_embedded_once_with_the_cache_off(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_collection(tmp_path / "in", N_PAIRS)
    embedded: Counter[str] = Counter()
    model_embed = USEm3Embedder.embed

    def counted(self: USEm3Embedder, texts: Sequence[str]) -> np.ndarray:
        embedded.update(texts)
        return model_embed(self, texts)

    monkeypatch.setattr(USEm3Embedder, "embed", counted)
    config = WorkConfig(embedder="usem3", cache=False, check=True,
                        params=(("verify_with", ""),))  # the verifier is another model
    summary = run_corpus(tmp_path / "in", tmp_path / "out", config, SerialEngine(config),
                         export=ExportOptions(html=False))
    assert summary.aligned == N_PAIRS and all(o.links >= 3 for o in summary.pairs)
    sentences = [embedding_text(s) for article in ARTICLES[:N_PAIRS] for pair in article
                 for s in pair]
    assert {s: embedded[s] for s in sentences} == dict.fromkeys(sentences, 1)


def test_inputs_are_listed_once_and_each_file_hashed_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = tmp_path / "in"
    write_collection(inputs, N_PAIRS)
    rows = ARTICLES[N_PAIRS]
    units = "".join(f'<tu><tuv xml:lang="en"><seg>{en}</seg></tuv>'
                    f'<tuv xml:lang="ar"><seg>{ar}</seg></tuv></tu>\n' for en, ar in rows)
    (inputs / "both.tmx").write_text(  # a bilingual file: two sides, one file
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" '
        f'datatype="plaintext" segtype="sentence"/><body>\n{units}</body></tmx>\n',
        encoding="utf-8")
    listed: list[Path] = []
    hashed: Counter[str] = Counter()
    scan, file_sha256 = manifest._scan, tasks.file_sha256

    def listing(root: Path) -> tuple[list[Path], list[Path]]:  # discover's walk
        listed.append(root)
        return scan(root)

    def hashing(path: str | Path) -> str:
        hashed[str(Path(path).resolve())] += 1
        return file_sha256(path)

    monkeypatch.setattr(manifest, "_scan", listing)
    monkeypatch.setattr(tasks, "file_sha256", hashing)
    monkeypatch.setattr(runner, "file_sha256", hashing)
    result = CliRunner().invoke(app, ["run", str(inputs), "--out", str(tmp_path / "out"),
                                      "-j", "1", "--no-check", "--no-html", "--no-cache",
                                      "--verifier", "none"])
    assert result.exit_code == 0, result.output
    assert f"aligned {N_PAIRS + 1} pair(s)" in result.output
    assert listed == [inputs]
    files = {str(p.resolve()) for p in inputs.rglob("*") if p.is_file()}
    assert len(files) == 2 * N_PAIRS + 1
    assert hashed == Counter(dict.fromkeys(files, 1))


def test_translated_share_is_computed_once_per_pair_and_kept_in_the_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_collection(tmp_path / "in", N_PAIRS)
    out = tmp_path / "out"
    calls: list[int] = []
    share = pairing.translated_share

    def counted(*args: Any, **kwargs: Any) -> float:
        calls.append(1)
        return share(*args, **kwargs)

    monkeypatch.setattr(pairing, "translated_share", counted)
    monkeypatch.setattr(html, "translated_share", counted)
    config = WorkConfig(embedder="usem3", cache=False, check=False,
                        params=(("verify_with", ""),))
    first = run_corpus(tmp_path / "in", out, config, SerialEngine(config),
                       export=ExportOptions(html=True))  # the pages show it too
    assert len(calls) == N_PAIRS
    written = json.loads((out / "pairs.json").read_text(encoding="utf-8"))
    with RunStore(out) as store:
        kept = {p.src_path: p.translated_share for p in store.pairs()}
        reports = {p.src_path: store.report(p) for p in store.pairs()}
    assert {p["src"]: p["translated_share"] for p in written["pairs"]} == \
        {src: round(s or 0, 4) for src, s in kept.items()}
    assert kept == {src: share(r.links, r.src.segments, r.tgt.segments)
                    for src, r in reports.items()}
    assert all(o.translated_share > 0.6 for o in first.pairs)  # translations, every one

    # a store written before the share was kept: filled on the next run, once, and kept
    with RunStore(out) as store, store.transaction():
        store.db.execute("UPDATE pairs SET share = NULL")
    calls.clear()
    again = run_corpus(tmp_path / "in", out, config, SerialEngine(config),
                       export=ExportOptions(html=False))
    assert (again.aligned, len(calls)) == (0, N_PAIRS)
    assert json.loads((out / "pairs.json").read_text(encoding="utf-8"))["pairs"] == \
        written["pairs"]
    calls.clear()
    run_corpus(tmp_path / "in", out, config, SerialEngine(config),
               export=ExportOptions(html=False))
    assert calls == []


def test_a_store_without_the_share_column_gains_it(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / STORE_NAME) as db:  # the pairs table as 0.1.0 made it
        db.execute("CREATE TABLE pairs (id INTEGER PRIMARY KEY, src_doc INTEGER NOT NULL, "
                   "tgt_doc INTEGER NOT NULL, src_sha TEXT NOT NULL, tgt_sha TEXT NOT NULL, "
                   "origin TEXT NOT NULL, score REAL, evidence TEXT NOT NULL, status TEXT NOT "
                   "NULL DEFAULT 'pending', error TEXT, signature TEXT, checked INTEGER, "
                   "UNIQUE (src_doc, tgt_doc))")
    with RunStore(tmp_path) as store:
        columns = {row[1] for row in store.db.execute("PRAGMA table_info(pairs)")}
    assert "share" in columns
