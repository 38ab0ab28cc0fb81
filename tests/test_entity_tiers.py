"""The entity check's two tiers on hand-made pairs, both directions: the critical tier only
for a name-like Arabic span, the lower (major) tier for a name rendered nowhere while the
Arabic has a stranger in it."""

from __future__ import annotations

import pytest

from aligner.checks.base import CheckContext, get_check
from aligner.checks.entity import EntityParams
from aligner.checks.entity.namelike import is_calendar_word, is_demonym_ar, name_like_word
from aligner.checks.params import CheckParams
from aligner.records import Document, Finding, Link, Report, Segment, Side


def _side(lang: str, text: str) -> Side:
    return Side(Document(f"doc.{lang}", lang, text), (Segment(text, 0, len(text)),))


def _pair(en: str, ar: str, src_lang: str, params: CheckParams | None = None
          ) -> list[Finding]:
    """The entity findings of a one-sentence pair; Arabic is the source when ``src_lang`` is
    "ar"."""
    en_side, ar_side = _side("en", en), _side("ar", ar)
    src, tgt = (en_side, ar_side) if src_lang == "en" else (ar_side, en_side)
    report = Report({}, src, tgt, [Link((0,), (0,), 0.9)])
    ctx = CheckContext(report, params=params or CheckParams())
    return get_check("entity_mismatch").run(ctx)


#: Clean, correct translations whose Arabic has a common word where the English has a name.
CLEAN = [
    ("She joined the Studio Arts Program at the college in 2015.",
     "التحقت ببرنامج فنون الاستوديو في الكلية عام 2015."),  # فنون: arts
    ("The vote was held on Jan. 12 in the capital.",
     "أجري التصويت في 12 يناير في العاصمة."),  # a month
    ("Rangers face Villarreal in the Europa League on Thursday.",
     "يواجه رينجرز فياريال في الدوري الأوروبي يوم الخميس."),
    ("Then Anton turned to the crowd and smiled.", "ثم استدار نحو الحشد وابتسم."),
    ("Police arrested Sayfullo Habibullaevic Saipov at the scene.",
     "ألقت الشرطة القبض على سيفولو سايبوف في مكان الحادث."),  # a partial rendering
    ("The coronavirus HCoV-NL63 was identified in 2004.",
     "تم التعرف على فيروس كورونا NL63 في عام 2004."),
    ("The painting was bought by Jacques Chirac in 1995.", "اشترى جاك شيراك اللوحة عام 1995."),
    ("Edward Said wrote the book in 1978.", "كتب إدوارد سعيد الكتاب عام 1978."),
    ("The Ministry of Health reported 40 new cases in Jordan.",
     "أعلنت وزارة الصحة عن 40 إصابة جديدة في الأردن."),  # translated, not transliterated
    ("Mr. Johnson said the plan would be ready by March.",
     "وقال إن الخطة ستكون جاهزة بحلول مارس."),  # the name dropped: no stranger in its place
    ("The WHO said the risk remained high.",
     "قالت منظمة الصحة العالمية إن الخطر لا يزال مرتفعا."),  # an acronym, translated
    ("Two young men, Omar and Khaled, were injured.", "أصيب شابان هما عمر وخالد."),
]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
@pytest.mark.parametrize(("en", "ar"), CLEAN)
def test_clean_translations_raise_no_entity_alarm(en: str, ar: str, src_lang: str) -> None:
    assert _pair(en, ar, src_lang) == []


#: Names swapped for names that no list of the check holds: (English, Arabic, stranger).
SWAPS = [
    ("The book compares the rise of Hitler with later dictators.",
     "يقارن الكتاب صعود بشير بالطغاة اللاحقين.", "بشير"),
    ("The storm hit Texas on Monday night.", "ضربت العاصفة كونيي ليلة الاثنين.", "كونيي"),
    ("The family moved to Kansas in 1990.", "انتقلت العائلة إلى ترنافا عام 1990.", "ترنافا"),
]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
@pytest.mark.parametrize(("en", "ar", "stranger"), SWAPS)
def test_a_name_rendered_nowhere_with_a_stranger_in_the_arabic_is_major(
        en: str, ar: str, stranger: str, src_lang: str) -> None:
    found = _pair(en, ar, src_lang)
    assert [(f.severity, f.evidence["tier"], f.evidence["arabic"].text) for f in found] == [
        ("major", "unrendered", stranger)]
    assert found[0].missing_in == ("tgt" if src_lang == "en" else "src")


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_a_given_name_changed_beside_the_kept_surname_is_critical(src_lang: str) -> None:
    # الدوين (بـ read as a clitic) keeps too few of Donald's consonants to be a short form of
    # it, so بالدوين beside ترامب is a different name in the given name's place
    found = _pair("Donald Trump arrived in Paris on Friday.",
                  "وصل بالدوين ترامب إلى باريس يوم الجمعة.", src_lang)
    assert [(f.severity, f.evidence["tier"], f.evidence["arabic"].text) for f in found] == [
        ("critical", "replaced", "بالدوين")]
    assert found[0].missing_in == ("tgt" if src_lang == "en" else "src")


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_the_correct_rendering_of_the_same_sentences_is_quiet(src_lang: str) -> None:
    assert _pair("The book compares the rise of Hitler with later dictators.",
                 "يقارن الكتاب صعود هتلر بالطغاة اللاحقين.", src_lang) == []
    assert _pair("Donald Trump arrived in Paris on Friday.",
                 "وصل دونالد ترامب إلى باريس يوم الجمعة.", src_lang) == []


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_a_known_name_in_the_place_of_another_stays_critical(src_lang: str) -> None:
    found = _pair("The match was won by Kevin Anderson in London.",
                  "فاز باتريك ميلر بالمباراة في لندن.", src_lang)
    assert [(f.severity, f.evidence["tier"]) for f in found] == [("critical", "replaced")]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_the_gate_is_a_parameter(src_lang: str) -> None:
    en, ar = CLEAN[0]
    # no word frequent enough to be ordinary: فنون passes for a name again (without "Arts",
    # which it translates: a translation is never taken for a name, whatever the gate)
    en = en.replace(" Arts", "")
    loose = CheckParams().with_(EntityParams(ordinary_zipf=9.0, ordinary_zipf_shaped=9.0))
    found = _pair(en, ar, src_lang, loose)
    assert [(f.severity, f.evidence["arabic"].text) for f in found] == [("critical", "فنون")]


def test_arabic_words_that_are_no_names() -> None:
    p = EntityParams()
    for word in ("فنون", "جديد", "دوري", "دار", "يناير", "الخميس", "الأمريكي", "السوريين"):
        assert not name_like_word(word, p), word
    for word in ("ترامب", "هولت", "روزا", "ماتيو", "وجورج", "لندن", "محمد"):
        assert name_like_word(word, p), word
    assert is_calendar_word("يناير") and is_calendar_word("الجمعة")
    assert is_demonym_ar("الإيرانيين") and not is_demonym_ar("ترامب")
