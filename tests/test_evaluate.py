"""Alignment scoring on hand-made cases whose precision/recall/F1 are worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from aligner.evaluate import (
    evaluate_paths,
    format_links_text,
    parse_links_text,
    read_links,
    score_documents,
)
from aligner.records import AlignerError

GOLD = [((0,), (0,)), ((1, 2), (1,)), ((3,), ()), ((4,), (2, 3)), ((), (4,))]
# test: [0]:[0] exact; [1]:[1] + [2]:[] split the gold 2-1; [3]:[] exact null;
# [4]:[2] + []:[3] split the gold 1-2; []:[4] exact null
TEST = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), ()), ((4,), (2,)), ((), (3,)),
        ((), (4,))]


def test_hand_computed_scores() -> None:
    r = score_documents([GOLD], [TEST]).to_json()
    # precision over all 7 test links: strict matches [0]:[0], [3]:[], []:[4] -> 3/7
    assert r["strict_precision"] == pytest.approx(3 / 7)
    # lax also accepts [1]:[1] (1 linked to 1 in gold) and [4]:[2]: 5/7; nulls never lax-match
    assert r["lax_precision"] == pytest.approx(5 / 7)
    # recall over the 3 non-null gold links: strict only [0]:[0] -> 1/3; lax all 3
    assert r["strict_recall"] == pytest.approx(1 / 3)
    assert r["lax_recall"] == pytest.approx(1.0)
    p, rec = 3 / 7, 1 / 3
    assert r["strict_f1"] == pytest.approx(2 * p * rec / (p + rec))
    # null sentences: test {src2, src3, tgt3, tgt4}, gold {src3, tgt4} -> P 2/4, R 2/2
    assert r["null_precision"] == pytest.approx(0.5)
    assert r["null_recall"] == pytest.approx(1.0)


def test_counts_are_summed_over_documents() -> None:
    perfect = [((0,), (0,)), ((1,), (1,))]
    wrong = [((0,), (1,)), ((1,), (0,))]
    r = score_documents([perfect, perfect], [perfect, wrong]).to_json()
    # 2 of 4 test links right; not the mean of per-document F1s (which would also be 0.5 here,
    # so check the precision denominator through a lopsided pair as well)
    assert r["strict_precision"] == pytest.approx(0.5)
    r = score_documents([perfect, [((0,), (0,))]], [perfect, [((0,), (1,))]]).to_json()
    assert r["strict_precision"] == pytest.approx(2 / 3)
    assert r["strict_recall"] == pytest.approx(2 / 3)


def test_perfect_and_empty() -> None:
    r = score_documents([GOLD], [GOLD]).to_json()
    assert r["strict_f1"] == r["lax_f1"] == r["null_precision"] == r["null_recall"] == 1.0
    assert score_documents([], []).to_json()["strict_f1"] == 0.0


def test_text_format_round_trip() -> None:
    text = format_links_text(GOLD)
    assert text.splitlines()[1] == "[1, 2]:[1]"
    assert text.splitlines()[2] == "[3]:[]"
    assert parse_links_text(text) == GOLD
    with pytest.raises(AlignerError, match="line 1"):
        parse_links_text("0-1\n")


def _report(links: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> str:
    return json.dumps({"signature": {}, "links": [{"src": list(s), "tgt": list(t), "score": 0.5}
                                                  for s, t in links]})


def test_reads_reports_and_directories(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "run").mkdir()
    (tmp_path / "gold" / "001").write_text(format_links_text(GOLD), encoding="utf-8")
    (tmp_path / "run" / "001.json").write_text(_report(TEST), encoding="utf-8")
    assert read_links(tmp_path / "run" / "001.json") == TEST
    r = evaluate_paths(tmp_path / "run", tmp_path / "gold").to_json()
    assert r["docs"] == 1
    assert r["strict_precision"] == pytest.approx(3 / 7)
    single = evaluate_paths(tmp_path / "run" / "001.json", tmp_path / "gold" / "001")
    assert single.to_json() == r
    (tmp_path / "gold" / "002").write_text("[0]:[0]\n", encoding="utf-8")
    with pytest.raises(AlignerError, match="002"):
        evaluate_paths(tmp_path / "run", tmp_path / "gold")


def test_cli_eval(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from aligner.cli import app

    (tmp_path / "gold").write_text(format_links_text(GOLD), encoding="utf-8")
    (tmp_path / "run.json").write_text(_report(TEST), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--test", str(tmp_path / "run.json"),
                                      "--gold", str(tmp_path / "gold"), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["strict_precision"] == pytest.approx(3 / 7)
    bad = CliRunner().invoke(app, ["eval", "--test", str(tmp_path / "missing"),
                                   "--gold", str(tmp_path / "gold")])
    assert bad.exit_code == 2


def _script(name: str) -> ModuleType:  # scripts/ is not a package: load the script by path
    import importlib.util
    from pathlib import Path

    path = Path(__file__).parent.parent / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_oracle_reaches_an_in_order_gold_but_not_a_crossing_one() -> None:
    ceiling = _script("textberg_ceiling")
    gold = [((0,), (0,)), ((1, 2), (1,)), ((3,), ()), ((4,), (2, 3))]
    path = ceiling.oracle_path(5, 4, set(gold).__contains__, 1.0)
    assert path == gold
    crossing = [((0,), (1,)), ((1,), (0,)), ((2,), (2,))]  # captions swapped between sides
    path = ceiling.oracle_path(3, 3, set(crossing).__contains__, 0.5)
    scores = score_documents([crossing], [path]).to_json()
    assert scores["strict_recall"] == pytest.approx(2 / 3)  # one of the swapped pair at most
    lax = ceiling.lax_right(crossing)
    assert lax(((0, 1), (0, 1))) and not lax(((2,), (0,)))


def test_segment_links_projected_onto_the_lines_holding_them() -> None:
    """bench_align times reading and segmenting too; its F1 scores links between lines, and
    the segmenter may cut a line in two: links that share a line join."""
    from aligner.records import Link

    project = _script("bench_align").project_to_lines
    # source line 1 was cut into segments 1 and 2; segment 3 (line 2) was left unaligned
    links = [Link((0,), (0,), 0.9), Link((1,), (1,), 0.8), Link((), (2,), 0.0),
             Link((2,), (3,), 0.7), Link((3,), (), 0.0)]
    src_lines, tgt_lines = [0, 1, 1, 2], [0, 1, 2, 3]
    assert sorted(project(links, src_lines, tgt_lines)) == [
        ((), (2,)), ((0,), (0,)), ((1,), (1, 3)), ((2,), ())]
