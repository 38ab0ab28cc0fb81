"""The text of word-processor documents, paragraph by paragraph: translators keep their articles
in Word (.docx) or LibreOffice (.odt, also Google Docs' export), and saving each as plain text
first is a step that loses nothing aligner uses.

Paragraphs are read in document order (headings, lists, tables and text boxes included) as the
document shows with tracked changes accepted: inserted text is kept; deleted or moved-away
text, field codes, footnotes and comments are not. Paragraphs are separated by a blank line, so
the segmenter sees the same blocks as in a text export; a tab stays a tab, a manual line break
a line break, a run of spaces spaces.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable

from aligner.records import AlignerError

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _root(data: bytes, path: str, member: str, kind: str, max_unpacked: int) -> ET.Element:
    """The parsed XML of ``member``; a damaged file, or one whose XML unpacks to over
    ``max_unpacked`` bytes (a zip bomb), is an ``AlignerError``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = archive.getinfo(member).file_size
            if size > max_unpacked:
                raise AlignerError(path, f"{kind} too large once unpacked ({size / 1e6:.0f} MB "
                                         f"of XML > {max_unpacked / 1e6:.0f} MB)")
            return ET.fromstring(archive.read(member))
    except (zipfile.BadZipFile, KeyError, OSError, ET.ParseError) as exc:
        raise AlignerError(path, f"a damaged {kind} ({exc}); save the article as UTF-8 "
                                 "text") from exc


# -- Word -----------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_PARAGRAPH = f"{_W}p"
# Not read: the VML copy of a text box that Word writes beside its DrawingML one for old
# readers, and text a tracked move took away (it is read where the move put it)
_W_SKIPPED = {"{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
              f"{_W}moveFrom"}
_W_PIECES = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n",
             f"{_W}noBreakHyphen": "-"}


def docx_text(data: bytes, path: str, max_unpacked: int) -> str:
    """The paragraphs of the Word document in ``data``."""
    paragraphs: list[str] = []
    _docx_collect(_root(data, path, "word/document.xml", "Word document", max_unpacked),
                  paragraphs)
    return "\n\n".join(p for p in paragraphs if p)


def _docx_collect(nodes: Iterable[ET.Element], paragraphs: list[str]) -> None:
    """Paragraphs among ``nodes`` and below them, in document order; one nested in another (a
    text box inside a paragraph) follows it instead of running into its text."""
    for node in nodes:
        if node.tag in _W_SKIPPED:
            continue
        if node.tag == _W_PARAGRAPH:
            parts: list[str] = []
            nested: list[ET.Element] = []
            _docx_inline(node, parts, nested)
            paragraphs.append("".join(parts).strip())
            _docx_collect(nested, paragraphs)
        else:
            _docx_collect(node, paragraphs)  # an element iterates over its children


def _docx_inline(node: ET.Element, parts: list[str], nested: list[ET.Element]) -> None:
    for child in node:
        if child.tag in _W_SKIPPED:
            continue
        if child.tag == _W_PARAGRAPH:
            nested.append(child)
        elif child.tag in _W_PIECES:
            piece = _W_PIECES[child.tag]
            parts.append((child.text or "") if piece is None else piece)
        else:
            _docx_inline(child, parts, nested)


# -- OpenDocument ---------------------------------------------------------------------------

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_ODT_PARAGRAPHS = {f"{_TEXT}p", f"{_TEXT}h"}
_ODT_SKIPPED = {f"{_TEXT}tracked-changes", f"{_TEXT}note", f"{_OFFICE}annotation",
                f"{_OFFICE}annotation-end"}
_ODT_BREAKS = {f"{_TEXT}tab": "\t", f"{_TEXT}line-break": "\n"}


def odt_text(data: bytes, path: str, max_unpacked: int) -> str:
    """The paragraphs of the OpenDocument text in ``data``."""
    paragraphs: list[str] = []
    _odt_collect(_root(data, path, "content.xml", "OpenDocument file", max_unpacked),
                 paragraphs)
    return "\n\n".join(p for p in paragraphs if p)


def _odt_collect(node: ET.Element, paragraphs: list[str]) -> None:
    """Paragraphs below ``node`` in document order; one inside another (a text box in a
    paragraph) follows it."""
    for child in node:
        if child.tag in _ODT_SKIPPED:
            continue
        if child.tag in _ODT_PARAGRAPHS:
            parts: list[str] = []
            nested: list[ET.Element] = []
            _odt_inline(child, parts, nested)
            paragraphs.append("".join(parts).strip())
            for inner in nested:
                _odt_collect(inner, paragraphs)
        else:
            _odt_collect(child, paragraphs)


def _odt_inline(node: ET.Element, parts: list[str], nested: list[ET.Element]) -> None:
    """A paragraph's mixed content: its text, its spans' text, and each child's tail."""
    parts.append(node.text or "")
    for child in node:
        if child.tag in _ODT_SKIPPED:
            pass
        elif child.tag == f"{_TEXT}s":
            parts.append(" " * _spaces(child.get(f"{_TEXT}c")))
        elif child.tag in _ODT_BREAKS:
            parts.append(_ODT_BREAKS[child.tag])
        elif any(e.tag in _ODT_PARAGRAPHS for e in child.iter()):
            nested.append(child)  # a frame or text box holding paragraphs of its own
        else:
            _odt_inline(child, parts, nested)
        parts.append(child.tail or "")


def _spaces(count: str | None) -> int:
    """``text:c``, the number of spaces in a ``text:s``: 1 when absent or unreadable."""
    return int(count) if count and count.isdigit() else 1
