"""Paragraph blocks: the units sentences are split within, with exact offsets.

Scraped articles mix conventions: blank lines between paragraphs, single newlines between
paragraphs (seed 001), short headline lines stacked together ("Iraq News" / "Security"), and
sometimes hard-wrapped prose. Each non-empty line is its own block unless its blank-line run
looks hard-wrapped; then the run's lines are joined (split again at Markdown headings and
list items, which always start a block).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from aligner.segment.text import CLOSERS, TERMINALS, WIDE_TERMINALS, is_blank, trim

# Markdown heading marker, and trailing closing hashes ("## Title ##").
_HEADING = re.compile(r"[ \t]*#{1,6}(?:[ \t]+|(?=[\r\n]|$))")
_HEADING_TAIL = re.compile(r"[ \t]+#+[ \t]*$")
# Bullet and blockquote markers; their text is excluded from the segment.
_BULLET = re.compile(r"[ \t]*(?:[-*+•▪‣◦–][ \t]+|>[ \t]*)")
# Ordered-list items start a block but keep their number ("1. ", "١) ").
_NUMBERED = re.compile(r"[ \t]*\d{1,3}[.)][ \t]+")
# A line that ends a sentence (so the line break after it is a real break).
_LINE_END = re.compile(rf"[{TERMINALS}{WIDE_TERMINALS}][{re.escape(CLOSERS)}]*\s*$")
# Line endings that signal a wrapped line: a clause continues on the next line.
_CONTINUES = (",", "،", ";", "؛", ":", "-", "–", "—")
# Line breaks as ``str.splitlines`` knows them, so offsets agree with it.
_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


@dataclass(frozen=True)
class Block:
    """A paragraph: ``[start, end)`` already trimmed and past any Markdown marker."""

    start: int
    end: int
    heading: bool = False


def lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line's content, line breaks excluded; blank lines included."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        out.append((pos, pos + len(line.rstrip(_BREAKS))))
        pos += len(line)
    return out


def split_blocks(text: str) -> list[Block]:
    """Blocks of a document in order; blank and marker-only lines yield none."""
    blocks: list[Block] = []
    run: list[tuple[int, int]] = []
    for start, end in [*lines(text), (len(text), len(text))]:
        if not is_blank(text, start, end):
            run.append((start, end))
            continue
        if run:
            groups = _wrapped_groups(text, run) if _hard_wrapped(text, run) else [[x] for x in run]
            blocks.extend(b for b in (_block(text, g[0][0], g[-1][1]) for g in groups) if b)
            run = []
    return blocks


def _starts_item(text: str, start: int, end: int) -> bool:
    """True for a line that opens a heading, list item or quote: never a continuation."""
    return any(p.match(text, start, end) for p in (_HEADING, _BULLET, _NUMBERED))


def _hard_wrapped(text: str, run: list[tuple[int, int]]) -> bool:
    """Whether a blank-line run is prose wrapped at a fixed width rather than separate lines.

    A line continues when it lacks sentence punctuation and either ends mid-clause, is followed
    by a lowercase word, or fills most of the run's width (only in runs of three or more lines:
    a long headline over a byline is no wrapping). Two thirds of the lines must continue.
    """
    if len(run) < 2:
        return False
    spans = [trim(text, s, e) for s, e in run]
    width = max(e - s for s, e in spans)
    continued = 0
    for (s, e), (ns, ne) in pairwise(spans):
        line = text[s:e]
        if _LINE_END.search(line) or _starts_item(text, ns, ne):
            continue
        if (line.endswith(_CONTINUES) or text[ns].islower()
                or (len(run) > 2 and width >= 50 and e - s >= 0.7 * width)):
            continued += 1
    return 3 * continued >= 2 * (len(run) - 1)


def _wrapped_groups(text: str, run: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Join wrapped lines; headings stand alone and list items open a new group."""
    groups: list[list[tuple[int, int]]] = []
    after_heading = False
    for start, end in run:
        heading = _HEADING.match(text, start, end) is not None
        if not groups or heading or after_heading or _starts_item(text, start, end):
            groups.append([(start, end)])
        else:
            groups[-1].append((start, end))
        after_heading = heading
    return groups


def _block(text: str, start: int, end: int) -> Block | None:
    """Strip the Markdown marker and surrounding space; None when nothing is left."""
    heading = _HEADING.match(text, start, end)
    if heading:
        start = heading.end()
        tail = _HEADING_TAIL.search(text, start, end)
        end = tail.start() if tail else end
    else:
        bullet = _BULLET.match(text, start, end)
        start = bullet.end() if bullet else start
    start, end = trim(text, start, end)
    if start == end:
        return None
    return Block(start, end, heading=heading is not None)
