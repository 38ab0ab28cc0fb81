"""Engines that run a corpus run's per-item tasks: in this process, a local pool, or Ray."""

from aligner.corpus.engines.base import Engine, Task, bounded_map, make_engine

__all__ = ["Engine", "Task", "bounded_map", "make_engine"]
