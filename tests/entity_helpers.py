"""Shared by the entity tests: the entity findings of a hand-made document of 1-1 links."""

from __future__ import annotations

from aligner.checks.base import CheckContext, get_check
from aligner.records import Document, Finding, Link, Report, Segment, Side


def doc_findings(en: list[str], ar: list[str], src_lang: str) -> list[Finding]:
    """The entity findings of a document of 1-1 links, sentence by sentence."""
    def side(lang: str, lines: list[str]) -> Side:
        segs, pos = [], 0
        for line in lines:
            segs.append(Segment(line, pos, pos + len(line)))
            pos += len(line) + 1
        return Side(Document(f"doc.{lang}", lang, " ".join(lines)), tuple(segs))

    src, tgt = (side("en", en), side("ar", ar)) if src_lang == "en" else (
        side("ar", ar), side("en", en))
    report = Report({}, src, tgt, [Link((i,), (i,), 0.9) for i in range(len(en))])
    return get_check("entity_mismatch").run(CheckContext(report))
