"""Property-based tests (hypothesis) of the parts that take any text: the readers, the
segmenter, the number parser and the exporters. Example counts are kept modest so that the
suite stays fast; each test says what must hold for every input."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aligner.arabic.numbers import extract_numbers
from aligner.export.base import CorpusRow, get_exporter
from aligner.read import decode_bytes, read_document
from aligner.records import AlignerError, Document
from aligner.segment import segment_document

FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

ARABIC_LETTERS = "ابتثجحخدذرسشصضطظعغفقكلمنهوي"
#: what articles are made of: both scripts, digits of three scripts, punctuation, white space
ARTICLE_CHARS = st.sampled_from(
    [*ARABIC_LETTERS, *"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéàç",
     *"0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", *" .,;:!?؟،؛'\"()-–%$\n\n\t", "Mr.", "U.S.", "..."])
ARTICLE = st.lists(ARTICLE_CHARS, min_size=1, max_size=300).map("".join)
#: any text at all, but the characters no reader keeps as they are (a BOM, NUL, controls)
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"),
               min_size=1, max_size=200)


@FAST
@given(text=TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le",
                                            "utf-16-be"]))
def test_bytes_in_any_accepted_encoding_decode_to_the_text(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # told by their NUL bytes: text with Latin
        text = "The report said: " + text
        data = text.encode(encoding)
    try:
        decoded, _ = decode_bytes(data, "a.txt")
    except AlignerError:
        # only UTF-16 without a byte-order mark may be refused: told from binary by its NULs
        assert encoding in ("utf-16-le", "utf-16-be")
        return
    assert decoded == text


@FAST
@given(words=st.lists(st.text(ARABIC_LETTERS, min_size=1, max_size=8), min_size=1, max_size=30))
def test_windows_arabic_decodes_to_the_text(words: list[str]) -> None:
    text = " ".join(words)
    assert decode_bytes(text.encode("cp1256"), "a.txt") == (text, "cp1256")


@FAST
@given(data=st.binary(min_size=0, max_size=400))
def test_any_bytes_are_read_or_refused_in_one_line(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "any.txt"
    path.write_bytes(data)
    try:
        doc = read_document(path)
    except AlignerError as err:
        assert err.path == str(path) and err.problem and "\n" not in err.problem
        return
    assert doc.text.strip() and doc.lang


@FAST
@given(text=ARTICLE, lang=st.sampled_from(["ar", "en", "fr"]))
def test_segments_slice_the_text_back_and_are_never_empty(text: str, lang: str) -> None:
    segments = segment_document(Document("a.txt", lang, text))
    end = 0
    for seg in segments:
        assert text[seg.start:seg.end] == seg.text
        assert seg.text.strip() == seg.text and seg.text
        assert seg.start >= end  # in order, no overlap
        end = seg.end


@FAST
@given(text=ARTICLE, lang=st.sampled_from(["ar", "en"]))
def test_segmenting_is_idempotent_on_its_own_output(text: str, lang: str) -> None:
    """The segments, one a paragraph, segment into themselves."""
    first = [s.text for s in segment_document(Document("a.txt", lang, text))]
    again = [s.text for s in segment_document(Document("b.txt", lang, "\n\n".join(first)))]
    assert again == first


@FAST
@given(text=TEXT | ARTICLE, lang=st.sampled_from(["ar", "en", "de"]))
def test_the_number_parser_never_raises(text: str, lang: str) -> None:
    for mention in extract_numbers(text, lang):
        assert 0 <= mention.start < mention.end <= len(text)


DIGITS = {"western": "0123456789", "arabic-indic": "٠١٢٣٤٥٦٧٨٩",
          "persian": "۰۱۲۳۴۵۶۷۸۹"}


@FAST
@given(number=st.integers(min_value=0, max_value=10**9),
       template=st.sampled_from(["قتل {} شخصا في الهجوم.", "بلغت الخسائر {} دولار.",
                                 "في عام {} وقع الزلزال."]))
def test_digits_in_any_script_read_alike(number: int, template: str) -> None:
    readings = set()
    for digits in DIGITS.values():
        written = str(number).translate(str.maketrans("0123456789", digits))
        readings.add(tuple((m.values, m.kind, m.unit) for m in
                           extract_numbers(template.format(written), "ar")))
    assert len(readings) == 1
    assert any(number in values for values, _, _ in readings.pop())


#: any text, with the characters that formats treat specially drawn more often
ROW_TEXT = st.text(st.characters(codec="utf-8") |
                   st.sampled_from("\r\n\t\x00\x85\u2028\u2029\ufffe\uffff<&>\"'"),
                   max_size=80)


def _rows(texts: list[tuple[str, str]]) -> list[CorpusRow]:
    return [CorpusRow(f"p{k}", "ar", "en", (k,), (k, k + 1), a, b, k / 7)
            for k, (a, b) in enumerate(texts)]


@FAST
@given(texts=st.lists(st.tuples(ROW_TEXT, ROW_TEXT), max_size=6))
def test_jsonl_round_trip(tmp_path: Path, texts: list[tuple[str, str]]) -> None:
    rows = _rows(texts)
    [path] = get_exporter("jsonl").write(rows, tmp_path, "c", {"tool": "aligner"})
    # splitlines(): a record breaks at none of the line breaks it may hold (\x85, \u2028)
    back = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert back == [r.to_json() for r in rows]
    assert [(b["src"], b["tgt"]) for b in back] == texts


def _xml_text(text: str) -> str:
    """What XML 1.0 can carry of a text: no control characters but tab and line breaks."""
    return "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 0x20 and
                   ord(ch) not in (0xFFFE, 0xFFFF)))


@FAST
@given(texts=st.lists(st.tuples(ROW_TEXT, ROW_TEXT), max_size=6))
def test_tmx_round_trip(tmp_path: Path, texts: list[tuple[str, str]]) -> None:
    rows = _rows(texts)
    [path] = get_exporter("tmx").write(rows, tmp_path, "c", {"tool": "aligner"})
    body = ET.parse(path).getroot().find("body")
    assert body is not None
    back = [tuple(seg.text or "" for seg in tu.iter("seg")) for tu in body.iter("tu")]
    assert back == [(_xml_text(a), _xml_text(b)) for a, b in texts]
