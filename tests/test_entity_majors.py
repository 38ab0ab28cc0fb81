"""The last entity false alarms on clean text (issue #24, fourth pass): Arabic words that look
like transliterations (a derived verbal noun, a proclitic with the article and a word, an
attached dual pronoun), a title word tagged as a person, German sch and French aux, and two
forms that are no second spelling. Each on hand-made pairs in both directions, with a swapped
name beside the same pattern that is still found."""

from __future__ import annotations

import pytest
from test_check_inconsistent import _run
from test_entity_classes import _pair

from aligner.arabic.name_skeleton import english_readings
from aligner.arabic.names import find_name_in_arabic
from aligner.checks.entity.inconsistent import _same_form
from aligner.lang.ar.morphology import has_pronoun_suffix, is_masdar

#: (English, a correct Arabic rendering, the same with a name swapped in, the swapped name).
CORRECT_AND_SWAPPED = [
    # لاستلزام: ل + a verbal noun of the form استفعال ("to require"); the name is dropped
    ("Johnson said the court has the power to require a new inquiry.",
     "وقال إن المحكمة تملك السلطة لاستلزام تحقيق جديد.",
     "وقال هوساكا إن المحكمة تملك السلطة لاستلزام تحقيق جديد.", "هوساكا"),
    # بالرسو: ب + the article + a word ("to dock")
    ("Harrison said the tanker was refused permission to dock at the port.",
     "وقال إن الناقلة حرمت من الإذن بالرسو في الميناء.",
     "وقال هوساكا إن الناقلة حرمت من الإذن بالرسو في الميناء.", "هوساكا"),
    # لتبنيهما: a word with an attached dual pronoun ("for their adoption of")
    ("Miller said the neighbours thanked the two sisters for adopting the orphan.",
     "وقال إن الجيران شكروا الأختين لتبنيهما اليتيم.",
     "وقال هوساكا إن الجيران شكروا الأختين لتبنيهما اليتيم.", "هوساكا"),
    # German sch written with س (Esch: إيس) accounts for إيس
    ("Johnson said that Erich Esch had left Bonn.",
     "وقال إن إريش إيس غادر بون.",
     "وقال إن إريش هوساكا غادر بون.", "هوساكا"),
]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
@pytest.mark.parametrize(("en", "correct", "swapped", "stranger"), CORRECT_AND_SWAPPED,
                         ids=["verbal-noun", "article-word", "dual-pronoun", "german-sch"])
def test_a_correct_rendering_is_quiet_and_a_swap_beside_it_found(
        en: str, correct: str, swapped: str, stranger: str, src_lang: str) -> None:
    assert _pair(en, correct, src_lang) == []
    found = _pair(en, swapped, src_lang)
    assert [f.evidence["arabic"].text for f in found] == [stranger]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_a_title_alone_is_no_name_to_look_for(src_lang: str) -> None:
    # NER tags "Master" a person; إمارة (principality) is no name that replaced it
    en = 'The emperor made Drogo "Duke and Master of Tarvisia" in 1047.'
    assert _pair(en, 'جعل الإمبراطور دروغو "دوق وسيد تارفيزيا" في 1047.', src_lang) == []
    found = _pair(en, 'جعل الإمبراطور هوساكا "دوق وسيد تارفيزيا" في 1047.', src_lang)
    assert [f.evidence["arabic"].text for f in found] == ["هوساكا"]


def test_derived_verbal_nouns_and_dual_pronouns() -> None:
    assert [w for w in ("استلزام", "اجتماع", "اضطراب", "تشغيل") if not is_masdar(w)] == []
    # a name's vowels never fit a root's consonants (Stanley, Istanbul, Chile, Taysir)
    assert [w for w in ("استانلي", "اسطنبول", "تشيلي", "تيسير", "ترامب") if is_masdar(w)] == []
    assert has_pronoun_suffix("لتبنيهما") and not has_pronoun_suffix("ويلهم")


def test_german_sch_and_french_aux_readings() -> None:
    assert {"YS", "YŠ"} <= set(english_readings("Esch"))  # sh kept
    assert find_name_in_arabic("Caux", "بيي دو كو") is not None
    assert find_name_in_arabic("Caux", "بيي دو ماري") is None


@pytest.mark.parametrize(("a", "b", "same"), [
    ("نورمان", "نورماني", True), ("نيوكاسل لا", "نيوكاسل", True),
    ("كارول", "كاري", False), ("نورمان", "نورمين", False),
])
def test_a_nisba_and_a_negation_particle_are_no_second_spelling(
        a: str, b: str, same: bool) -> None:
    assert _same_form(a, b) is same and _same_form(b, a) is same


EN = ["The Normans reached Sicily in 1061.", "Norman knights held the island for a century.",
      "Newcastle grew around the bridge.", "Newcastle did not have a cathedral then."]


@pytest.mark.parametrize("ar_first", [False, True])
def test_a_people_and_its_nisba_and_a_swept_particle_are_one_form(ar_first: bool) -> None:
    ar = ["وصل النورمان إلى صقلية عام 1061.", "حكم الفرسان النورمانيون الجزيرة قرنا.",
          "نمت نيوكاسل حول الجسر.", "نيوكاسل لم تكن فيها كاتدرائية آنذاك."]
    assert _run(EN, ar, ar_first) == []
    ar[3] = "نيوكاصل لم تكن فيها كاتدرائية آنذاك."  # a second spelling is still reported
    assert ["Newcastle" in f.message for f in _run(EN, ar, ar_first)] == [True]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_a_word_ner_took_for_a_name_and_the_arabic_translates_is_not_blamed(
        src_lang: str) -> None:
    # NER tags "Tomb" a person; مقبرة translates it, so the swap is blamed on the real name
    en = ("In the 1980 serial, Tomb of the Sea Kings, when Clara Pemberton doubts the Doctor,"
          " he smiles.")
    head = 'في سلسلة عام 1980، "مقبرة ملوك البحر"، عندما تشك '
    assert _pair(en, head + "كلارا بيمبرتون في الدكتور، يبتسم.", src_lang) == []
    found = _pair(en, head + "هوساكا في الدكتور، يبتسم.", src_lang)
    assert [(f.evidence["entity"].text, f.evidence["arabic"].text) for f in found] == [
        ("Clara Pemberton", "هوساكا")]
