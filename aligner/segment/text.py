"""Character classes and trimming shared by the block and sentence stages.

Arabic web text carries bidi marks and zero-width characters that ``str.strip`` keeps; trimming
them here keeps segments clean while offsets stay exact.
"""

from __future__ import annotations

import re

# Invisible format characters: zero-width space/joiners, LRM/RLM, bidi embeddings and isolates, BOM.
INVISIBLE = ("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
             "\u2066\u2067\u2068\u2069\ufeff")

# Sentence-final punctuation that needs whitespace (or the end) after it to count.
TERMINALS = ".!?…؟‼⁇⁈⁉۔।።"
# Full-width CJK terminals end a sentence even with no space after them.
WIDE_TERMINALS = "。！？"
# Closing quotes and brackets that belong to the sentence they follow.
CLOSERS = "\"'»”’)]}›」』"
# Opening quotes and brackets that may precede a word.
OPENERS = "\"'«“‘([{‹「『"

_VISIBLE = re.compile(rf"[^\s{INVISIBLE}]")

# Sentence-terminated text: terminal punctuation, then only closers, dashes or a caption.
TERMINATED = re.compile(rf"[{TERMINALS}{WIDE_TERMINALS}][\W_]*(?:\[[^\[\]]*\][\W_]*)?\Z")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding whitespace and invisible marks."""
    while start < end and (text[start].isspace() or text[start] in INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in INVISIBLE):
        end -= 1
    return start, end


def is_blank(text: str, start: int = 0, end: int | None = None) -> bool:
    """True when the range holds only whitespace and invisible marks."""
    return _VISIBLE.search(text, start, len(text) if end is None else end) is None


def has_word(text: str) -> bool:
    """True when the text has a letter or digit: punctuation-only pieces are not segments."""
    return any(ch.isalnum() for ch in text)
