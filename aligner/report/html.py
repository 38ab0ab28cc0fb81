"""The self-contained HTML review page for one pair, and the index page for a folder run.

One file, nothing fetched: styles and the small script are inline, and a Content Security
Policy allows only that style sheet and script (by hash), so even text that escaped escaping
could neither run nor restyle the page.
Every piece of article text goes through ``html.escape(quote=True)``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib.resources import files
from typing import Any
from urllib.parse import quote

from aligner.checks.base import CHECKS
from aligner.fsutil import atomic_write_text
from aligner.pairing import PairingParams, translated_share
from aligner.records import SEVERITIES, SEVERITY_RANK, Finding, Report
from aligner.report.terminal import (
    Piece,
    ReportView,
    Row,
    build_view,
    is_rtl,
    summary_text,
)

SEVERITY_COLOURS = {"critical": "#b00020", "major": "#d35400", "minor": "#b58900"}
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_RUN = re.compile(f"[{_ARABIC}]+(?:[\\s\\d.,،]+[{_ARABIC}]+)*")


def e(value: Any) -> str:
    """Escape anything for use in element text or a double-quoted attribute."""
    return escape(str(value), quote=True)


@cache
def _template() -> str:
    return files("aligner.report").joinpath("template.html").read_text(encoding="utf-8")


@cache
def _filters() -> str:
    return files("aligner.report").joinpath("filters.js").read_text(encoding="utf-8")


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() \
        + "'"


def _page(title: str, body: str, script: str | None = None, style: str = "",
          csp_extra: str = "form-action 'none'") -> str:
    """Fill the shell in one pass (inserted text is never rescanned) and pin the script hash.
    ``script`` replaces the shell's script, ``style`` is added to its style sheet (the review
    desk of ``aligner serve``), ``csp_extra`` ends the policy."""
    shell = _template()
    # the view filters both pages share (report/filters.js) go first in the one script
    shell = _SCRIPT.sub(lambda m: f"<script>\n{_filters()}"
                                  f"{m.group(1) if script is None else script}</script>",
                        shell, count=1)
    if style:
        shell = _STYLE.sub(lambda m: f"<style>{m.group(1)}{style}</style>", shell, count=1)
    values = {"title": e(title), "body": body, "csp": "{{csp}}", "kinds": _kind_styles()}
    page = re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], shell)
    return page.replace("{{csp}}", page_csp(page, csp_extra), 1)


def page_csp(page: str, extra: str = "form-action 'none'") -> str:
    """The policy of a page made by ``_page``: its own style sheet and script, by hash."""
    script, style = _SCRIPT.search(page), _STYLE.search(page)
    assert script and style, "template lost its script or style"
    return (f"default-src 'none'; script-src {_hash(script.group(1))}; "
            f"style-src {_hash(style.group(1))}; base-uri 'none'; {extra}")


def _isolated(text: str) -> str:
    """Escaped text with Arabic runs isolated, so an English message quoting an Arabic name
    keeps its punctuation in place."""
    return _ARABIC_RUN.sub(lambda m: f'<bdi dir="rtl" lang="ar">{m.group(0)}</bdi>', e(text))


def _label(kind: str) -> str:
    check = CHECKS.find(kind)
    return check.title if check else kind.replace("_", " ")


def kind_order() -> list[str]:
    """The checks' kinds in view order."""
    return [c.name for c in CHECKS.components()]


def _kind_styles() -> str:
    """Each check's highlight colours, as it declared them."""
    return "\n".join(f".k-{c.name} {{ --c: {c.style.colour}; --bg-k: {c.style.background}; }}"
                     for c in CHECKS.components())


def _finding_title(f: Finding) -> str:
    return f"{f.severity} · {_label(f.kind)}: {f.message}"


def _accepted_badge(f: Finding) -> str:
    """The badge of an accepted finding, with who, when and why as its tooltip."""
    if f.accepted is None:
        return ""
    why = " · ".join(str(f.accepted.get(k)) for k in ("by", "at", "comment") if f.accepted.get(k))
    tip = f' title="accepted: {e(why)}"' if why else ""
    return f' <span class="badge acc-badge"{tip}>accepted</span>'


def _finding_note(fid: int, f: Finding) -> str:
    acc = (' accepted" data-accepted="1' if f.accepted is not None else "")
    return (f'<div class="finding k-{e(f.kind)}{acc}" data-f="{fid}" '
            f'data-ks="{e(f.kind)}:{e(f.severity)}" tabindex="-1"><span class="badge '
            f'sev-{e(f.severity)}">{e(f.severity)}</span> <span class="kind">'
            f'{e(_label(f.kind))}</span> <span class="conf">{f.confidence:.0%}</span>'
            f'{_accepted_badge(f)}<span class="msg">{_isolated(f.message)}</span></div>')


def _pieces_html(pieces: tuple[Piece, ...], view: ReportView) -> str:
    out = []
    for piece in pieces:
        if not piece.findings:
            out.append(e(piece.text))
            continue
        top = view.findings[piece.findings[0]]
        title = "\n".join(_finding_title(view.findings[fid]) for fid in piece.findings)
        ks = " ".join(f"{view.findings[fid].kind}:{view.findings[fid].severity}"
                      for fid in piece.findings)
        ids = " ".join(str(fid) for fid in piece.findings)
        acc = " acc" if top.accepted is not None else ""  # every finding here is accepted
        out.append(f'<mark class="hl k-{e(top.kind)}{acc}" data-f="{ids}" data-ks="{e(ks)}" '
                   f'title="{e(title)}">{e(piece.text)}</mark>')
    return "".join(out)


def _cell(row: Row, side: str, report: Report, view: ReportView) -> str:
    lang = (report.src if side == "src" else report.tgt).document.lang
    segments = row.src if side == "src" else row.tgt
    ids = row.link.src if side == "src" else row.link.tgt
    direction = "rtl" if is_rtl(lang) else "ltr"
    attrs = f'class="seg {side}{"" if segments else " empty"}" dir="{direction}" lang="{e(lang)}"'
    if not segments:
        return f'<td {attrs}><span class="none" lang="en" dir="ltr">no counterpart</span></td>'
    chrome = {i for i in ids if (report.src if side == "src" else report.tgt).segments[i].kind
              == "chrome"}
    body = " ".join(f'<span class="s chrome" data-seg="{i}" title="site chrome: the page around '
                    f'the article">{_pieces_html(p, view)}</span>' if i in chrome else
                    f'<span class="s" data-seg="{i}">{_pieces_html(p, view)}</span>'
                    for i, p in zip(ids, segments, strict=True))
    return f"<td {attrs}>{body}</td>"


def _row(row: Row, report: Report, view: ReportView) -> str:
    n = row.index + 1
    notes = "".join(_finding_note(fid, view.findings[fid]) for fid in row.findings)
    cls = "row has-f" if row.findings else "row"
    return (f'<tr id="row-{n}" class="{cls}"><th scope="row" class="num">'
            f'<a href="#row-{n}">{n}</a>{row.link.score:.2f}</th>'
            f'{_cell(row, "src", report, view)}'
            f'{_cell(row, "tgt", report, view)}'
            f'<td class="notes">{notes}</td></tr>')


def _chart(findings: Sequence[Finding]) -> str:
    """Findings by kind as stacked horizontal bars (one colour per severity), inline SVG."""
    counts = Counter((f.kind, f.severity) for f in findings)
    kinds = [k for k in kind_order() if any(counts[k, s] for s in SEVERITIES)]
    kinds += sorted({f.kind for f in findings} - set(kinds))
    if not kinds:
        return ""
    top = max(sum(counts[k, s] for s in SEVERITIES) for k in kinds)
    scale, left, bar, gap = 220 / top, 140, 16, 6
    height = len(kinds) * (bar + gap) + 22
    parts = [f'<svg class="chart" role="img" width="{left + 260}" height="{height}" '
             f'viewBox="0 0 {left + 260} {height}" aria-label="findings by kind">']
    for n, kind in enumerate(kinds):
        y, x = n * (bar + gap), float(left)
        parts.append(f'<text x="{left - 8}" y="{y + bar - 4}" text-anchor="end">'
                     f'{e(_label(kind))}</text>')
        for sev in sorted(SEVERITIES, key=lambda s: SEVERITY_RANK[s]):
            if counts[kind, sev]:
                w = counts[kind, sev] * scale
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar}" '
                             f'fill="{SEVERITY_COLOURS[sev]}"><title>{counts[kind, sev]} '
                             f'{sev} {e(_label(kind))}</title></rect>')
                x += w
        total = sum(counts[kind, s] for s in SEVERITIES)
        parts.append(f'<text class="n" x="{x + 6:.1f}" y="{y + bar - 4}">{total}</text>')
    y = len(kinds) * (bar + gap) + 12
    x = left
    for sev in sorted(SEVERITIES, key=lambda s: SEVERITY_RANK[s]):
        parts.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" '
                     f'fill="{SEVERITY_COLOURS[sev]}"/><text x="{x + 14}" y="{y}">{sev}</text>')
        x += 70
    parts.append("</svg>")
    return "".join(parts)


def _signature(signature: dict[str, Any]) -> str:
    def text(value: Any) -> str:
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False,
                                                                sort_keys=True)

    items = "".join(f"<dt>{e(key)}</dt><dd>{e(text(value))}</dd>"
                    for key, value in signature.items())
    return f"<footer><h2>Signature</h2><dl>{items}</dl></footer>" if items else "<footer></footer>"


def row_filters(findings: Sequence[Finding], more: str = "") -> str:
    """The kind and severity filters of a pair's findings, the "rows without findings" box,
    ``more`` boxes, then the count of rows shown (report page and review desk; filters.js)."""
    kinds = Counter(f.kind for f in findings)
    sevs = Counter(f.severity for f in findings)
    kind_boxes = "".join(
        f'<label><input type="checkbox" data-filter="kind" value="{e(k)}" checked> '
        f'{e(_label(k))} ({kinds[k]})</label>'
        for k in [*(k for k in kind_order() if kinds[k]), *sorted(set(kinds) - set(kind_order()))])
    sev_boxes = "".join(
        f'<label><input type="checkbox" data-filter="severity" value="{e(s)}" checked> '
        f'<span class="badge sev-{e(s)}">{e(s)}</span> ({sevs[s]})</label>'
        for s in sorted(sevs, key=lambda s: (SEVERITY_RANK.get(s, 3), s)))
    return (f'<fieldset><legend>Kind</legend>{kind_boxes}</fieldset>'
            f'<fieldset><legend>Severity</legend>{sev_boxes}</fieldset>'
            '<label><input type="checkbox" id="show-clean" checked> rows without findings</label>'
            f'{more}<span id="shown" aria-live="polite"></span>')


def _controls(findings: Sequence[Finding]) -> str:
    return ('<div class="controls">' + row_filters(findings) +
            '<button type="button" id="prev" title="previous finding (k or p)">◀ prev</button>'
            '<button type="button" id="next" title="next finding (j or n)">next ▶</button>'
            '<span id="where" aria-live="polite"></span>'
            '<span class="hint"><kbd>j</kbd>/<kbd>n</kbd> next, <kbd>k</kbd>/<kbd>p</kbd> '
            'previous finding</span></div>')


def _end(lang: str) -> str:
    return ' class="rtl"' if is_rtl(lang) else ""


def render_html(report: Report, share: float | None = None) -> str:
    """The review page for one aligned (and possibly checked) pair, as one HTML string;
    ``share``: the pair's ``translated_share`` where the caller has it already."""
    view = build_view(report)
    src, tgt = report.src.document, report.tgt.document
    if share is None:
        share = translated_share(report.links, report.src.segments, report.tgt.segments)
    doubt = ('' if share >= PairingParams.min_translated else
             f'<p class="pair">{_doubt_badge(share)} {_doubt_text(share)}: likely a wrong pair '
             f'of files rather than a translation to review</p>')
    header = (f'<header><h1>Alignment review</h1>'
              f'<p class="pair">source <b dir="auto">{e(src.path)}</b> ({e(src.lang)}) → target '
              f'<b dir="auto">{e(tgt.path)}</b> ({e(tgt.lang)})</p>{doubt}'
              f'<div class="top"><p class="counts">{e(summary_text(report, view))}</p>'
              f'{_chart(view.findings)}</div></header>')
    doc = ""
    if view.loose:
        doc = ('<section class="doc"><h2>Whole document</h2>'
               + "".join(_finding_note(fid, view.findings[fid]) for fid in view.loose)
               + "</section>")
    head = (f'<colgroup><col class="c-num"><col><col><col class="c-notes"></colgroup>'
            f'<thead><tr><th scope="col">#</th>'
            f'<th scope="col"{_end(src.lang)}>source · {e(src.lang)}</th>'
            f'<th scope="col"{_end(tgt.lang)}>target · {e(tgt.lang)}</th>'
            f'<th scope="col">findings</th></tr></thead>')
    body = "".join(_row(row, report, view) for row in view.rows)
    page = (f"{header}{_controls(view.findings)}{doc}<main><table class=\"align\" id=\"rows\">"
            f"{head}<tbody>{body}</tbody></table></main>{_signature(report.signature)}")
    return _page(f"Review: {os.path.basename(src.path)} ↔ {os.path.basename(tgt.path)}", page)


def write_html(report: Report, path: str | os.PathLike[str], share: float | None = None) -> None:
    """Write the review page atomically: a reader never sees half a page."""
    atomic_write_text(path, render_html(report, share))


@dataclass(frozen=True)
class IndexEntry:
    """One pair on the index page: its files, the page to link to, and its report."""

    src: str
    tgt: str
    href: str  # relative to the index page, e.g. "reports/<pair id>.html"
    score: float | None  # pairing score; None for a pair given by a manifest
    report: Report
    #: ``pairing.translated_share`` of the pair: low for a wrong pair of files (likeliest from
    #: a manifest)
    translated_share: float = 1.0


def _doubt_text(share: float) -> str:
    return f"links at a translation's similarity cover {share:.0%} of the two articles"


def _doubt_badge(share: float, title: bool = False) -> str:
    """The badge of a pair whose articles look like no translation of each other; with
    ``title``, the reason as its tooltip."""
    tip = f' title="{e(_doubt_text(share))}"' if title else ""
    return f'<span class="badge sev-critical"{tip}>no translation?</span>'


def _href(path: str) -> str:
    """A relative link: every character a scheme or host could hide in is percent-encoded."""
    return e(quote(path.replace(os.sep, "/"), safe="/-_.~"))


def _found(findings: Sequence[Finding] | None) -> str:
    """A pair's finding count on the index, with how many of them are accepted."""
    if findings is None:
        return "—"
    accepted = sum(1 for f in findings if f.accepted is not None)
    return f"{len(findings)} ({accepted} accepted)" if accepted else str(len(findings))


def render_index(entries: Iterable[IndexEntry], unpaired: Iterable[tuple[str, str]],
                 signature: dict[str, Any]) -> str:
    """The run's front page: every pair with score and findings (linking its page), and every
    unpaired file with the reason it stayed alone."""
    entries, unpaired = list(entries), list(unpaired)
    all_findings = [f for x in entries for f in (x.report.findings or [])]
    rows = []
    for n, x in enumerate(entries, 1):
        found = x.report.findings
        sevs = Counter(f.severity for f in found or [])
        score = "given" if x.score is None else f"{x.score:.2f}"
        badges = " ".join(f'<span class="badge sev-{e(s)}">{sevs[s]} {e(s)}</span>'
                          for s in sorted(sevs, key=lambda s: SEVERITY_RANK.get(s, 3)))
        if x.translated_share < PairingParams.min_translated:
            badges = f'{_doubt_badge(x.translated_share, title=True)} {badges}'
        rows.append(f'<tr><td class="n">{n}</td>'
                    f'<td><a href="{_href(x.href)}" dir="auto">{e(x.src)}</a></td>'
                    f'<td dir="auto">{e(x.tgt)}</td><td class="n">{score}</td>'
                    f'<td class="n">{len(x.report.links)}</td>'
                    f'<td class="n">{_found(found)}</td>'
                    f'<td>{badges}</td></tr>')
    alone = "".join(f'<tr><td dir="auto">{e(p)}</td><td>{e(reason)}</td></tr>'
                    for p, reason in unpaired)
    body = (f'<header><h1>Aligned pairs</h1><p class="counts"><strong>{len(entries)}</strong> '
            f'pairs · <strong>{len(all_findings)}</strong> findings · '
            f'<strong>{len(unpaired)}</strong> unpaired files</p>'
            f'<div class="top">{_chart(all_findings)}</div></header><main>'
            '<table class="index"><thead><tr><th>#</th><th>source (opens review)</th>'
            '<th>target</th><th>pairing score</th><th>links</th><th>findings</th>'
            f'<th>by severity</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
    if unpaired:
        body += ('<h2>Unpaired files</h2><table class="index"><thead><tr><th>file</th>'
                 f'<th>reason</th></tr></thead><tbody>{alone}</tbody></table>')
    body += f"</main>{_signature(signature)}"
    return _page("Aligned pairs", body)
