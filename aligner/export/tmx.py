"""TMX 1.4b translation memory (``xml:lang`` per variant), loadable by CAT tools, written through
translate-toolkit (``translate.storage.tmx``): each unit carries its alignment score, pair and
paragraph numbers (source, target; -1 for an empty side) as properties and the pair's findings
as notes; the signature is a property of the header."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aligner import __version__
from aligner.export.base import CorpusRow, corpus_langs, register_exporter
from aligner.fsutil import atomic_open
from aligner.signature import signature_string


def strip_invalid_xml(text: str) -> str:
    """XML 1.0 forbids most control characters and U+FFFE, U+FFFF; drop them rather than
    write a broken file (a carriage return stays: lxml writes it as &#13;, so it reads back)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or 0x20 <= ord(ch) < 0xFFFE
                   or ord(ch) > 0xFFFF)


@register_exporter("tmx")
class TmxExporter:
    name = "tmx"

    def write(self, rows: list[CorpusRow], out_dir: Path, stem: str,
              signature: dict[str, Any]) -> list[Path]:
        from lxml import etree
        from translate.storage.tmx import tmxfile

        src_lang, tgt_lang = corpus_langs(rows, empty=("ar", "en"))
        store = tmxfile(sourcelanguage=src_lang, targetlanguage=tgt_lang)
        header = store.document.getroot().find("header")
        assert header is not None  # the toolkit's skeleton has one
        header.attrib.update({"creationtool": "aligner", "creationtoolversion": __version__,
                              "o-tmf": "aligner", "datatype": "plaintext"})
        prop = etree.SubElement(header, "prop", type="x-signature")
        prop.text = strip_invalid_xml(signature_string(signature))
        for row in rows:
            unit = store.addsourceunit(strip_invalid_xml(row.src_text))
            unit.target = strip_invalid_xml(row.tgt_text)
            for note in row.notes:
                unit.addnote(strip_invalid_xml(note))
            paragraphs = f"{row.paragraphs[0]} {row.paragraphs[1]}"
            for n, (kind, value) in enumerate((("x-score", f"{row.score:.4f}"),
                                               ("x-pair", row.pair_id),
                                               ("x-paragraph", paragraphs))):
                element = etree.Element("prop", type=kind)
                element.text = strip_invalid_xml(value)
                unit.xmlelement.insert(n, element)
        path = out_dir / f"{stem}.tmx"
        with atomic_open(path, "wb", encoding=None) as out:
            out.write(bytes(store))
        return [path]
