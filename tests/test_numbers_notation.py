"""number_mismatch on clean text (issue #24): figures copied as written, numbers carried by a
word or a fraction with a pronoun, Roman numerals hyphened to a word, area conversions, and a
verb that only looks like a multiplier are no findings, in either direction; changes still are."""

from __future__ import annotations

import pytest
from test_check_numbers import findings

from aligner.numbers import extract_numbers


@pytest.mark.parametrize(("en", "ar"), [
    # the same digit string on both sides, read with a thousands comma in English and a
    # decimal comma in Arabic
    ("The alphabet is the set {0,1} here.", "الأبجدية هنا هي المجموعة {0,1}."),
    ("See panel 2,5 of the chart.", "انظر اللوحة 2,5 من المخطط."),
    # a Roman numeral hyphened to its word
    ("Both type-I and type-II cells grew.", "نمت خلايا النوع 1 والنوع 2."),
    # nouns carrying a count
    ("Nausea is common in the first trimester.", "الغثيان شائع في الأشهر الثلاثة الأولى."),
    ("The town grew for a decade.", "نمت البلدة لمدة عشر سنوات."),
    # a fraction with an attached pronoun, and a count before a plural denominator
    ("Almost three-quarters of the crew left.", "غادر نحو ثلاثة أرباعهم من الطاقم."),
    # a possessive title that begins with a number word
    ("She loved Seven's Journey and other shows.", "أحبت مسلسل سفنز جورني وعروضًا أخرى."),
    # a parenthetical area conversion kept on one side only
    ("The park covers 5,000 square kilometres (1,900 sq mi) of forest.",
     "تغطي الحديقة 5,000 كيلومتر مربع من الغابات."),
    # a dual noun after a preposition: بنقطتين = by two points
    ("They won by 2 points.", "فازوا بنقطتين."),
    # ألّف (he wrote) with its shadda is no thousand
    ("In May he wrote his second book.", "ألّف في مايو كتابه الثاني."),
])
@pytest.mark.parametrize("ar_first", [False, True])
def test_quiet_on_clean_notation(en: str, ar: str, ar_first: bool) -> None:
    assert findings(en, ar, ar_first=ar_first) == []


@pytest.mark.parametrize(("en", "ar", "message"), [
    ("The alphabet is the set {0,1} here.", "الأبجدية هنا هي المجموعة {0,2}.",
     "number 1 in src, 0.2 in tgt"),
    ("Both type-I and type-II cells grew.", "نمت خلايا النوع 1 والنوع 3.",
     "number 3 in tgt, missing in src"),
    ("The park covers 5,000 square kilometres of forest.",
     "تغطي الحديقة 6,000 كيلومتر مربع من الغابات.", "number 5000 in src, 6000 in tgt"),
])
def test_changed_figures_are_still_found(en: str, ar: str, message: str) -> None:
    (f,) = findings(en, ar)
    assert f.message == message


def test_multiplier_readings() -> None:
    """ألف is a thousand without a shadda; a pronoun comes off a fraction only."""
    assert [m.values for m in extract_numbers("ألف كتاب", "ar")] == [(1000.0,)]
    assert extract_numbers("ألّف كتابًا", "ar") == []
    assert [m.values for m in extract_numbers("قتل ربعهم", "ar")] == [(0.25,)]
    assert [m.kind for m in extract_numbers("ثلاثة أرباع", "ar")] == ["fraction"]


def test_area_units_convert() -> None:
    """An area in square miles may face the same area in square kilometres."""
    assert findings("It covers 100 sq mi.", "تغطي 259 كيلومترا مربعا.") == []
    assert len(findings("It covers 100 sq mi.", "تغطي 400 كيلومترا مربعا.")) == 1


@pytest.mark.parametrize("ar_first", [False, True])
def test_a_conversion_on_both_sides_is_compared(ar_first: bool) -> None:
    """Excused when only one side converts, a bracketed conversion that both sides give must
    state the same figure."""
    en = "The basin covers 7,000 square kilometres (2,700 sq mi)."
    assert findings(en, "يغطي الحوض 7,000 كيلومتر مربع (2,700 ميل مربع).", ar_first) == []
    (f,) = findings(en, "يغطي الحوض 7,000 كيلومتر مربع (2.70 ميل مربع).", ar_first)
    assert f.severity == "critical" and {f.evidence["src_value"], f.evidence["tgt_value"]} == \
        {2700.0, 2.7}
