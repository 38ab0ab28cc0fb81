"""Bilingual files as input: a CAT tool's TMX or XLIFF (``.tmx``, ``.xlf``, ``.xliff``,
``.sdlxliff``, ``.mqxliff``, read through translate-toolkit) or a two-column ``.tsv``.

Their units are aligned pairs already: each becomes one segment on each side (a unit with one
side empty, a null link) and no re-alignment is done. Each side's document text is its units'
texts, one a line, so offsets point into that text. The languages are those the file declares,
checked against the script of its text (a side declared ``en`` whose letters are Arabic is read
as Arabic, with a note).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from aligner.embed.base import Embedder
from aligner.records import AlignerError, Document, Link, Report, Segment, Side
from aligner.segment.chrome import mark_chrome

XLIFF_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mqxliff")
BILINGUAL_SUFFIXES = (".tmx", *XLIFF_SUFFIXES, ".tsv")
_LANG_CODE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class Bilingual:
    """What a bilingual file holds: its unit pairs, declared languages and what was noticed."""

    path: str
    pairs: list[tuple[str, str]]
    langs: tuple[str, str]
    notes: tuple[str, ...] = ()
    # each unit's (source, target) paragraph, where the file says (aligner's own TMX)
    paragraphs: list[tuple[int, int]] | None = None


#: Found in a ``run`` folder, these are bilingual files; a ``.tsv`` there may be anything, so
#: a manifest names it.
FOLDER_SUFFIXES = (".tmx", *XLIFF_SUFFIXES)
#: A corpus run stores a bilingual file's two sides as two documents named FILE#source and
#: FILE#target, paired as the file pairs them.
_SIDES = ("#source", "#target")


def is_bilingual(path: str | Path) -> bool:
    return str(path).lower().endswith(BILINGUAL_SUFFIXES)


def side_paths(path: str) -> tuple[str, str]:
    """The names a run's store gives a bilingual file's source and target sides."""
    return path + _SIDES[0], path + _SIDES[1]


def split_side(name: str) -> tuple[str, int] | None:
    """(file, 0 for source or 1 for target) of a side name from ``side_paths``, else None."""
    for n, mark in enumerate(_SIDES):
        if name.endswith(mark) and is_bilingual(name[:-len(mark)]):
            return name[:-len(mark)], n
    return None


def read_side(name: str) -> Side:
    """One side of a bilingual file by its ``side_paths`` name, named so."""
    found = split_side(name)
    assert found is not None
    path, n = found
    src, tgt, _ = bilingual_sides(read_bilingual(path))
    side = (src, tgt)[n]
    return Side(dataclasses.replace(side.document, path=name), side.segments)


def read_bilingual(path: str | Path) -> Bilingual:
    """The unit pairs of a bilingual file; a damaged or empty one is an ``AlignerError``."""
    from aligner.read import _read_capped, missing_file_problem

    name = str(path)
    file = Path(path)
    if not file.is_file():
        raise AlignerError(name, missing_file_problem(file) if not file.exists()
                           else "is a directory, expected a bilingual file")
    data = _read_capped(file, name)
    if not data.strip():
        raise AlignerError(name, "file is empty")
    suffix = file.suffix.lower()
    if suffix == ".tsv":
        pairs, declared = _tsv(data, name)
        kind = "TSV file"
    else:
        kind = "TMX file" if suffix == ".tmx" else "XLIFF file"
        try:
            pairs, declared = _tmx(data) if suffix == ".tmx" else _xliff(data)
        except AlignerError as exc:
            raise AlignerError(name, exc.problem) from exc
        except Exception as exc:  # lxml's syntax errors, the toolkit's ValueErrors
            detail = " ".join(str(exc).split())[:200] or type(exc).__name__
            raise AlignerError(name, f"a damaged {kind} ({detail})") from exc
    texts = [(" ".join(a.split()), " ".join(b.split()), *rest) for a, b, *rest in pairs]
    texts = [unit for unit in texts if unit[0] or unit[1]]
    if not texts:
        raise AlignerError(name, f"a {kind} with no translation units")
    read = _with_languages(name, [(a, b) for a, b, *_ in texts], declared)
    if all(len(unit) == 4 for unit in texts):
        return dataclasses.replace(read, paragraphs=[(int(u[2]), int(u[3])) for u in texts])
    return read


def _primary(code: str | None) -> str:
    """``ar-SA`` → ``ar``; "" for no code."""
    return re.split(r"[-_]", code.strip())[0].lower() if code and code.strip() else ""


def _tmx(data: bytes) -> tuple[list[tuple[str, ...]], tuple[str, str]]:
    from lxml import etree
    from translate.storage.tmx import tmxfile

    XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False,
                                                         no_network=True))
    if etree.QName(root).localname != "tmx":
        raise ValueError(f"root element is <{etree.QName(root).localname}>, not <tmx>")
    header = root.find("header")
    srclang = header.get("srclang", "") if header is not None else ""
    seen: dict[str, str] = {}  # primary code -> code as written
    for tuv in root.iter("tuv"):
        code = tuv.get(XML_LANG) or tuv.get("lang") or ""
        seen.setdefault(_primary(code), code)
        # one spelling per language (en-US, EN-GB and TMX 1.1's lang="en" in one merged
        # memory): translate-toolkit matches codes exactly and would drop the other units
        tuv.attrib.pop("lang", None)
        if _primary(code):
            tuv.set(XML_LANG, seen[_primary(code)])
    data = etree.tostring(root, encoding="utf-8", xml_declaration=True)
    seen.pop("", None)
    source = next((c for p, c in seen.items() if p == _primary(srclang)), None) or \
        next(iter(seen.values()), "")
    others = [c for p, c in seen.items() if p != _primary(source)]
    if len(others) != 1:
        raise AlignerError(None, f"expected two languages, found {len(seen)} "
                                 f"({', '.join(seen.values()) or 'none'})")
    store = tmxfile.parsestring(data, sourcelanguage=source, targetlanguage=others[0])
    pairs: list[tuple[str, ...]] = []
    for unit in store.units:
        pair = (str(unit.source or ""), str(unit.target or ""))
        prop = unit.xmlelement.find("prop[@type='x-paragraph']")
        numbers = (prop.text or "").split() if prop is not None else []
        pairs.append(pair + tuple(numbers) if len(numbers) == 2 and all(
            n.lstrip("-").isdigit() for n in numbers) else pair)
    return pairs, (_primary(source), _primary(others[0]))


def _xliff(data: bytes) -> tuple[list[tuple[str, ...]], tuple[str, str]]:
    from lxml import etree
    from translate.storage.xliff import xlifffile
    from translate.storage.xliff2 import Xliff2File

    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False,
                                                         no_network=True))
    if etree.QName(root).localname != "xliff":
        raise ValueError(f"root element is <{etree.QName(root).localname}>, not <xliff>")
    version = root.get("version", "")
    two = version.startswith("2") or ":2." in (etree.QName(root).namespace or "")
    store = Xliff2File.parsestring(data) if two else xlifffile.parsestring(data)
    units = [u for u in store.units if not getattr(u, "isheader", lambda: False)()]
    split = [None if two else _mrk_segments(u.xmlelement) for u in units]
    pairs: list[tuple[str, ...]] = []
    for n, (unit, segments) in enumerate(zip(units, split, strict=True)):
        unit_pairs = segments or [(str(unit.source or ""), str(unit.target or ""))]
        # a segmented unit is a paragraph, as in the CAT tool: its segments share it
        pairs += [(a, b, str(n), str(n)) if any(split) else (a, b) for a, b in unit_pairs]
    return pairs, (_primary(store.getsourcelanguage()), _primary(store.gettargetlanguage()))


#: Inline codes whose content is the original format's markup, not text (XLIFF 1.2).
_CODES = {"bpt", "ept", "ph", "it"}


def _mrk_segments(unit: Any) -> list[tuple[str, str]] | None:
    """A 1.2 unit's segments as Trados, memoQ and Okapi write them (``<seg-source>`` holding
    ``<mrk mtype="seg" mid="N">``; the target's mrk with the same mid is the translation, none
    an empty one), or None for a unit with no segments."""
    children = {_local(child): child for child in unit if isinstance(child.tag, str)}
    if "seg-source" not in children:
        return None
    sources = [m for m in children["seg-source"].iter() if _is_seg(m)]
    if not sources:
        return None
    targets: dict[str, str] = {}
    if "target" in children:
        for mrk in children["target"].iter():
            if _is_seg(mrk):
                targets.setdefault(mrk.get("mid", ""), _mrk_text(mrk))
    pairs = [(_mrk_text(m), targets.pop(m.get("mid", ""), "")) for m in sources]
    return pairs + [("", text) for text in targets.values()]  # a target mrk with no source


def _local(element: Any) -> str:
    return str(element.tag).rsplit("}", 1)[-1]


def _is_seg(element: Any) -> bool:
    return isinstance(element.tag, str) and _local(element) == "mrk" \
        and element.get("mtype") == "seg"


def _mrk_text(element: Any) -> str:
    """The text of a segment: ``<g>`` content kept, inline codes and Trados's tracked
    deletions (``x-sdl-deleted``) left out."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and _local(child) not in _CODES \
                and child.get("mtype") != "x-sdl-deleted":
            parts.append(_mrk_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _tsv(data: bytes, name: str) -> tuple[list[tuple[str, ...]], tuple[str, str]]:
    """Two tab-separated columns; a first row of two language codes (``ar<TAB>en``) names
    them, otherwise the script of each column tells."""
    from aligner.read import decode_bytes

    text = decode_bytes(data, name)[0].removeprefix("\ufeff")
    rows = [line.split("\t") for line in text.splitlines() if line.strip()]
    wide = next((n for n, row in enumerate(rows, 1) if len(row) != 2), None)
    if wide is not None:
        raise AlignerError(name, f"line {wide} has {len(rows[wide - 1])} columns; a bilingual "
                                 "TSV has two (source, target), tab-separated")
    declared = ("", "")
    if rows and all(_LANG_CODE.match(cell.strip()) for cell in rows[0]):
        declared = (_primary(rows[0][0]), _primary(rows[0][1]))
        rows = rows[1:]
    return [(a, b) for a, b in rows], declared  # type: ignore[misc]


def _with_languages(name: str, pairs: list[tuple[str, str]],
                    declared: tuple[str, str]) -> Bilingual:
    """The file's languages, where its text's script agrees; else the script's, noted."""
    from aligner.read import detect_language

    notes = []
    langs = []
    for n, (code, what) in enumerate(zip(declared, ("source", "target"), strict=True)):
        text = "\n".join(p[n] for p in pairs if p[n])
        if not text:
            raise AlignerError(name, f"every {what} text is empty")
        found = detect_language(text, name)
        if not code:
            langs.append(found)
        elif (code == "ar") != (found == "ar"):
            notes.append(f"{what} declared as {code} but written in "
                         f"{'Arabic' if found == 'ar' else 'Latin'} script: read as {found}")
            langs.append(found)
        else:
            langs.append(code)
    if langs[0] == langs[1]:
        raise AlignerError(name, f"both sides are in the same language ({langs[0]}); a "
                                 "bilingual file pairs Arabic with another language")
    return Bilingual(name, pairs, (langs[0], langs[1]), tuple(notes))


def bilingual_sides(bilingual: Bilingual) -> tuple[Side, Side, list[tuple[int | None,
                                                                          int | None]]]:
    """Both sides as documents of one unit a line (or, where the file gives paragraphs, one
    paragraph a block), and each unit's (src, tgt) segment ids (None for an empty side)."""
    built: list[tuple[str, tuple[Segment, ...]]] = []
    ids: list[list[int | None]] = [[], []]
    for n in (0, 1):
        text = ""
        segments: list[Segment] = []
        for u, pair in enumerate(bilingual.pairs):
            piece = pair[n]
            if not piece:
                ids[n].append(None)
                continue
            ids[n].append(len(segments))
            paragraph = bilingual.paragraphs[u][n] if bilingual.paragraphs else len(segments)
            if segments:
                text += " " if paragraph == segments[-1].paragraph else \
                    ("\n\n" if bilingual.paragraphs else "\n")
            segments.append(Segment(piece, len(text), len(text) + len(piece), paragraph,
                                    "sentence"))
            text += piece
        built.append((text, mark_chrome(tuple(segments))))
    sides = [Side(Document(bilingual.path, lang, text, encoding="bilingual"), segs)
             for lang, (text, segs) in zip(bilingual.langs, built, strict=True)]
    return sides[0], sides[1], list(zip(ids[0], ids[1], strict=True))


def bilingual_report(bilingual: Bilingual, embedder: Embedder,
                     signature: dict[str, Any]) -> Report:
    """The file's units as a report's links, each scored by the cosine of its two sides."""
    src, tgt, units = bilingual_sides(bilingual)
    both = [(i, j) for i, j in units if i is not None and j is not None]
    scores = _cosines(embedder, [src.segments[i].text for i, _ in both if i is not None],
                      [tgt.segments[j].text for _, j in both if j is not None])
    score: dict[tuple[int | None, int | None], float] = dict(zip(both, scores, strict=True))
    links = [Link(() if i is None else (i,), () if j is None else (j,),
                  float(score.get((i, j), 0.0))) for i, j in units]
    return Report(signature=dict(signature), src=src, tgt=tgt, links=links)


def _cosines(embedder: Embedder, a: Sequence[str], b: Sequence[str]) -> list[float]:
    if not a:
        return []
    va, vb = embedder.embed(list(a)), embedder.embed(list(b))
    return [float(x) for x in np.sum(va * vb, axis=1)]
