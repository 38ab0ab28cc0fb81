"""Recasing of lines in capitals or in headline style for NER."""

from __future__ import annotations

import pytest

from aligner.truecase import document_casing, is_shouting, is_title_case, recase

COMMON = frozenset({"meet", "in", "for", "talk", "say", "visit", "chief", "the", "report", "strike",
                    "base"})


@pytest.mark.parametrize(("text", "shouting"), [
    ("SYRIA'S ASSAD MEETS PUTIN IN MOSCOW", True),
    ("McDONALD'S OPENS 20 NEW RESTAURANTS IN CAIRO", True),
    ("Assad meets Putin in Moscow", False),
    ("UN and NATO", False),  # acronyms in an ordinary sentence
    ("NATO 2024", False),  # too short to be a headline in capitals
    ("الأسد يلتقي بوتين في موسكو", False),  # Arabic has no case
    ("BREAKING: الأسد يلتقي بوتين", False),
])
def test_lines_in_capitals(text: str, shouting: bool) -> None:
    assert is_shouting(text) is shouting


@pytest.mark.parametrize(("text", "title"), [
    ("Killer Pig Mauls Chinese Farmer to Death", True),
    ("Indonesia Tsunami and Quake Devastate an Island, Killing Hundreds", True),
    ("Watch: Manchester City's Sergio Aguero navigates through entire Brighton defense", False),
    ("Hurricane Rosa's remnants to bring widespread heavy rain to southwest US", False),
    ("Welsh AMs worried", False),  # too few words to tell
    ("SYRIA'S ASSAD MEETS PUTIN IN MOSCOW", False),  # capitals, not headline style
])
def test_lines_in_headline_style(text: str, title: bool) -> None:
    assert is_title_case(text) is title


def test_words_take_the_documents_casing() -> None:
    doc = ["SYRIA'S ASSAD MEETS PUTIN IN MOSCOW, SAYS SANA",
           "Bashar al-Assad flew to Moscow, where he met Vladimir Putin.",
           "Assad's visit was reported by SANA on Tuesday."]
    casing = document_casing(doc)
    assert "syria" not in casing  # only in the headline
    assert casing["sana"] == "SANA" and casing["moscow"] == "Moscow"
    assert "assad's" not in casing and casing["assad"] == "Assad"
    assert recase(doc[0], casing, COMMON) == "Syria's Assad meets Putin in Moscow, says SANA"


def test_other_words_are_lower_case_when_common_and_capitalised_when_not() -> None:
    # meets and says inflect common words; Guterres and Beirut are not common words
    assert recase("UN CHIEF GUTERRES SAYS HE WILL VISIT BEIRUT", {}, COMMON) == \
        "Un chief Guterres says He Will visit Beirut"
    assert recase("Assad Meets Putin for Talks", {}, COMMON) == "Assad meets Putin for talks"


def test_recasing_keeps_every_offset() -> None:
    text = "İSTANBUL’DA ZİRVE: ERDOĞAN MEETS BIDEN"  # İ lower-cases to two characters
    out = recase(text, {"biden": "Biden"}, COMMON)
    assert len(out) == len(text)
    assert out.endswith("meets Biden") and "İ" in out


def test_headline_style_keeps_lower_case_words_and_acronyms() -> None:
    line = "Waleed Abu al-Khair Reports US Strikes on McDonald Base"
    assert recase(line, {}, COMMON) == "Waleed Abu al-Khair reports US strikes on McDonald base"
