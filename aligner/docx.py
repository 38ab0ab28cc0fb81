"""The text of a Word document (.docx), paragraph by paragraph: translators keep their articles
in Word, and saving each as plain text first is a step that loses nothing aligner uses.

Only the body's paragraphs are read (tables and text boxes included, in document order), as
the document shows with tracked changes accepted: inserted text is kept, deleted text and field
codes are not. Paragraphs are separated by a blank line, so the segmenter sees the same blocks
as in a text export; a tab stays a tab, a manual line break a line break.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable

from aligner.records import AlignerError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARAGRAPH = f"{_W}p"
# Not read: the VML copy of a text box that Word writes beside its DrawingML one for old
# readers, and text a tracked move took away (it is read where the move put it)
_SKIPPED = {"{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
            f"{_W}moveFrom"}
_PIECES = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n",
           f"{_W}noBreakHyphen": "-"}


def docx_text(data: bytes, path: str, max_unpacked: int) -> str:
    """The paragraphs of the .docx in ``data``; an unreadable one, or one whose text unpacks to
    over ``max_unpacked`` bytes of XML (a zip bomb), is an ``AlignerError``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = archive.getinfo("word/document.xml").file_size
            if size > max_unpacked:
                raise AlignerError(path, f"Word document too large once unpacked ({size / 1e6:.0f}"
                                         f" MB of XML > {max_unpacked / 1e6:.0f} MB)")
            xml = archive.read("word/document.xml")
        root = ET.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, OSError, ET.ParseError) as exc:
        raise AlignerError(path, f"a damaged Word document ({exc}); save the article as UTF-8 "
                                 "text") from exc
    paragraphs: list[str] = []
    _collect(root, paragraphs)
    return "\n\n".join(p for p in paragraphs if p)


def _collect(nodes: Iterable[ET.Element], paragraphs: list[str]) -> None:
    """Paragraphs among ``nodes`` and below them, in document order; one nested in another (a
    text box inside a paragraph) follows it instead of running into its text."""
    for node in nodes:
        if node.tag in _SKIPPED:
            continue
        if node.tag == _PARAGRAPH:
            parts: list[str] = []
            nested: list[ET.Element] = []
            _paragraph_text(node, parts, nested)
            paragraphs.append("".join(parts).strip())
            _collect(nested, paragraphs)
        else:
            _collect(node, paragraphs)  # an element iterates over its children


def _paragraph_text(node: ET.Element, parts: list[str], nested: list[ET.Element]) -> None:
    for child in node:
        if child.tag in _SKIPPED:
            continue
        if child.tag == _PARAGRAPH:
            nested.append(child)
        elif child.tag in _PIECES:
            piece = _PIECES[child.tag]
            parts.append((child.text or "") if piece is None else piece)
        else:
            _paragraph_text(child, parts, nested)
