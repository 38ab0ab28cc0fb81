"""Recasing of lines in capitals for NER."""

from __future__ import annotations

import pytest

from aligner.truecase import document_casing, is_shouting, recase


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


def test_words_take_the_documents_casing_and_unknown_ones_are_lower_case() -> None:
    doc = ["SYRIA'S ASSAD MEETS PUTIN IN MOSCOW, SAYS SANA",
           "Bashar al-Assad flew to Moscow, where he met Vladimir Putin.",
           "Assad's visit was reported by SANA on Tuesday."]
    casing = document_casing(doc)
    assert "syria" not in casing  # only in the headline
    assert casing["sana"] == "SANA" and casing["moscow"] == "Moscow"
    assert "assad's" not in casing and casing["assad"] == "Assad"
    assert recase(doc[0], casing) == "Syria's Assad meets Putin in Moscow, says SANA"


def test_recasing_keeps_every_offset() -> None:
    text = "İSTANBUL’DA ZİRVE: ERDOĞAN MEETS BIDEN"  # İ lower-cases to two characters
    out = recase(text, {"biden": "Biden"})
    assert len(out) == len(text)
    assert out.endswith("meets Biden") and "İ" in out
