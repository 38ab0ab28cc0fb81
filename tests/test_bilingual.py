"""Bilingual files as input: ``aligner check FILE`` with one TMX, XLIFF or two-column TSV
checks its units as the aligned pairs, and reports what checking the two articles reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from outlet import SEED_AR, SEED_EN
from typer.testing import CliRunner

from aligner.bilingual import read_bilingual
from aligner.cli import app
from aligner.export.base import corpus_rows, export_rows
from aligner.records import AlignerError, Report

DELETED = ("وأوضح أن الهدف من ذلك هو تفادي تعرض الشاحنات أو الحافلات العسكرية للقصف أو الغارات "
           "الجوية.")


def _findings(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Each finding as kind, severity, side and the texts it concerns (ids differ: a
    bilingual file has no segments outside its units)."""
    def texts(side: str, ids: list[int]) -> tuple[str, ...]:
        return tuple(data[side]["segments"][i]["text"] for i in ids)

    return sorted((f["kind"], f["severity"], f["missing_in"], texts("src", f["src"]),
                   texts("tgt", f["tgt"]), f["id"]) for f in data["findings"])


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The seed pair with a sentence deleted and a number changed, checked as two articles,
    and its links exported as TMX, XLIFF 2.1, XLIFF 1.2 and TSV."""
    folder = tmp_path_factory.mktemp("bilingual")
    ar = folder / "ar.txt"
    text = SEED_AR.read_text(encoding="utf-8")
    assert DELETED in text and "1500 / 1500" in text
    ar.write_text(text.replace(DELETED, "").replace("0 تعليق", "3 تعليق"), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(ar), str(SEED_EN), "--json",
                                      str(folder / "two.json")])
    assert result.exit_code == 0, result.output
    data = json.loads((folder / "two.json").read_text(encoding="utf-8"))
    report = Report.from_json(data)
    rows = list(corpus_rows(report, "seed", keep_nulls=True, keep_chrome=True))
    export_rows(rows, folder, "seed", ["tmx", "xliff", "xliff12"], report.signature)
    (folder / "seed.tsv").write_text("ar\ten\n" + "".join(f"{r.src_text}\t{r.tgt_text}\n"
                                                          for r in rows), encoding="utf-8")
    return folder, data


@pytest.mark.parametrize("name", ["seed.tmx", "seed.xliff", "seed.xlf", "seed.tsv"])
def test_a_bilingual_file_of_the_seed_pair_reports_what_the_articles_report(
        checked: tuple[Path, dict[str, Any]], name: str) -> None:
    folder, two = checked
    out = folder / f"{name}.json"
    result = CliRunner().invoke(app, ["check", str(folder / name), "--json", str(out)])
    assert result.exit_code == 0, result.output
    one = json.loads(out.read_text(encoding="utf-8"))
    assert (one["src"]["lang"], one["tgt"]["lang"]) == ("ar", "en")
    assert len(one["links"]) == len(two["links"])
    kinds = {f[0] for f in _findings(two)}
    assert {"omission", "inconsistent_entity"} <= kinds
    if name == "seed.tmx":  # aligner's TMX keeps each unit's paragraph: the very same report
        assert _findings(one) == _findings(two)
    else:  # one unit a line: a deleted paragraph of one sentence is a deleted sentence
        paragraph = [f for f in _findings(two) if f[0] == "omission" and f[1] == "critical"]
        assert len(paragraph) == 1
        assert _findings(one) == sorted(
            (*f[:1], "major", *f[2:]) if f in paragraph else f for f in _findings(two))


def test_the_views_work_on_a_bilingual_file(checked: tuple[Path, dict[str, Any]]) -> None:
    folder, _ = checked
    result = CliRunner().invoke(app, ["check", str(folder / "seed.tmx"), "--html",
                                      str(folder / "seed.html"), "--fail-on", "major"])
    assert result.exit_code == 1  # the deleted sentence
    assert "omission" in result.stdout and "SRC [ar]" in result.stdout
    page = (folder / "seed.html").read_text(encoding="utf-8")
    assert "omission" in page and 'class="s chrome"' in page


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


SDLXLIFF = """<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"
       xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">
<file original="article.docx" datatype="x-sdlfilterframework2" source-language="en-US"
      target-language="ar-SA">
<body>
<trans-unit id="1"><source>The trucks arrived from Iraq.</source>
  <target>وصلت الشاحنات من العراق.</target></trans-unit>
<trans-unit id="2"><source>The crossing was closed.</source>
  <target>وأغلق المعبر.</target></trans-unit>
</body></file></xliff>
"""


def test_cat_tool_files_give_their_declared_languages(tmp_path: Path) -> None:
    read = read_bilingual(_write(tmp_path, "article.sdlxliff", SDLXLIFF))
    assert read.langs == ("en", "ar") and read.notes == ()
    assert read.pairs[1] == ("The crossing was closed.", "وأغلق المعبر.")
    swapped = SDLXLIFF.replace('source-language="en-US"', 'source-language="ar"').replace(
        'target-language="ar-SA"', 'target-language="en"')
    read = read_bilingual(_write(tmp_path, "job.mqxliff", swapped))
    assert read.langs == ("en", "ar")  # the script wins, and the user is told
    assert [n.split(" but ")[0] for n in read.notes] == ["source declared as ar",
                                                          "target declared as en"]
    tsv = read_bilingual(_write(tmp_path, "pairs.tsv", "The trucks arrived.\tوصلت الشاحنات.\n"))
    assert tsv.langs == ("en", "ar") and tsv.pairs == [("The trucks arrived.", "وصلت الشاحنات.")]


@pytest.mark.parametrize(("name", "text", "problem"), [
    ("cut.xlf", SDLXLIFF[:400], "a damaged XLIFF file"),
    ("other.xliff", "<?xml version='1.0'?><html><body/></html>", "a damaged XLIFF file"),
    ("cut.tmx", "<?xml version='1.0'?><tmx version='1.4'><header srclang='en'/><body><tu>",
     "a damaged TMX file"),
    ("empty.tmx", "<?xml version='1.0'?><tmx version='1.4'><header srclang='en'/><body/></tmx>",
     "expected two languages"),
    ("wide.tsv", "a\tb\tc\n", "line 1 has 3 columns"),
    ("same.tsv", "The trucks arrived.\tThe crossing was closed.\n", "same language"),
])
def test_a_damaged_bilingual_file_is_one_line_exit_2(tmp_path: Path, name: str, text: str,
                                                     problem: str) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(AlignerError) as err:
        read_bilingual(path)
    assert err.value.path == str(path) and problem in err.value.problem
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and str(path) in result.stderr


def test_one_article_alone_is_one_line_exit_2() -> None:
    result = CliRunner().invoke(app, ["check", str(SEED_EN)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "one bilingual file" in result.stderr


def test_run_takes_bilingual_files_from_a_folder_and_a_manifest(
        checked: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    """A CAT file in the folder and a TSV named by the manifest are pairs as they stand:
    their units are the links, and their findings are those of ``check FILE``."""
    folder, _ = checked
    source = tmp_path / "in"
    source.mkdir()
    (source / "seed.tmx").write_bytes((folder / "seed.tmx").read_bytes())
    (source / "seed.tsv").write_bytes((folder / "seed.tsv").read_bytes())
    single = CliRunner().invoke(app, ["check", str(source / "seed.tmx"), "--json",
                                      str(tmp_path / "one.json")])
    assert single.exit_code == 0, single.output
    one = json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))
    manifest = tmp_path / "list.csv"
    manifest.write_text("path\nin/seed.tsv\nin/seed.tmx\n", encoding="utf-8")
    for inputs, n in ((source, 1), (manifest, 2)):
        out = tmp_path / f"out-{n}"
        result = CliRunner().invoke(app, ["run", str(inputs), "--out", str(out),
                                          "--workers", "1", "--no-html", "--format", "tsv"])
        assert result.exit_code == 0, result.output
        # the folder's TSV is passed over (a TSV there may be anything), and the user is told
        notes = [line for line in result.stderr.splitlines() if ".tsv" in line]
        assert notes == ([f"note: {source}: skipped 1 .tsv file (seed.tsv); a TSV in a folder "
                          "may be anything: name a bilingual one in a manifest's path column"]
                         if inputs == source else [])
        data = json.loads((out / "pairs.json").read_text(encoding="utf-8"))
        assert data["failed"] == [] and data["unpaired"] == [] and len(data["pairs"]) == n
        tmx = next(p for p in data["pairs"] if p["src"].endswith("seed.tmx#source"))
        report = json.loads((out / tmx["report"]).read_text(encoding="utf-8"))
        assert report["links"] == one["links"]
        assert _findings(report) == _findings(one)


def test_run_names_the_skipped_tsv_files_of_a_folder_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from aligner.cli_corpus import _note_skipped_tsv
    from aligner.corpus import load_inputs

    (tmp_path / "sub").mkdir()
    (tmp_path / "article.txt").write_text("The trucks arrived.", encoding="utf-8")
    names = [f"sub/t{n:02}.tsv" for n in range(23)] + [".hidden.tsv", "~$lock.tsv"]
    for name in names:
        (tmp_path / name).write_text("a\tb\n", encoding="utf-8")
    skipped = load_inputs(tmp_path).skipped_tsv
    assert skipped == [str(tmp_path / name) for name in names[:23]]
    _note_skipped_tsv(tmp_path, skipped)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"note: {tmp_path}: skipped 23 .tsv files (")
    assert "sub/t19.tsv and 3 more)" in err and "t20" not in err and "hidden" not in err
