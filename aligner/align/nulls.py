"""Merge or null? The evidence that a sentence joined to its neighbour's link has no counterpart.

A short sentence present on one side only is often absorbed into a neighbouring 1-2/2-1
merge: joining it costs the merge only about 0.01 cosine, so the DP scores (pooled margins,
a length prior with slack) cannot tell it from a genuine merge. ``looks_absorbed`` compares a
small merge with "edge sentence unaligned + smaller link" on evidence the DP score ignores:
the cosines of the merged and of the trimmed texts, the edge sentence's own cosine to the
other side, and how well each fits the document's length ratio.
"""

from __future__ import annotations

# Hand-set on synthetic NTREX (tuning seeds 0, 2, 3, 4 of scripts/synth.py and bench_qa.py)
# against the genuine 1-2/2-1/2-2 links of synthetic NTREX and Text+Berg.
ABSORBED_GAIN = 0.02  # the bead matches at most this much better with the edge sentence
ABSORBED_SIM = 0.3  # the sentence's own cosine to the other side is below this ...
ABSORBED_LENGTH = 0.5  # ... and the trimmed bead fits the length ratio this many spreads better,
ABSORBED_SIM_ALONE = 0.1  # or its cosine is below this whatever the lengths
ABSORBED_REST = 0.7  # the trimmed bead is a good pair: this share of the typical anchor cosine
# fragments of fewer words and characters ("Sicherlich .", "» .") have no reliable embedding
ABSORBED_MIN_WORDS = 3
ABSORBED_MIN_CHARS = 20  # (Arabic written without spaces, Chinese: long one-"word" sentences)
CLAUSE_ENDS = frozenset(";:,،؛")


def may_be_absorbed(sentence: str, first_of_pair: str) -> bool:
    """Whether ``sentence``, one of two neighbouring segments, could be a sentence of its own
    that lost its counterpart: not a fragment too short to embed reliably, and not one piece
    of a sentence the segmenter split at a semicolon, colon or comma (which ends the first)."""
    words = sum(any(c.isalnum() for c in w) for w in sentence.split())
    return (words >= ABSORBED_MIN_WORDS or len(sentence.strip()) >= ABSORBED_MIN_CHARS) \
        and first_of_pair.rstrip()[-1:] not in CLAUSE_ENDS


def looks_absorbed(with_sim: float, without_sim: float, own_sim: float, typical: float,
                   length_with: float, length_without: float) -> bool:
    """The evidence that an edge sentence of a small merge has no counterpart.

    ``with_sim``/``without_sim``: cosine of the merged bead and of the bead without the
    sentence; ``own_sim``: the sentence's own cosine to the other side; ``typical``: the
    document's typical cosine of a 1-1 pair; ``length_with``/``length_without``: distances of
    the two beads' length ratios from the document's, in spreads. A genuine merge matches
    clearly better with the sentence, and the sentence resembles the other side or is needed
    for the lengths to fit; the rest of the bead must be a good pair on its own."""
    return (with_sim - without_sim < ABSORBED_GAIN and without_sim >= ABSORBED_REST * typical
            and (own_sim < ABSORBED_SIM_ALONE
                 or (own_sim < ABSORBED_SIM and length_without < length_with - ABSORBED_LENGTH)))

