"""The text of an OpenDocument text file (.odt: LibreOffice, Google Docs' export), paragraph by
paragraph, read the way ``aligner.docx`` reads Word documents.

Headings, paragraphs, list items, table cells and text boxes are read in document order;
footnotes, comments and the deleted text that tracked changes keep aside are not. A run of
spaces (``text:s``) is spaces, a tab a tab, a line break a line break.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from aligner.records import AlignerError

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_PARAGRAPHS = {f"{_TEXT}p", f"{_TEXT}h"}
_SKIPPED = {f"{_TEXT}tracked-changes", f"{_TEXT}note", f"{_OFFICE}annotation",
            f"{_OFFICE}annotation-end"}
_BREAKS = {f"{_TEXT}tab": "\t", f"{_TEXT}line-break": "\n"}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def odt_text(data: bytes, path: str, max_unpacked: int) -> str:
    """The paragraphs of the .odt in ``data``; an unreadable one, or one whose text unpacks to
    over ``max_unpacked`` bytes of XML, is an ``AlignerError``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = archive.getinfo("content.xml").file_size
            if size > max_unpacked:
                raise AlignerError(path, f"OpenDocument file too large once unpacked "
                                         f"({size / 1e6:.0f} MB of XML > "
                                         f"{max_unpacked / 1e6:.0f} MB)")
            root = ET.fromstring(archive.read("content.xml"))
    except (zipfile.BadZipFile, KeyError, OSError, ET.ParseError) as exc:
        raise AlignerError(path, f"a damaged OpenDocument file ({exc}); save the article as "
                                 "UTF-8 text") from exc
    paragraphs: list[str] = []
    _collect(root, paragraphs)
    return "\n\n".join(p for p in paragraphs if p)


def _collect(node: ET.Element, paragraphs: list[str]) -> None:
    """Paragraphs below ``node`` in document order; one inside another (a text box in a
    paragraph) follows it."""
    for child in node:
        if child.tag in _SKIPPED:
            continue
        if child.tag in _PARAGRAPHS:
            parts: list[str] = []
            nested: list[ET.Element] = []
            _inline(child, parts, nested)
            paragraphs.append("".join(parts).strip())
            for inner in nested:
                _collect(inner, paragraphs)
        else:
            _collect(child, paragraphs)


def _count(value: str | None) -> int:
    """``text:c``, the number of spaces in a ``text:s``: 1 when absent or unreadable."""
    return int(value) if value and value.isdigit() else 1


def _inline(node: ET.Element, parts: list[str], nested: list[ET.Element]) -> None:
    """The mixed content of a paragraph: its text, its spans' text, and each child's tail."""
    parts.append(node.text or "")
    for child in node:
        if child.tag in _SKIPPED:
            pass
        elif child.tag == f"{_TEXT}s":
            parts.append(" " * _count(child.get(f"{_TEXT}c")))
        elif child.tag in _BREAKS:
            parts.append(_BREAKS[child.tag])
        elif any(e.tag in _PARAGRAPHS for e in child.iter()):
            nested.append(child)  # a frame or text box holding paragraphs of its own
        else:
            _inline(child, parts, nested)
        parts.append(child.tail or "")
