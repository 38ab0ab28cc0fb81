"""Segmented CAT files: a Trados ``.sdlxliff`` (or memoQ ``.mqxliff``, or XLIFF 1.2 with
``<seg-source>``) trans-unit holding several ``<mrk mtype="seg">`` segments is read segment by
segment, each source mrk paired with the target mrk of the same ``mid``, as Trados shows them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aligner.bilingual import read_bilingual
from aligner.cli import app
from aligner.records import AlignerError

# Arabic → English, as Trados Studio saves it: a tag-definitions header, structure units that
# hold only tags, a paragraph of three segments (one locked, one with bold <g> tags inside, a
# tracked deletion), and a paragraph whose second segment is not translated yet.
AR_EN = """<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"
       xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">
<file original="C:\\Jobs\\article.docx" datatype="x-sdlfilterframework2"
      source-language="ar-SA" target-language="en-US">
<header>
  <file-info xmlns="http://sdl.com/FileTypes/SdlXliff/1.0">
    <value key="SDL:FileId">7c3e2a10-5b1d-4e8f-9a61-2f0d4b7c9e15</value>
  </file-info>
  <sdl:filetype-info><sdl:filetype-id>Word 2007 v 2.0.0.0</sdl:filetype-id></sdl:filetype-info>
  <tag-defs xmlns="http://sdl.com/FileTypes/SdlXliff/1.0">
    <tag id="pt1"><bpt name="b" word-end="false">&lt;w:b/&gt;</bpt>
      <ept name="b" word-end="false">&lt;/w:b&gt;</ept></tag>
    <tag id="pt2"><st name="fld">&lt;w:fldSimple/&gt;</st></tag>
  </tag-defs>
</header>
<body>
<group><sdl:cxts><sdl:cxt id="1"/></sdl:cxts>
<trans-unit translate="no" id="0a1b"><source><x id="pt2"/></source></trans-unit>
<trans-unit id="c41f7d2e-1">
  <source>وصلت الشاحنات من العراق صباح الأحد. وقال المسؤول إن <g id="pt1">المعبر</g> أغلق.
  وعادت الحافلات إلى دمشق.</source>
  <seg-source><mrk mtype="seg" mid="1">وصلت الشاحنات من العراق صباح الأحد.</mrk> <mrk
    mtype="seg" mid="2">وقال المسؤول إن <g id="pt1">المعبر</g> أغلق.</mrk> <mrk mtype="seg"
    mid="3">وعادت الحافلات إلى دمشق.</mrk></seg-source>
  <target><mrk mtype="seg" mid="1">The trucks arrived from Iraq on Sunday morning.</mrk> <mrk
    mtype="seg" mid="2">The official said that the <g id="pt1">crossing</g> was <mrk
    mtype="x-sdl-deleted" sdl:revid="r1">not </mrk>closed.</mrk> <mrk mtype="seg"
    mid="3">The buses returned to Damascus.</mrk></target>
  <sdl:seg-defs>
    <sdl:seg id="1" conf="ApprovedSignOff" origin="tm" percent="100" locked="true"/>
    <sdl:seg id="2" conf="Translated" origin="interactive"/>
    <sdl:seg id="3" conf="Translated" origin="mt"/>
  </sdl:seg-defs>
</trans-unit>
<trans-unit id="c41f7d2e-2">
  <source>وبلغ عدد الركاب 1500 راكب. ولم تسجل أي إصابات.</source>
  <seg-source><mrk mtype="seg" mid="4">وبلغ عدد الركاب 1500 راكب.</mrk> <mrk mtype="seg"
    mid="5">ولم تسجل أي إصابات.</mrk></seg-source>
  <target><mrk mtype="seg" mid="4">There were 1500 passengers.</mrk> <mrk mtype="seg"
    mid="5"/></target>
  <sdl:seg-defs><sdl:seg id="4" conf="Translated"/><sdl:seg id="5" conf="Draft"/></sdl:seg-defs>
</trans-unit>
</group>
</body></file></xliff>
"""

# English → Arabic: the target's segments in another order inside a <g> paragraph tag, and a
# unit with no seg-source at all (read whole, as before).
EN_AR = """<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"
       xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">
<file original="report.html" datatype="x-sdlfilterframework2" source-language="en-GB"
      target-language="ar-AE">
<body>
<trans-unit id="u1">
  <source><g id="p1">The ministry opened the new hospital. It has 200 beds.</g></source>
  <seg-source><g id="p1"><mrk mtype="seg" mid="1">The ministry opened the new hospital.</mrk>
    <mrk mtype="seg" mid="2">It has 200 beds.</mrk></g></seg-source>
  <target><g id="p1"><mrk mtype="seg" mid="2">وفيه 200 سرير.</mrk> <mrk mtype="seg"
    mid="1">افتتحت الوزارة المستشفى الجديد.</mrk></g></target>
  <sdl:seg-defs><sdl:seg id="1" conf="Translated" locked="true"/>
    <sdl:seg id="2" conf="Translated"/></sdl:seg-defs>
</trans-unit>
<trans-unit id="u2"><source>Visitors are welcome.</source>
  <target>الزوار مرحب بهم.</target></trans-unit>
</body></file></xliff>
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_each_trados_segment_is_its_own_pair(tmp_path: Path) -> None:
    read = read_bilingual(_write(tmp_path, "article.sdlxliff", AR_EN))
    assert read.langs == ("ar", "en") and read.notes == ()
    assert read.pairs == [
        ("وصلت الشاحنات من العراق صباح الأحد.", "The trucks arrived from Iraq on Sunday morning."),
        ("وقال المسؤول إن المعبر أغلق.", "The official said that the crossing was closed."),
        ("وعادت الحافلات إلى دمشق.", "The buses returned to Damascus."),
        ("وبلغ عدد الركاب 1500 راكب.", "There were 1500 passengers."),
        ("ولم تسجل أي إصابات.", ""),  # not translated yet: a 1-0 pair
    ]
    # a trans-unit is a paragraph: its segments share it
    assert read.paragraphs == [(1, 1), (1, 1), (1, 1), (2, 2), (2, 2)]


def test_english_to_arabic_segments_are_matched_by_mid(tmp_path: Path) -> None:
    read = read_bilingual(_write(tmp_path, "report.sdlxliff", EN_AR))
    assert read.langs == ("en", "ar")
    assert read.pairs == [
        ("The ministry opened the new hospital.", "افتتحت الوزارة المستشفى الجديد."),
        ("It has 200 beds.", "وفيه 200 سرير."),
        ("Visitors are welcome.", "الزوار مرحب بهم."),
    ]


@pytest.mark.parametrize("name", ["job.mqxliff", "job.xlf"])
def test_memoq_and_plain_xliff_with_seg_source_read_the_same(tmp_path: Path, name: str) -> None:
    plain = EN_AR.replace(' sdl:version="1.0"', "").replace(
        'xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"', "").replace("x-sdlfilterframework2",
                                                                          "html")
    plain = "\n".join(line for line in plain.splitlines() if "sdl:" not in line)
    assert "sdl" not in plain
    assert read_bilingual(_write(tmp_path, name, plain)).pairs == read_bilingual(
        _write(tmp_path, "report.sdlxliff", EN_AR)).pairs


def test_check_gives_one_link_per_segment(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["check", str(_write(tmp_path, "article.sdlxliff", AR_EN)),
                                      "--json", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    src, tgt = data["src"]["segments"], data["tgt"]["segments"]
    assert [(len(link["src"]), len(link["tgt"])) for link in data["links"]] == \
        [(1, 1)] * 4 + [(1, 0)]
    assert [src[link["src"][0]]["text"] for link in data["links"]][1] == \
        "وقال المسؤول إن المعبر أغلق."
    assert tgt[data["links"][3]["tgt"][0]]["text"] == "There were 1500 passengers."
    # the untranslated segment is reported missing from the translation
    assert any(f["kind"] == "omission" and f["src"] == data["links"][4]["src"]
               for f in data["findings"])


def test_a_damaged_segmented_file_is_one_line_exit_2(tmp_path: Path) -> None:
    path = _write(tmp_path, "cut.sdlxliff", AR_EN[:AR_EN.index("<seg-source>") + 60])
    with pytest.raises(AlignerError) as err:
        read_bilingual(path)
    assert err.value.path == str(path) and "a damaged XLIFF file" in err.value.problem
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and str(path) in result.stderr
