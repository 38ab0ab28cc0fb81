"""Vectors already computed, served as an embedder: a corpus run embeds each sentence once, for
pairing, and its alignment and checks read the same vectors instead of embedding them again."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from aligner.embed.base import Embedder


class KnownVectors:
    """Serves the vectors of known documents (by their whole text tuple, else sentence by
    sentence); any other text goes to ``inner``, or is a ``KeyError`` where there is none.
    Its signature is that of the embedder that made the vectors."""

    def __init__(self, docs: Mapping[tuple[str, ...], np.ndarray], signature: str,
                 inner: Embedder | None = None, name: str = "precomputed") -> None:
        self.inner = inner
        self.name = inner.name if inner is not None else name
        self._docs = dict(docs)
        self._texts = {t: v for texts, vecs in self._docs.items()
                       for t, v in zip(texts, vecs, strict=True)}
        self._signature = signature
        first = next(iter(self._docs.values()), None)
        self.dim = inner.dim if inner is not None else first.shape[1] if first is not None else 0

    @classmethod
    def over(cls, inner: Embedder, docs: Mapping[tuple[str, ...], np.ndarray]) -> KnownVectors:
        """``inner`` with the vectors it already made for ``docs`` served from memory."""
        return cls(docs, inner.signature(), inner)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        key = tuple(texts)
        if key in self._docs:
            return self._docs[key]
        if not key:
            return np.zeros((0, self.dim), dtype=np.float32)
        missing = [t for t in dict.fromkeys(key) if t not in self._texts]
        fresh: dict[str, np.ndarray] = {}
        if missing:
            if self.inner is None:
                raise KeyError(missing[0])
            fresh = dict(zip(missing, self.inner.embed(missing), strict=True))
        return np.stack([self._texts[t] if t in self._texts else fresh[t] for t in key])

    def signature(self) -> str:
        return self._signature
