"""The tuned numbers of the omission check (``OmissionParams``), apart so that the modules
it draws on (``facing``) read them without importing the check."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OmissionParams:
    # links on each side of a run whose counterparts are searched
    window: int = 2
    # similarity gain that says "the run belongs inside a neighbour's pair"
    merge_gain: float = 0.03
    # facing unaligned runs at least this similar may be one weakened pair
    facing_sim: float = 0.3
    # an unaligned neighbour this much closer than the link is the counterpart
    facing_margin: float = 0.1
    # the evidence of ``_absorbed`` is weaker than an unaligned run's
    absorbed_confidence: float = 0.6
    # Merge or null? Evidence that a sentence joined to its neighbour's link has no counterpart,
    # hand-set on synthetic NTREX (tuning seeds 0, 2, 3, 4 of scripts/synth.py, bench_qa.py)
    # against the genuine 1-2/2-1/2-2 links of synthetic NTREX and Text+Berg:
    absorbed_gain: float = 0.02  # the bead matches at most this much better with the sentence
    absorbed_sim: float = 0.3  # the sentence's own cosine to the other side is below this ...
    absorbed_length: float = 0.5  # ... and the trimmed bead fits the length ratio this many
    #                               spreads better,
    absorbed_sim_alone: float = 0.1  # or its cosine is below this whatever the lengths
    # the trimmed bead is a good pair: this share of the typical anchor cosine
    absorbed_rest: float = 0.7
    # fragments of fewer words and characters ("Sicherlich .", "» .") have no reliable
    # embedding (chars: Arabic written without spaces, Chinese: long one-"word" sentences)
    absorbed_min_words: int = 3
    absorbed_min_chars: int = 20
    # a sentence stating figures the other side lacks may cost the bead more and resemble it more
    absorbed_figures_gain: float = 0.06
    absorbed_figures_sim: float = 0.4
    # links with more sentences a side are long merges, not absorptions
    absorbed_max_side: int = 3
    # a lone unaligned sentence facing a lone unaligned sentence this similar, their lengths
    # within this many spreads of the document's ratio, is a pair the aligner missed, not two
    # omissions
    facing_pair_sim: float = 0.5
    facing_pair_z: float = 2.5
