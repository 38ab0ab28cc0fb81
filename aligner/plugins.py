"""Discovery of built-in plugin modules (checks, exporters): importing a module runs its
``register_…`` decorator, so adding a plugin is adding one file."""

from __future__ import annotations

import functools
import importlib
import pkgutil


@functools.cache
def import_plugins(package: str, skip: frozenset[str]) -> None:
    """Import every module of ``package`` except ``skip``, once per process."""
    pkg = importlib.import_module(package)
    for mod in pkgutil.iter_modules(pkg.__path__):
        if mod.name not in skip:
            importlib.import_module(f"{package}.{mod.name}")
