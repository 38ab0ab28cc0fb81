"""Document pairing: which documents of two languages are translations of each other."""

from aligner.pairing.pair import (
    IVF_ABOVE,
    IVF_ITERS,
    IVF_NPROBE,
    IVF_NPROBE_MAX,
    IVF_SEED,
    MIN_MARGIN,
    MIN_MATCHES,
    MIN_SCORE,
    MIN_SIM,
    MIN_TRANSLATED,
    DocumentPair,
    PairingResult,
    Verification,
    doc_vectors,
    exact_top_k_both,
    ivf_top_k_both,
    longest_ordered,
    pair_documents,
    pair_embedded,
    spherical_kmeans,
    top_k_both,
    translated_share,
    verify,
)

__all__ = [
    "IVF_ABOVE", "IVF_ITERS", "IVF_NPROBE", "IVF_NPROBE_MAX", "IVF_SEED", "MIN_MARGIN",
    "MIN_MATCHES", "MIN_SCORE", "MIN_SIM", "MIN_TRANSLATED", "DocumentPair", "PairingResult",
    "Verification", "doc_vectors", "exact_top_k_both", "ivf_top_k_both", "longest_ordered",
    "pair_documents", "pair_embedded", "spherical_kmeans", "top_k_both", "translated_share",
    "verify",
]
