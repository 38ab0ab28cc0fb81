"""Run the registered checks on an aligned report and merge their findings.

Checks run independently; merging is where overlaps are resolved, by the rules each check
declared where it registered (``yields``, ``suppresses``): a length-ratio finding says less
than an omission or a number mismatch on the same pair, and an unaligned target segment
reported as untranslated is not also an added sentence.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Sequence

from aligner.checks.base import CHECKS, CheckContext, check_names, get_check
from aligner.checks.params import CheckParams
from aligner.embed.base import Embedder
from aligner.glossary import Glossary
from aligner.records import SEVERITIES, AlignerError, Finding, Report, Segment, Span


def run_checks(report: Report, embedder: Embedder | None = None,
               only: Sequence[str] | None = None,
               params: CheckParams | None = None,
               glossary: Glossary | None = None) -> list[Finding]:
    """All (or ``only`` the named) checks' findings, de-duplicated, in document order;
    ``glossary`` turns on term_mismatch."""
    names = check_names()
    if only is not None:
        unknown = sorted(set(only) - set(names))
        if unknown:
            raise AlignerError(None, f"unknown check(s) {', '.join(unknown)} "
                                     f"(known: {', '.join(names)})")
        names = [n for n in names if n in only]
    ctx = CheckContext(report, embedder, params or CheckParams(), glossary)
    findings: list[Finding] = []
    for name in names:
        findings.extend(get_check(name).run(ctx))
    findings = _minor_on_chrome(report, _suppress(_dedupe(findings)))
    return with_ids(report, sort_findings(report, findings))


def _minor_on_chrome(report: Report, findings: list[Finding]) -> list[Finding]:
    """A finding on site chrome alone ("0 Comment(s)" left untranslated or unaligned) is
    minor at most: the page around the article is no part of the translation to review."""
    out = []
    for f in findings:
        segments = [report.src.segments[i] for i in f.src] + \
            [report.tgt.segments[j] for j in f.tgt]
        if segments and f.severity != "minor" and all(s.kind == "chrome" for s in segments):
            f = dataclasses.replace(f, severity="minor",
                                    evidence={**f.evidence, "chrome": True})
        out.append(f)
    return out


def finding_id(report: Report, finding: Finding) -> str:
    """12 hex digits from the finding's kind, side and the texts it concerns (its segments and
    evidence spans, spaces folded): the same finding keeps its id across reruns and edits
    elsewhere in the articles, while segment numbers and message wording may change."""

    def texts(segments: Sequence[Segment], ids: Sequence[int]) -> str:
        return "\x1e".join(" ".join(segments[i].text.split()) for i in ids)

    spans = sorted(" ".join(str(s.get("text", "")).split())
                   for s in _spans(finding.evidence))
    key = "\x1f".join([finding.kind, str(finding.missing_in),
                       texts(report.src.segments, finding.src),
                       texts(report.tgt.segments, finding.tgt), *spans])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def with_ids(report: Report, findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` with their stable ids; a repeat of the same id (the same sentence twice in
    one article) gets ``-2``, ``-3``… in document order."""
    seen: Counter[str] = Counter()
    out = []
    for f in findings:
        base = finding_id(report, f)
        seen[base] += 1
        out.append(dataclasses.replace(f, id=base if seen[base] == 1 else f"{base}-{seen[base]}"))
    return out


def _spans(evidence: dict[str, object]) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for value in evidence.values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Span):
                found.append(item.to_json())
            elif isinstance(item, dict) and {"side", "segment", "text"} <= item.keys():
                found.append(item)
    return found


def worst_severity(findings: Sequence[Finding]) -> str | None:
    """The highest severity among ``findings`` (None when there are none)."""
    return max((f.severity for f in findings), key=SEVERITIES.index, default=None)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per (kind, src, tgt, missing_in, message), the most confident kept."""
    best: dict[tuple[object, ...], Finding] = {}
    for f in findings:
        key = (f.kind, f.src, f.tgt, f.missing_in, f.message)
        if key not in best or f.confidence > best[key].confidence:
            best[key] = f
    return list(best.values())


def _suppress(findings: list[Finding]) -> list[Finding]:
    """Drop what a more specific finding says better, as each check declared where it
    registered: a yielding check's findings where another check's that explains a length
    difference share a segment, and the findings a check's ``suppresses`` rules cover."""
    by_kind: dict[str, list[Finding]] = {}
    for f in findings:
        by_kind.setdefault(f.kind, []).append(f)
    components = {name: CHECKS.find(name) for name in by_kind}
    rules = [(kind, rule, by_kind[name]) for name, c in components.items() if c is not None
             for kind, rule in c.suppresses.items()]

    def covered(f: Finding) -> bool:
        return any(set(f.src) & set(g.src) or set(f.tgt) & set(g.tgt)
                   for g in findings if g.kind != f.kind and explains_length(g.kind))

    def explains_length(kind: str) -> bool:
        component = components[kind]
        return component is None or component.explains_length

    kept = []
    for f in findings:
        component = components[f.kind]
        if component is not None and component.yields and covered(f):
            continue
        if any(kind == f.kind and rule(theirs, f) for kind, rule, theirs in rules):
            continue
        kept.append(f)
    return kept


def sort_findings(report: Report, findings: Sequence[Finding]) -> list[Finding]:
    """Document order by source position; target-only findings sit after the source segment
    their target neighbour is aligned to."""
    src_after_tgt: list[tuple[int, int]] = sorted(
        (min(link.tgt), max(link.src)) for link in report.links if link.src and link.tgt)

    def position(f: Finding) -> tuple[float, int, str]:
        if f.src:
            pos = float(min(f.src))
        else:
            first = min(f.tgt) if f.tgt else 0
            pos = max((s for t, s in src_after_tgt if t < first), default=-1) + 0.5
        return pos, min(f.tgt) if f.tgt else -1, f.kind

    return sorted(findings, key=position)
