"""Name swaps the entity check missed (issue #24, recall pass), each class on hand-made pairs
in both directions (Arabic source and English source), with the correct translation quiet."""

from __future__ import annotations

import pytest
from entity_helpers import doc_findings

from aligner.checks.entity import EntityParams
from aligner.checks.entity.explain import Explainers
from aligner.records import Finding

_doc = doc_findings


def _arabic(found: list[Finding]) -> list[str]:
    return [f.evidence["arabic"].text for f in found]


#: A part of a person's name changed beside another rendering of its kept part: the name's
#: first word written twice (two people share it), or its surname written once in the Arabic
#: where the English writes it twice. (English, Arabic, stranger, the correct Arabic.)
BESIDE_ANOTHER_MENTION = [
    ("The striker Oliver Brandt fouled the keeper and the referee Oliver Dunmore sent him off.",
     "ارتكب المهاجم أوليفر براندت خطأ على الحارس فطرده الحكم أوليفر زيلبيرو.", "زيلبيرو",
     "ارتكب المهاجم أوليفر براندت خطأ على الحارس فطرده الحكم أوليفر دنمور."),
    ("The deal Helen Marsh signed last year was praised, and Marsh said she was proud.",
     "أشيد بالاتفاق الذي وقعته هيلين كوفاريو العام الماضي، وقالت مارش إنها فخورة.", "كوفاريو",
     "أشيد بالاتفاق الذي وقعته هيلين مارش العام الماضي، وقالت مارش إنها فخورة."),
]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
@pytest.mark.parametrize(("en", "ar", "stranger", "correct"), BESIDE_ANOTHER_MENTION)
def test_a_stranger_beside_another_mention_of_the_kept_part_is_found(
        en: str, ar: str, stranger: str, correct: str, src_lang: str) -> None:
    found = _doc([en], [ar], src_lang)
    assert [(f.severity, f.evidence["tier"]) for f in found] == [("major", "unrendered")]
    assert _arabic(found) == [stranger]
    assert _doc([en], [correct], src_lang) == []


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_a_surname_the_arabic_writes_once_for_two_english_mentions_needs_a_stranger(
        src_lang: str) -> None:
    # the Arabic gives the second mention as a pronoun: nothing stands in a name's place
    en = "The deal Helen Marsh signed last year was praised, and Marsh said she was proud."
    assert _doc([en], ["أشيد بالاتفاق الذي وقعته هيلين مارش العام الماضي، وقالت إنها فخورة."],
                src_lang) == []


#: A name changed in the English while the Arabic keeps the original: the English word is on
#: no list and in no dictionary; the Arabic name is a place of the exonym table, a place the
#: lexicon glosses, or a foreign name of the lists. (English, Arabic, the kept name, the
#: English with the original name.)
KEPT_IN_THE_ARABIC = [
    ("The court ruling was welcomed by Velbrandt on Tuesday.",
     "رحبت مدريد بحكم المحكمة يوم الثلاثاء.", "مدريد",
     "The court ruling was welcomed by Madrid on Tuesday."),
    ("The minister met officials from Quorvask last week.",
     "التقى الوزير مسؤولين من روسيا الأسبوع الماضي.", "روسيا",
     "The minister met officials from Russia last week."),
    ("The new coach is Drelanko, the club announced.",
     "أعلن النادي أن المدرب الجديد هو والتون.", "والتون",
     "The new coach is Walton, the club announced."),
]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
@pytest.mark.parametrize(("en", "ar", "kept", "original"), KEPT_IN_THE_ARABIC)
def test_a_name_no_list_knows_against_a_known_name_the_arabic_keeps_is_found(
        en: str, ar: str, kept: str, original: str, src_lang: str) -> None:
    found = _doc([en], [ar], src_lang)
    assert [(f.severity, f.evidence["tier"]) for f in found] == [("major", "unrendered")]
    assert _arabic(found) == [kept]
    assert _doc([original], [ar], src_lang) == []


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_a_kept_name_the_english_accounts_for_is_quiet(src_lang: str) -> None:
    # the English has Russia's adjective: روسيا is accounted for, whatever Quorvask is
    assert _doc(["Quorvask met Russian officials last week."],
                ["التقى مسؤولين من روسيا الأسبوع الماضي."], src_lang) == []
    # a dictionary word (Post) dropped from the Arabic is no changed name
    assert _doc(["The Evening Post covered the court ruling on Tuesday."],
                ["غطت الصحيفة حكم المحكمة يوم الثلاثاء في مدريد."], src_lang) == []


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_a_two_consonant_word_is_no_short_form_of_a_longer_name(src_lang: str) -> None:
    # سونا shares only s and n with Singapore, which the Arabic does not render: no rendering
    # of it, so it stands in for the changed given name
    found = _doc(["Trade minister Mike Pompeo visited Singapore in May."],
                 ["زار وزير التجارة سونا بومبيو في مايو."], src_lang)
    assert _arabic(found) == ["سونا"]
    assert _doc(["Trade minister Mike Pompeo visited Singapore in May."],
                ["زار وزير التجارة مايك بومبيو سنغافورة في مايو."], src_lang) == []


def test_what_a_short_form_accounts_for() -> None:
    p = EntityParams()
    assert Explainers("Fans in Naples cheered.", "هتف المشجعون في نابولي", p)("نابولي")
    assert not Explainers("Fans in Singapore cheered.", "هتف المشجعون سونا", p)("سونا")
    # a pair whose first word is rendered accounts for no word sharing only its consonants
    assert not Explainers("Kanye West sang.", "غنى كاني أكونو", p)("أكونو")


#: A person's lone surname that NER reads as a place (West), changed in the Arabic: the
#: Arabic of the second or third sentence has a stranger where the surname should be.
SURNAME_AS_PLACE_EN = ["The rapper Kanye West released a new album on Friday.",
                       "It is unclear if Rock was trying to mock West with the posting.",
                       "Later, West has said the album was personal."]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
@pytest.mark.parametrize("changed", [1, 2])
def test_a_lone_surname_ner_reads_as_a_place_is_the_person(changed: int, src_lang: str) -> None:
    ar = ["أصدر مغني الراب كاني ويست ألبومًا جديدًا يوم الجمعة.",
          "ليس من الواضح ما إذا كان روك يحاول السخرية من ويست في المنشور.",
          "وقال ويست لاحقًا إن الألبوم شخصي."]
    assert _doc(SURNAME_AS_PLACE_EN, ar, src_lang) == []
    ar[changed] = ar[changed].replace("ويست", "فالديروس")
    found = _doc(SURNAME_AS_PLACE_EN, ar, src_lang)
    assert [(f.src if src_lang == "en" else f.tgt, f.severity, f.evidence["arabic"].text)
            for f in found] == [((changed,), "major", "فالديروس")]


#: An English-side swap beside a word the matcher cannot look for alone (Ng): (English,
#: Arabic, the English with the original name).
KEPT_BESIDE = [
    ("Analysts at Delanko Ng said prices would rise.",
     "قال محللون في شركة تيفاني إنج إن الأسعار سترتفع.",
     "Analysts at Tiffany Ng said prices would rise."),
]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
@pytest.mark.parametrize(("en", "ar", "original"), KEPT_BESIDE)
def test_a_kept_name_is_found_beside_a_short_word(en: str, ar: str, original: str,
                                                            src_lang: str) -> None:
    found = _doc([en], [ar], src_lang)
    assert [(f.severity, f.evidence["arabic"].text) for f in found] == [("major", "تيفاني")]
    assert _doc([original], [ar], src_lang) == []


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_other_unrendered_capitals_or_a_saint_keep_the_kept_name_rule_quiet(
        src_lang: str) -> None:
    # a headline's capitals: which of them the Arabic name renders is unclear
    assert _doc(["Delanko Embarked on a Bitter Diatribe After the Show."],
                ["شرع والتون في خطاب لاذع بعد البرنامج."], src_lang) == []
    # the title word of a name the English abbreviates (St.) is no kept name
    assert _doc(["The Huguenot sailor charted the St. Clair River in 1562."],
                ["رسم البحار البروتستانتي خريطة نهر سانت كلير عام 1562."], src_lang) == []


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_a_one_word_name_of_one_strong_consonant_is_read_by_the_lower_tier(
        src_lang: str) -> None:
    # Yuan has one strong consonant (n): too few to look for a short form, still a name
    en = "The shop did not belong to Yuan or his cousin."
    found = _doc([en], ["لم يكن المتجر ملك بيرنوفا أو ابن عمه."], src_lang)
    assert [(f.severity, f.evidence["arabic"].text) for f in found] == [("major", "بيرنوفا")]
    assert _doc([en], ["لم يكن المتجر ملك يوان أو ابن عمه."], src_lang) == []
