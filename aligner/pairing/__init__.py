"""Document pairing: which documents of two languages are translations of each other."""

from aligner.pairing.pair import (
    DocumentPair,
    PairingResult,
    Verification,
    doc_vectors,
    longest_ordered,
    pair_documents,
    pair_embedded,
    translated_share,
    verify,
)
from aligner.pairing.params import PairingParams
from aligner.pairing.search import (
    exact_top_k_both,
    ivf_top_k_both,
    spherical_kmeans,
    top_k_both,
)

__all__ = [
    "DocumentPair", "PairingParams", "PairingResult", "Verification", "doc_vectors",
    "exact_top_k_both", "ivf_top_k_both", "longest_ordered", "pair_documents", "pair_embedded",
    "spherical_kmeans", "top_k_both", "translated_share", "verify",
]
