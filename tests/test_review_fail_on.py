"""A finding accepted in the review desk counts as accepted for `aligner run --fail-on` in later
runs (the accept work's option; skipped where `run` does not have it yet)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from desk_helpers import seed_inputs
from typer.testing import CliRunner

from aligner.cli import app, run
from aligner.corpus import finished
from aligner.corpus.store import RunStore
from aligner.review import decide

pytestmark = pytest.mark.skipif(
    "fail_on" not in run.__wrapped__.__code__.co_varnames,  # type: ignore[attr-defined]
    reason="'aligner run' has no --fail-on yet")


def test_a_finding_accepted_in_the_desk_no_longer_fails_the_run(tmp_path: Path) -> None:
    inputs, out = seed_inputs(tmp_path / "in"), tmp_path / "out"
    command = ["run", str(inputs), "--out", str(out), "-j", "1", "--fail-on", "minor"]
    first = CliRunner().invoke(app, command)
    assert first.exit_code == 1, first.output  # the seed pair's one minor finding
    with RunStore(out) as store:
        [(_, pair, report)] = list(finished(store))
        for finding in report.findings or []:
            decide(store, pair, report, finding.id, "accept", "house style", "ann", seen=0)
    second = CliRunner().invoke(app, command)
    assert second.exit_code == 0, second.output
    pairs = json.loads((out / "pairs.json").read_text(encoding="utf-8"))
    assert [p["accepted"] for p in pairs["pairs"]] == [len(report.findings or [])]
