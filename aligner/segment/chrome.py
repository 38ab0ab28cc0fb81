"""Site chrome: the lines a news site prints around every article ("Do you like this article?",
"0 Comment(s)", its comment policy, "Share this article", newsletter prompts, "All rights
reserved"), in English and Arabic. Scraped or copied with the article, they align with each
other and would go into a training corpus as sentence pairs; extraction from a saved page
(``aligner.web``) leaves most of them out, but not those inside the article's own markup.

A segment is chrome only when the whole of it is one of these phrases (a real sentence that
mentions comments or sharing is not), or when it is a crumb of the breadcrumb trail that opens
a scraped article ("Iraq News / Security" above the headline): such segments get
``kind = "chrome"``.
"""

from __future__ import annotations

import re

from aligner.records import Segment

CHROME_KIND = "chrome"
#: Longer segments are article text whatever they start with.
MAX_CHROME_CHARS = 160

_EN = [
    r"(do|did) you (like|enjoy) this (article|story|post)",
    r"was this (article|story) (useful|helpful)",
    r"\d+ comments?(\(s\))?",
    r"comment(s|ing)? policy( \*.*)?",
    r"\*? ?(denotes|indicates) (a )?required fields?[\d /]*",
    r"(leave|add|post|write) a (comment|reply)",
    r"share (this|the) (article|story|post|page)( on \w+)?",
    r"share( on| via)? (facebook|twitter|x|whatsapp|telegram|linkedin|email)",
    r"(sign up|subscribe|register) (to|for) (our|the) (\w+ )?(daily |weekly |free )?"
    r"newsletters?",
    r"get (our|the) (\w+ )?newsletter",
    r"newspapers (in|from) [\w ]+",
    r"(related|recommended|more) (articles|stories|news|from \w+)",
    r"read more( stories| articles)?",
    r"follow us on [\w ,]+",
    r".{0,80}\ball rights reserved",
]
_AR = [
    r"هل أعجبك هذا (المقال|الخبر|الموضوع)",
    r"\d+ (تعليق|تعليقات|تعليقًا|تعليقا)",
    r"سياسة (\w+ )?((بشأن|حول|بخصوص) )?التعليقات( \*.*)?",
    r"\*? ?(معلومات|حقول) (ضرورية|مطلوبة|إلزامية)[\d /]*",
    r"(أضف|اكتب|اترك) (تعليقا|تعليقًا|تعليقك|ردا)",
    r"(شارك|شاركوا|مشاركة) (هذا |هذه )?(المقال|الخبر|المقالة|الصفحة)( على \w+)?",
    r"(اشترك|اشتركوا|سجل) في (نشرتنا|النشرة) (الإخبارية|البريدية)?",
    r"(مقالات|أخبار|مواضيع) (ذات صلة|مشابهة|أخرى)",
    r"(اقرأ|إقرأ) (أيضا|أيضًا|المزيد)",
    r"تابعونا على [\w ،,]+",
    r".{0,80}جميع الحقوق محفوظة",
]
#: A breadcrumb is a section name of at most this many words ("Iraq News", "أخبار العراق").
MAX_CRUMB_WORDS = 3
_CRUMB_SEPARATOR = re.compile(r"\s+[›»>/|]\s+")
_SENTENCE_END = re.compile(r"[.!?؟:;…]$")
_PATTERN = re.compile("|".join(f"(?:{p})" for p in _EN + _AR), re.IGNORECASE)
# what may surround the phrase: punctuation, spaces, a character counter ("1500 / 1500")
_EDGES = re.compile(r"^[\s\W_]+|[\s?؟!.:…»«\-–—|]+$")


def is_chrome(text: str) -> bool:
    """Whether the whole of ``text`` is a site-chrome phrase."""
    if len(text) > MAX_CHROME_CHARS:
        return False
    core = " ".join(_EDGES.sub("", text).split())
    if core.startswith("*"):
        core = core.lstrip("* ")
    return bool(core) and _PATTERN.fullmatch(core) is not None


def mark_chrome(segments: tuple[Segment, ...], text: str | None = None) -> tuple[Segment, ...]:
    """``segments`` with those that are site chrome of kind ``chrome``; given the document's
    ``text``, the breadcrumb trail that opens it is chrome too."""
    crumbs = _breadcrumbs(segments, text) if text is not None else 0
    return tuple(Segment(s.text, s.start, s.end, s.paragraph, CHROME_KIND)
                 if n < crumbs or is_chrome(s.text) else s for n, s in enumerate(segments))


def _breadcrumbs(segments: tuple[Segment, ...], text: str) -> int:
    """How many segments at the start of ``text`` are a breadcrumb trail: a first block of
    section names only (two lines or more, or one line with › » > / | between them), then a
    headline alone in its block, then the article. A headline under a kicker ("Breaking",
    then "Minister resigns", then the first sentence) is no trail: no lone line follows it."""
    def blank_between(a: Segment, b: Segment) -> bool:
        return text.count("\n", a.end, b.start) >= 2

    n = 0
    while n < len(segments) and segments[n].kind == "line" and (
            n == 0 or text.count("\n", segments[n - 1].end, segments[n].start) == 1):
        n += 1
    if not 0 < n < len(segments) - 1:
        return 0
    headline = segments[n]
    if (headline.kind != "line" or not blank_between(segments[n - 1], headline)
            or not blank_between(headline, segments[n + 1])):
        return 0
    names = [name for s in segments[:n] for name in _CRUMB_SEPARATOR.split(s.text)]
    return n if len(names) >= 2 and all(_is_crumb(name) for name in names) else 0


def _is_crumb(text: str) -> bool:
    """Whether ``text`` reads as a section name: a few words, no digits, not a sentence."""
    words = text.split()
    return (0 < len(words) <= MAX_CRUMB_WORDS and not any(c.isdigit() for c in text)
            and not _SENTENCE_END.search(text))
