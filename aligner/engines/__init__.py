"""Engines run the per-item tasks of a corpus run: in this process, in a local process pool, or
as Ray tasks. All return results to the driver as they finish; only the driver writes the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

from aligner.engines.work import WorkConfig
from aligner.records import AlignerError

T = TypeVar("T")
R = TypeVar("R")

Task = Callable[[WorkConfig, Any], Any]


class Engine(Protocol):
    name: str
    workers: int

    def map_unordered(self, task: Task, items: Sequence[Any]) -> Iterator[Any]:
        """``task(config, item)`` for every item, yielded as each finishes."""
        ...

    def close(self) -> None: ...


def make_engine(name: str, config: WorkConfig, workers: int | None = None) -> Engine:
    """``local`` (a process pool of ``workers``; 1 means in this process) or ``ray``."""
    if name == "local":
        from aligner.engines.local import make_local_engine

        return make_local_engine(config, workers)
    if name == "ray":
        from aligner.engines.ray import RayEngine

        return RayEngine(config, workers)
    raise AlignerError(None, f"unknown engine {name!r} (known: local, ray)")
