"""Bad inputs tried as a new user would (#25, #27): one line naming the file, exit 2, nothing
half-written; and no wrong refusal of a real article."""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from desk_helpers import store_from_report
from typer.testing import CliRunner

from aligner import web
from aligner.bilingual import read_bilingual
from aligner.cli import app
from aligner.fsutil import atomic_write_text
from aligner.glossary import read_glossary
from aligner.read import read_document
from aligner.records import AlignerError, Finding, Report

ARTICLE = ("<article><h1>Minister visits Baghdad</h1>"
           + "".join(f"<p>The minister visited Baghdad on {day}. He met the prime minister for "
                     "two hours. They discussed the budget and the new oil law.</p>"
                     for day in ("Monday", "Tuesday", "Friday"))
           + "</article>")


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "aligner", *args], capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=300)


def test_a_saved_page_with_a_large_inline_image_is_read_not_refused(tmp_path: Path) -> None:
    # "save page, complete" inlines images as data: URIs; one over libxml2's 10 MB text limit
    # used to cut the tree before the article ("web page with no main text")
    image = base64.b64encode(os.urandom(8 * 2**20)).decode("ascii")
    page = tmp_path / "saved.html"
    page.write_text(f'<!doctype html><html><head><script>var big = "{"a" * 2**20}";</script>'
                    f'</head><body><img src="data:image/png;base64,{image}">{ARTICLE}'
                    "</body></html>", encoding="utf-8")
    text = read_document(page).text
    assert text.startswith("Minister visits Baghdad")
    assert text.count("the new oil law") == 3


def test_a_page_too_large_to_extract_is_one_line_exit_2(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "huge.html"
    page.write_text("<!doctype html><html><body>" + ARTICLE * 200 + "</body></html>",
                    encoding="utf-8")
    monkeypatch.setattr(web, "MAX_PAGE_BYTES", 50_000)
    with pytest.raises(AlignerError, match="too large to extract"):
        read_document(page)
    result = _cli("check", str(page), str(page), env={"ALIGNER_MAX_PAGE_BYTES": "50000"})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and str(page) in result.stderr
    assert "too large to extract" in result.stderr


def _saved(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "report.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("damage", "problem"), [
    (lambda r: r["links"][0].update(src=[99]), "link 1 names src segment 99 of 4"),
    (lambda r: r.update(findings=[{**r["findings"][0], "tgt": [7]}]),
     "finding 1 names tgt segment 7 of 4"),
    (lambda r: r.update(findings=[{**r["findings"][0], "severity": "huge"}]),
     "finding 1 has severity 'huge'"),
    (lambda r: r.update(links="none"), "'links' is not a list"),
    (lambda r: r["findings"][0].pop("confidence"), "missing field 'confidence'"),
])
def test_show_refuses_a_damaged_report_in_one_line(tmp_path: Path, small_report: Report,
                                                   damage: Callable[[dict[str, Any]], None],
                                                   problem: str) -> None:
    small_report.findings = [Finding("omission", "major", 0.9, (2,), (), "tgt", "not translated")]
    data = small_report.to_json()
    damage(data)
    path = _saved(tmp_path, data)
    result = CliRunner().invoke(app, ["show", str(path)])
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1 and f"{path}: not a report JSON file" in result.output
    assert problem in result.output


def test_show_says_what_a_report_of_the_wrong_shape_is(tmp_path: Path) -> None:
    path = _saved(tmp_path, [1, 2])
    result = CliRunner().invoke(app, ["show", str(path)])
    assert result.exit_code == 2
    assert "not a report JSON file (a JSON array, expected an object" in result.output


def test_serve_on_a_damaged_store_says_so_before_announcing_a_desk(tmp_path: Path) -> None:
    (tmp_path / "run.sqlite").write_bytes(b"not a database " * 100)
    result = _cli("serve", str(tmp_path), "--port", "1")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "run store unusable" in result.stderr
    assert "review desk for" not in result.stderr


def test_serve_on_a_busy_port_is_one_line_exit_2(tmp_path: Path, small_report: Report) -> None:
    store_from_report(tmp_path, small_report)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = _cli("serve", str(tmp_path), "--port", str(port))
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert f"127.0.0.1:{port}: cannot listen there" in result.stderr


def test_an_output_under_a_file_names_that_file(tmp_path: Path) -> None:
    article = tmp_path / "en.txt"
    article.write_text("An article.", encoding="utf-8")
    with pytest.raises(AlignerError, match=f"cannot write here: {article} is a file, not a "
                                           "folder"):
        atomic_write_text(article / "reports" / "r.json", "{}")
    assert article.read_text(encoding="utf-8") == "An article."


TBX3 = ('<?xml version="1.0" encoding="UTF-8"?><tbx type="TBX-Basic" style="dca" xml:lang="en" '
        'xmlns="urn:iso:std:iso:30042:ed-2"><text><body>'
        '<conceptEntry id="c1"><langSec xml:lang="en-GB"><termSec><term>Foreign Ministry</term>'
        '</termSec><termSec><term>Ministry of Foreign Affairs</term></termSec></langSec>'
        '<langSec xml:lang="ar"><termSec><term>وزارة الخارجية</term></termSec></langSec>'
        '</conceptEntry><conceptEntry id="c2"><langSec xml:lang="fr"><termSec><term>réfugié'
        '</term></termSec></langSec></conceptEntry></body></text></tbx>')


def test_a_tbx_3_glossary_is_read_not_a_traceback(tmp_path: Path) -> None:
    # TBX of ISO 30042:2019 (conceptEntry, langSec, termSec), as Trados and memoQ export now
    path = tmp_path / "terms.tbx"
    path.write_text(TBX3, encoding="utf-8")
    assert [(t.en, t.ar) for t in read_glossary(path).terms] == [
        (("Foreign Ministry", "Ministry of Foreign Affairs"), ("وزارة الخارجية",))]
    path.write_text(TBX3.replace('xml:lang="ar"', 'xml:lang="de"'), encoding="utf-8")
    with pytest.raises(AlignerError, match="no Arabic at all"):
        read_glossary(path)


@pytest.mark.parametrize(("name", "data"), [
    # Excel's "Unicode Text" is UTF-16 with tabs; Excel in many locales saves CSV with ';'
    ("terms.txt", "en\tar\nForeign Ministry\tوزارة الخارجية\n".encode("utf-16")),
    ("terms.tsv", "en\tar\r\nForeign Ministry\tوزارة الخارجية\r\n".encode("utf-16-le")),
    ("terms.csv", "en;ar;severity\nForeign Ministry;وزارة الخارجية;minor\n".encode()),
])
def test_a_glossary_saved_by_excel_is_read(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data if name != "terms.tsv" else b"\xff\xfe" + data)
    assert [(t.en, t.ar) for t in read_glossary(path).terms] == [
        (("Foreign Ministry",), ("وزارة الخارجية",))]


def test_a_tmx_mixing_spellings_of_its_languages_loses_no_unit(tmp_path: Path) -> None:
    # a merged memory writes en-US, EN-GB, and TMX 1.1's lang= side by side: each unit counts
    tus = [('xml:lang="en-US"', "The minister visited Baghdad.", 'xml:lang="ar-SA"',
            "زار الوزير بغداد."),
           ('xml:lang="EN-GB"', "He met the prime minister.", 'xml:lang="ar"',
            "والتقى رئيس الوزراء."),
           ('lang="en"', "They discussed the budget.", 'lang="AR"', "وناقشا الميزانية.")]
    body = "".join(f"<tu><tuv {a}><seg>{x}</seg></tuv><tuv {b}><seg>{y}</seg></tuv></tu>"
                   for a, x, b, y in tus)
    path = tmp_path / "merged.tmx"
    path.write_text(f'<?xml version="1.0"?><tmx version="1.4"><header srclang="en-US"/>'
                    f"<body>{body}</body></tmx>", encoding="utf-8")
    assert [pair[:2] for pair in read_bilingual(path).pairs] == [(x, y) for _, x, _, y in tus]


def test_align_takes_one_bilingual_file_as_check_does(tmp_path: Path) -> None:
    # 'align job.tmx' stopped in a multi-line usage box ("Missing argument 'TGT'")
    pairs = [("The minister visited Baghdad on Monday.", "زار الوزير بغداد يوم الاثنين."),
             ("He met the prime minister for two hours.", "والتقى رئيس الوزراء لمدة ساعتين.")]
    job = tmp_path / "job.tsv"
    job.write_text("".join(f"{en}\t{ar}\n" for en, ar in pairs), encoding="utf-8")
    out, report = tmp_path / "corpus", tmp_path / "r.json"
    result = CliRunner().invoke(app, ["align", str(job), "--json", str(report), "--out", str(out),
                                      "--format", "tsv"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(report.read_text(encoding="utf-8"))["links"]) == 2
    rows = (out / "aligned.tsv").read_text(encoding="utf-8")
    assert all(en in rows and ar in rows for en, ar in pairs)
    alone = CliRunner().invoke(app, ["align", str(tmp_path / "r.json")])
    assert alone.exit_code == 2 and alone.output.count("\n") == 1
    assert "give two articles" in alone.output


def test_a_legacy_page_that_declares_no_charset_reads_as_browsers_read_it(tmp_path: Path) -> None:
    # no <meta charset> and not UTF-8: Windows-1256 when it reads as Arabic, else Windows-1252
    # (HTML's default); a guess read "déjà" as "déją" and the English page as Dutch
    paragraphs = [f"The minister visited the café in Baghdad on {day} and met the prime "
                  "minister for two hours – déjà vu." for day in ("Monday", "Tuesday", "Friday")]
    page = tmp_path / "old.html"
    page.write_bytes(("<html><head><title>Café visit</title></head><body><article>"
                      + "".join(f"<p>{p}</p>" for p in paragraphs)
                      + "</article></body></html>").encode("cp1252"))
    document = read_document(page)
    assert document.text.endswith(paragraphs[-1]) and document.lang == "en"
    arabic = "زار الوزير بغداد يوم الاثنين والتقى رئيس الوزراء لمدة ساعتين وناقشا الميزانية."
    page.write_bytes(f"<html><body><article><p>{arabic}</p></article></body></html>"
                     .encode("cp1256"))
    assert read_document(page).text == arabic


@pytest.mark.parametrize(("args", "says"), [
    (["check", "a.txt", "b.txt", "--fail-on", "huge"], "'huge' is not one of"),
    (["check"], "Missing argument"),
    (["run", "--bogus"], "No such option: --bogus"),
])
def test_a_usage_error_is_one_line_and_exit_2(args: list[str], says: str) -> None:
    """The script, not only the commands, keeps the house rule: typer's framed box of several
    lines becomes one line naming the command."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "aligner", *args], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and says in done.stderr
    assert done.stderr.startswith(f"error: aligner {args[0]}: ")


@pytest.mark.parametrize("address", ["ftp://example.com/article.txt", "file:///tmp/a.html"])
def test_an_address_that_is_not_http_says_so(address: str) -> None:
    with pytest.raises(AlignerError) as err:
        read_document(address)
    assert err.value.path == address and "only http:// and https://" in err.value.problem
