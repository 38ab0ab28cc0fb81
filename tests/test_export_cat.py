"""TMX and XLIFF (2.1 and 1.2) exports, read back with translate-toolkit as CAT tools read them:
texts, languages, each pair's findings as notes and the signature in the header."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from translate.storage.tmx import tmxfile
from translate.storage.xliff import xlifffile
from translate.storage.xliff2 import Xliff2File

from aligner.export.base import corpus_rows, export_rows
from aligner.records import Finding, Report

FINDING = Finding("number_mismatch", "critical", 0.9, (1,), (1,), None,
                  "number 3 in the source, 4 in the target", id="abcdef012345")


@pytest.fixture
def report(small_report: Report) -> Report:
    small_report.findings = [FINDING]
    return small_report


@pytest.mark.parametrize(("fmt", "name", "reader"), [
    ("tmx", "corpus.tmx", tmxfile), ("xliff", "corpus.xliff", Xliff2File),
    ("xliff12", "corpus.xlf", xlifffile)])
def test_a_cat_file_reads_back_with_its_texts_notes_and_signature(
        report: Report, tmp_path: Path, fmt: str, name: str, reader: Any) -> None:
    rows = list(corpus_rows(report, "p1", keep_nulls=True))
    [path] = export_rows(rows, tmp_path, "corpus", [fmt], report.signature)
    assert path.name == name
    data = path.read_bytes()
    store = reader.parsestring(data)
    assert [(u.source, u.target) for u in store.units] == [(r.src_text, r.tgt_text)
                                                           for r in rows]
    assert store.units[3].source == "" and store.units[3].target.startswith("An extra")
    notes = [u.getnotes() for u in store.units]
    assert notes[1] == "critical number_mismatch: number 3 in the source, 4 in the target " \
                       "[abcdef012345]"
    assert [n for i, n in enumerate(notes) if i != 1] == [""] * 4
    assert report.signature["string"].encode() in data
    root = etree.fromstring(data)
    if fmt == "tmx":
        assert store.getsourcelanguage() == "ar"
        assert root.get("version") == "1.4"
        assert root.find("header/prop[@type='x-signature']").text == report.signature["string"]
        assert [p.text for p in root.find("body/tu").findall("prop")] == ["0.9100", "p1", "0 0"]
    else:
        assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("ar", "en")
        assert root.get("version") == ("2.1" if fmt == "xliff" else "1.2")
        assert "xliff:document:1.1" not in data.decode()


@pytest.mark.parametrize(("fmt", "reader"), [("tmx", tmxfile), ("xliff", Xliff2File),
                                             ("xliff12", xlifffile)])
def test_a_control_character_in_a_pair_id_or_stem_is_dropped_not_a_crash(
        report: Report, tmp_path: Path, fmt: str, reader: Any) -> None:
    """Pair ids come from file stems, and a file name may hold a control character that XML
    1.0 forbids in an attribute: the file is still written and reads back."""
    rows = list(corpus_rows(report, "p\x01one", keep_nulls=True))
    [path] = export_rows(rows, tmp_path, "corpus\x02", [fmt], report.signature)
    data = path.read_bytes()
    assert b"\x01" not in data and b"\x02" not in data
    assert len(reader.parsestring(data).units) == len(rows)
    assert b"pone" in data
