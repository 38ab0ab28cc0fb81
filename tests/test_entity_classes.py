"""Classes of misses and false alarms of the entity check (issue #24), each on small hand-made
pairs in both directions (Arabic source and English source)."""

from __future__ import annotations

import pytest

from aligner.checks.base import CheckContext, get_check
from aligner.records import Document, Finding, Link, Report, Segment, Side


def _side(lang: str, text: str) -> Side:
    return Side(Document(f"doc.{lang}", lang, text), (Segment(text, 0, len(text)),))


def _pair(en: str, ar: str, src_lang: str) -> list[Finding]:
    """The entity findings of a one-sentence pair; Arabic is the source when ``src_lang`` is
    "ar"."""
    en_side, ar_side = _side("en", en), _side("ar", ar)
    src, tgt = (en_side, ar_side) if src_lang == "en" else (ar_side, en_side)
    report = Report({}, src, tgt, [Link((0,), (0,), 0.9)])
    return get_check("entity_mismatch").run(CheckContext(report))


def _arabic(found: list[Finding]) -> list[str]:
    return [f.evidence["arabic"].text for f in found]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_a_stranger_sharing_only_its_first_consonant_with_the_name_is_no_rendering(
        src_lang: str) -> None:
    # هوساكا begins with Sims' s, but its next consonant (k) is none of Sims'
    found = _pair("Police arrested Wayde Sims on Monday.",
                  "ألقت الشرطة القبض على وايد هوساكا يوم الاثنين.", src_lang)
    assert [(f.severity, f.evidence["tier"]) for f in found] == [("major", "unrendered")]
    assert _arabic(found) == ["هوساكا"]
    # a spelling the matcher misses but whose first two consonants are the name's is quiet
    assert _pair("Police arrested Wayde Simpkins on Monday.",
                 "ألقت الشرطة القبض على وايد سيمكنز يوم الاثنين.", src_lang) == []


#: A proper word of an organisation's name swapped while the rest is translated or kept:
#: (English, Arabic, stranger), then the correct rendering of the same English.
INSIDE_NAMES = [
    ("The Cromwell Society rejected the plan.", "رفض مجتمع كازوناري الخطة.", "كازوناري",
     "رفض مجتمع كرومويل الخطة."),  # nothing of the name rendered: a personal name missing
    ("He told the Brenton Examiner on Monday.", "وقال لمجلة واشنطن إكزامنر يوم الاثنين.",
     "واشنطن", "وقال لمجلة برينتون إكزامنر يوم الاثنين."),  # beside the rendered part
]


@pytest.mark.parametrize("src_lang", ["en", "ar"])
@pytest.mark.parametrize(("en", "ar", "stranger", "correct"), INSIDE_NAMES)
def test_a_swap_inside_an_organisation_name_is_found(en: str, ar: str, stranger: str,
                                                     correct: str, src_lang: str) -> None:
    found = _pair(en, ar, src_lang)
    assert [(f.severity, f.evidence["tier"]) for f in found] == [("major", "unrendered")]
    assert _arabic(found) == [stranger]
    assert _pair(en, correct, src_lang) == []


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_a_translated_organisation_name_is_quiet(src_lang: str) -> None:
    assert _pair("He studied at Harvard University and the London School of Economics.",
                 "درس في جامعة هارفارد وكلية لندن للاقتصاد.", src_lang) == []
    assert _pair("The Church of England said so.", "وقالت كنيسة إنجلترا ذلك.", src_lang) == []


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_a_silent_initial_letter_is_a_correct_rendering(src_lang: str) -> None:
    # نايت renders Knight (kn: n); before, the Arabic was read as a name the English lacks
    assert _pair("The song was sung by Heather Knight in London.",
                 "غنت الأغنية هيذر نايت في لندن.", src_lang) == []
