"""A terminology glossary: English terms and their required Arabic renderings (and back), read
from CSV/TSV (columns ``en``, ``ar``, alternatives separated by ``|``, optional ``severity``) or
TBX (through translate-toolkit). The ``term_mismatch`` check reads it from the check context.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aligner.records import SEVERITIES, AlignerError

DEFAULT_SEVERITY = "major"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Term:
    """One glossary entry: its English and Arabic renderings (any one will do) and the severity
    of a finding when a side lacks them."""

    en: tuple[str, ...]
    ar: tuple[str, ...]
    severity: str = DEFAULT_SEVERITY


@dataclass(frozen=True)
class Glossary:
    path: str
    terms: tuple[Term, ...]

    @property
    def digest(self) -> str:
        """12 hex digits of the terms' content (not the file's bytes or name): what the report
        signature records, so that a changed glossary redoes the checks of a run."""
        canon = json.dumps([[t.en, t.ar, t.severity] for t in self.terms], ensure_ascii=False)
        return hashlib.sha256(canon.encode("utf-8")).hexdigest()[:12]


def read_glossary(path: str | Path) -> Glossary:
    """Read a CSV, TSV or TBX glossary; any problem is one error naming the file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise AlignerError(str(path), "no such glossary file") from None
    except OSError as exc:
        raise AlignerError(str(path), f"cannot read glossary: {exc.strerror or exc}") from exc
    if path.suffix.lower() == ".tbx":
        terms = _read_tbx(path, raw)
    else:
        try:
            # Excel's "Unicode Text" export is UTF-16 with a byte-order mark
            text = raw.decode("utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig")
        except UnicodeDecodeError:
            raise AlignerError(str(path), "glossary is not UTF-8 text") from None
        terms = _read_table(path, text)
    if not terms:
        raise AlignerError(str(path), "glossary holds no terms")
    return Glossary(str(path), tuple(terms))


def _split(cell: str | None) -> tuple[str, ...]:
    """``a | b`` → ("a", "b"), spaces folded, empty alternatives dropped."""
    return tuple(dict.fromkeys(" ".join(p.split()) for p in (cell or "").split("|")
                               if p.strip()))


def _read_table(path: Path, text: str) -> list[Term]:
    first = text.split("\n", 1)[0]
    tabbed = path.suffix.lower() in (".tsv", ".tab") or (
        path.suffix.lower() != ".csv" and "\t" in first)
    # Excel saves CSV with ';' where the decimal mark is a comma
    semicolons = not tabbed and ";" in first and "," not in first
    delimiter = "\t" if tabbed else ";" if semicolons else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise AlignerError(str(path), f"not a {'TSV' if tabbed else 'CSV'} glossary: {exc}") \
            from exc
    header = [h.strip().lower() for h in rows[0]] if rows else []
    if "en" not in header or "ar" not in header:
        raise AlignerError(str(path), f"glossary needs columns 'en' and 'ar' in its first line "
                                      f"(found: {', '.join(h for h in header if h) or 'none'})")
    col = {name: header.index(name) for name in ("en", "ar", "severity") if name in header}
    terms = []
    for line, row in enumerate(rows[1:], 2):
        if not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue

        def cell(name: str, row: list[str] = row) -> str:
            return row[col[name]] if name in col and col[name] < len(row) else ""

        en, ar = _split(cell("en")), _split(cell("ar"))
        if not en or not ar:
            raise AlignerError(str(path), f"line {line}: a term needs both an English and an "
                                          "Arabic rendering")
        severity = cell("severity").strip().lower() or DEFAULT_SEVERITY
        if severity not in SEVERITIES:
            raise AlignerError(str(path), f"line {line}: severity {cell('severity')!r} is "
                                          f"not one of {', '.join(SEVERITIES)}")
        terms.append(Term(en, ar, severity))
    return terms


def _read_tbx(path: Path, raw: bytes) -> list[Term]:
    """Each term entry's English and Arabic terms (by ``xml:lang``, any region), read through
    translate-toolkit; entries lacking one language are skipped, a file with none is refused."""
    from lxml import etree
    from translate.storage import tbx

    entries: list[list[Any]]
    try:
        root = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))
        if etree.QName(root).localname == "tbx":
            # TBX 3 (ISO 30042:2019: conceptEntry, langSec), which translate-toolkit cannot read
            entries = [[n for n in e if isinstance(n.tag, str)
                        and etree.QName(n).localname == "langSec"]
                       for e in root.iter("{*}conceptEntry")]
        else:
            entries = [unit.getlanguageNodes() for unit in tbx.tbxfile.parsestring(raw).units]
    except Exception as exc:  # lxml and translate raise several kinds for a damaged file
        detail = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise AlignerError(str(path), f"not a TBX glossary: {detail}") from exc
    terms = []
    langs: set[str] = set()
    for nodes in entries:
        found: dict[str, list[str]] = {"en": [], "ar": []}
        for node in nodes:
            lang = (node.get(_XML_LANG) or node.get("lang") or "").split("-")[0].lower()
            langs.add(lang)
            for el in node.iter():
                if isinstance(el.tag, str) and etree.QName(el).localname == "term" \
                        and lang in found and el.text and el.text.strip():
                    found[lang].append(" ".join(el.text.split()))
        if found["en"] and found["ar"]:
            terms.append(Term(tuple(dict.fromkeys(found["en"])),
                              tuple(dict.fromkeys(found["ar"]))))
    if not terms:
        missing = [name for code, name in (("en", "English"), ("ar", "Arabic"))
                   if code not in langs]
        raise AlignerError(str(path), "TBX glossary has no term entry with both English and "
                                      "Arabic terms" + (f" (no {' or '.join(missing)} at all)"
                                                        if missing else ""))
    return terms
