"""Alignment parameters: every tuned number of the aligner, recorded in the signature."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from aligner.align.dp import Bead

# 1-5 and 1-6 cost little (their windows are only embedded where such a merge could win) and
# catch Arabic sentences that join a whole English paragraph.
DEFAULT_BEADS: tuple[Bead, ...] = (
    (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (4, 1),
    (1, 5), (5, 1), (1, 6), (6, 1),
)


@dataclass(frozen=True)
class AlignParams:
    """Alignment knobs. The defaults were tuned on Text+Berg (de-fr) and synthetic NTREX (ar-en).

    beads: link types (source sentences, target sentences); 1-0 and 0-1 are always allowed.
    threshold: margin score a pair must exceed to be linked rather than left null, in a closely
        translated document (typical anchor cosine at least ``null_ref``).
    threshold_slope: how much lower the threshold sits per unit of typical anchor cosine
        below ``null_ref``: in loosely translated documents weak pairs are still pairs.
    margin: weight of the neighbourhood mean subtracted from the cosine (0 = raw cosine).
    neighbours: how many best candidates form a sentence's neighbourhood.
    size_penalty: cost per sentence beyond 1-1, so merges need real evidence.
    length_weight: weight of the length-ratio penalty (0 at the document's ratio, towards 1 as
        one side grows much longer); deviations within ``length_slack`` spreads are free in
        a closely translated document (typical anchor cosine at least ``null_ref``).
    length_slack_slope: how many more spreads are free per unit of typical anchor cosine below
        ``null_ref``, up to ``length_slack_max``: the anchors that fit the spread are a
        document's best pairs, and in a free translation the other pairs' lengths stray
        further than theirs; in a close one a sentence twice its partner's length is a merge
        that swallowed a deleted sentence more often than a loose pair.
    size_weight: exponent of (a+b)/2 that scales a bead's margin gain with its size.
    null_penalty: cost of leaving one sentence unaligned in a closely translated document
        (typical anchor cosine at least ``null_ref``).
    null_slope: extra null cost per unit of typical anchor cosine below ``null_ref``: where
        translations are free (literary, OCR'd magazines), a weak pair is more often a loose
        translation than a missing sentence; where they are close (news), it is an omission.
    null_prior: pairs' worth of weight that pulls the typical cosine towards ``null_ref``: the
        median of a short document's few anchors is too noisy to move the null cost alone.
    shrink_weight: penalty per unit of cosine a merge loses against its best edge-trimmed bead
        (an edge sentence dropped from one side or from both).
    rough_threshold: cosine a pair must exceed to be linked on the rough path.
    band: columns either side of the rough path searched by the final DP.
    coarse_band: band width used when refining a coarse path to the next resolution.
    full_cells: grids up to this many cells are solved without banding.
    refine_slack: a merge bead's windows get real embeddings when the best alignment through
        it scores within this much of the best alignment (pooled vectors).
    floor: fraction of the document's median anchor cosine below which a link is penalised.
    floor_weight: weight of that penalty per unit of cosine below the floor.
    refine_trimmed: also embed the edge-trimmed parts of those merges, so that the shrink
        penalty compares real windows with real windows.
    refine_rounds: times the close merge beads are given real window embeddings and re-scored
        (each round looks at the competitors of the alignment the previous one produced;
        0: pooled vectors only).
    verify_with: second embedder (registry name; "" for none) that re-judges weak 1-1 links.
    verify_below: a 1-1 link whose cosine is below this is weak and gets that second opinion.
    verify_cos: the second embedder's cosine under which a weak link becomes two nulls, in a
        closely translated document (the value suits e5, whose scores are compressed).
    verify_slope: how much lower that bar sits per unit of typical anchor cosine below
        ``null_ref``: a free translation is weak in both models.
    verify_words: only sentences of at least this many words a side are re-judged: e5 puts
        short texts (headlines) near its unrelated range even when they translate each other.
    rejoin_size: a sentence left null beside a link of at least this many sentences (both
        sides counted) is offered to it, and joins it where the second embedder's cosine of
        the joined texts beats the link's own by more than ``rejoin_gain``.
    """

    beads: tuple[Bead, ...] = DEFAULT_BEADS
    threshold: float = -0.05
    threshold_slope: float = 2.0
    margin: float = 1.0
    neighbours: int = 4
    size_penalty: float = 0.02
    size_weight: float = 0.3
    null_penalty: float = 0.07
    null_slope: float = 1.25
    null_ref: float = 0.7
    null_prior: float = 30.0
    length_slack: float = 0.5
    length_slack_slope: float = 20.0
    length_slack_max: float = 1.0
    shrink_weight: float = 3.0
    length_weight: float = 0.5
    rough_threshold: float = 0.3
    band: int = 8
    coarse_band: int = 6
    full_cells: int = 40_000
    refine_slack: float = 0.3
    floor: float = 0.4
    floor_weight: float = 2.0
    refine_rounds: int = 2
    refine_trimmed: bool = True
    verify_with: str = "e5"
    verify_below: float = 0.42
    verify_cos: float = 0.845
    verify_slope: float = 0.5
    verify_words: int = 6
    rejoin_size: int = 4
    rejoin_gain: float = 0.005

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["beads"] = [f"{a}-{b}" for a, b in self.beads]
        return out
