"""``aligner accept`` and ``--baseline``: accepted findings stop failing --fail-on, new ones do
not; ``--new-only`` hides the accepted ones."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_check_cli import AR, EN
from typer.testing import CliRunner, Result

from aligner.cli import app


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    monkeypatch.setenv("ALIGNER_CACHE", str(tmp_path / "cache"))
    out = {}
    # one sentence left out; then also one added
    added = "وأضاف أن الاشتباكات استمرت حتى ساعات الفجر في الأحياء الشرقية للمدينة."
    for name, lines in (("en", EN), ("ar_one", AR[:2] + AR[3:]),
                        ("ar_two", [*AR[:2], *AR[3:], added])):
        out[name] = tmp_path / f"{name}.txt"
        out[name].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def _cli(*args: str) -> Result:
    return CliRunner().invoke(app, [*args])


def _findings(path: Path) -> list[dict[str, object]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    findings: list[dict[str, object]] = data["findings"]
    return findings


def test_baseline_turns_exit_1_into_0_and_a_new_finding_back_into_1(
        files: dict[str, Path], tmp_path: Path) -> None:
    report, baseline = tmp_path / "r.json", tmp_path / "baseline.json"
    pair = [str(files["en"]), str(files["ar_one"]), "--presegmented"]
    first = _cli("check", *pair, "--json", str(report), "--fail-on", "major")
    assert first.exit_code == 1, first.output
    found = _findings(report)
    assert any(f["kind"] == "omission" for f in found)

    accepted = _cli("accept", str(report), "--all", "--to", str(baseline),
                    "--comment", "cut by the editor", "--by", "rima")
    assert accepted.exit_code == 0, accepted.output
    assert f"accepted {len(found)} finding(s), {len(found)} new" in accepted.output
    entries = json.loads(baseline.read_text(encoding="utf-8"))["accepted"]
    assert set(entries) == {f["id"] for f in found}
    assert {e["comment"] for e in entries.values()} == {"cut by the editor"}

    again = tmp_path / "again.json"
    second = _cli("check", *pair, "--json", str(again), "--fail-on", "minor",
                  "--baseline", str(baseline))
    assert second.exit_code == 0, second.output
    assert "(accepted)" in second.output
    marked = _findings(again)
    assert [f["id"] for f in marked] == [f["id"] for f in found]
    assert all(f["accepted"]["by"] == "rima" for f in marked)  # type: ignore[index]

    # the added sentence is a new finding: it fails; the old one stays accepted
    newer = tmp_path / "newer.json"
    third = _cli("check", str(files["en"]), str(files["ar_two"]), "--presegmented",
                 "--json", str(newer), "--fail-on", "major", "--baseline", str(baseline))
    assert third.exit_code == 1, third.output
    both = _findings(newer)
    open_ids = {f["id"] for f in both if "accepted" not in f}
    assert open_ids and not open_ids & set(entries)
    assert {f["id"] for f in both if "accepted" in f} & set(entries)

    # --new-only: the accepted ones are gone from the JSON and the terminal
    only = tmp_path / "only.json"
    fourth = _cli("check", str(files["en"]), str(files["ar_two"]), "--presegmented",
                  "--json", str(only), "--baseline", str(baseline), "--new-only")
    assert fourth.exit_code == 0, fourth.output
    assert {f["id"] for f in _findings(only)} == open_ids
    view = _cli("check", str(files["en"]), str(files["ar_two"]), "--presegmented",
                "--baseline", str(baseline), "--all")
    assert view.exit_code == 0 and "accepted" in view.output
    hidden = _cli("check", str(files["en"]), str(files["ar_two"]), "--presegmented",
                  "--baseline", str(baseline), "--new-only", "--all")
    assert hidden.exit_code == 0 and "accepted" not in hidden.output
    assert "omission" in hidden.output


def test_accept_by_id_merges_and_rejects_unknown_ids(files: dict[str, Path],
                                                     tmp_path: Path) -> None:
    report, baseline = tmp_path / "r.json", tmp_path / "baseline.json"
    made = _cli("check", str(files["en"]), str(files["ar_two"]), "--presegmented",
                "--json", str(report))
    assert made.exit_code == 0, made.output
    ids = [str(f["id"]) for f in _findings(report)]
    assert len(ids) >= 2
    assert _cli("accept", str(report), "--id", ids[0], "--to", str(baseline)).exit_code == 0
    merged = _cli("accept", str(report), "--id", ids[1], "--id", ids[0], "--to", str(baseline))
    assert merged.exit_code == 0, merged.output
    assert "accepted 2 finding(s), 1 new" in merged.output
    assert set(json.loads(baseline.read_text(encoding="utf-8"))["accepted"]) == set(ids[:2])

    before = baseline.read_text(encoding="utf-8")
    unknown = _cli("accept", str(report), "--id", "0123456789ab", "--to", str(baseline))
    assert unknown.exit_code == 2
    assert str(report) in unknown.output and "0123456789ab" in unknown.output
    assert len(unknown.output.strip().splitlines()) == 1
    assert baseline.read_text(encoding="utf-8") == before  # nothing half-written

    neither = _cli("accept", str(report), "--to", str(baseline))
    assert neither.exit_code == 2 and "--id" in neither.output
    aligned_only = tmp_path / "aligned.json"
    aligned_only.write_text(json.dumps({k: v for k, v in json.loads(
        report.read_text(encoding="utf-8")).items() if k != "findings"}), encoding="utf-8")
    no_findings = _cli("accept", str(aligned_only), "--all", "--to", str(baseline))
    assert no_findings.exit_code == 2 and "no findings" in no_findings.output


def test_damaged_baseline_is_refused_before_any_work(files: dict[str, Path],
                                                     tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"accepted": ', encoding="utf-8")
    result = _cli("check", str(files["en"]), str(files["ar_one"]), "--presegmented",
                  "--baseline", str(baseline))
    assert result.exit_code == 2
    assert str(baseline) in result.output and "damaged baseline" in result.output
    report = tmp_path / "r.json"
    assert _cli("check", str(files["en"]), str(files["ar_one"]), "--presegmented", "--json",
                str(report)).exit_code == 0
    merged = _cli("accept", str(report), "--all", "--to", str(baseline))
    assert merged.exit_code == 2 and "damaged baseline" in merged.output


def test_run_marks_accepted_findings_in_reports_pages_and_fail_on(files: dict[str, Path],
                                                                  tmp_path: Path) -> None:
    manifest = tmp_path / "list.csv"
    manifest.write_text(f"ar,en\n{files['ar_one']},{files['en']}\n", encoding="utf-8")
    out, baseline = tmp_path / "out", tmp_path / "baseline.json"
    args = ["run", str(manifest), "--out", str(out), "-j", "1", "--format", "jsonl"]
    first = _cli(*args, "--fail-on", "major")
    assert first.exit_code == 1, first.output
    [report] = sorted((out / "reports").glob("*.json"))
    ids = {f["id"] for f in _findings(report)}
    assert ids
    assert _cli("accept", str(report), "--all", "--to", str(baseline)).exit_code == 0

    second = _cli(*args, "--fail-on", "minor", "--baseline", str(baseline))
    assert second.exit_code == 0, second.output
    assert "reused 1" in second.output and "accepted)" in second.output
    assert all("accepted" in f for f in _findings(report))
    page = report.with_suffix(".html").read_text(encoding="utf-8")
    assert page.count('data-accepted="1"') == len(ids)
    assert "accepted)" in (out / "index.html").read_text(encoding="utf-8")
    pairs = json.loads((out / "pairs.json").read_text(encoding="utf-8"))["pairs"]
    assert pairs[0]["accepted"] == pairs[0]["findings"] == len(ids)

    hidden = _cli(*args, "--baseline", str(baseline), "--new-only")
    assert hidden.exit_code == 0, hidden.output
    assert _findings(report) == []
    assert 'data-accepted="1"' not in report.with_suffix(".html").read_text(encoding="utf-8")
    bad = _cli(*args, "--baseline", str(tmp_path / "missing.json"))
    assert bad.exit_code == 2 and "missing.json" in bad.output


def test_show_marks_the_baseline_s_findings_as_accepted(files: dict[str, Path],
                                                        tmp_path: Path) -> None:
    report, baseline = tmp_path / "r.json", tmp_path / "baseline.json"
    pair = [str(files["en"]), str(files["ar_one"]), "--presegmented"]
    assert _cli("check", *pair, "--json", str(report)).exit_code == 0
    accepted = _cli("accept", str(report), "--all", "--to", str(baseline),
                    "--comment", "cut by the editor")
    assert accepted.exit_code == 0, accepted.output
    newer = tmp_path / "newer.json"
    assert _cli("check", str(files["en"]), str(files["ar_two"]), "--presegmented",
                "--json", str(newer)).exit_code == 0
    found = _findings(newer)
    old = set(json.loads(baseline.read_text(encoding="utf-8"))["accepted"])
    kept, new = [f for f in found if f["id"] in old], [f for f in found if f["id"] not in old]
    assert kept and new

    plain = _cli("show", str(newer), "--all")
    assert plain.exit_code == 0, plain.output
    assert "accepted" not in plain.output and f"{len(found)} findings" in plain.output
    marked = _cli("show", str(newer), "--all", "--baseline", str(baseline), "--html",
                  str(tmp_path / "r.html"))
    assert marked.exit_code == 0, marked.output
    assert re.search(rf"{len(found)} findings: .* · {len(kept)} accepted\n", marked.output)
    assert "accepted (cut by the editor)" in marked.output
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.count('data-accepted="1"') == len(kept)
    only = _cli("show", str(newer), "--all", "--baseline", str(baseline), "--new-only")
    assert only.exit_code == 0, only.output
    assert f"{len(new)} finding" in only.output and "accepted" not in only.output
    # a damaged baseline: one line naming it, exit 2
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    refused = _cli("show", str(newer), "--baseline", str(bad))
    assert refused.exit_code == 2 and str(bad) in refused.output
    assert len(refused.output.strip().splitlines()) == 1
