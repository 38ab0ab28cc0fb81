"""The engine protocol and ``make_engine``; engines run the per-item tasks of a corpus run: in
this process, in a local process pool, or as Ray tasks. All return results to the driver as they
finish; only the driver writes the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

from aligner.corpus.tasks import WorkConfig
from aligner.records import AlignerError

H = TypeVar("H")

Task = Callable[[WorkConfig, Any], Any]


class Engine(Protocol):
    name: str
    workers: int

    def map_unordered(self, task: Task, items: Iterable[Any]) -> Iterator[Any]:
        """``task(config, item)`` for every item, yielded as each finishes."""
        ...

    def close(self) -> None: ...


def bounded_map(items: Iterable[Any], submit: Callable[[Any], H],
                wait_some: Callable[[list[H]], tuple[list[H], list[H]]],
                result: Callable[[H], Any], limit: int) -> Iterator[Any]:
    """Keep at most ``limit`` submitted items in flight and yield results as they finish, so a
    huge collection never floods the pool or the cluster with pending work."""
    pending: list[H] = []
    source = iter(items)
    exhausted = False
    while True:
        while not exhausted and len(pending) < limit:
            try:
                pending.append(submit(next(source)))
            except StopIteration:
                exhausted = True
        if not pending:
            return
        done, pending = wait_some(pending)
        for handle in done:
            yield result(handle)


def make_engine(name: str, config: WorkConfig, workers: int | None = None) -> Engine:
    """``local`` (a process pool of ``workers``; 1 means in this process) or ``ray``."""
    if name == "local":
        from aligner.corpus.engines.local import make_local_engine

        return make_local_engine(config, workers)
    if name == "ray":
        from aligner.corpus.engines.ray import RayEngine

        return RayEngine(config, workers)
    raise AlignerError(None, f"unknown engine {name!r} (known: local, ray)")
