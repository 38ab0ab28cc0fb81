"""The on-disk embedding cache: a second run embeds nothing and returns the same vectors."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from aligner.embed.base import normalize_rows
from aligner.embed.cache import CachedEmbedder
from aligner.records import AlignerError


class CountingEmbedder:
    """Deterministic vectors from a text hash; records how many texts it was asked for."""

    name = "fake"
    dim = 16

    def __init__(self, version: str = "1") -> None:
        self.version = version
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += len(texts)
        seeds = [int(hashlib.sha1(t.encode()).hexdigest()[:8], 16) for t in texts]
        return normalize_rows(np.stack([np.random.default_rng(s).normal(size=self.dim)
                                        for s in seeds])) if texts else np.zeros((0, self.dim))

    def signature(self) -> str:
        return f"fake@{self.version}"


TEXTS = ["قال ناشط محلي إن الميليشيات تسيطر على المدينة.", "The trucks came from Iraq.",
         "The trucks came from Iraq.", "وصلت الشاحنات من العراق."]


def test_second_run_embeds_nothing(tmp_path: Path) -> None:
    first = CachedEmbedder(CountingEmbedder(), tmp_path)
    a = first.embed(TEXTS)
    assert first.misses == 3 and first.hits == 1  # the duplicate is embedded once
    second = CachedEmbedder(CountingEmbedder(), tmp_path)  # a new process, same cache dir
    b = second.embed(TEXTS)
    assert second.misses == 0 and second.hits == 4
    assert isinstance(second.inner, CountingEmbedder)
    assert second.inner.calls == 0
    np.testing.assert_array_equal(a, b)
    assert a.dtype == np.float32 and a.shape == (4, 16)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-6)
    assert np.allclose(a, CountingEmbedder().embed(TEXTS), atol=2e-3)  # float16 storage


def test_signature_change_misses(tmp_path: Path) -> None:
    CachedEmbedder(CountingEmbedder("1"), tmp_path).embed(TEXTS)
    other = CachedEmbedder(CountingEmbedder("2"), tmp_path)
    other.embed(TEXTS)
    assert other.misses == 3


def test_env_location_and_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIGNER_CACHE", str(tmp_path / "c"))
    cached = CachedEmbedder(CountingEmbedder())
    assert cached.path.parent == tmp_path / "c"
    assert cached.embed([]).shape == (0, 16)
    assert cached.signature() == "fake@1"


def test_a_damaged_cache_file_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "embeddings.sqlite").write_text("not a database, whatever it was" * 10)
    with pytest.raises(AlignerError) as err:
        CachedEmbedder(CountingEmbedder(), tmp_path).embed(TEXTS)
    assert err.value.path == str(tmp_path / "embeddings.sqlite")
    assert err.value.problem == ("embedding cache unusable (file is not a database); delete the "
                                 "file, or use --no-cache")


def test_a_cache_folder_that_cannot_be_made_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(AlignerError, match="cannot create the embedding cache folder"):
        CachedEmbedder(CountingEmbedder(), tmp_path / "file" / "cache")


def test_errors_cross_from_worker_processes_whole() -> None:
    """A worker's AlignerError reaches the driver with its file and problem (a process pool
    pickles it), not as a broken pool."""
    err = pickle.loads(pickle.dumps(AlignerError("cache.sqlite", "embedding cache unusable")))
    assert (err.path, err.problem, str(err)) == (
        "cache.sqlite", "embedding cache unusable", "cache.sqlite: embedding cache unusable")
