"""Sentence segmentation: Arabic and English rules, blocks, kinds and exact offsets."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from aligner.records import Document, Segment
from aligner.segment import MAX_SEGMENT_CHARS, segment_document
from aligner.segment.rules import GENERIC, RULES, rules_for

SEEDS = Path(__file__).parent.parent / "corpora" / "seeds"
EN_SEED = SEEDS / "000_a4406ca872cdf977.txt"
AR_SEED = SEEDS / "004_43767d7857a669e9.txt"


def segment(text: str, lang: str = "ar", presegmented: bool = False) -> tuple[Segment, ...]:
    """Segment and check the offset contract on every segment."""
    segs = segment_document(Document("t.txt", lang, text), presegmented=presegmented)
    assert_exact(text, segs)
    return segs


def texts(text: str, lang: str = "ar") -> list[str]:
    return [s.text for s in segment(text, lang)]


def assert_exact(text: str, segs: tuple[Segment, ...]) -> None:
    """Offsets point at the text, segments are stripped, ordered and non-overlapping."""
    end = 0
    for s in segs:
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= end
        end = s.end
    assert [s.paragraph for s in segs] == sorted(s.paragraph for s in segs)


# --- Arabic -------------------------------------------------------------------------------

@pytest.mark.parametrize("mark", [".", "؟", "?", "!", "…"])
def test_arabic_terminal_marks_split(mark: str) -> None:
    assert texts(f"ذهب الوفد إلى السوق{mark} ثم عاد إلى البيت.") == [
        f"ذهب الوفد إلى السوق{mark}", "ثم عاد إلى البيت."]


def test_arabic_comma_never_splits() -> None:
    assert texts("زار الوفد القاهرة، والإسكندرية، وأسوان، ثم عاد.") == [
        "زار الوفد القاهرة، والإسكندرية، وأسوان، ثم عاد."]


def test_arabic_semicolon_splits_between_clauses_only() -> None:
    assert texts("وقال المتحدث إن الوضع مستقر في المدينة؛ وأضاف أن القوات انسحبت منها.") == [
        "وقال المتحدث إن الوضع مستقر في المدينة؛", "وأضاف أن القوات انسحبت منها."]
    # A list of short items separated by "؛" is one sentence.
    assert texts("زار الوزير الرياض؛ جدة؛ الدمام.") == ["زار الوزير الرياض؛ جدة؛ الدمام."]


@pytest.mark.parametrize("number", ["12.5", "3.14", "١٢٫٥", "٣.١٤", "۱۲٫۵", "1,500.25", "١٬٥٠٠"])
def test_arabic_decimals_do_not_split(number: str) -> None:
    assert texts(f"بلغت النسبة {number} في المئة. وارتفعت لاحقا.") == [
        f"بلغت النسبة {number} في المئة.", "وارتفعت لاحقا."]


@pytest.mark.parametrize("number", ["2020", "٢٠٢٠", "۲۰۲۰"])
def test_arabic_number_at_sentence_end_splits(number: str) -> None:
    assert texts(f"وقع ذلك في عام {number}. ثم تغير الوضع.") == [
        f"وقع ذلك في عام {number}.", "ثم تغير الوضع."]


@pytest.mark.parametrize("sentence", [
    "قال د. محمد إن الوضع مستقر.",
    "حضر أ.د. علي حسن الاجتماع.",
    "التقى م. محمد بالوزير.",
    "انظر ص. 12 من ج. 3 للمزيد.",
    "شارك J. R. Smith في المؤتمر.",
    "يقع صندوق ص.ب. 1234 في عمان.",
])
def test_arabic_abbreviations_and_initials_do_not_split(sentence: str) -> None:
    assert texts(f"{sentence} ثم انتهى اللقاء.") == [sentence, "ثم انتهى اللقاء."]


def test_arabic_era_marker_after_year_ends_sentence() -> None:
    # "م." / "ق.م." after a year ends the sentence when a new one follows; "م." before a
    # name (engineer) does not.
    assert texts("ولد عام 1950 م. وقال إنه سعيد.") == ["ولد عام 1950 م.", "وقال إنه سعيد."]
    assert texts("حدث ذلك عام 500 ق.م. وكان الملك غائبا.") == [
        "حدث ذلك عام 500 ق.م.", "وكان الملك غائبا."]
    assert texts("ولد عام ١٩٥٠م. وقال إنه سعيد.") == ["ولد عام ١٩٥٠م.", "وقال إنه سعيد."]
    assert texts("توفي سنة 1441 هـ. ودفن في المدينة.") == ["توفي سنة 1441 هـ.", "ودفن في المدينة."]


def test_arabic_etc_at_sentence_end_splits() -> None:
    assert texts("اشترى الكتب والأقلام إلخ. وعاد إلى البيت.") == [
        "اشترى الكتب والأقلام إلخ.", "وعاد إلى البيت."]


def test_arabic_urls_and_emails() -> None:
    assert texts("زوروا https://example.com/a.html?x=1 للمزيد. أو راسلونا على info@example.org. "
                 "أو www.example.com. شكرا.") == [
        "زوروا https://example.com/a.html?x=1 للمزيد.", "أو راسلونا على info@example.org.",
        "أو www.example.com.", "شكرا."]


def test_url_with_ellipsis_inside_is_not_cut() -> None:
    assert texts("المصدر http://x.org/a...b/c وغيره. انتهى.") == [
        "المصدر http://x.org/a...b/c وغيره.", "انتهى."]


def test_arabic_numbered_list_item() -> None:
    assert texts("1. البند الأول في القائمة. 2. البند الثاني.") == [
        "1. البند الأول في القائمة.", "2. البند الثاني."]
    assert texts("١. البند الأول.") == ["١. البند الأول."]


@pytest.mark.parametrize(("opening", "closing"), [("«", "»"), ("“", "”"), ('"', '"')])
def test_arabic_closing_quote_belongs_to_ending_sentence(opening: str, closing: str) -> None:
    assert texts(f"قال: {opening}انتهى الأمر.{closing} ثم غادر المكان.") == [
        f"قال: {opening}انتهى الأمر.{closing}", "ثم غادر المكان."]
    assert texts(f"وقال {opening}هل هذا جيد؟{closing} وابتسم.") == [
        f"وقال {opening}هل هذا جيد؟{closing}", "وابتسم."]


def test_arabic_headline_byline_are_own_lines() -> None:
    text = ("أخبار العراق\nأمن\n\nوليد أبو الخير من القاهرة\n\n"
            "قال ناشط محلي إن الوضع تغير. وأضاف أنه مستقر.\n")
    segs = segment(text)
    assert [(s.text, s.kind, s.paragraph) for s in segs] == [
        # the breadcrumb trail above the lone line is site chrome
        ("أخبار العراق", "chrome", 0), ("أمن", "chrome", 1),
        ("وليد أبو الخير من القاهرة", "line", 2),
        ("قال ناشط محلي إن الوضع تغير.", "sentence", 3), ("وأضاف أنه مستقر.", "sentence", 3)]


@pytest.mark.parametrize(("lang", "sentence", "caption"), [
    ("ar", "استخدم الحرس شاحنات مدنية.", "[حقوق الصورة لصفحة عين الفرات على فيسبوك]"),
    ("en", "The IRGC has used civilian trucks.", "[Photo courtesy of Eye of the Euphrates]"),
])
def test_bracket_caption_stays_with_previous_sentence(lang: str, sentence: str,
                                                      caption: str) -> None:
    # Chosen for both languages alike: a caption after a sentence is part of that segment.
    segs = segment(f"{sentence} {caption}", lang)
    assert [(s.text, s.kind) for s in segs] == [(f"{sentence} {caption}", "sentence")]
    segs = segment(f"{sentence} {caption} Second one.", lang)
    assert [s.text for s in segs] == [f"{sentence} {caption}", "Second one."]
    segs = segment(f"{sentence}\u00a0{caption}", lang)  # a no-break space, as web text has
    assert [s.text for s in segs] == [f"{sentence}\u00a0{caption}"]
    segs = segment(f"{sentence}\n{caption}", lang)  # on a line of its own it stands alone
    assert [s.text for s in segs] == [sentence, caption]


def test_arabic_bidi_marks_are_trimmed() -> None:
    assert texts("\u200fقال إنه وصل. \u200fثم غادر.\u200f") == ["قال إنه وصل.", "ثم غادر."]


# --- English and other languages ------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Mr. Smith went to the U.S. on Monday. He left.",
     ["Mr. Smith went to the U.S. on Monday.", "He left."]),
    ("He moved to the U.S. The next day he left.",
     ["He moved to the U.S.", "The next day he left."]),
    ("Dr. J. R. Smith paid $3.50, i.e. a lot. It rose 2.5 percent.",
     ["Dr. J. R. Smith paid $3.50, i.e. a lot.", "It rose 2.5 percent."]),
    ("Use tools, e.g. hammers. See Fig. 3 and No. 5 for details.",
     ["Use tools, e.g. hammers.", "See Fig. 3 and No. 5 for details."]),
    ('He said "Stop!" and left. "Go home." She went.',
     ['He said "Stop!" and left.', '"Go home."', "She went."]),
    ("He said, “It is over.” Then he left.", ["He said, “It is over.”", "Then he left."]),
    ("Visit https://www.example.com/a.html?x=1. Email j.doe@mail.com. Fine.",
     ["Visit https://www.example.com/a.html?x=1.", "Email j.doe@mail.com.", "Fine."]),
    ("He waited... and waited. Then he left.", ["He waited... and waited.", "Then he left."]),
    ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
    ("Apple Inc. said so. It was Plan B. The plan failed.",
     ["Apple Inc. said so.", "It was Plan B.", "The plan failed."]),
])
def test_english(text: str, expected: list[str]) -> None:
    assert texts(text, "en") == expected


def test_english_trailing_dash_joins_last_sentence() -> None:
    segs = segment("It ended. —", "en")
    assert [(s.text, s.kind) for s in segs] == [("It ended. —", "sentence")]


def test_german_french_and_unknown_languages() -> None:
    assert texts("Am 3. Oktober kam Dr. Müller z.B. nach Berlin. Er blieb.", "de") == [
        "Am 3. Oktober kam Dr. Müller z.B. nach Berlin.", "Er blieb."]
    assert texts("M. Dupont est arrivé. Il est parti à 3 h. Mme Durand aussi.", "fr") == [
        "M. Dupont est arrivé.", "Il est parti à 3 h.", "Mme Durand aussi."]
    assert texts("今日は晴れです。明日は雨でしょう！", "ja") == [
        "今日は晴れです。", "明日は雨でしょう！"]
    assert rules_for("en-US") is RULES["en"]
    assert rules_for("de_DE") is RULES["de"]
    assert rules_for("xx") is GENERIC


# --- Blocks, kinds, modes -------------------------------------------------------------------

def test_single_newline_paragraphs_and_short_headlines() -> None:
    text = ("Iranian militias besiege a Russian convoy\n"
            "Following the expulsion of ISIS, the town has seen a growing presence. It grew.\n"
            "Report via SY24\n")
    segs = segment(text, "en")
    assert [(s.text, s.kind, s.paragraph) for s in segs] == [
        ("Iranian militias besiege a Russian convoy", "line", 0),
        ("Following the expulsion of ISIS, the town has seen a growing presence.", "sentence", 1),
        ("It grew.", "sentence", 1),
        ("Report via SY24", "line", 2)]


def test_hard_wrapped_paragraph_is_joined() -> None:
    text = ("The militias have claimed almost full control of the border town of\n"
            "Albu Kamal, a local activist said on Monday, adding that the regime's\n"
            "influence has declined. Russia has no presence left in the city at\n"
            "all.\n\nNext paragraph.\n")
    segs = segment(text, "en")
    assert [s.text for s in segs] == [text[:text.index(" Russia")],
                                      text[text.index("Russia"):text.index("\n\n")],
                                      "Next paragraph."]
    assert [s.paragraph for s in segs] == [0, 0, 1]


def test_arabic_hard_wrapped_paragraph_is_joined() -> None:
    lines = ["قال ناشط محلي إن الميليشيات التابعة للحرس الثوري الإيراني أصبحت تسيطر",
             "بشكل شبه تام على مدينة ألبوكمال السورية القريبة من الحدود مع العراق،",
             "وأضاف أن نفوذ النظام السوري قد تراجع في هذه المنطقة خلال الأشهر",
             "الماضية. وتابع أن روسيا لم يعد لها أي تواجد."]
    segs = segment("\n".join(lines) + "\n\nالفقرة التالية.\n")
    last = "وتابع أن روسيا لم يعد لها أي تواجد."
    assert [s.text for s in segs] == ["\n".join(lines)[:-len(last) - 1], last, "الفقرة التالية."]
    assert [s.paragraph for s in segs] == [0, 0, 1]


def test_long_headline_over_byline_is_not_joined() -> None:
    text = ("Iran-aligned militias dominate in the border town of Albu Kamal\n"
            "By Waleed Abu al-Khair in Cairo, Egypt, on a Monday morning\n")
    segs = segment(text, "en")
    assert [(s.kind, s.paragraph) for s in segs] == [("line", 0), ("line", 1)]


def test_a_run_of_one_word_clauses_is_no_sentence_break() -> None:
    """Each "؛" needs clauses of a few words on both sides; a long run of one-word pieces
    (its speed is in scripts/bench_segment.py) is cut only by the length cap."""
    text = "؛ ".join(["كلمة"] * 20000) + "."
    segs = segment(text)
    assert all(s.text.endswith("؛") for s in segs[:-1])
    assert max(len(s.text) for s in segs) <= MAX_SEGMENT_CHARS
    assert "".join(s.text + " " for s in segs).rstrip() == text


def test_overlong_runs_are_cut_at_clause_marks_then_spaces() -> None:
    """A transcript or export with no sentence end becomes pieces under MAX_SEGMENT_CHARS:
    at the last clause mark of each piece's second half, else at its last space, else hard."""
    clause = "the committee heard evidence from witnesses for many hours"  # 58 characters
    text = ", ".join([clause] * 60)  # 3,598 characters, commas only
    segs = segment(text, "en")
    assert len(segs) == 2 and all(s.kind == "sentence" for s in segs)
    assert segs[0].text.endswith("hours,") and len(segs[0].text) <= MAX_SEGMENT_CHARS
    assert [text[s.start:s.end] for s in segs] == [s.text for s in segs]
    words = segment(" ".join(["word"] * 1000), "en")  # 4,999 characters, spaces only
    assert [len(s.text) for s in words] == [1999, 1999, 999]
    solid = segment("x" * 4500, "en")  # no space at all
    assert [len(s.text) for s in solid] == [2000, 2000, 500]


def test_one_line_kinds() -> None:
    segs = segment("0 Comment(s)\n\nDo you like this article?\n\nBorder crossing reopens\n\n"
                   "Comments were closed.\n", "en")
    assert [(s.text, s.kind) for s in segs] == [
        ("0 Comment(s)", "chrome"), ("Do you like this article?", "chrome"),
        ("Border crossing reopens", "line"), ("Comments were closed.", "sentence")]


def test_markdown_heading_and_bullets_exclude_markers() -> None:
    text = ("# Heading here #\n\n## Dr. Smith. Part two\n\n"
            "- First item. Second sentence.\n* Item two\n")
    segs = segment(text, "en")
    assert [(s.text, s.kind, s.paragraph) for s in segs] == [
        ("Heading here", "line", 0), ("Dr. Smith. Part two", "line", 1),
        ("First item.", "sentence", 2), ("Second sentence.", "sentence", 2),
        ("Item two", "line", 3)]


def test_crlf_line_endings() -> None:
    text = "أخبار العراق\r\nأمن\r\n\r\nقال إنه وصل. ثم غادر.\r\n"
    segs = segment(text)
    assert [(s.text, s.paragraph) for s in segs] == [
        ("أخبار العراق", 0), ("أمن", 1), ("قال إنه وصل.", 2), ("ثم غادر.", 2)]


def test_text_starting_with_whitespace() -> None:
    text = " \n\t\n   Hello there. General Kenobi.  \n"
    segs = segment(text, "en")
    assert [(s.text, s.start) for s in segs] == [("Hello there.", 7), ("General Kenobi.", 20)]


def test_empty_and_punctuation_only_text() -> None:
    assert segment("", "ar") == ()
    assert segment("\n \n", "en") == ()
    assert segment("***\n\n---\n", "en") == ()


def test_presegmented_one_segment_per_line() -> None:
    text = "  First line. Still first.\n\nسطر ثان\r\n third \n"
    segs = segment(text, "en", presegmented=True)
    assert [(s.text, s.paragraph, s.kind) for s in segs] == [
        ("First line. Still first.", 0, "sentence"), ("سطر ثان", 2, "sentence"),
        ("third", 3, "sentence")]


# --- Seed pair ------------------------------------------------------------------------------

def test_seed_pair_offsets_and_counts() -> None:
    en_text = EN_SEED.read_text(encoding="utf-8")
    ar_text = AR_SEED.read_text(encoding="utf-8")
    en = segment(en_text, "en")
    ar = segment(ar_text, "ar")
    print(f"seed 000 (en): {len(en)} segments, seed 004 (ar): {len(ar)} segments")
    assert abs(len(en) - len(ar)) <= max(2, len(en) // 10)
    assert [s.kind for s in en] == [s.kind for s in ar]

    ar_texts = [s.text for s in ar]
    assert ("كما شهدت المدينة توترًا بعد قيام عناصر المخابرات السورية بمصادرة بعض المنازل التي لا "
            "يزال أصحابها خارج المدينة.") in ar_texts
    byline = next(s for s in ar if s.text == "وليد أبو الخير من القاهرة")
    assert byline.kind == "line"
    byline = next(s for s in en if s.text == "By Waleed Abu al-Khair in Cairo")
    assert byline.kind == "line"


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_every_seed_has_exact_offsets(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    segs = segment(text, "ar" if path.name.startswith("004") else "en")
    assert segs and all(s.kind in ("sentence", "line", "chrome") for s in segs)


def test_ten_thousand_sentences() -> None:
    """Three sentences a paragraph, 3,400 times (the time it takes: scripts/bench_segment.py)."""
    text = "\n\n".join(["قال ناشط محلي إن الوضع تغير بعد 2020. وأضاف د. علي أنه مستقر؟ نعم."]
                     * 3400)
    segs = segment_document(Document("big.txt", "ar", text))
    assert len(segs) == 10200 and segs[-1].paragraph == 3399


@pytest.mark.parametrize("lang", ["ar", "en", "de", "xx"])
def test_offsets_hold_on_random_text(lang: str) -> None:
    rng = random.Random(7)
    pieces = ["قال", "Dr", "U.S", "1.", "١٢٫٥", "م", "J", " ", " ", "\n", "\n\n", "\r\n", ". ",
              "؟ ", "! ", "… ", "؛ ", "، ", "«", "»", "“", "”", '"', "[صورة]", "# ", "- ",
              "http://x.org/a.b", "\u200f", "\ufeff", "\t", "—", "*"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        segment(text, lang)
        segment(text, lang, presegmented=True)
