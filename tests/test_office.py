"""Word (.docx) and OpenDocument (.odt) articles are read paragraph by paragraph and aligned
like their text exports."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from typer.testing import CliRunner

from aligner.cli import app
from aligner.read import read_document
from aligner.records import AlignerError

SEEDS = Path(__file__).parent.parent / "corpora" / "seeds"
SEED_PAIR = ("004_43767d7857a669e9", "000_a4406ca872cdf977")
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"')


def zipped(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def docx(body: str) -> bytes:
    """A .docx as Word writes one, reduced to what a reader needs: word/document.xml."""
    return zipped({"[Content_Types].xml": "<Types/>",
                   "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document '
                                        f"{W_NS}><w:body>{body}</w:body></w:document>"})


def odt(body: str, mimetype: str = "application/vnd.oasis.opendocument.text") -> bytes:
    """An .odt as LibreOffice writes one, reduced to what a reader needs."""
    return zipped({"mimetype": mimetype,
                   "content.xml": f'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
                                  f"{ODF_NS}><office:body><office:text>{body}</office:text>"
                                  "</office:body></office:document-content>"})


#: Each kind's document of paragraphs, from texts.
BUILD: dict[str, Callable[[list[str]], bytes]] = {
    "docx": lambda blocks: docx("".join(paragraph(b) for b in blocks)),
    "odt": lambda blocks: odt("".join(f"<text:p>{escape(b)}</text:p>" for b in blocks)),
}


def seed_as(kind: str, name: str) -> bytes:
    """A seed article as a document of its paragraphs (its blank-line blocks)."""
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    return BUILD[kind]([b.strip() for b in text.split("\n\n") if b.strip()])


def test_paragraphs_tables_text_boxes_and_tracked_changes(tmp_path: Path) -> None:
    body = (
        paragraph("Militias dominate Albu Kamal")
        # a sentence split over runs, with a tracked insertion kept and a deletion dropped
        + '<w:p><w:r><w:t>The IRGC </w:t></w:r><w:ins><w:r><w:t>has </w:t></w:r></w:ins>'
          '<w:del><w:r><w:delText>had </w:delText></w:r></w:del>'
          '<w:r><w:t>used trucks.</w:t><w:tab/><w:t>Photo</w:t><w:br/><w:t>Credit</w:t>'
          "</w:r><w:moveFrom><w:r><w:t> (moved away)</w:t></w:r></w:moveFrom></w:p>"
        # a field code is no text; a text box's paragraph follows the one holding it
        + '<w:p><w:r><w:instrText>PAGE</w:instrText><w:t>Page one.</w:t></w:r>'
          '<w:r><w:pict><w:txbxContent>' + paragraph("A box.") + "</w:txbxContent></w:pict>"
          "</w:r></w:p>"
        # a text box as Word writes it: the drawing, and the same box again for old readers
        + '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/'
          'markup-compatibility/2006"><mc:Choice Requires="wps"><w:txbxContent>'
          + paragraph("Boxed once.") + "</w:txbxContent></mc:Choice><mc:Fallback>"
          "<w:txbxContent>" + paragraph("Boxed once.") + "</w:txbxContent></mc:Fallback>"
          "</mc:AlternateContent></w:r></w:p>"
        + "<w:p/>"
        + "<w:tbl><w:tr><w:tc>" + paragraph("In a cell.") + "</w:tc></w:tr></w:tbl>")
    path = tmp_path / "article.docx"
    path.write_bytes(docx(body))
    doc = read_document(path)
    assert doc.text == ("Militias dominate Albu Kamal\n\nThe IRGC has used trucks.\tPhoto\nCredit"
                        "\n\nPage one.\n\nA box.\n\nBoxed once.\n\nIn a cell.")
    assert (doc.lang, doc.encoding) == ("en", "docx")


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


@pytest.mark.parametrize(("name", "data", "problem"), [
    ("article.docx", docx(""), "a Word document with no text"),
    ("article.docx", docx("<w:p>").replace(b"<w:p>", b"<w:p", 1), "a damaged Word document"),
    ("article.odt", odt(""), "an OpenDocument text with no text"),
    ("article.odt", odt("<text:p>").replace(b"<text:p>", b"<text:p", 1),
     "a damaged OpenDocument file"),
    ("article.odt", odt("<text:p>A sheet.</text:p>",
                        "application/vnd.oasis.opendocument.spreadsheet"),
     "an OpenDocument spreadsheet, presentation or drawing, not plain text"),
])
def test_empty_damaged_or_other_documents(tmp_path: Path, name: str, data: bytes,
                                          problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(AlignerError) as err:
        read_document(path)
    assert err.value.path == str(path) and err.value.problem.startswith(problem)


def test_a_word_document_that_unpacks_too_large_is_refused(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("aligner.read.MAX_BYTES", 1000)  # Word XML may be 4 KB unpacked
    path = tmp_path / "bomb.docx"
    path.write_bytes(docx(paragraph("x" * 5000)))  # 5 KB of XML packed into well under 1 KB
    assert path.stat().st_size < 1000
    with pytest.raises(AlignerError, match=r"Word document too large once unpacked"):
        read_document(path)


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_a_document_pair_aligns_as_its_text_export_does(tmp_path: Path, kind: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIGNER_CACHE", str(tmp_path / "cache"))
    pairs: dict[str, list[str]] = {"txt": [], kind: []}
    for name in SEED_PAIR:
        target = tmp_path / f"{name}.{kind}"
        target.write_bytes(seed_as(kind, name))
        pairs["txt"].append(str(SEEDS / f"{name}.txt"))
        pairs[kind].append(str(target))
    reports = {}
    for key, pair in pairs.items():
        result = CliRunner().invoke(app, ["check", *pair, "--json", "-"])
        assert result.exit_code == 0, result.output
        reports[key] = json.loads(result.stdout)
    text, document = reports["txt"], reports[kind]
    for side in ("src", "tgt"):
        assert [s["text"] for s in document[side]["segments"]] == \
            [s["text"] for s in text[side]["segments"]]
    assert document["links"] == text["links"]
    assert [f["message"] for f in document["findings"]] == \
        [f["message"] for f in text["findings"]]


def test_a_folder_of_word_articles_is_paired_and_aligned(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIGNER_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "in"
    folder.mkdir()
    for name in SEED_PAIR:
        (folder / f"{name}.docx").write_bytes(seed_as("docx", name))
    # the lock file Word keeps beside a document while it is open is no article
    (folder / "~$4_43767d7857a669e9.docx").write_bytes(b"\x0bTranslator" + b"\x00" * 150)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(folder), "--out", str(out), "--workers", "1",
                                      "--no-check", "--no-html"])
    assert result.exit_code == 0, result.output
    [pair] = json.loads((out / "pairs.json").read_text(encoding="utf-8"))["pairs"]
    assert {Path(pair["src"]).name, Path(pair["tgt"]).name} == {
        "004_43767d7857a669e9.docx", "000_a4406ca872cdf977.docx"}
    assert pair["links"] >= 20
