"""TMX 1.4b translation memory (``xml:lang`` per variant), loadable by CAT tools."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from aligner import __version__
from aligner.export.base import CorpusRow, corpus_langs, register_exporter
from aligner.fsutil import atomic_open
from aligner.signature import signature_string

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _strip_invalid_xml(text: str) -> str:
    """XML 1.0 forbids most control characters and U+FFFE, U+FFFF; drop them rather than
    write a broken file.
    A carriage return is kept as a placeholder (a control character, so never in the text)
    that ``_CR`` turns into a character reference: raw, a reader would read it as \\n."""
    return "".join(ch for ch in text if ch in "\t\n\r" or 0x20 <= ord(ch) < 0xFFFE
                   or ord(ch) > 0xFFFF).replace("\r", "\x01")


_CR = (b"\x01", b"&#13;")


@register_exporter("tmx")
class TmxExporter:
    name = "tmx"

    def write(self, rows: list[CorpusRow], out_dir: Path, stem: str,
              signature: dict[str, Any]) -> list[Path]:
        src_lang, _ = corpus_langs(rows, empty=("ar", "en"))
        root = ET.Element("tmx", version="1.4")
        header = ET.SubElement(root, "header", {
            "creationtool": "aligner", "creationtoolversion": __version__,
            "segtype": "sentence", "o-tmf": "aligner", "adminlang": "en",
            "srclang": src_lang, "datatype": "plaintext"})
        ET.SubElement(header, "prop", type="x-signature").text = signature_string(signature)
        body = ET.SubElement(root, "body")
        for row in rows:
            tu = ET.SubElement(body, "tu")
            ET.SubElement(tu, "prop", type="x-score").text = f"{row.score:.4f}"
            ET.SubElement(tu, "prop", type="x-pair").text = row.pair_id
            for lang, text in ((row.src_lang, row.src_text), (row.tgt_lang, row.tgt_text)):
                tuv = ET.SubElement(tu, "tuv", {XML_LANG: lang})
                ET.SubElement(tuv, "seg").text = _strip_invalid_xml(text)
        ET.indent(root)
        path = out_dir / f"{stem}.tmx"
        with atomic_open(path, "wb", encoding=None) as out:
            out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
            out.write(b'<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n')
            body_xml = io.BytesIO()
            ET.ElementTree(root).write(body_xml, encoding="utf-8", xml_declaration=False)
            out.write(body_xml.getvalue().replace(*_CR))
            out.write(b"\n")
        return [path]
