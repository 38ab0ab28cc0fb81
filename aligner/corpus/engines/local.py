"""Local engines: tasks in this process (one worker), or in a pool of worker processes.

Pool workers are started with ``spawn`` (a forked copy of a driver that already holds model
threads or SQLite handles is not safe) and each keeps its embedder between tasks. At most
``2 x workers`` tasks are in flight, so the driver never holds the whole collection in memory.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from aligner.corpus.engines.base import Engine, Task, bounded_map
from aligner.corpus.tasks import WorkConfig


class SerialEngine:
    """Every task in the driver process: no start-up cost, the right choice for small runs."""

    name = "local"
    workers = 1

    def __init__(self, config: WorkConfig) -> None:
        self.config = config

    def map_unordered(self, task: Task, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            yield task(self.config, item)

    def close(self) -> None:
        pass


class PoolEngine:
    """A ``ProcessPoolExecutor`` of ``workers`` spawned processes."""

    name = "local"

    def __init__(self, config: WorkConfig, workers: int) -> None:
        self.config = config
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker, initargs=(os.getpid(), workers))

    def map_unordered(self, task: Task, items: Iterable[Any]) -> Iterator[Any]:
        def wait_some(pending: list[Future[Any]]) -> tuple[list[Future[Any]], list[Future[Any]]]:
            done, rest = wait(pending, return_when=FIRST_COMPLETED)
            return list(done), list(rest)

        return bounded_map(items, lambda item: self._pool.submit(task, self.config, item),
                           wait_some, Future.result, 2 * self.workers)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def make_local_engine(config: WorkConfig, workers: int | None) -> Engine:
    """``workers`` defaults to the number of cores; 1 runs in the driver process."""
    count = workers or os.cpu_count() or 1
    return SerialEngine(config) if count <= 1 else PoolEngine(config, count)


def _start_worker(parent: int, workers: int) -> None:
    """Share the cores between workers (unless the user set ALIGNER_THREADS), and exit when
    the driver dies (even by SIGKILL) instead of lingering."""
    os.environ.setdefault("ALIGNER_THREADS", str(max(1, (os.cpu_count() or 1) // workers)))

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
