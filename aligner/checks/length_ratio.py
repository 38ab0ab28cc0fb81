"""length_ratio: aligned pairs whose length ratio is far outside the document's own.

Arabic runs ~5–15% shorter than English in characters, but the right ratio depends on the
translator and the text, so each document is measured against itself: the median and MAD of
the log character ratio over its 1-1 links. A pair with a side under ``min_short_side``
characters is not judged (short sentences are rendered compactly or explicitly at will), nor is
a pair as close in meaning as the document's typical pair; English acronyms the Arabic spells
out count at their spelled length.
Anything more specific (an omission, a dropped
clause) suppresses this finding in ``run.py``.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

from aligner.checks.acronyms import acronym_allowance
from aligner.checks.base import CheckContext, register_check
from aligner.records import Finding, Link
from aligner.registry import Style


@dataclass(frozen=True)
class LengthRatioParams:
    # prior for documents too short to measure: Arabic/English log char ratio seen on NTREX
    prior_median: float = -0.05
    prior_sigma: float = 0.2
    min_sigma: float = 0.1
    z_flag: float = 4.0  # robust z from which a pair is reported
    min_chars: int = 20  # shorter pairs say nothing about length
    min_short_side: int = 20  # nor does a pair whose shorter side is shorter than this: a
    # short sentence ("Try love.", "Fay" / إعصار فاي) is often rendered explicitly
    # a pair at least as close in meaning as this share of the document's median 1-1 cosine
    # holds what a typical pair holds: its length is phrasing (compact Arabic, explicitation)
    typical_sim: float = 1.0
    # English acronyms the Arabic does not keep in Latin letters take this many characters a
    # letter there spelled out (WHO: منظمة الصحة العالمية), this many as letter names (إم بي)
    acronym_letter_chars: int = 6
    acronym_name_chars: int = 3


@dataclass(frozen=True)
class DocRatio:
    """The document's typical log(target chars / source chars) and its robust spread."""

    median: float
    sigma: float

    def z(self, src_len: int, tgt_len: int) -> float:
        return (log_ratio(src_len, tgt_len) - self.median) / self.sigma


def log_ratio(src_len: int, tgt_len: int) -> float:
    """Smoothed so that very short segments do not produce extreme ratios."""
    return math.log((tgt_len + 5) / (src_len + 5))


def doc_ratio(ctx: CheckContext) -> DocRatio:
    """Median and MAD-sigma of the log ratio over the 1-1 links (prior if fewer than 5)."""
    p = ctx.params.get(LengthRatioParams)
    ratios = []
    for link in ctx.report.links:
        if len(link.src) == 1 and len(link.tgt) == 1:
            s, t = ctx.pair_texts(link)
            if len(s) >= p.min_chars and len(t) >= p.min_chars:
                ratios.append(log_ratio(len(s), len(t)))
    if len(ratios) < 5:
        median = statistics.median(ratios) if len(ratios) >= 3 else p.prior_median
        return DocRatio(median, p.prior_sigma)
    median = statistics.median(ratios)
    mad = statistics.median(abs(r - median) for r in ratios)
    return DocRatio(median, max(1.4826 * mad, p.min_sigma))


class LengthRatioCheck:
    name = "length_ratio"

    def run(self, ctx: CheckContext) -> list[Finding]:
        stats = doc_ratio(ctx)
        scores = [lk.score for lk in ctx.report.links if len(lk.src) == 1 and len(lk.tgt) == 1]
        typical = statistics.median(scores) if scores else math.inf
        findings = []
        for link in ctx.report.links:
            if link.is_null or link.score >= typical * ctx.params.get(LengthRatioParams
                                                                     ).typical_sim:
                continue
            found = self._check(ctx, stats, link)
            if found:
                findings.append(found)
        return findings

    @staticmethod
    def _z(ctx: CheckContext, stats: DocRatio, s: str, t: str) -> float:
        """The pair's z against the document; English acronyms absent from the Arabic may take
        their spelled length there, as far as that brings the pair back towards the document's
        ratio."""
        p = ctx.params.get(LengthRatioParams)

        z = stats.z
        plain = z(len(s), len(t))
        ar_side = "src" if ctx.src_lang == "ar" else "tgt" if ctx.tgt_lang == "ar" else None
        if ar_side is None or (plain > 0) != (ar_side == "tgt"):
            return plain  # no Arabic side, or the Arabic is not the longer one
        en_text, ar_text = (t, s) if ar_side == "src" else (s, t)
        extra = acronym_allowance(en_text, ar_text, p.acronym_letter_chars, p.acronym_name_chars)
        credited = z(len(s) + extra, len(t)) if ar_side == "tgt" else z(len(s), len(t) + extra)
        return 0.0 if (credited > 0) != (plain > 0) else credited

    def _check(self, ctx: CheckContext, stats: DocRatio, link: Link) -> Finding | None:
        p = ctx.params.get(LengthRatioParams)
        s, t = ctx.pair_texts(link)
        if max(len(s), len(t)) < p.min_chars or min(len(s), len(t)) < p.min_short_side:
            return None
        z = self._z(ctx, stats, s, t)
        if abs(z) < p.z_flag:
            return None
        shorter = "tgt" if z < 0 else "src"
        expected = math.exp(stats.median)
        return Finding(
            kind=self.name, severity="minor",
            confidence=round(min(0.9, 0.5 + (abs(z) - p.z_flag) / 10), 3),
            src=link.src, tgt=link.tgt, missing_in=shorter,
            message=(f"the {'target' if shorter == 'tgt' else 'source'} is unusually short for "
                     f"this document (source {len(s)}, target {len(t)} characters; typical "
                     f"target/source ratio {expected:.2f})"),
            evidence={"src_chars": len(s), "tgt_chars": len(t), "z": round(z, 2),
                      "doc_median_log_ratio": round(stats.median, 3),
                      "doc_sigma": round(stats.sigma, 3)})


@register_check("length_ratio", params=LengthRatioParams, order=7, yields=True,
                style=Style("reverse", "#7d8799", "rgba(125, 135, 153, 0.22)"))
def _make() -> LengthRatioCheck:
    return LengthRatioCheck()
