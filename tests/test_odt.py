"""OpenDocument text articles (.odt) are read paragraph by paragraph, as Word ones are."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from typer.testing import CliRunner

from aligner.cli import app
from aligner.read import read_document
from aligner.records import AlignerError

SEEDS = Path(__file__).parent.parent / "corpora" / "seeds"
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"')


def odt(body: str, mimetype: str = "application/vnd.oasis.opendocument.text") -> bytes:
    """An .odt as LibreOffice writes one, reduced to what a reader needs."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml",
                         f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
                         f"<office:body><office:text>{body}</office:text></office:body>"
                         "</office:document-content>")
    return buffer.getvalue()


def test_headings_spans_spaces_tables_boxes_and_what_is_left_out(tmp_path: Path) -> None:
    body = (
        # what tracked changes deleted is kept aside: not text
        "<text:tracked-changes><text:changed-region><text:deletion><text:p>Gone.</text:p>"
        "</text:deletion></text:changed-region></text:tracked-changes>"
        "<text:h>Militias dominate Albu Kamal</text:h>"
        "<text:p>The IRGC <text:span>has used</text:span> trucks.<text:s text:c=\"2\"/>Two"
        "<text:tab/>tab<text:line-break/>break<text:note><text:note-citation>1</text:note-citation>"
        "<text:note-body><text:p>A footnote.</text:p></text:note-body></text:note>"
        "<office:annotation><text:p>A comment.</text:p></office:annotation>.</text:p>"
        '<text:p>Photo<draw:frame><draw:text-box><text:p>In a box.</text:p></draw:text-box>'
        "</draw:frame></text:p>"
        "<text:list><text:list-item><text:p>An item.</text:p></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>In a cell.</text:p>"
        "</table:table-cell></table:table-row></table:table>")
    path = tmp_path / "article.odt"
    path.write_bytes(odt(body))
    doc = read_document(path)
    assert doc.text == ("Militias dominate Albu Kamal\n\nThe IRGC has used trucks.  Two\ttab\n"
                        "break.\n\nPhoto\n\nIn a box.\n\nAn item.\n\nIn a cell.")
    assert (doc.lang, doc.encoding) == ("en", "odt")


@pytest.mark.parametrize(("data", "problem"), [
    (odt(""), "an OpenDocument text with no text"),
    (odt("<text:p>").replace(b"<text:p>", b"<text:p", 1), "a damaged OpenDocument file"),
    (odt("<text:p>A sheet.</text:p>", "application/vnd.oasis.opendocument.spreadsheet"),
     "an OpenDocument spreadsheet, presentation or drawing, not plain text"),
])
def test_empty_damaged_or_other_opendocument_files(tmp_path: Path, data: bytes,
                                                   problem: str) -> None:
    path = tmp_path / "article.odt"
    path.write_bytes(data)
    with pytest.raises(AlignerError) as err:
        read_document(path)
    assert err.value.path == str(path) and err.value.problem.startswith(problem)


def test_an_odt_pair_aligns_as_its_text_export_does(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIGNER_CACHE", str(tmp_path / "cache"))
    pairs: dict[str, list[str]] = {"txt": [], "odt": []}
    for name in ("004_43767d7857a669e9", "000_a4406ca872cdf977"):
        source = SEEDS / f"{name}.txt"
        blocks = [b.strip() for b in source.read_text(encoding="utf-8").split("\n\n") if b.strip()]
        target = tmp_path / f"{name}.odt"
        target.write_bytes(odt("".join(f"<text:p>{escape(b)}</text:p>" for b in blocks)))
        pairs["txt"].append(str(source))
        pairs["odt"].append(str(target))
    reports = {}
    for kind, pair in pairs.items():
        result = CliRunner().invoke(app, ["check", *pair, "--json", "-"])
        assert result.exit_code == 0, result.output
        reports[kind] = json.loads(result.stdout)
    text, odf = reports["txt"], reports["odt"]
    assert [s["text"] for s in odf["tgt"]["segments"]] == \
        [s["text"] for s in text["tgt"]["segments"]]
    assert odf["links"] == text["links"]
    assert [f["message"] for f in odf["findings"]] == [f["message"] for f in text["findings"]]
