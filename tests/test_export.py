"""Corpus exports: every format written atomically, parseable, and filtered as asked."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from aligner.export.base import corpus_rows, export_rows, exporter_names, parse_formats
from aligner.records import AlignerError, Report

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_registry_has_every_format() -> None:
    assert {"jsonl", "tsv", "moses", "tmx", "parquet"} <= set(exporter_names())
    with pytest.raises(AlignerError, match="unknown export format 'xlsx'"):
        parse_formats("jsonl,xlsx")


def test_rows_drop_nulls_and_low_scores_unless_asked(small_report: Report) -> None:
    assert len(list(corpus_rows(small_report, "p"))) == 3
    assert len(list(corpus_rows(small_report, "p", keep_nulls=True))) == 5
    kept = list(corpus_rows(small_report, "p", min_score=0.5))
    assert [r.src_ids for r in kept] == [(0,), (1,)]


def test_all_formats_round_trip(small_report: Report, tmp_path: Path) -> None:
    rows = list(corpus_rows(small_report, "p1"))
    files = export_rows(rows, tmp_path, "corpus", ["jsonl", "tsv", "moses", "tmx", "parquet"],
                        small_report.signature)
    names = sorted(p.name for p in files)
    assert names == ["corpus.ar", "corpus.en", "corpus.jsonl", "corpus.parquet", "corpus.tmx",
                     "corpus.tsv"]
    assert not list(tmp_path.glob(".*.tmp")), "temporary files left behind"

    lines = [json.loads(x) for x in (tmp_path / "corpus.jsonl").read_text().splitlines()]
    assert lines[0]["src"] == "قال ناشط محلي إن الميليشيات تسيطر على المدينة."
    assert lines[0]["tgt"] == "A local activist said militias control the city."
    assert lines[0]["src_ids"] == [0] and lines[0]["score"] == 0.91

    tsv = (tmp_path / "corpus.tsv").read_text().splitlines()
    assert tsv[0].split("\t")[:2] == ["ar", "en"]
    assert len(tsv) == 4 and all(line.count("\t") == 5 for line in tsv)

    ar = (tmp_path / "corpus.ar").read_text().splitlines()
    en = (tmp_path / "corpus.en").read_text().splitlines()
    assert len(ar) == len(en) == 3 and en[1] == "The trucks arrived from Iraq."

    root = ET.parse(tmp_path / "corpus.tmx").getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None
    assert header.get("srclang") == "ar"
    tus = root.findall("body/tu")
    assert len(tus) == 3
    tuvs = tus[2].findall("tuv")
    assert [t.get(XML_LANG) for t in tuvs] == ["ar", "en"]
    seg = tuvs[1].find("seg")
    assert seg is not None
    assert seg.text == 'Text <script>alert(1)</script> & "quote"'

    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "corpus.parquet")
    assert table.num_rows == 3
    assert b"aligner.signature" in table.schema.metadata


def test_failed_export_leaves_no_partial_file(small_report: Report, tmp_path: Path) -> None:
    rows = list(corpus_rows(small_report, "p"))

    class Boom(str):
        def split(self, *args: object) -> list[str]:
            raise RuntimeError("disk full")

    broken = [rows[0], type(rows[0])(**{**rows[1].__dict__, "src_text": Boom("x")})]
    with pytest.raises(RuntimeError):
        export_rows(broken, tmp_path, "corpus", ["tsv"], {})
    assert list(tmp_path.iterdir()) == []


def test_outputs_get_normal_permissions(small_report: Report, tmp_path: Path) -> None:
    import os
    import stat

    files = export_rows(list(corpus_rows(small_report, "p")), tmp_path, "c", ["jsonl"], {})
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o666 & ~mask


def test_markdown_articles_lose_their_inline_markup_in_the_corpus() -> None:
    from conftest import make_side

    from aligner.records import Link

    en_lines = ["Militias tighten grip on **Albu Kamal**",
                "They hold the [border crossing](https://example.com/x) and *all* roads.",
                "The ratio was 2*3 and snake_case stays."]
    ar_lines = ["الميليشيات تشدد قبضتها على ألبوكمال", "وتسيطر على المعبر وجميع الطرق.",
                "النسبة 2*3."]
    links = [Link((i,), (i,), 0.9) for i in range(3)]

    def texts(en_path: str) -> list[str]:
        report = Report({}, make_side(en_path, "en", en_lines), make_side("a.txt", "ar", ar_lines),
                        links)
        return [row.src_text for row in corpus_rows(report, "p")]

    assert texts("article.md") == ["Militias tighten grip on Albu Kamal",
                                   "They hold the border crossing and all roads.",
                                   "The ratio was 2*3 and snake_case stays."]
    assert texts("article.txt") == en_lines  # asterisks in plain text are text


def test_a_carriage_return_in_a_sentence_survives_tmx(tmp_path: Path) -> None:
    """Raw in XML, a reader takes it for \\n (found by tests/test_properties.py)."""
    from aligner.export.base import CorpusRow, get_exporter

    row = CorpusRow("p", "ar", "en", (0,), (0,), "سطر\rآخر", "one\r\ntwo\rthree", 0.5)
    [path] = get_exporter("tmx").write([row], tmp_path, "c", {"tool": "aligner"})
    assert [seg.text for seg in ET.parse(path).getroot().iter("seg")] == [
        "سطر\rآخر", "one\r\ntwo\rthree"]


def test_jsonl_records_hold_no_raw_line_break_of_any_kind(tmp_path: Path) -> None:
    """U+0085, U+2028 and U+2029 are line breaks to str.splitlines() and some JSON Lines
    readers: escaped, as \\n is (found by tests/test_properties.py)."""
    from aligner.export.base import CorpusRow, get_exporter

    rows = [CorpusRow("p", "ar", "en", (0,), (0,), "a\x85b", "c\u2028d\u2029e", 0.5)]
    [path] = get_exporter("jsonl").write(rows, tmp_path, "c", {"tool": "aligner"})
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [rows[0].to_json()]


def test_noncharacters_do_not_break_the_tmx(tmp_path: Path) -> None:
    """U+FFFE and U+FFFF are no XML characters: written, no reader could open the file
    (found by tests/test_properties.py once its alphabet held them)."""
    from aligner.export.base import CorpusRow, get_exporter

    row = CorpusRow("p", "ar", "en", (0,), (0,), "a\ufffeb", "c\uffffd", 0.5)
    [path] = get_exporter("tmx").write([row], tmp_path, "c", {"tool": "aligner"})
    assert [seg.text for seg in ET.parse(path).getroot().iter("seg")] == ["ab", "cd"]
