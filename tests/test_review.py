"""Reviewer decisions and link corrections in the run store: applying them, the export, the
listing, and a rerun that keeps them (unchanged text) or marks them stale (changed text)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from desk_helpers import SEED_PAIR, run_seeds, seed_inputs, seed_run, store_from_report
from test_report_terminal import sample_report
from typer.testing import CliRunner

from aligner.baseline import fails
from aligner.cli import app
from aligner.corpus import finished
from aligner.corpus.store import RunStore
from aligner.records import AlignerError, Finding, Link
from aligner.review import Conflict, apply_op, correct, decide, review

LINKS = [Link((0,), (0,), 0.9), Link((1, 2), (1,), 0.8), Link((3,), (), 0.0),
         Link((4,), (2,), 0.7)]


def ref(link: Link) -> dict[str, list[int]]:
    return {"src": list(link.src), "tgt": list(link.tgt)}


def shape(links: list[Link]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(x.src, x.tgt) for x in links]


def test_split_makes_nulls_of_every_sentence() -> None:
    out = apply_op(LINKS, {"op": "split", "link": ref(LINKS[1])}, 5, 3)
    assert shape(out) == [((0,), (0,)), ((1,), ()), ((2,), ()), ((), (1,)), ((3,), ()),
                          ((4,), (2,))]


def test_join_puts_a_null_into_its_neighbour() -> None:
    out = apply_op(LINKS, {"op": "join", "link": ref(LINKS[2]), "with": ref(LINKS[3])}, 5, 3)
    assert shape(out) == [((0,), (0,)), ((1, 2), (1,)), ((3, 4), (2,))]
    assert out[2].score == LINKS[3].score


def test_relink_moves_one_sentence_and_leaves_its_partner_alone() -> None:
    out = apply_op(LINKS, {"op": "relink", "side": "src", "seg": 2, "to": ref(LINKS[2])}, 5, 3)
    assert shape(out) == [((0,), (0,)), ((1,), (1,)), ((2, 3), ()), ((4,), (2,))]
    out = apply_op(LINKS, {"op": "relink", "side": "tgt", "seg": 0, "to": ref(LINKS[2])}, 5, 3)
    assert shape(out) == [((0,), ()), ((1, 2), (1,)), ((3,), (0,)), ((4,), (2,))]


def test_corrections_on_links_that_are_not_there_conflict() -> None:
    with pytest.raises(Conflict, match="not among"):
        apply_op(LINKS, {"op": "split", "link": {"src": [9], "tgt": [9]}}, 5, 3)
    with pytest.raises(Conflict, match="null link"):
        apply_op(LINKS, {"op": "split", "link": ref(LINKS[2])}, 5, 3)


@pytest.mark.parametrize("op, problem", [
    ({"op": "merge"}, "unknown correction"),
    ({"op": "split", "link": "row 2"}, "not a link"),
    ({"op": "join", "link": ref(LINKS[0]), "with": ref(LINKS[2])}, "not neighbours"),
    ({"op": "join", "link": ref(LINKS[0]), "with": ref(LINKS[1])}, "must be a null"),
    ({"op": "relink", "side": "src", "seg": 7, "to": ref(LINKS[0])}, "no src sentence 7"),
])
def test_malformed_corrections_are_refused(op: dict[str, Any], problem: str) -> None:
    with pytest.raises(AlignerError, match=problem):
        apply_op(LINKS, op, 5, 3)


def test_a_finding_has_one_decision_record_and_a_stale_view_is_refused(tmp_path: Path) -> None:
    store_from_report(tmp_path, sample_report())
    with RunStore(tmp_path) as store:
        [(_, pair, report)] = list(finished(store))
        fid = report.findings[0].id  # type: ignore[index]
        first = decide(store, pair, report, fid, "accept", " fine ", "ann", seen=0)
        assert (first.action, first.comment, first.rev) == ("accept", "fine", 1)
        with pytest.raises(Conflict) as lost:  # a second tab that still shows no decision
            decide(store, pair, report, fid, "reject", "", "bob", seen=0)
        assert lost.value.current is not None and lost.value.current["reviewer"] == "ann"
        second = decide(store, pair, report, fid, "reject", "", "bob", seen=1)
        assert (second.action, second.reviewer, second.rev) == ("reject", "bob", 2)
        assert store.db.execute("SELECT COUNT(*) FROM decisions").fetchone()[0] == 1
        with pytest.raises(AlignerError, match="no finding"):
            decide(store, pair, report, "feedbeef0000", "accept", "", "ann", seen=None)
        with pytest.raises(AlignerError, match="unknown action"):
            decide(store, pair, report, fid, "approve", "", "ann", seen=None)
        assert [f.id for f in review(store, pair, report).rejected] == [fid]


def export_rows(out: Path, dest: Path, *args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["export", str(out), "--to", str(dest), "--dedup", "none",
                                      *args])
    assert result.exit_code == 0, result.output
    text = (dest / "train.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def test_export_writes_corrected_links_without_rejected_pairs(tmp_path: Path) -> None:
    out = seed_run(tmp_path / "out")
    before = export_rows(out, tmp_path / "before")
    with RunStore(out) as store:
        [(_, pair, report)] = list(finished(store))
        third = report.links[3]
        correct(store, pair, report, {"op": "split", "link": ref(third)}, "ann")
        [finding] = report.findings or []
        decide(store, pair, report, finding.id, "reject", "Albu Kamal spelt two ways", "ann",
               seen=0)
    after = export_rows(out, tmp_path / "after")
    split_row = [list(third.src), list(third.tgt)]
    assert split_row in [[r["src_ids"], r["tgt_ids"]] for r in before]
    assert split_row not in [[r["src_ids"], r["tgt_ids"]] for r in after]
    # the rejected finding's sentences are left out, unless --keep-rejected
    assert not {i for r in after for i in r["src_ids"]} & set(finding.src)
    assert len(after) == len(before) - 1 - len(finding.src)
    kept = export_rows(out, tmp_path / "kept", "--keep-rejected")
    assert len(kept) == len(before) - 1
    sidecar = json.loads((tmp_path / "kept" / "train.export.json").read_text(encoding="utf-8"))
    assert sidecar["signature"]["keep_rejected"] is True


def decisions_json(out: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["decisions", str(out), "--json", "-"])
    assert result.exit_code == 0, result.output
    records: list[dict[str, Any]] = json.loads(result.stdout)["decisions"]
    return records


def test_rerun_keeps_decisions_and_marks_them_stale_where_the_text_changed(
        tmp_path: Path) -> None:
    inputs, out = seed_inputs(tmp_path / "in"), tmp_path / "out"
    run_seeds(inputs, out)
    with RunStore(out) as store:
        [(_, pair, report)] = list(finished(store))
        [finding] = report.findings or []
        decide(store, pair, report, finding.id, "accept", "", "ann", seen=0)
        correct(store, pair, report, {"op": "split", "link": ref(report.links[3])}, "ann")
    assert fails([finding], "minor")
    run_seeds(inputs, out)  # unchanged text: both in force
    # the accepted finding is marked so in the later run's report: --fail-on passes over it
    [report_json] = (out / "reports").glob("*.json")
    [marked] = [Finding.from_json(f) for f in
                json.loads(report_json.read_text(encoding="utf-8"))["findings"]]
    assert marked.id == finding.id and marked.accepted is not None
    assert marked.accepted["by"] == "ann" and not fails([marked], "minor")
    records = decisions_json(out)
    assert [(r["type"], r["stale"], r["applies"]) for r in records] == [
        ("decision", False, True), ("correction", False, True)]
    # the English article gets one more sentence at its end: the pair is redone
    english = inputs / SEED_PAIR[1]
    english.write_text(english.read_text(encoding="utf-8").rstrip() +
                       "\n\nThe ministry did not answer requests for comment.\n",
                       encoding="utf-8")
    run_seeds(inputs, out)
    records = decisions_json(out)
    # the split named sentence numbers of the old text: stale, no longer applied; the
    # finding's id hashes the sentences it concerns, which did not change: it still applies
    assert [(r["type"], r["stale"], r["applies"]) for r in records] == [
        ("decision", True, True), ("correction", True, False)]
    with RunStore(out) as store:
        [(_, pair, report)] = list(finished(store))
        done = review(store, pair, report)
        assert done.report.links == report.links and finding.id in done.accepted
        assert len(done.stale) == 2
    listing = CliRunner().invoke(app, ["decisions", str(out)])
    assert listing.exit_code == 0 and "2 record(s)" in listing.stdout
    assert "stale" in listing.stdout


def test_decisions_needs_a_run_directory(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["decisions", str(tmp_path), "--json", "-"])
    assert result.exit_code == 2 and "not a run directory" in result.output
