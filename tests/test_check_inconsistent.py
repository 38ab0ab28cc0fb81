"""inconsistent_entity: forms that are not spellings (a nisba, a proclitic, vowel marks, the name
left in Latin letters) are one form; a second spelling is still reported. Both directions."""

from __future__ import annotations

import pytest

from aligner.checks.base import CheckContext, get_check
from aligner.checks.entity.inconsistent import _same_form
from aligner.records import Document, Finding, Link, Report, Segment, Side


def _side(lang: str, lines: list[str]) -> Side:
    segs: list[Segment] = []
    pos = 0
    for line in lines:
        segs.append(Segment(line, pos, pos + len(line), paragraph=len(segs)))
        pos += len(line) + 2
    return Side(Document(f"doc.{lang}", lang, "\n\n".join(lines)), tuple(segs))


def _run(en: list[str], ar: list[str], ar_first: bool) -> list[Finding]:
    src, tgt = (_side("ar", ar), _side("en", en)) if ar_first else \
        (_side("en", en), _side("ar", ar))
    report = Report({}, src, tgt, [Link((i,), (i,), 0.9) for i in range(len(en))])
    return get_check("inconsistent_entity").run(CheckContext(report))


EN = ["Mongolia held elections on Sunday.", "Voters in Mongolia chose a new parliament.",
      "Officials in Mongolia counted the votes."]


@pytest.mark.parametrize("second", [
    "صوت الناخبون في بمنغوليا لاختيار برلمان جديد.",  # a proclitic left on
    "صوت الناخبون في مَنْغُولِيَا لاختيار برلمان جديد.",  # vowel marks
    "صوت الناخبون في Mongolia لاختيار برلمان جديد.",  # Latin letters
    "صوت الناخبون المنغوليون لاختيار برلمان جديد.",  # a nisba: Mongolian voters
])
@pytest.mark.parametrize("ar_first", [False, True])
def test_forms_that_are_not_spellings_are_one_form(second: str, ar_first: bool) -> None:
    ar = ["أجرت منغوليا انتخابات يوم الأحد.", second, "أحصى المسؤولون في منغوليا الأصوات."]
    assert _run(EN, ar, ar_first) == []


@pytest.mark.parametrize("ar_first", [False, True])
def test_a_second_spelling_is_still_reported(ar_first: bool) -> None:
    ar = ["أجرت منغوليا انتخابات يوم الأحد.", "صوت الناخبون في منغولية لاختيار برلمان جديد.",
          "أحصى المسؤولون في مونغوليا الأصوات."]
    (f,) = _run(EN, ar, ar_first)
    assert f.severity == "minor" and "Mongolia" in f.message and "مونغوليا" in f.message


@pytest.mark.parametrize(("a", "b", "same"), [
    ("منغوليا", "منغولي", True), ("نيوزيلندا", "نيوزيلندي", True), ("ببولونيا", "بولونيا", True),
    ("للوثر", "لوثر", True), ("بيونغيانغ", "بيونغ يانغ", False), ("فيغاس", "فيجاس", False),
    ("ليفينغستون", "ليفينجستون", False), ("ارسطو علي", "ارسطو", True),
    ("في", "من", False),
])
def test_same_form(a: str, b: str, same: bool) -> None:
    assert _same_form(a, b) is same and _same_form(b, a) is same
