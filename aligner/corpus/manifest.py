"""What a corpus run reads: a directory tree of articles, or a manifest listing them.

A manifest is CSV (``.csv``/``.tsv`` with a header row; commas, semicolons or tabs) or JSON
Lines. A row with both ``ar`` and ``en`` names a known translation pair (it is aligned without
pairing); a row with only one of them, or a ``path``, names a single article to be paired with
the others. Relative paths are relative to the manifest's folder. Bad rows (duplicates, no
path, unparsable lines) are reported per row and the rest of the manifest is used.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from aligner.bilingual import FOLDER_SUFFIXES, is_bilingual, side_paths
from aligner.corpus.store import STORE_NAME
from aligner.read import BAD_NAME_PROBLEM, decode_bytes, undecodable_name
from aligner.records import AlignerError
from aligner.web import is_url

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".odt", ".html", ".htm")
#: Articles saved in a format aligner does not read: found in a folder, they are reported as
#: failed with what to convert, rather than skipped unseen.
OTHER_DOCUMENT_SUFFIXES = (".pdf", ".doc", ".rtf", ".epub")
MANIFEST_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson")
PATH_KEYS = ("ar", "en", "path")
#: How aligner's own HTML pages say they are its (report/template.html).
GENERATOR_MARK = b'<meta name="generator" content="aligner">'


@dataclass
class Inputs:
    """Paths to read: known pairs, single files to pair, and row-level problems."""

    pairs: list[tuple[str, str, str]] = field(default_factory=list)  # (path, path, source)
    singles: list[str] = field(default_factory=list)
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (source, path, error)
    #: .tsv files a folder held, passed over: a TSV there may be anything, a manifest names it
    skipped_tsv: list[str] = field(default_factory=list)

    @property
    def paths(self) -> list[str]:
        """Every distinct path to read, in first-mention order."""
        seen = dict.fromkeys([p for a, b, _ in self.pairs for p in (a, b)] + self.singles)
        return list(seen)


def load_inputs(inputs: Path) -> Inputs:
    """A directory (searched recursively), one article, or a manifest file."""
    if not inputs.exists():
        raise AlignerError(str(inputs), "no such file or directory")
    if inputs.is_file() and inputs.suffix.lower() in MANIFEST_SUFFIXES:
        return read_manifest(inputs)
    paths, tsv = _scan(inputs)
    found = Inputs(skipped_tsv=[str(p) for p in tsv])
    for path in paths:
        shown = undecodable_name(path)
        if shown:  # kept out of the store, which could not hold its name, but reported
            found.errors.append((shown, "", BAD_NAME_PROBLEM))
        elif is_bilingual(path):  # a pair already: its two sides, aligned as the file says
            found.pairs.append((*side_paths(str(path)), str(path)))
        else:
            found.singles.append(str(path))
    return found


def discover(inputs: Path) -> list[Path]:
    """Article files under a directory (sorted; hidden files, Word's lock files and what runs
    wrote there skipped), or the one file given; saved web pages are articles, except the pages
    aligner wrote itself. Documents in formats aligner does not read (PDF, RTF, ...) are
    listed too, so that the run reports them as failed instead of passing
    them over. CAT files (TMX, XLIFF) are bilingual inputs, except beside a run store (a run's
    own corpus exports)."""
    return _scan(inputs)[0]


def _scan(inputs: Path) -> tuple[list[Path], list[Path]]:
    """``discover``'s files, and the ``.tsv`` files it passed over on the way (sorted)."""
    if inputs.is_file():
        return [inputs], []
    # a run's output folder inside the input folder: its pages would come back as failed HTML
    stores = {store.parent.relative_to(inputs) for store in inputs.rglob(STORE_NAME)}
    runs = stores - {Path(".")}
    wanted = ARTICLE_SUFFIXES + OTHER_DOCUMENT_SUFFIXES + FOLDER_SUFFIXES
    # a dangling link stays in, to be reported as failed rather than skipped unseen
    found: list[Path] = []
    tsv: list[Path] = []
    for p in inputs.rglob("*"):
        rel = p.relative_to(inputs)
        suffix = p.suffix.lower()
        if ((p.is_file() or p.is_symlink()) and suffix in (*wanted, ".tsv")
                and not any(part.startswith(".") for part in rel.parts)
                and not p.name.startswith("~$")  # Word's lock file beside an open document
                and not any(parent in runs for parent in rel.parents)
                and not _our_page(p)
                # a run written into the input folder itself: its corpus.tmx, .xliff and .tsv
                and not (rel.parent in stores and suffix in (*FOLDER_SUFFIXES, ".tsv"))):
            (tsv if suffix == ".tsv" else found).append(p)
    found.sort()
    tsv.sort()
    if not any(p.suffix.lower() in ARTICLE_SUFFIXES + FOLDER_SUFFIXES for p in found):
        others = f"; {len(found)} in other formats: convert them to UTF-8 text" if found else ""
        raise AlignerError(str(inputs),
                           f"no article files ({', '.join(ARTICLE_SUFFIXES)}){others}")
    return found, tsv


def _our_page(path: Path) -> bool:
    """A page aligner wrote (a run's index and reports, ``check --html``): no input."""
    if path.suffix.lower() not in (".html", ".htm"):
        return False
    try:
        with path.open("rb") as page:
            return GENERATOR_MARK in page.read(1024)
    except OSError:
        return False


def read_manifest(path: Path) -> Inputs:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AlignerError(str(path), f"cannot read manifest: {exc.strerror or exc}") from exc
    # as articles are: spreadsheets save UTF-8 with a BOM, UTF-16, or Windows-1256 Arabic names
    text = decode_bytes(data, str(path), min_arabic=0.0)[0].removeprefix("\ufeff")
    rows = (_csv_rows(path, text) if path.suffix.lower() in (".csv", ".tsv")
            else _jsonl_rows(path, text))
    base = path.parent
    out = Inputs()
    first_line: dict[str, str] = {}  # path -> source of the row that first named it
    for source, row in rows:
        if isinstance(row, str):
            out.errors.append((source, "", row))
            continue
        named = [_resolve(base, row[k]) for k in PATH_KEYS if row.get(k)]
        if not named:
            out.errors.append((source, "", "no path in this row (columns: ar, en or path)"))
            continue
        clash = next((p for p in named if p in first_line), None)
        if clash is not None or len(set(named)) < len(named):
            clash = clash or named[0]
            out.errors.append((source, clash, "duplicate: already listed at "
                                              f"{first_line.get(clash, source)}"))
            continue
        for p in named:
            first_line[p] = source
        if len(named) == 2:
            out.pairs.append((named[0], named[1], source))
        elif len(named) == 1 and is_bilingual(named[0]):
            out.pairs.append((*side_paths(named[0]), source))
        elif len(named) == 1:
            out.singles.append(named[0])
        else:
            out.errors.append((source, named[0], "a row names at most two files (ar, en)"))
    return out


def _resolve(base: Path, value: object) -> str:
    if is_url(str(value).strip()):  # a page to fetch, not a path
        return str(value).strip()
    p = Path(str(value).strip())
    return str(p if p.is_absolute() else base / p)


def _csv_rows(path: Path, text: str) -> list[tuple[str, dict[str, str] | str]]:
    lines = text.splitlines()
    # a spreadsheet saves with ";" where "," is the decimal mark, or with tabs: the header says
    first = next((line for line in lines if line.strip()), "")
    delimiter = next((d for d in ",\t;" if set(PATH_KEYS) & {
        h.strip().lower() for h in next(csv.reader([first], delimiter=d), [])}), ",")
    reader = csv.DictReader(lines, delimiter=delimiter)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if not set(header) & set(PATH_KEYS):
        raise AlignerError(str(path), "manifest CSV needs a header row with columns ar,en "
                                      "(known pairs) or path (files to pair), separated by "
                                      "commas, semicolons or tabs")
    reader.fieldnames = header
    return [(f"{path.name}:{reader.line_num}",
             {k: (v or "").strip() for k, v in row.items() if isinstance(k, str)})
            for row in reader]


def _jsonl_rows(path: Path, text: str) -> list[tuple[str, dict[str, str] | str]]:
    rows: list[tuple[str, dict[str, str] | str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        source = f"{path.name}:{n}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            rows.append((source, f"not JSON: {exc.msg}"))
            continue
        if not isinstance(data, dict):
            rows.append((source, "expected an object such as {\"ar\": …, \"en\": …}"))
            continue
        rows.append((source, {k.lower(): str(v) for k, v in data.items()
                              if isinstance(v, str) and v.strip()}))
    return rows


def pair_name(src: str, tgt: str) -> str:
    """A readable, filesystem-safe id from the two file names."""
    return re.sub(r"[^\w.-]+", "_", f"{Path(src).stem}__{Path(tgt).stem}")
