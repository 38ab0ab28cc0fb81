"""Sentence segmentation: a document becomes paragraphs, then sentences and headline lines.

Every segment keeps exact character offsets into the original text, so findings can point
back into the file. Arabic, English and other languages share one rule engine (see ``rules``)
so both sides of a pair are cut the same way; that consistency matters more to the aligner
than any single language's finesse.
"""

from __future__ import annotations

import re

from aligner.records import Document, Segment
from aligner.segment.blocks import lines, split_blocks
from aligner.segment.chrome import mark_chrome
from aligner.segment.rules import rules_for, sentence_spans
from aligner.segment.text import TERMINATED, has_word, trim

__all__ = ["MAX_SEGMENT_CHARS", "segment_document"]

#: A run longer than this with no sentence end is cut at a clause mark or a space: a whole
#: book as one "sentence" aligns with nothing and costs minutes (NTREX's longest is 650).
MAX_SEGMENT_CHARS = 2000
_CLAUSE_MARK = re.compile(r"[،؛;:,—–]\s")
_SPACE = re.compile(r"\s")


def segment_document(doc: Document, presegmented: bool = False) -> tuple[Segment, ...]:
    """Split ``doc`` into segments in document order.

    ``kind`` is "line" for a paragraph that yields a single segment without sentence-final
    punctuation (headline, byline, caption, "0 Comment(s)") and for Markdown headings, which
    are never split; "sentence" otherwise. ``paragraph`` counts the paragraphs that produced
    segments. With ``presegmented`` each non-empty line is one segment, ``paragraph`` its line
    number. Site chrome ("Do you like this article?", "0 Comment(s)"; see ``chrome``) is of
    kind "chrome".
    """
    text = doc.text
    if presegmented:
        return mark_chrome(tuple(Segment(text[s:e], s, e, number, "sentence")
                     for number, (s, e) in enumerate(trim(text, a, b) for a, b in lines(text))
                     if s < e))
    rules = rules_for(doc.lang)
    out: list[Segment] = []
    paragraph = 0
    for block in split_blocks(text):
        if block.heading:
            spans = [(block.start, block.end)]
        else:
            spans = sentence_spans(text, block.start, block.end, rules)
        if not spans or not any(has_word(text[s:e]) for s, e in spans):
            continue
        single = len(spans) == 1 and (block.heading or not TERMINATED.search(text, *spans[0]))
        kind = "line" if single else "sentence"
        for s, e in spans:
            pieces = _cap_length(text, s, e)
            out.extend(Segment(text[a:b], a, b, paragraph, kind if len(pieces) == 1
                               else "sentence") for a, b in pieces)
        paragraph += 1
    return mark_chrome(tuple(out), text)


def _cap_length(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut into trimmed pieces of at most ``MAX_SEGMENT_CHARS``, each ending
    at the last clause mark, else the last space, in the second half of its window."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SEGMENT_CHARS:
        low, high = start + MAX_SEGMENT_CHARS // 2, start + MAX_SEGMENT_CHARS
        cut = high
        for pattern in (_CLAUSE_MARK, _SPACE):
            found = [m.end() for m in pattern.finditer(text, low, high)]
            if found:
                cut = found[-1]
                break
        a, b = trim(text, start, cut)
        if a < b:
            pieces.append((a, b))
        start = trim(text, cut, end)[0]
    if start < end:
        pieces.append((start, end))
    return pieces
