"""The Ray engine: the same per-item tasks as Ray tasks, on a cluster or a local Ray.

Connects to ``$RAY_ADDRESS`` when set (or joins a Ray already initialised in this process),
otherwise starts a local Ray. Each Ray worker process keeps its embedder between tasks (see
``aligner.corpus.tasks.context``), so a model is loaded once per worker, not once per task.
Results come back to the driver, which alone writes the run store: resumability holds.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from aligner.corpus.engines.base import Task, bounded_map
from aligner.corpus.tasks import WorkConfig
from aligner.records import AlignerError


def _call(task: Task, config: WorkConfig, item: Any) -> Any:
    # Each Ray task holds one CPU: one BLAS thread, unless the user chose otherwise.
    os.environ.setdefault("ALIGNER_THREADS", "1")
    return task(config, item)


class RayEngine:
    name = "ray"

    def __init__(self, config: WorkConfig, workers: int | None = None) -> None:
        try:
            import ray
        except ImportError as exc:
            raise AlignerError(None, "the ray engine needs ray: pip install 'aligner[ray]'") \
                from exc
        self._ray = ray
        self._started = False
        if not ray.is_initialized():
            address = os.environ.get("RAY_ADDRESS")
            ray.init(address=address or None, num_cpus=None if address else workers,
                     include_dashboard=False, log_to_driver=False,
                     configure_logging=False)
            self._started = True
        self.workers = int(ray.cluster_resources().get("CPU", 1))
        self._config = ray.put(config)
        self._remote = ray.remote(num_cpus=1, max_retries=2)(_call)

    def map_unordered(self, task: Task, items: Iterable[Any]) -> Iterator[Any]:
        ray = self._ray
        return bounded_map(items, lambda item: self._remote.remote(task, self._config, item),
                           lambda pending: ray.wait(pending, num_returns=1), ray.get,
                           2 * self.workers)

    def close(self) -> None:
        if self._started:
            self._ray.shutdown()
