"""Sentence segmentation: a document becomes paragraphs, then sentences and headline lines.

Every segment keeps exact character offsets into the original text, so findings can point
back into the file. Arabic, English and other languages share one rule engine (see ``rules``)
so both sides of a pair are cut the same way; that consistency matters more to the aligner
than any single language's finesse.
"""

from __future__ import annotations

from aligner.records import Document, Segment
from aligner.segment.blocks import lines, split_blocks
from aligner.segment.rules import rules_for, sentence_spans
from aligner.segment.text import TERMINATED, has_word, trim

__all__ = ["segment_document"]


def segment_document(doc: Document, presegmented: bool = False) -> tuple[Segment, ...]:
    """Split ``doc`` into segments in document order.

    ``kind`` is "line" for a paragraph that yields a single segment without sentence-final
    punctuation (headline, byline, caption, "0 Comment(s)") and for Markdown headings, which
    are never split; "sentence" otherwise. ``paragraph`` counts the paragraphs that produced
    segments. With ``presegmented`` each non-empty line is one segment, ``paragraph`` its line
    number.
    """
    text = doc.text
    if presegmented:
        return tuple(Segment(text[s:e], s, e, number, "sentence")
                     for number, (s, e) in enumerate(trim(text, a, b) for a, b in lines(text))
                     if s < e)
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
        out.extend(Segment(text[s:e], s, e, paragraph, kind) for s, e in spans)
        paragraph += 1
    return tuple(out)
