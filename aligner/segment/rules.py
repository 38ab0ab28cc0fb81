"""Rule-based sentence splitting within one block, for Arabic, English and other languages.

One fast regex pass finds candidate ends (terminal punctuation plus closing quotes, followed by
space); each candidate is then vetoed by cheap local tests: abbreviations, initials, list
numbers, URLs, a lowercase continuation. The same engine serves every language so that both
sides of a pair are cut by the same logic; languages differ only in their ``Rules``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aligner.segment import lexicon
from aligner.segment.text import (
    CLOSERS,
    INVISIBLE,
    OPENERS,
    TERMINALS,
    WIDE_TERMINALS,
    has_word,
    trim,
)


@dataclass(frozen=True)
class Rules:
    """What differs between languages: never-final abbreviations and the Arabic semicolon."""

    strict: frozenset[str]
    semicolon: bool = False  # "؛" ends a sentence when a full clause stands on each side


RULES = {
    "en": Rules(lexicon.STRICT_EN),
    "de": Rules(lexicon.STRICT_DE | lexicon.STRICT_EN),
    "fr": Rules(lexicon.STRICT_FR | lexicon.STRICT_EN),
    "ar": Rules(lexicon.STRICT_EN, semicolon=True),
}
GENERIC = Rules(lexicon.STRICT_EN | lexicon.STRICT_DE | lexicon.STRICT_FR, semicolon=True)

_CLOSE = f"[{re.escape(CLOSERS)}]*"
# p: terminal run; w: full-width terminal (no space needed); s: Arabic semicolon.
_CANDIDATE = re.compile(
    rf"(?P<p>[{TERMINALS}]+){_CLOSE}(?=\s|\Z)|(?P<w>[{WIDE_TERMINALS}]+){_CLOSE}|(?P<s>؛)(?=\s)")
# A bracketed caption right after a sentence end belongs to that sentence (after any space on
# the line: web text often has a no-break space there).
_CAPTION = re.compile(r"[^\S\r\n]*\[[^\[\]\r\n]*\](?=\s|\Z)")
_URL = re.compile(r"(?:https?://|ftp://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_URL_TAIL = re.compile(rf"[{TERMINALS}.,;:،؛{re.escape(CLOSERS)}]+\Z")
_VISIBLE = re.compile(rf"[^\s{INVISIBLE}]")
_TOKEN = re.compile(rf"[^\s{re.escape(OPENERS)}]+\Z")
_WORD = re.compile(rf"[{re.escape(OPENERS)}]*([^\W_][\w'’-]*)")
_NUMBER = re.compile(r"\d+(?:[.,٫٬]\d+)*")
_NUMBER_BEFORE = re.compile(r"\d[\d.,٫٬]*\s*\Z")
_DOTTED = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}")
_CLAUSE_STOP = re.compile(rf"[{TERMINALS}؛]")
_CLAUSE_WORDS = 3  # each side of "؛" needs this many words to count as a clause
_CLAUSE_SPAN = 200  # characters looked at on each side of "؛" (keeps long runs linear)
_LOOKBACK = 40  # a token longer than this is no abbreviation


def rules_for(lang: str) -> Rules:
    """Rules for a language code ("ar", "en-US", "de_DE"); unknown codes get the generic set."""
    return RULES.get(re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0], GENERIC)


def sentence_spans(text: str, start: int, end: int, rules: Rules) -> list[tuple[int, int]]:
    """Trimmed ``(start, end)`` of each sentence in ``text[start:end]``, in order.

    Pieces without a letter or digit (a trailing dash, a stray quote) join the previous one.
    """
    t = text[start:end]
    urls = _urls(t)
    cuts: list[int] = []
    last = skip_until = 0
    for m in _CANDIDATE.finditer(t):
        if m.start() < skip_until or any(a <= m.start() < b for a, b in urls):
            continue
        visible = _VISIBLE.search(t, m.end())
        if visible is None:
            break
        nxt = visible.start()
        if not _ends_sentence(t, m, last, nxt, rules):
            continue
        cut = m.end()
        caption = _CAPTION.match(t, cut)
        if caption:
            cut = skip_until = caption.end()
        cuts.append(cut)
        last = cut
    spans: list[tuple[int, int]] = []
    for a, b in zip([0, *cuts], [*cuts, len(t)], strict=True):
        a, b = trim(t, a, b)
        if a == b:
            continue
        if spans and not (has_word(t[a:b]) and has_word(t[spans[-1][0]:spans[-1][1]])):
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return [(start + a, start + b) for a, b in spans]


def _urls(t: str) -> list[tuple[int, int]]:
    """URL and e-mail spans, minus trailing punctuation that belongs to the sentence."""
    spans = []
    for m in _URL.finditer(t):
        tail = _URL_TAIL.search(m.group())
        spans.append((m.start(), m.end() - (len(tail.group()) if tail else 0)))
    return spans


def _ends_sentence(t: str, m: re.Match[str], last: int, nxt: int, rules: Rules) -> bool:
    """Whether candidate ``m`` ends the sentence that began at ``last``; ``nxt`` is the next
    visible character."""
    ps = m.start()
    if m.group("s"):
        stop = _CLAUSE_STOP.search(t, m.end(), m.end() + _CLAUSE_SPAN)
        before = t[max(last, ps - _CLAUSE_SPAN):ps]
        after = t[m.end():stop.start() if stop else m.end() + _CLAUSE_SPAN]
        return (rules.semicolon and len(before.split()) >= _CLAUSE_WORDS
                and len(after.split()) >= _CLAUSE_WORDS)
    if m.group("w"):
        return True
    ch = t[nxt]
    if ch.islower() or ch in ",;:،" or (ps > 0 and t[ps - 1] in "([{"):
        return False  # "e.g. the", "he waited... and", "(?)", "[...]"
    if m.group("p") != ".":
        return True
    token = _TOKEN.search(t, max(last, ps - _LOOKBACK), ps)
    if token is None:
        return True
    return _period_ends(t, token.group(), token.start(), last, nxt, rules)


def _period_ends(t: str, tok: str, tok_start: int, last: int, nxt: int, rules: Rules) -> bool:
    """Whether a single period after ``tok`` ends the sentence."""
    word = _WORD.match(t, nxt)
    following = word.group(1) if word else ""
    if tok in rules.strict or tok[:1].lower() + tok[1:] in rules.strict:
        return False  # "Dr. Smith", "E.g. this"
    if tok in lexicon.BEFORE_NUMBER and t[nxt].isdigit():
        return False  # "No. 5", "p. 12"
    if _NUMBER.fullmatch(tok):
        if len(tok) <= 3 and trim(t, last, tok_start)[0] == tok_start:
            return False  # ordered-list number "1. "
        return not (len(tok) <= 2 and following in lexicon.MONTHS_AFTER_ORDINAL)
    bare = tok.replace("ـ", "")
    initial = len(bare) == 1 and bare.isalpha() and not bare.islower()  # "J.", "م.", not "h."
    if not initial and not _DOTTED.fullmatch(tok) and tok not in lexicon.SOFT:
        return True
    if (tok in lexicon.ERA or bare in lexicon.ERA) \
            and _NUMBER_BEFORE.search(t, max(0, tok_start - _LOOKBACK), tok_start):
        return True  # "ولد عام 1950 م. وقال": an era marker after a year ends the sentence
    return following in lexicon.STARTERS  # initials, "U.S.", "Inc.": only before "The", "He"…
