"""The exporter protocol and registry, and the corpus rows every exporter writes.

An exporter turns aligned links into one corpus format; adding a format is adding one module.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from aligner.plugins import import_plugins
from aligner.records import AlignerError, Link, Report
from aligner.registry import Component, Registry


@dataclass(frozen=True)
class CorpusRow:
    """One aligned link with both texts: the unit of a parallel corpus."""

    pair_id: str
    src_lang: str
    tgt_lang: str
    src_ids: tuple[int, ...]
    tgt_ids: tuple[int, ...]
    src_text: str
    tgt_text: str
    score: float
    chrome: bool = False  # a side is site chrome ("0 Comment(s)"): no training sentence
    notes: tuple[str, ...] = ()  # the findings on this link, one line each (CAT-tool notes)
    paragraphs: tuple[int, int] = (-1, -1)  # of the first segment each side (-1: none)

    def to_json(self) -> dict[str, Any]:
        return {"pair": self.pair_id, "src_lang": self.src_lang, "tgt_lang": self.tgt_lang,
                "src_ids": list(self.src_ids), "tgt_ids": list(self.tgt_ids),
                "src": self.src_text, "tgt": self.tgt_text, "score": round(self.score, 4)}


def corpus_langs(rows: list[CorpusRow],
                 empty: tuple[str, str] = ("src", "tgt")) -> tuple[str, str]:
    """The corpus's (source, target) languages, read off its rows; ``empty`` when it has none."""
    return (rows[0].src_lang, rows[0].tgt_lang) if rows else empty


def corpus_rows(report: Report, pair_id: str, *, min_score: float | None = None,
                keep_nulls: bool = False, keep_chrome: bool = False) -> Iterator[CorpusRow]:
    """The report's links as corpus rows, in document order, filtered for training use: a
    link with a segment of site chrome is left out unless ``keep_chrome``."""
    src, tgt = report.src, report.tgt
    src_plain, tgt_plain = (_plain_text_of(side.document.path) for side in (src, tgt))
    for link in report.links:
        if link.is_null and not keep_nulls:
            continue
        chrome = any(src.segments[i].kind == "chrome" for i in link.src) or \
            any(tgt.segments[j].kind == "chrome" for j in link.tgt)
        if chrome and not keep_chrome:
            continue
        if min_score is not None and not link.is_null and link.score < min_score:
            continue
        yield CorpusRow(
            pair_id=pair_id, src_lang=src.document.lang, tgt_lang=tgt.document.lang,
            src_ids=link.src, tgt_ids=link.tgt,
            src_text=src_plain(" ".join(src.segments[i].text for i in link.src)),
            tgt_text=tgt_plain(" ".join(tgt.segments[j].text for j in link.tgt)),
            score=float(link.score), chrome=chrome, notes=_notes(report, link),
            paragraphs=(src.segments[link.src[0]].paragraph if link.src else -1,
                        tgt.segments[link.tgt[0]].paragraph if link.tgt else -1))


def _notes(report: Report, link: Link) -> tuple[str, ...]:
    """The report's findings on ``link`` (sharing a segment with it), one line each."""
    return tuple(f"{f.severity} {f.kind}: {f.message}" + (f" [{f.id}]" if f.id else "")
                 for f in report.findings or ()
                 if set(f.src) & set(link.src) or set(f.tgt) & set(link.tgt))


#: Inline Markdown and what of it is text: images and links keep their text, emphasis and
#: code their content. Segments keep the markup (their offsets point into the file as
#: written); a training corpus wants the words.
_INLINE_MARKDOWN = [
    (re.compile(r"!?\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"), r"\1"),  # [text](url), ![alt](src)
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),                   # <https://…>
    (re.compile(r"`([^`]+)`"), r"\1"),                                        # `code`
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),                     # **strong**
    (re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])"), r"\1"),        # *emphasis*
    (re.compile(r"(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])"), r"\1"),          # _emphasis_
]


def strip_inline_markdown(text: str) -> str:
    """A Markdown segment's words without its inline markup."""
    for pattern, keep in _INLINE_MARKDOWN:
        text = pattern.sub(keep, text)
    return text


def _plain_text_of(path: str) -> Callable[[str], str]:
    """How a document's segment texts become corpus text: Markdown files lose their inline
    markup, other files are taken as written (asterisks in plain text are text)."""
    if Path(path).suffix.lower() in (".md", ".markdown"):
        return strip_inline_markdown
    return str


class Exporter(Protocol):
    name: str

    def write(self, rows: list[CorpusRow], out_dir: Path, stem: str,
              signature: dict[str, Any]) -> list[Path]:
        """Write the rows atomically under ``out_dir``; return the files written."""
        ...


def _load_builtin() -> None:
    import_plugins("aligner.export", frozenset({"base"}))


EXPORTERS: Registry[Callable[[], Exporter]] = Registry(_load_builtin)


def register_exporter(name: str, *, label: str = "",
                      ) -> Callable[[Callable[[], Exporter]], Callable[[], Exporter]]:
    def wrap(factory: Callable[[], Exporter]) -> Callable[[], Exporter]:
        EXPORTERS.add(Component(name, factory, label=label))
        return factory

    return wrap


def exporter_names() -> list[str]:
    return EXPORTERS.names()


def get_exporter(name: str) -> Exporter:
    component = EXPORTERS.find(name)
    if component is None:
        raise AlignerError(None, f"unknown export format {name!r} "
                                 f"(known: {', '.join(EXPORTERS.names())})")
    return component.factory()


def parse_formats(spec: str) -> list[str]:
    """``"jsonl,tmx"`` → validated list of format names."""
    names = [s.strip().lower() for s in spec.split(",") if s.strip()]
    for name in names:
        get_exporter(name)
    return names


def export_rows(rows: Iterable[CorpusRow], out_dir: Path, stem: str, formats: Iterable[str],
                signature: dict[str, Any]) -> list[Path]:
    """Write ``rows`` in every requested format; returns all files written."""
    materialised = list(rows)
    written: list[Path] = []
    for name in formats:
        written += get_exporter(name).write(materialised, out_dir, stem, signature)
    return written
