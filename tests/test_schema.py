"""The report JSON Schema: valid draft 2020-12, accepts real output, rejects broken reports."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from aligner.checks.run import run_checks
from aligner.records import Finding, Report, Span


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(files("aligner.report").joinpath("schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_align_and_check_output_of_hand_made_report(validator: jsonschema.Draft202012Validator,
                                                     small_report: Report) -> None:
    small_report.findings = None
    validator.validate(small_report.to_json())  # align JSON: no findings key
    small_report.findings = run_checks(small_report)
    data = small_report.to_json()
    assert data["findings"]
    validator.validate(data)


def test_every_kind_and_evidence_span_validates(validator: jsonschema.Draft202012Validator,
                                                 small_report: Report) -> None:
    span = Span("tgt", 2, 10, 20, "an extra E")
    small_report.findings = [
        Finding(kind, "critical", 0.5, (0,), (1,), None, "m", {"span": span, "spans": [span]})
        for kind in ("omission", "partial_omission", "number_mismatch", "entity_mismatch",
                     "inconsistent_entity", "untranslated", "length_ratio")]
    validator.validate(small_report.to_json())


@pytest.mark.parametrize("breakage", [
    lambda d: d["findings"][0].update(severity="fatal"),
    lambda d: d["findings"][0].update(confidence=1.5),
    lambda d: d["findings"][0].update(missing_in="both"),
    lambda d: d["findings"][0].pop("evidence"),
    lambda d: d["links"][0].pop("score"),
    lambda d: d["src"]["segments"][0].update(start=-1),
    lambda d: d.pop("signature"),
])
def test_broken_reports_are_rejected(
        validator: jsonschema.Draft202012Validator, small_report: Report,
        breakage: Callable[[dict[str, Any]], object]) -> None:
    small_report.findings = [Finding("omission", "major", 0.9, (2,), (), "tgt", "missing")]
    data = copy.deepcopy(small_report.to_json())
    breakage(data)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)


def test_real_check_output_of_seed_pair_validates(
        validator: jsonschema.Draft202012Validator, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import SEEDS
    from typer.testing import CliRunner

    from aligner.cli import app

    monkeypatch.setenv("ALIGNER_CACHE", str(tmp_path / "cache"))
    ar, en = sorted(SEEDS.glob("004_*.txt"))[0], sorted(SEEDS.glob("000_*.txt"))[0]
    result = CliRunner().invoke(app, ["check", str(ar), str(en), "--json", "-"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    validator.validate(data)
    assert Report.from_json(data).to_json()["findings"] == data["findings"]
