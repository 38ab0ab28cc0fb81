"""The check protocol and registry: each finding kind is one module that registers one check
(with its parameters class)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from aligner.checks.params import CheckParams
from aligner.embed.base import Embedder
from aligner.glossary import Glossary
from aligner.plugins import import_plugins
from aligner.records import Finding, Link, Report, Segment
from aligner.registry import Component, Registry, Rule, Style


@dataclass
class CheckContext:
    """What a check may look at: the aligned report and, for checks that need them, the
    embedder and the user's glossary."""

    report: Report
    embedder: Embedder | None = None
    params: CheckParams = field(default_factory=CheckParams)
    glossary: Glossary | None = None
    _vectors: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    def embed(self, texts: Sequence[str]) -> np.ndarray | None:
        """Unit vectors for ``texts`` (None without an embedder), memoised so that checks
        sharing segments or clause variants embed each text once."""
        if self.embedder is None:
            return None
        todo = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if todo:
            for text, vec in zip(todo, self.embedder.embed(todo), strict=True):
                self._vectors[text] = vec
        if not texts:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        return np.stack([self._vectors[t] for t in texts])

    @property
    def src_lang(self) -> str:
        return self.report.src.document.lang

    @property
    def tgt_lang(self) -> str:
        return self.report.tgt.document.lang

    def side(self, name: str) -> tuple[Segment, ...]:
        return self.report.src.segments if name == "src" else self.report.tgt.segments

    def pair_texts(self, link: Link) -> tuple[str, str]:
        """The joined source and target text of a link (empty string on a null side)."""
        src = " ".join(self.report.src.segments[i].text for i in link.src)
        tgt = " ".join(self.report.tgt.segments[j].text for j in link.tgt)
        return src, tgt


class Check(Protocol):
    name: str

    def run(self, ctx: CheckContext) -> list[Finding]: ...


def _load_builtin() -> None:
    import_plugins("aligner.checks", frozenset({"base", "run"}))


CHECKS: Registry[Callable[[], Check]] = Registry(_load_builtin)


def register_check(name: str, params: type | None = None, *, label: str = "",
                   style: Style = Style(), order: int = 100,
                   suppresses: Mapping[str, Rule] | None = None, yields: bool = False,
                   explains_length: bool = True, whole_segments: bool = False,
                   ) -> Callable[[Callable[[], Check]], Callable[[], Check]]:
    """Register a check factory; ``params`` is the frozen dataclass of its tuned numbers, the
    rest what views and the merging of findings need to know (``aligner.registry.Component``)."""

    def wrap(factory: Callable[[], Check]) -> Callable[[], Check]:
        CHECKS.add(Component(name, factory, label=label, style=style, order=order,
                             params=params, suppresses=dict(suppresses or {}), yields=yields,
                             explains_length=explains_length, whole_segments=whole_segments))
        return factory

    return wrap


def param_classes() -> dict[str, type]:
    """Each registered check's parameters class, by check name."""
    return {c.name: c.params for c in CHECKS.components() if c.params is not None}


def check_names() -> list[str]:
    return CHECKS.names()


def get_check(name: str) -> Check:
    component = CHECKS.find(name)
    if component is None:
        raise KeyError(name)
    return component.factory()
