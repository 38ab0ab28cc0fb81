"""One registry for every kind of component: embedders, checks and exporters.

A component declares, where it registers (as spaCy's factories do), its name and what the rest
of the tool does with it: the label and style the views show, the findings of other checks it
makes redundant, its parameters class. Nothing else spells a component's name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from aligner.records import Finding

F = TypeVar("F")
#: A suppression rule: given every finding of the suppressing check, whether to drop ``finding``.
Rule = Callable[[Sequence[Finding], Finding], bool]


@dataclass(frozen=True)
class Style:
    """How views show a component's findings: a rich style in the terminal, a colour and a
    highlight background in HTML."""

    terminal: str = "reverse"
    colour: str = "#7d8799"
    background: str = "rgba(125, 135, 153, 0.22)"


@dataclass(frozen=True)
class Component(Generic[F]):
    """A registered component: its factory and what it declared about itself.

    order: position in views (lower first; then by name).
    suppresses: kind of finding -> rule; a finding of that kind is dropped where the rule,
        given this check's findings, holds.
    yields: this check's findings are dropped where a finding of another check that
        ``explains_length`` shares a segment with them (they say less about the same pair).
    explains_length: this check's findings can account for a pair's odd length (a term
        rendered against the glossary cannot).
    whole_segments: findings mark whole segments of the side that has them (no spans).
    info: whatever else the family needs (an embedder's ``EmbedderInfo``).
    """

    name: str
    factory: F
    label: str = ""
    style: Style = Style()
    order: int = 100
    params: type | None = None
    suppresses: Mapping[str, Rule] = field(default_factory=dict)
    yields: bool = False
    explains_length: bool = True
    whole_segments: bool = False
    info: Any = None

    @property
    def title(self) -> str:
        """The label shown in views (the name, spaced, unless one was declared)."""
        return self.label or self.name.replace("_", " ")


class Registry(Generic[F]):
    """Components of one family by name; ``load`` imports the built-in ones on first use."""

    def __init__(self, load: Callable[[], None]) -> None:
        self._load = load
        self._items: dict[str, Component[F]] = {}

    def add(self, component: Component[F]) -> None:
        self._items[component.name] = component

    def find(self, name: str) -> Component[F] | None:
        self._load()
        return self._items.get(name)

    def names(self) -> list[str]:
        self._load()
        return sorted(self._items)

    def components(self) -> list[Component[F]]:
        """Every component, in view order."""
        self._load()
        return sorted(self._items.values(), key=lambda c: (c.order, c.name))
