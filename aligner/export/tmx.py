"""TMX 1.4b translation memory (``xml:lang`` per variant), loadable by CAT tools, written through
translate-toolkit (``translate.storage.tmx``): each unit carries its alignment score, pair and
paragraph numbers (source, target; -1 for an empty side) as properties and the pair's findings
as notes; the signature is a property of the header."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aligner import __version__
from aligner.export.base import CorpusRow, register_exporter
from aligner.export.cat import add_units, cat_langs, strip_invalid_xml, write_store
from aligner.signature import signature_string


@register_exporter("tmx")
class TmxExporter:
    name = "tmx"

    def write(self, rows: list[CorpusRow], out_dir: Path, stem: str,
              signature: dict[str, Any]) -> list[Path]:
        from lxml import etree
        from translate.storage.tmx import tmxfile

        src_lang, tgt_lang = cat_langs(rows)
        store = tmxfile(sourcelanguage=src_lang, targetlanguage=tgt_lang)
        header = store.document.getroot().find("header")
        assert header is not None  # the toolkit's skeleton has one
        header.attrib.update({"creationtool": "aligner", "creationtoolversion": __version__,
                              "o-tmf": "aligner", "datatype": "plaintext"})
        prop = etree.SubElement(header, "prop", type="x-signature")
        prop.text = strip_invalid_xml(signature_string(signature))
        # props are added once the notes are in: the toolkit puts a note before the first prop
        for _, row, unit in add_units(store, rows):
            paragraphs = f"{row.paragraphs[0]} {row.paragraphs[1]}"
            for n, (kind, value) in enumerate((("x-score", f"{row.score:.4f}"),
                                               ("x-pair", row.pair_id),
                                               ("x-paragraph", paragraphs))):
                element = etree.Element("prop", type=kind)
                element.text = strip_invalid_xml(value)
                unit.xmlelement.insert(n, element)
        return write_store(store, out_dir / f"{stem}.tmx")
