"""Sentence alignment: embeddings -> banded, margin-scored DP over many-to-many beads
(``aligner.align.aligner`` says how)."""

from aligner.align.aligner import align_texts
from aligner.align.params import AlignParams
from aligner.align.verify import verifier_signature

__all__ = ["AlignParams", "align_texts", "verifier_signature"]
