"""Accepted findings: the baseline file, marking a report's findings, and --fail-on on the rest."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from aligner.baseline import (
    Acceptance,
    accept_findings,
    fails,
    mark_accepted,
    open_findings,
    read_baseline,
    write_baseline,
)
from aligner.records import AlignerError, Finding, Report


def _finding(fid: str, severity: str, kind: str = "omission") -> Finding:
    return Finding(kind=kind, severity=severity, confidence=0.8, src=(0,), tgt=(),
                   missing_in="tgt", message=f"{kind} {fid}", id=fid)


FINDINGS = [_finding("aaaaaaaaaaaa", "major"), _finding("bbbbbbbbbbbb", "minor"),
            _finding("cccccccccccc", "critical", "number_mismatch")]


def test_baseline_round_trips_sorted_and_atomic(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "baseline.json"
    accepted = {"cccccccccccc": Acceptance("a date, not a figure", "2026-12-07T10:00:00+00:00",
                                           "rima"),
                "aaaaaaaaaaaa": Acceptance("", "2026-12-07T10:01:00+00:00", "")}
    write_baseline(path, accepted)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data["accepted"]) == ["aaaaaaaaaaaa", "cccccccccccc"]
    assert data["accepted"]["cccccccccccc"] == {"comment": "a date, not a figure",
                                                "at": "2026-12-07T10:00:00+00:00", "by": "rima"}
    assert read_baseline(path) == accepted
    assert [p.name for p in path.parent.iterdir()] == ["baseline.json"]  # no temp file left


@pytest.mark.parametrize(("content", "problem"), [
    ("{not json", "not JSON"),
    ("[1, 2]", "expected"),
    ('{"accepted": ["aaaaaaaaaaaa"]}', "expected"),
    ('{"accepted": {"aaaaaaaaaaaa": "yes"}}', "entry 'aaaaaaaaaaaa'"),
    ('{"accepted": {"aaaaaaaaaaaa": {"comment": 3}}}', "entry 'aaaaaaaaaaaa'"),
])
def test_damaged_baseline_is_one_error_naming_the_file(tmp_path: Path, content: str,
                                                       problem: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AlignerError) as info:
        read_baseline(path)
    assert info.value.path == str(path)
    assert "damaged baseline" in info.value.problem and problem in info.value.problem
    assert "\n" not in str(info.value)


def test_missing_baseline_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(AlignerError, match="aligner accept"):
        read_baseline(tmp_path / "none.json")


def test_accepted_findings_do_not_count_for_fail_on() -> None:
    assert fails(FINDINGS, "major") and fails(FINDINGS, "critical")
    accepted = {"cccccccccccc": Acceptance("checked", "2026-12-07T10:00:00+00:00", "rima")}
    marked = mark_accepted(FINDINGS, accepted)
    assert marked[2].accepted == {"comment": "checked", "at": "2026-12-07T10:00:00+00:00",
                                  "by": "rima"}
    assert [f.accepted for f in marked[:2]] == [None, None]
    assert [f.id for f in open_findings(marked)] == ["aaaaaaaaaaaa", "bbbbbbbbbbbb"]
    assert not fails(marked, "critical")  # the only critical one is accepted
    assert fails(marked, "major")  # the open major one still fails
    everything = dict.fromkeys([f.id for f in FINDINGS], Acceptance())
    assert not fails(mark_accepted(FINDINGS, everything), "minor")
    assert not fails(FINDINGS, None)


def test_accept_findings_by_id_or_all_and_unknown_id_is_an_error() -> None:
    acc = Acceptance.now("fine", by="rima")
    assert acc.at.endswith("+00:00") and acc.by == "rima"
    assert list(accept_findings(FINDINGS, None, acc, "r.json")) == [f.id for f in FINDINGS]
    assert accept_findings(FINDINGS, ["bbbbbbbbbbbb", "bbbbbbbbbbbb"], acc, "r.json") == {
        "bbbbbbbbbbbb": acc}
    with pytest.raises(AlignerError) as info:
        accept_findings(FINDINGS, ["bbbbbbbbbbbb", "dddddddddddd"], acc, "r.json")
    assert info.value.path == "r.json" and "dddddddddddd" in info.value.problem


def test_accepted_field_round_trips_and_matches_the_schema(small_report: Report) -> None:
    small_report.findings = mark_accepted(
        FINDINGS, {"aaaaaaaaaaaa": Acceptance("ok", "2026-12-07T10:00:00+00:00", "rima")})
    data = json.loads(json.dumps(small_report.to_json()))
    schema = json.loads(files("aligner.report").joinpath("schema.json").read_text())
    jsonschema.validate(data, schema)
    assert data["findings"][0]["accepted"]["by"] == "rima"
    assert "accepted" not in data["findings"][1]
    again = Report.from_json(data)
    assert again.findings == small_report.findings
