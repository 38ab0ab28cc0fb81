"""Unseen names rendered correctly (issue #24, bench_renames.py): spellings English hides
(au, a vowel's gh, long u) and a person's name NER runs into the next lower-case word; each
on hand-made pairs in both directions, a swapped name still found."""

from __future__ import annotations

import pytest
from entity_helpers import doc_findings

from aligner.arabic.names import find_name_in_arabic
from aligner.ner import Entity, _entities
from aligner.ner_cache import Mention

#: (English name, its usual Arabic spelling): au is o, gh after a vowel silent or h, a long u
#: after the first consonant yu.
SOUNDED = [("Maugham", "موم"), ("Vaughan", "فون"), ("Keough", "كيو"), ("Hume", "هيوم"),
           ("Hugh", "هيو"), ("Haughton", "هوتون"), ("Baughey", "بوهي")]


@pytest.mark.parametrize(("en", "ar"), SOUNDED)
def test_hidden_spellings_are_read_as_they_sound(en: str, ar: str) -> None:
    m = find_name_in_arabic(en, f"قال {ar} إن الاجتماع انتهى")
    assert m is not None and m.text == ar


@pytest.mark.parametrize(("en", "ar"), [("Hume", "هامر"), ("Vaughan", "فوزي"),
                                        ("Hugh", "هاي"), ("Maugham", "مامي")])
def test_other_names_still_differ(en: str, ar: str) -> None:
    assert find_name_in_arabic(en, f"قال {ar} إن الاجتماع انتهى") is None


def test_a_persons_name_ends_at_its_last_capitalised_word() -> None:
    text = "said Maughan on the website"
    tokens: tuple[tuple[str, bool, int], ...] = (("NNP", False, 7), ("IN", False, 2))
    assert _entities([Mention("PERSON", 5, 15, tokens)], text) == [
        Entity("Maughan", "PERSON", 5, 12)]
    text = "Vincent van Gogh painted it"
    tokens = (("NNP", False, 7), ("NNP", False, 3), ("NNP", False, 4))
    assert _entities([Mention("PERSON", 0, 16, tokens)], text)[0].text == "Vincent van Gogh"
    text = "met Ayham al-Ali there"
    tokens = (("NNP", False, 5), ("NNP", False, 6))
    assert _entities([Mention("PERSON", 4, 16, tokens)], text)[0].text == "Ayham al-Ali"
    # only a person's: an organisation may end in a lower-case word
    text = "Friends of the Earth said"
    tokens = (("NNPS", False, 7), ("IN", False, 2), ("DT", False, 3), ("NNP", False, 5))
    assert _entities([Mention("ORG", 0, 20, tokens)], text)[0].text == "Friends of the Earth"


# spaCy's small model reads this name as "Haughey on"
EN = "\"We lost,\" said Haughey on the Celtics' website."
AR_RIGHT = "قال هوهي على موقع سلتكس: \"لقد خسرنا\"."
AR_SWAPPED = "قال فيتزمورين على موقع سلتكس: \"لقد خسرنا\"."


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_a_name_run_into_the_next_word_and_spelled_as_it_sounds_is_quiet(src_lang: str) -> None:
    assert doc_findings([EN], [AR_RIGHT], src_lang) == []
    found = doc_findings([EN], [AR_SWAPPED], src_lang)
    assert [f.evidence["entity"].text for f in found] == ["Haughey"]
    assert [f.evidence["arabic"].text for f in found] == ["فيتزمورين"]


#: An all-caps acronym written out in full, a word for each letter (SNL: Saturday Night
#: Live), here beside a headline's name NER runs on into a capitalised verb.
ACRONYM_EN = "{} Embarked on a Tirade, Wearing a Red Cap, After the SNL Finale."
ACRONYM_AR = "شرع {} في خطاب غاضب، مرتديًا قبعة حمراء، بعد الحلقة الأخيرة من ساترداي نايت لايف"


@pytest.mark.parametrize("src_lang", ["en", "ar"])
@pytest.mark.parametrize(("en", "ar"), [("Jalen Brooker", "جالين بروكر"),
                                        ("Lena Marwick", "لينا ماروك")])
def test_an_acronym_written_out_in_full_accounts_for_its_words(en: str, ar: str,
                                                               src_lang: str) -> None:
    assert doc_findings([ACRONYM_EN.format(en)], [ACRONYM_AR.format(ar)], src_lang) == []
    swapped = ACRONYM_AR.format(ar.split()[0] + " هوكسلي")
    found = doc_findings([ACRONYM_EN.format(en)], [swapped], src_lang)
    assert [f.evidence["arabic"].text for f in found] == ["هوكسلي"]
