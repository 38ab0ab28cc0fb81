"""term_mismatch: a glossary term on one side of an aligned pair whose other side holds none of
its required renderings.

Matching forgives what inflection and spelling change: on the Arabic side hamza seats,
diacritics and teh marbuta are folded, the first word may carry clitics (و ف ب ل ك ال), every
word may drop or gain the article, and the first and last words may take ة/ات/ين/ون or the
dual, the first of several also the construct state (وزارتا الصحة, وزيري الخارجية); on the
English side case (except in acronyms), the possessive and the plural of the first and last
words (ministries of health, health ministries).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from aligner.arabic.normalize import arabic_tokens, normalize, strip_article, strip_clitics
from aligner.checks.base import CheckContext, register_check
from aligner.glossary import Glossary, Term
from aligner.records import Finding, Link, Span
from aligner.registry import Style


@dataclass(frozen=True)
class TermMismatchParams:
    confidence: float = 0.85  # a glossary is an explicit rule; matching is what may err
    #: the last word's inflections, teh marbuta folded to heh: sg. ة, pl. ات/ون/ين, dual ان/ين
    ar_suffixes: tuple[str, ...] = ("ه", "ات", "ون", "ين", "ان", "تان", "تين")
    #: the first word of several in the construct state: a dual or plural that lost its nun
    #: (وزارتا/وزارتي الصحة, وزيرا/وزيري الخارجية, مراقبو الأمم), cut only from a word that
    #: keeps this many letters (أبو ظبي is no plural of أب)
    ar_construct: tuple[str, ...] = ("تا", "تي", "ا", "ي", "و")
    ar_construct_min_stem: int = 3


_EN_WORD = re.compile(r"[^\W_]+(?:['’][sS]\b|['’](?!\w))?")


def english_tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """Words as ``(start, end, word)``, a possessive ('s, s') cut from the word."""
    for m in _EN_WORD.finditer(text):
        word = m.group()
        core = re.sub(r"['’][sS]?$", "", word)
        yield m.start(), m.start() + len(core), core


@functools.lru_cache(maxsize=4096)
def _en_tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple(english_tokens(text))


@functools.lru_cache(maxsize=65536)
def _en_forms(word: str) -> frozenset[str]:
    """The word and its plural or singular forms, lower case."""
    w = word.lower()
    bases = {w}
    if w.endswith("ies") and len(w) > 4:
        bases.add(w[:-3] + "y")
    if w.endswith("es") and len(w) > 3:
        bases.add(w[:-2])
    if w.endswith("s") and len(w) > 2:
        bases.add(w[:-1])
    forms = set(bases)
    for b in bases:
        forms |= {b + "s", b + "es"}
        if b.endswith("y"):
            forms.add(b[:-1] + "ies")
    return frozenset(forms)


def _en_word_match(term_word: str, text_word: str, first: bool, last: bool) -> bool:
    """Whether a text word is the term's word; the first and last may be plural (the head
    noun: "ministries of health", "health ministries")."""
    if len(term_word) > 1 and term_word.isupper():  # an acronym: US is not "us"
        return text_word == term_word or (last and text_word == term_word + "s")
    if first or last:
        return text_word.lower() in _en_forms(term_word)
    return text_word.lower() == term_word.lower()


@functools.lru_cache(maxsize=4096)
def _en_lower(text: str) -> frozenset[str]:
    return frozenset(w.lower() for _, _, w in _en_tokens(text))


def find_english(text: str, term: str) -> tuple[int, int] | None:
    """Where ``term`` first occurs in ``text`` as whole words, inflected; None if nowhere."""
    words = [w for _, _, w in _en_tokens(term)]
    n = len(words)
    if not n:
        return _verbatim(text, term)
    if not _en_forms(words[0]) & _en_lower(text):
        return None  # a quick no for most terms of a large glossary
    tokens = _en_tokens(text)
    for i in range(len(tokens) - n + 1):
        if n and all(_en_word_match(words[k], tokens[i + k][2], k == 0, k == n - 1)
                     for k in range(n)):
            return tokens[i][0], tokens[i + n - 1][1]
    return None


def _verbatim(text: str, term: str) -> tuple[int, int] | None:
    """A rendering with no word of the side's script (a symbol, Latin letters kept in the
    Arabic) is looked for as written."""
    at = text.find(term)
    return (at, at + len(term)) if term and at >= 0 else None


def _ar_core(word: str, p: TermMismatchParams, first: bool, last: bool) -> set[str]:
    """Comparable forms of a normalised Arabic word: without the article and, for the first or
    last word of a term, without an inflection ending (the first of several: or the ending of
    the construct state)."""
    base = strip_article(word)
    out = {base}
    if first or last:
        for suffix in p.ar_suffixes:
            if base.endswith(suffix) and len(base) - len(suffix) >= 2:
                out.add(base[:-len(suffix)])
        for suffix in p.ar_construct if first and not last else ():
            if base.endswith(suffix) and len(base) - len(suffix) >= p.ar_construct_min_stem:
                out.add(base[:-len(suffix)])
        if base.endswith("ات") and len(base) > 3:
            out.add(base[:-1])  # ميليشيا → ميليشيات keeps the alef
    return out


@functools.lru_cache(maxsize=65536)
def _ar_forms(raw: str, first: bool, last: bool, p: TermMismatchParams) -> frozenset[str]:
    """Every comparable form of a text word in a term's first and/or last position (memoised:
    a glossary of thousands of terms looks at the same words again and again)."""
    stems = [normalize(s) for _, s in strip_clitics(raw)] if first else [normalize(raw)]
    return frozenset(f for s in stems for f in _ar_core(s, p, first, last))


@functools.lru_cache(maxsize=16384)
def _ar_term(term: str, p: TermMismatchParams) -> tuple[frozenset[str], ...]:
    words = [normalize(w) for _, _, w in arabic_tokens(term)]
    return tuple(frozenset(_ar_core(w, p, k == 0, k == len(words) - 1))
                 for k, w in enumerate(words))


@functools.lru_cache(maxsize=4096)
def _ar_tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple(arabic_tokens(text))


@functools.lru_cache(maxsize=4096)
def _ar_index(text: str, last: bool, p: TermMismatchParams) -> frozenset[str]:
    """Every form a term's first word could match in ``text``."""
    return frozenset().union(*(_ar_forms(t, True, last, p) for _, _, t in _ar_tokens(text)))


def find_arabic(text: str, term: str,
                p: TermMismatchParams = TermMismatchParams()) -> tuple[int, int] | None:
    """Where ``term`` first occurs in ``text`` (clitics, article and inflection forgiven)."""
    wanted = _ar_term(term, p)
    n = len(wanted)
    if not n:
        return _verbatim(text, term)
    if not wanted[0] & _ar_index(text, n == 1, p):
        return None  # a quick no for most terms of a large glossary
    tokens = _ar_tokens(text)
    for i in range(len(tokens) - n + 1):
        if n and all(wanted[k] & _ar_forms(tokens[i + k][2], k == 0, k == n - 1, p)
                     for k in range(n)):
            return tokens[i][0], tokens[i + n - 1][1]
    return None


@functools.lru_cache(maxsize=8)
def _first_words(glossary: Glossary, p: TermMismatchParams,
                 ) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Term numbers by the forms their renderings' first word may take in a text, English
    (lower case) and Arabic: the index that lets a large glossary skip most terms at once."""
    en: dict[str, list[int]] = {}
    ar: dict[str, list[int]] = {}
    for n, term in enumerate(glossary.terms):
        for rendering in term.en:
            words = [w for _, _, w in _en_tokens(rendering)]
            for key in _en_forms(words[0]) if words else {""}:  # "": looked for in every pair
                en.setdefault(key, []).append(n)
        for rendering in term.ar:
            wanted = _ar_term(rendering, p)
            for key in wanted[0] if wanted else {""}:
                ar.setdefault(key, []).append(n)
    return en, ar


class TermMismatchCheck:
    name = "term_mismatch"

    def run(self, ctx: CheckContext) -> list[Finding]:
        glossary = ctx.glossary
        langs = (ctx.src_lang.split("-")[0].lower(), ctx.tgt_lang.split("-")[0].lower())
        if glossary is None or sorted(langs) != ["ar", "en"]:
            return []
        en_side = "src" if langs[0] == "en" else "tgt"
        ar_side = "tgt" if en_side == "src" else "src"
        p = ctx.params.get(TermMismatchParams)
        en_index, ar_index = _first_words(glossary, p)
        findings = []
        for link in ctx.report.links:
            if link.is_null:
                continue
            # only terms whose first word occurs on one side can be found there
            en_words = set().union(*(_en_lower(ctx.side(en_side)[i].text)
                                     for i in (link.src if en_side == "src" else link.tgt)))
            ar_forms = set().union(*(_ar_index(ctx.side(ar_side)[i].text, last, p)
                                     for i in (link.src if ar_side == "src" else link.tgt)
                                     for last in (False, True)))
            candidates = {n for w in {"", *en_words} for n in en_index.get(w, ())} | {
                n for f in {"", *ar_forms} for n in ar_index.get(f, ())}
            for n in sorted(candidates):
                found = self._check(ctx, link, glossary.terms[n], en_side, ar_side)
                if found:
                    findings.append(found)
        return findings

    def _first(self, ctx: CheckContext, link: Link, side: str, renderings: Sequence[str],
               p: TermMismatchParams) -> Span | None:
        """The first occurrence of any rendering in the link's segments on ``side``."""
        for i in link.src if side == "src" else link.tgt:
            seg = ctx.side(side)[i]
            for rendering in renderings:
                where = (find_english(seg.text, rendering) if side_lang(ctx, side) == "en"
                         else find_arabic(seg.text, rendering, p))
                if where:
                    a, b = where
                    return Span(side, i, seg.start + a, seg.start + b, seg.text[a:b])
        return None

    def _check(self, ctx: CheckContext, link: Link, term: Term, en_side: str,
               ar_side: str) -> Finding | None:
        p = ctx.params.get(TermMismatchParams)
        sides = {en_side: (term.en, "English"), ar_side: (term.ar, "Arabic")}
        for have, lack in ((en_side, ar_side), (ar_side, en_side)):
            hit = self._first(ctx, link, have, sides[have][0], p)
            if hit is None or self._first(ctx, link, lack, sides[lack][0], p):
                continue
            wanted = " or ".join(f'"{r}"' for r in sides[lack][0])
            return Finding(
                kind=self.name, severity=term.severity, confidence=p.confidence,
                src=link.src, tgt=link.tgt, missing_in=lack,
                message=(f'glossary term "{hit.text}" is not rendered as {wanted} in the '
                         f"{sides[lack][1]}"),
                evidence={"span": hit, "term": sides[have][0][0],
                          "expected": list(sides[lack][0])})
        return None


def side_lang(ctx: CheckContext, side: str) -> str:
    return (ctx.src_lang if side == "src" else ctx.tgt_lang).split("-")[0].lower()


# a term rendered against the glossary says nothing about a pair's length
@register_check("term_mismatch", params=TermMismatchParams, order=8, explains_length=False,
                style=Style("black on green", "#2e8b57", "rgba(46, 139, 87, 0.22)"))
def _make() -> TermMismatchCheck:
    return TermMismatchCheck()
