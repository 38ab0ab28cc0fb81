"""The stages wired together for one document pair: segment → embed → align (→ check).

Both the CLI and the corpus runner call these; each stage stays in its own module.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from aligner.align import AlignParams, align_texts
from aligner.embed.base import Embedder
from aligner.records import AlignerError, Document, Report, Side
from aligner.segment import segment_document
from aligner.signature import make_signature, signature_string

if TYPE_CHECKING:
    from aligner.checks.params import CheckParams
    from aligner.glossary import Glossary


def segment_side(doc: Document, presegmented: bool = False) -> Side:
    """Segment a document, refusing one with nothing to align."""
    segments = segment_document(doc, presegmented=presegmented)
    if not segments:
        raise AlignerError(doc.path, "no sentences found")
    return Side(doc, tuple(segments))


def check_languages(src: Document, tgt: Document, given: bool = False) -> None:
    """Aligning a document with another in the same language is almost always a mistake:
    refused when the guess is sure for both files, and never when a language was ``given``
    (``--src-lang`` / ``--tgt-lang``)."""
    from aligner.read import language_guess

    if given or src.lang != tgt.lang:
        return
    if language_guess(src.text, src.path)[1] and language_guess(tgt.text, tgt.path)[1]:
        raise AlignerError(tgt.path, f"both files are in the same language ({src.lang}, like "
                                     f"{src.path}); give one Arabic and one English article")


def pipeline_signature(embedder: Embedder, params: AlignParams, presegmented: bool,
                       verifier: Embedder | None = None) -> dict[str, Any]:
    if verifier is None:
        verifier = open_verifier(params, _is_cached(embedder))
    return make_signature(embedder.signature(), params.to_json(),
                          verifier=verifier.signature() if verifier else "none",
                          segmenter="given" if presegmented else "rules")


def align_sides(src: Side, tgt: Side, embedder: Embedder, params: AlignParams | None = None,
                presegmented: bool = False, verifier: Embedder | None = None) -> Report:
    """Align two already segmented sides. ``verifier``: the second embedder named by
    ``params.verify_with``; by default the process's one, on-disk cached as ``embedder`` is."""
    params = params or AlignParams()
    if verifier is None:
        verifier = open_verifier(params, _is_cached(embedder))
    links = align_texts(src.texts, tgt.texts, embedder, params, verifier)
    return Report(signature=pipeline_signature(embedder, params, presegmented, verifier),
                  src=src, tgt=tgt, links=links)


def align_documents(src: Document, tgt: Document, embedder: Embedder,
                    params: AlignParams | None = None, presegmented: bool = False,
                    languages_given: bool = False,
                    verifier: Embedder | None = None) -> Report:
    """Segment and align one document pair; the report carries its signature."""
    check_languages(src, tgt, given=languages_given)
    return align_sides(segment_side(src, presegmented), segment_side(tgt, presegmented),
                       embedder, params, presegmented, verifier)


def open_verifier(params: AlignParams, cache: bool = True) -> Embedder | None:
    """The second embedder that ``params.verify_with`` names (None when it is off): built
    once per process, wrapped in the on-disk cache unless ``cache`` is off."""
    return _verifier(params.verify_with, cache) if params.verify_with else None


@lru_cache(maxsize=4)
def _verifier(spec: str, cache: bool) -> Embedder:
    try:
        return open_embedder(spec, cache)
    except AlignerError as err:  # say which role it plays, and how to do without it
        raise AlignerError(None, f"verifier: {err.problem} (or --verifier none)") from None


def _is_cached(embedder: Embedder) -> bool:
    from aligner.embed.cache import CachedEmbedder

    return isinstance(embedder, CachedEmbedder)


def check_report(report: Report, embedder: Embedder | None,
                 params: CheckParams | None = None, glossary: Glossary | None = None) -> Report:
    """Run every check on an aligned report: its findings, and the checks' parameters (and the
    glossary's content hash) added to its signature."""
    from aligner.checks.params import CheckParams
    from aligner.checks.run import run_checks
    from aligner.embed.cache import CachedEmbedder
    from aligner.ner_cache import entity_cache

    params = params or CheckParams()
    # spaCy's entities are cached beside the embeddings, and only where they are
    folder = embedder.path.parent if isinstance(embedder, CachedEmbedder) else None
    with entity_cache(folder):
        report.findings = run_checks(report, embedder, params=params, glossary=glossary)
    signature = {k: v for k, v in report.signature.items() if k not in ("string", "glossary")}
    signature["checks"] = params.to_json()
    if glossary is not None:
        signature["glossary"] = glossary.digest
    signature["string"] = signature_string(signature)
    report.signature = signature
    return report


def open_embedder(spec: str, cache: bool = True) -> Embedder:
    """The named embedder, wrapped in the on-disk cache unless ``cache`` is off."""
    from aligner.embed.base import get_embedder

    embedder = get_embedder(spec)
    if not cache:
        return embedder
    from aligner.embed.cache import CachedEmbedder

    return CachedEmbedder(embedder)
