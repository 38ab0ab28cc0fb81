"""Word articles (.docx) are read paragraph by paragraph and aligned like their text exports."""

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
NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def docx(body: str) -> bytes:
    """A .docx as Word writes one, reduced to what a reader needs: word/document.xml."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml",
                         f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>'
                         f"{body}</w:body></w:document>")
    return buffer.getvalue()


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


@pytest.mark.parametrize(("data", "problem"), [
    (docx(""), "a Word document with no text"),
    (docx("<w:p>").replace(b"<w:p>", b"<w:p", 1), "a damaged Word document"),
])
def test_empty_or_damaged_word_documents(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "article.docx"
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


def test_a_word_pair_aligns_as_its_text_export_does(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIGNER_CACHE", str(tmp_path / "cache"))
    ar, en = SEEDS / "004_43767d7857a669e9.txt", SEEDS / "000_a4406ca872cdf977.txt"
    reports = {}
    for kind in ("txt", "docx"):
        pair = []
        for source in (ar, en):
            text = source.read_text(encoding="utf-8")
            if kind == "docx":
                target = tmp_path / f"{source.stem}.docx"
                blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
                target.write_bytes(docx("".join(paragraph(b) for b in blocks)))
            else:
                target = source
            pair.append(str(target))
        result = CliRunner().invoke(app, ["check", *pair, "--json", "-"])
        assert result.exit_code == 0, result.output
        reports[kind] = json.loads(result.stdout)
    text, word = reports["txt"], reports["docx"]
    assert [s["text"] for s in word["src"]["segments"]] == \
        [s["text"] for s in text["src"]["segments"]]
    assert word["links"] == text["links"]
    assert [f["message"] for f in word["findings"]] == [f["message"] for f in text["findings"]]


def test_a_folder_of_word_articles_is_paired_and_aligned(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIGNER_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("004_43767d7857a669e9", "000_a4406ca872cdf977"):
        text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
        blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
        (folder / f"{name}.docx").write_bytes(docx("".join(paragraph(b) for b in blocks)))
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
