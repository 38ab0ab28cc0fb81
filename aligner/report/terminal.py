"""Side-by-side terminal view of a report, and the row model it shares with the HTML page.

The row model (``build_view``) turns links, findings and their evidence spans into rows of
text pieces, each piece tagged with the findings that cover it, so that both renderers
highlight exactly the same characters.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from aligner.checks.base import CHECKS
from aligner.records import (
    SEVERITIES,
    SEVERITY_RANK,
    AlignerError,
    Finding,
    Link,
    Report,
    Segment,
    Span,
)

RTL_LANGS = frozenset({"ar", "fa", "ur", "he", "ps", "ckb", "yi"})
SEVERITY_STYLES = {"critical": "bold white on red", "major": "bold dark_orange",
                   "minor": "yellow"}
MARK_OPEN, MARK_CLOSE = "[[", "]]"
NARROW = 100


@dataclass(frozen=True)
class Piece:
    """A run of segment text and the findings (indices, most severe first) covering it."""

    text: str
    findings: tuple[int, ...] = ()


@dataclass(frozen=True)
class Row:
    """One link as displayed: pieces per segment on each side, and the findings on it."""

    index: int
    link: Link
    src: tuple[tuple[Piece, ...], ...]
    tgt: tuple[tuple[Piece, ...], ...]
    findings: tuple[int, ...]


@dataclass(frozen=True)
class ReportView:
    """Rows in link order, plus findings tied to no link (whole-document observations)."""

    rows: list[Row]
    loose: list[int]
    findings: list[Finding]


def is_rtl(lang: str) -> bool:
    return lang.split("-")[0].lower() in RTL_LANGS


def evidence_spans(evidence: Any) -> Iterator[Span]:
    """Every span anywhere in a finding's evidence: checks nest them in lists and dicts freely."""
    if isinstance(evidence, Span):
        yield evidence
    elif isinstance(evidence, dict):
        if {"side", "segment", "start", "end"} <= evidence.keys():
            try:
                yield Span(str(evidence["side"]), int(evidence["segment"]),
                           int(evidence["start"]), int(evidence["end"]),
                           str(evidence.get("text", "")))
            except (TypeError, ValueError):
                return
        else:
            for value in evidence.values():
                yield from evidence_spans(value)
    elif isinstance(evidence, (list, tuple)):
        for value in evidence:
            yield from evidence_spans(value)


def locate(span: Span, seg: Segment) -> tuple[int, int] | None:
    """Segment-local offsets of a span: document offsets first, then tolerate local offsets or
    a text-only match, so one sloppy check cannot break the report."""
    a, b = span.start - seg.start, span.end - seg.start
    candidates = [(a, b), (span.start, span.end)]
    for lo, hi in candidates:
        if 0 <= lo < hi <= len(seg.text) and (not span.text or seg.text[lo:hi] == span.text):
            return lo, hi
    if span.text and (pos := seg.text.find(span.text)) >= 0:
        return pos, pos + len(span.text)
    lo, hi = candidates[0]
    return (lo, hi) if 0 <= lo < hi <= len(seg.text) else None


def _pieces(text: str, marks: list[tuple[int, int, int]], order: Any) -> tuple[Piece, ...]:
    """Cut ``text`` at every mark boundary; adjacent cuts with the same findings are merged."""
    cuts = sorted({0, len(text)} | {a for a, _, _ in marks} | {b for _, b, _ in marks})
    out: list[Piece] = []
    for lo, hi in itertools.pairwise(cuts):
        ids = tuple(sorted({f for a, b, f in marks if a <= lo and hi <= b}, key=order))
        if out and out[-1].findings == ids:
            out[-1] = Piece(out[-1].text + text[lo:hi], ids)
        else:
            out.append(Piece(text[lo:hi], ids))
    return tuple(out)


def build_view(report: Report) -> ReportView:
    """Attach each finding to the rows of the segments it names and mark its evidence text."""
    findings = list(report.findings or [])
    sides = {"src": report.src.segments, "tgt": report.tgt.segments}
    row_of: dict[tuple[str, int], int] = {}
    for r, link in enumerate(report.links):
        for i in link.src:
            row_of.setdefault(("src", i), r)
        for j in link.tgt:
            row_of.setdefault(("tgt", j), r)
    marks: dict[tuple[str, int], list[tuple[int, int, int]]] = {}
    row_findings: dict[int, set[int]] = {}
    loose: list[int] = []
    for fid, f in enumerate(findings):
        keys = [("src", i) for i in f.src] + [("tgt", j) for j in f.tgt]
        if _whole_segments(f.kind) and f.missing_in in sides:
            present = "tgt" if f.missing_in == "src" else "src"
            for side, i in keys:
                if side == present and 0 <= i < len(sides[side]):
                    marks.setdefault((side, i), []).append((0, len(sides[side][i].text), fid))
        for span in evidence_spans(f.evidence):
            segs = sides.get(span.side)
            if segs is None or not 0 <= span.segment < len(segs):
                continue
            where = locate(span, segs[span.segment])
            if where:
                marks.setdefault((span.side, span.segment), []).append((*where, fid))
                keys.append((span.side, span.segment))
        hit = {row_of[k] for k in keys if k in row_of}
        for r in hit:
            row_findings.setdefault(r, set()).add(fid)
        if not hit:
            loose.append(fid)

    def order(fid: int) -> tuple[bool, int, str, int]:
        # accepted findings after the open ones: a highlight shows what still needs a look
        f = findings[fid]
        return f.accepted is not None, SEVERITY_RANK.get(f.severity, 3), f.kind, fid

    def cells(side: str, ids: tuple[int, ...]) -> tuple[tuple[Piece, ...], ...]:
        segs = sides[side]
        return tuple(_pieces(segs[i].text, marks.get((side, i), []), order)
                     for i in ids if 0 <= i < len(segs))

    rows = [Row(r, link, cells("src", link.src), cells("tgt", link.tgt),
                tuple(sorted(row_findings.get(r, ()), key=order)))
            for r, link in enumerate(report.links)]
    return ReportView(rows, sorted(loose, key=order), findings)


def select_rows(rows: list[Row], show_all: bool, context: int) -> list[Row | None]:
    """Rows with findings and ``context`` rows around them; ``None`` marks a skipped gap."""
    if show_all:
        return list(rows)
    keep = sorted({k for r, row in enumerate(rows) if row.findings
                   for k in range(max(0, r - context), min(len(rows), r + context + 1))})
    out: list[Row | None] = []
    for n, r in enumerate(keep):
        if (n == 0 and r > 0) or (n > 0 and r != keep[n - 1] + 1):
            out.append(None)
        out.append(rows[r])
    if keep and keep[-1] < len(rows) - 1:
        out.append(None)
    return out


def summary_text(report: Report, view: ReportView) -> str:
    """One line: pairs, one-sided rows, findings by kind and by severity."""
    nulls = sum(1 for link in report.links if link.is_null)
    head = f"{_count(len(report.links), 'pair')} ({nulls} one-sided)"
    if report.findings is None:
        return f"{head} · QA not run"
    if not view.findings:
        return f"{head} · no findings"
    kinds = Counter(f.kind for f in view.findings)
    sevs = Counter(f.severity for f in view.findings)
    by_kind = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items(), key=lambda x: (-x[1], x[0])))
    by_sev = ", ".join(f"{s} {sevs[s]}" for s in reversed(SEVERITIES) if sevs[s])
    accepted = sum(1 for f in view.findings if f.accepted is not None)
    tail = f" · {accepted} accepted" if accepted else ""
    return f"{head} · {_count(len(view.findings), 'finding')}: {by_kind} · {by_sev}{tail}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


class _Painter:
    """Turns pieces and findings into rich Text, with bracket markers when colour is off."""

    def __init__(self, view: ReportView, plain: bool) -> None:
        self.view = view
        self.plain = plain
        self.first_row: dict[int, int] = {}  # finding -> row where its message was printed

    def cell(self, segments: tuple[tuple[Piece, ...], ...], rtl: bool,
             chrome: tuple[bool, ...] = ()) -> Text:
        """A side of a row; segments that are site chrome (``chrome[n]``) are dimmed."""
        text = Text(justify="right" if rtl else "left", overflow="fold")
        for n, pieces in enumerate(segments):
            if n:
                text.append(" ")
            dim = "dim " if n < len(chrome) and chrome[n] else ""
            for piece in pieces:
                if not piece.findings:
                    text.append(piece.text, style=dim.strip())
                    continue
                top = self.view.findings[piece.findings[0]]
                if self.plain and not _whole_segments(top.kind):
                    text.append(f"{MARK_OPEN}{piece.text}{MARK_CLOSE}", style=dim.strip())
                elif top.accepted is not None:  # only accepted findings here: no colour
                    text.append(piece.text, style=dim + "underline")
                else:
                    check = CHECKS.find(top.kind)
                    text.append(piece.text,
                                style=dim + (check.style.terminal if check else "reverse"))
        return text

    def finding(self, fid: int, with_message: bool = True) -> Text:
        f = self.view.findings[fid]
        line = Text()
        line.append(f.severity, style=SEVERITY_STYLES.get(f.severity, ""))
        line.append(f" {f.kind}", style="bold")
        if f.accepted is not None:
            line.append(" accepted", style="green")
            if with_message and f.accepted.get("comment"):
                line.append(f" ({f.accepted['comment']})", style="green")
        if with_message and f.message:
            line.append(f": {f.message}", style="dim")
        return line

    def notes(self, row: Row) -> list[Text]:
        """One line per finding; a finding spanning rows gets its message on the first only."""
        out = []
        for fid in row.findings:
            first = self.first_row.setdefault(fid, row.index)
            line = self.finding(fid, with_message=first == row.index)
            if first != row.index:
                line.append(f" (see {first + 1})", style="dim")
            out.append(line)
        return out


def render_terminal(report: Report, console: Console, show_all: bool = False,
                    context: int = 1) -> None:
    """Print the report side by side (stacked below ~100 columns), then a summary line."""
    view = build_view(report)
    paint = _Painter(view, plain=console.no_color or console.color_system is None)

    def chrome(side: str, row: Row) -> tuple[bool, ...]:
        segments, ids = ((report.src.segments, row.link.src) if side == "src"
                         else (report.tgt.segments, row.link.tgt))
        return tuple(segments[i].kind == "chrome" for i in ids)

    src_rtl, tgt_rtl = is_rtl(report.src.document.lang), is_rtl(report.tgt.document.lang)
    src_label = report.src.document.lang or "src"
    tgt_label = report.tgt.document.lang or "tgt"
    title = Text()
    title.append(f"SRC [{src_label}] ", style="bold")
    title.append(report.src.document.path)
    title.append(f"\nTGT [{tgt_label}] ", style="bold")
    title.append(report.tgt.document.path)
    console.print(title, soft_wrap=True)
    for fid in view.loose:
        console.print(Text("document: ").append_text(paint.finding(fid)))
    selected = select_rows(view.rows, show_all, context)
    wide = console.width >= NARROW
    if wide and selected:
        table = Table(box=box.SIMPLE_HEAD, expand=True, show_lines=True, pad_edge=False)
        table.add_column("#", justify="right", style="dim", no_wrap=True, width=5)
        table.add_column(Text(f"SRC {src_label}"), ratio=4, justify="right" if src_rtl else "left")
        table.add_column(Text(f"TGT {tgt_label}"), ratio=4, justify="right" if tgt_rtl else "left")
        table.add_column("findings", ratio=2)
        for row in selected:
            if row is None:
                table.add_row(Text("…"), Text("…"), Text("…"), Text(""), style="dim")
            else:
                table.add_row(Text(f"{row.index + 1}\n{row.link.score:.2f}"),
                              paint.cell(row.src, src_rtl, chrome("src", row)),
                              paint.cell(row.tgt, tgt_rtl, chrome("tgt", row)),
                              Text("\n").join(paint.notes(row)))
        console.print(table)
    elif selected:
        for row in selected:
            if row is None:
                console.print(Text("…", style="dim"))
                continue
            grid = Table.grid(expand=True, padding=(0, 1))
            grid.add_column(width=len(max(src_label, tgt_label, key=len)), style="dim")
            grid.add_column(ratio=1)
            grid.add_row(Text(src_label), paint.cell(row.src, src_rtl, chrome("src", row))
                         if row.src else Text("—", style="dim"))
            grid.add_row(Text(tgt_label), paint.cell(row.tgt, tgt_rtl, chrome("tgt", row))
                         if row.tgt else Text("—", style="dim"))
            for note in paint.notes(row):
                grid.add_row(Text(""), note)
            console.print(Group(Rule(Text(str(row.index + 1)), align="left", style="dim"),
                                grid))
    shown = sum(1 for row in selected if row is not None)
    line = summary_text(report, view)
    if shown < len(view.rows):
        line += f" · showing {shown} of {len(view.rows)} rows (--all for every row)"
    console.print(Text(line, style="bold"))


def read_report(path: str | Path) -> Report:
    """Load a saved report JSON; any problem becomes one user-facing error naming the file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            kind = _JSON_KIND.get(type(data), "value")
            raise AlignerError(str(path), f"not a report JSON file (a JSON {kind}, expected an "
                                          "object with 'src', 'tgt' and 'links')")
        for key in ("links", "findings"):
            if not isinstance(data.get(key, []), list):
                raise AlignerError(str(path), f"not a report JSON file ({key!r} is not a list)")
        report = Report.from_json(data)
    except OSError as exc:
        raise AlignerError(str(path), f"cannot read report: {exc.strerror or exc}") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise AlignerError(str(path), f"not a report JSON file: {exc}") from exc
    except KeyError as exc:
        raise AlignerError(str(path), f"not a report JSON file (missing field {exc})") from exc
    except (TypeError, AttributeError) as exc:
        raise AlignerError(str(path), f"not a report JSON file (a field of the wrong type: "
                                      f"{exc})") from exc
    problem = _dangling(report)
    if problem:
        raise AlignerError(str(path), f"not a report JSON file ({problem})")
    return report


_JSON_KIND = {list: "array", str: "string", int: "number", float: "number", bool: "boolean"}


def _dangling(report: Report) -> str:
    """What in a loaded report points past its segments or names no severity ("" if nothing):
    shown as is, such a link would print as a one-sided pair and hide the damage."""
    sizes = {"src": len(report.src.segments), "tgt": len(report.tgt.segments)}
    items: list[tuple[str, tuple[int, ...], tuple[int, ...]]] = [
        (f"link {n}", link.src, link.tgt) for n, link in enumerate(report.links, 1)]
    items += [(f"finding {n}", f.src, f.tgt) for n, f in enumerate(report.findings or [], 1)]
    for what, src, tgt in items:
        for side, ids in (("src", src), ("tgt", tgt)):
            bad = [i for i in ids if not isinstance(i, int) or not 0 <= i < sizes[side]]
            if bad:
                return f"{what} names {side} segment {bad[0]} of {sizes[side]}"
    for n, finding in enumerate(report.findings or [], 1):
        if finding.severity not in SEVERITIES:
            return f"finding {n} has severity {finding.severity!r}"
    return ""


def _whole_segments(kind: str) -> bool:
    """Whether findings of this kind mark whole segments (of the side that has them)."""
    check = CHECKS.find(kind)
    return check is not None and check.whole_segments
