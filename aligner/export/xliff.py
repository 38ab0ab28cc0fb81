"""XLIFF 2.1 (``xliff``) and XLIFF 1.2 (``xliff12``) bilingual files, written through
translate-toolkit (``translate.storage.xliff2`` and ``translate.storage.xliff``), for CAT tools
(Trados, memoQ, Phrase): one unit per aligned link, named after its pair, with the pair's
findings as notes; the signature is a note of the file (2.1) or of its header (1.2)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aligner.export.base import CorpusRow, register_exporter
from aligner.export.cat import add_units, cat_langs, strip_invalid_xml, write_store
from aligner.signature import signature_string

#: The category (2.1) or ``from`` (1.2) of the notes aligner writes.
NOTE_ORIGIN = "aligner"

_XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="{original}" source-language="{src}" target-language="{tgt}" datatype="plaintext">
<header></header>
<body></body>
</file>
</xliff>
"""


@register_exporter("xliff")
class Xliff2Exporter:
    name = "xliff"

    def write(self, rows: list[CorpusRow], out_dir: Path, stem: str,
              signature: dict[str, Any]) -> list[Path]:
        from lxml import etree
        from translate.storage.xliff2 import Xliff2File

        src_lang, tgt_lang = cat_langs(rows)
        store = Xliff2File(sourcelanguage=src_lang, targetlanguage=tgt_lang)
        store.document.getroot().set("version", "2.1")  # 2.1 keeps 2.0's core namespace
        store.body.set("id", strip_invalid_xml(stem))
        notes = etree.SubElement(store.body, store.namespaced("notes"))
        note = etree.SubElement(notes, store.namespaced("note"), category="signature")
        note.text = strip_invalid_xml(signature_string(signature))
        for n, row, unit in add_units(store, rows, origin=NOTE_ORIGIN):
            unit.setid(str(n))
            unit.xmlelement.set("name", strip_invalid_xml(row.pair_id))
        return write_store(store, out_dir / f"{stem}.xliff")


@register_exporter("xliff12")
class Xliff12Exporter:
    name = "xliff12"

    def write(self, rows: list[CorpusRow], out_dir: Path, stem: str,
              signature: dict[str, Any]) -> list[Path]:
        from xml.sax.saxutils import quoteattr

        from lxml import etree
        from translate.storage.xliff import xlifffile

        src_lang, tgt_lang = cat_langs(rows)
        skeleton = _XLIFF12.format(original=quoteattr(strip_invalid_xml(stem))[1:-1],
                                   src=quoteattr(src_lang)[1:-1], tgt=quoteattr(tgt_lang)[1:-1])
        store = xlifffile.parsestring(skeleton.encode("utf-8"))
        header = store.document.getroot().find(f".//{store.namespaced('header')}")
        assert header is not None  # the skeleton's
        note = etree.SubElement(header, store.namespaced("note"), {"from": NOTE_ORIGIN})
        note.text = strip_invalid_xml(signature_string(signature))
        for n, row, unit in add_units(store, rows, origin=NOTE_ORIGIN,
                                     filename=strip_invalid_xml(stem)):
            unit.setid(str(n))
            unit.xmlelement.set("resname", strip_invalid_xml(row.pair_id))
        # units are made in 1.1's namespace and moved to 1.2: leave no stray declaration
        etree.cleanup_namespaces(store.document.getroot())
        return write_store(store, out_dir / f"{stem}.xlf")
