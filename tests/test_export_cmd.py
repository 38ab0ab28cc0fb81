"""``aligner export``: training-data filters over a run store, recorded in the signature."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from run_corpus import write_collection
from typer.testing import CliRunner

from aligner.cli import app
from aligner.export.base import CorpusRow
from aligner.export.filters import Filters, apply_filters, dedup_key, script_share
from aligner.records import AlignerError


def row(src: str, tgt: str, score: float = 0.9, src_ids: tuple[int, ...] = (0,),
        tgt_ids: tuple[int, ...] = (0,)) -> CorpusRow:
    return CorpusRow("p", "ar", "en", src_ids, tgt_ids, src, tgt, score)


AR = "أغلق المعبر الحدودي بسبب الجائحة."
EN = "The border crossing was closed because of the pandemic."


def test_each_filter_drops_what_it_should_and_counts_it() -> None:
    rows = [row(AR, EN), row(AR, "", 0.0, tgt_ids=()), row(AR, EN + " Really.", 0.1),
            row(AR, EN + " " + EN + " " + EN), row(AR, AR),
            row(AR, EN)]
    kept, dropped = apply_filters(rows, Filters(min_score=0.3, min_ratio=0.5, max_ratio=2.0,
                                                min_script=0.8))
    assert kept == [rows[0]]
    assert dropped == {"null": 1, "score": 1, "length_ratio": 1, "script": 1, "duplicate": 1}
    kept, dropped = apply_filters(rows, Filters(drop_nulls=False, dedup="none"))
    assert kept == rows and not dropped


def test_near_duplicates_ignore_case_punctuation_digits_and_diacritics() -> None:
    assert dedup_key("Trucks  crossed, in 2019!", "near") == dedup_key("trucks crossed in 2020",
                                                                       "near")
    assert dedup_key("عَبَرَت الشاحنات إلى العراق", "near") == dedup_key("عبرت الشاحنات الى العراق",
                                                                     "near")
    # the one Arabic fold (aligner.arabic.normalize): Arabic typed on a Persian keyboard too
    assert dedup_key("کان في القریة", "near") == dedup_key("كان في القرية", "near")
    assert dedup_key("کان في القریة", "exact") != dedup_key("كان في القرية", "exact")
    assert dedup_key("Trucks crossed.", "exact") != dedup_key("trucks crossed.", "exact")
    assert dedup_key("a\u00a0b  c", "exact") == "a b c"


def test_script_share_checks_each_side_against_its_language() -> None:
    assert script_share(AR, "ar") == 1.0 and script_share(AR, "en") == 0.0
    assert script_share("2019", "en") == 0.0
    assert 0.4 < script_share("قال Biden إن", "ar") < 0.6


def test_bad_settings_are_user_errors() -> None:
    with pytest.raises(AlignerError, match="dedup"):
        Filters(dedup="fuzzy")
    with pytest.raises(AlignerError, match="above"):
        Filters(min_ratio=2.0, max_ratio=1.0)


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A run over three known pairs: an article, an exact copy, and a copy differing only in
    case and punctuation."""
    root = tmp_path_factory.mktemp("export")
    [(ar, en)] = write_collection(root / "in", 1)
    for name in ("copy", "near"):
        shutil.copy(ar, root / "in" / "ar" / f"{name}.txt")
    shutil.copy(en, root / "in" / "en" / "copy.txt")
    (root / "in" / "en" / "near.txt").write_text(
        en.read_text(encoding="utf-8").upper().replace(".", ""), encoding="utf-8")
    manifest = root / "list.jsonl"
    manifest.write_text("".join(json.dumps({"ar": f"in/ar/{n}.txt", "en": f"in/en/{n}.txt"})
                                + "\n" for n in ("00", "copy", "near")), encoding="utf-8")
    out = root / "out"
    result = CliRunner().invoke(app, ["run", str(manifest), "--out", str(out), "-j", "1",
                                      "--no-check", "--no-html", "--no-cache"])
    assert result.exit_code == 0, result.output
    return out


def _export(run_dir: Path, dest: Path, *args: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["export", str(run_dir), "--to", str(dest),
                                      "--format", "jsonl,tmx", *args])
    assert result.exit_code == 0, result.output
    return json.loads((dest / "train.export.json").read_text(encoding="utf-8"))


def test_export_removes_exact_then_near_duplicates(run_dir: Path, tmp_path: Path) -> None:
    exact = _export(run_dir, tmp_path / "exact")
    assert (exact["candidates"], exact["rows"], exact["dropped"]) == (9, 6, {"duplicate": 3})
    near = _export(run_dir, tmp_path / "near", "--dedup", "near")
    assert (near["rows"], near["dropped"]) == (3, {"duplicate": 6})
    lines = (tmp_path / "near" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["pair"] for x in lines] == ["00__00"] * 3
    tmx = (tmp_path / "near" / "train.tmx").read_text(encoding="utf-8")
    assert "dedup:near" in tmx and "dedup:near" in near["signature"]["string"]
    assert near["signature"]["filters"]["dedup"] == "near"
    assert exact["signature"]["string"] != near["signature"]["string"]


def test_export_min_score_is_in_the_signature(run_dir: Path, tmp_path: Path) -> None:
    strict = _export(run_dir, tmp_path / "s", "--min-score", "0.99", "--dedup", "none")
    assert strict["rows"] == 0 and strict["dropped"] == {"score": 9}
    assert "min_score:0.99" in strict["signature"]["string"]


def test_export_needs_a_run_directory(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", str(tmp_path)])
    assert result.exit_code == 2 and "not a run directory" in result.output


@pytest.mark.parametrize(("option", "value"), [("--min-script", "1.5"), ("--min-script", "-0.1"),
                                               ("--min-ratio", "-1"), ("--max-ratio", "-2")])
def test_shares_and_ratios_out_of_range_are_refused(run_dir: Path, option: str,
                                                    value: str) -> None:
    """A script share above 1 would drop every row without a word of why."""
    result = CliRunner().invoke(app, ["export", str(run_dir), option, value])
    assert result.exit_code == 2 and "Invalid value for" in result.output
