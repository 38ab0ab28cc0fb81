"""Name swaps the entity check missed (issue #24, second recall pass): a one-word name the
English writes more times than the Arabic renders, and a name beside a translated capitalised
word; each on hand-made pairs in both directions, with the correct translation quiet."""

from __future__ import annotations

import pytest
from test_entity_recall import _arabic, _doc

#: A one-word name written twice in the English, one mention swapped in the Arabic:
#: (English, Arabic with a stranger, the stranger, the correct Arabic, a pronoun instead).
FEWER_MENTIONS = [
    ("The talks between Brennan and Carlisle ended, and police said Brennan left early.",
     "انتهت المحادثات بين فالكوريو وكارلايل، وقالت الشرطة إن برينان غادر مبكرًا.", "فالكوريو",
     "انتهت المحادثات بين برينان وكارلايل، وقالت الشرطة إن برينان غادر مبكرًا.",
     "انتهت المحادثات بين برينان وكارلايل، وقالت الشرطة إنه غادر مبكرًا."),
    ("The team of Ostrander beat the visitors, and Ostrander thanked the fans.",
     "تغلب فريق أوستراندر على الضيوف، وشكر زيلبيرو المشجعين.", "زيلبيرو",
     "تغلب فريق أوستراندر على الضيوف، وشكر أوستراندر المشجعين.",
     "تغلب فريق أوستراندر على الضيوف، وشكر المشجعين."),
]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
@pytest.mark.parametrize(("en", "ar", "stranger", "correct", "pronoun"), FEWER_MENTIONS)
def test_a_stranger_for_one_mention_of_a_name_written_twice_is_found(
        en: str, ar: str, stranger: str, correct: str, pronoun: str, src_lang: str) -> None:
    found = _doc([en], [ar], src_lang)
    assert [(f.severity, f.evidence["tier"]) for f in found] == [("major", "unrendered")]
    assert _arabic(found) == [stranger]
    assert _doc([en], [correct], src_lang) == []
    # a pronoun for the second mention leaves no stranger: nothing to report
    assert _doc([en], [pronoun], src_lang) == []


#: Hurricane Rosa swapped where the English also leaves a translated name unrendered
#: (Desert Southwest, tagged in the first sentence: جنوب غرب): Rosa is the name swapped.
TRANSLATED_BESIDE = (
    ["Hurricane Rosa formed off Mexico on Sunday and heads for the U.S. Desert Southwest.",
     "Towns across the Desert Southwest await Hurricane Rosa's rains this week."],
    ["تشكل إعصار روزا قبالة المكسيك يوم الأحد ويتجه نحو جنوب غرب الولايات المتحدة الصحراوي.",
     "تنتظر البلدات في أنحاء الجنوب الغربي الصحراوي أمطار إعصار زيلبيرو هذا الأسبوع."],
    "تنتظر البلدات في أنحاء الجنوب الغربي الصحراوي أمطار إعصار روزا هذا الأسبوع.",
)


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_a_personal_name_beside_a_translated_capitalised_word_is_the_one_swapped(
        src_lang: str) -> None:
    en, ar, correct = TRANSLATED_BESIDE
    found = _doc(en, ar, src_lang)
    assert [(f.severity, f.evidence["entity"].text) for f in found] == [("major", "Rosa")]
    assert _arabic(found) == ["زيلبيرو"]
    assert _doc(en, [ar[0], correct], src_lang) == []


#: A sentence's opening capitals before a reporting verb are its speaker, a name NER missed
#: (only Peebles tagged): (English, Arabic with a stranger for the surname, the correct).
SPEAKERS = [
    ("Robyn Tallis of Peebles said: \"Credit to Kelso, they kicked better than we did.\"",
     "قال روبن أوستريكو مدرب فريق بيبلز: \"الفضل يعود لكيلسو، لقد ركلوا أفضل منا\".",
     "قال روبن تاليس مدرب فريق بيبلز: \"الفضل يعود لكيلسو، لقد ركلوا أفضل منا\"."),
    ("Robyn Tallis of Peebles said the pitch was heavy after the rain.",
     "قال روبن أوستريكو من بيبلز إن الملعب كان ثقيلًا بعد المطر.",
     "قال روبن تاليس من بيبلز إن الملعب كان ثقيلًا بعد المطر."),
]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
@pytest.mark.parametrize(("en", "ar", "correct"), SPEAKERS)
def test_the_speaker_opening_a_sentence_is_a_name(
        en: str, ar: str, correct: str, src_lang: str) -> None:
    found = _doc([en], [ar], src_lang)
    assert [(f.severity, f.evidence["entity"].text) for f in found] == [("major", "Tallis")]
    assert _arabic(found) == ["أوستريكو"]
    assert _doc([en], [correct], src_lang) == []
