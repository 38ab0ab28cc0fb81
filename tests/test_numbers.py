"""Number extraction: every spelling of a number must come out as the same value, with its span."""

from __future__ import annotations

import dataclasses

import pytest

from aligner.arabic.numbers import NumberMention, extract_numbers


def one(text: str, lang: str) -> NumberMention:
    found = extract_numbers(text, lang)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start:m.end] == m.text
    return m


def values(text: str, lang: str) -> list[tuple[float, ...]]:
    return [m.values for m in extract_numbers(text, lang)]


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("1500", "en", 1500), ("١٥٠٠", "ar", 1500), ("۱۵۰۰", "ar", 1500),
    ("1,500", "en", 1500), ("١٬٥٠٠", "ar", 1500), ("3.5", "en", 3.5), ("٣٫٥", "ar", 3.5),
    ("2,5", "ar", 2.5), ("1,234,567.5", "en", 1234567.5),
])
def test_digits_in_every_script_and_separator(text: str, lang: str, value: float) -> None:
    assert one(f"x {text} y", lang).value == value


@pytest.mark.parametrize(("text", "lang"), [("5%", "en"), ("٪5", "ar"), ("5٪", "ar"),
                                            ("5 per cent", "en"), ("5 percent", "en"),
                                            ("5 بالمائة", "ar"), ("5 في المئة", "ar"),
                                            ("5في المائة", "ar"), ("خمسة بالمئة", "ar")])
def test_percent(text: str, lang: str) -> None:
    m = one(text, lang)
    assert (m.kind, m.value, m.text) == ("percent", 5, text)


@pytest.mark.parametrize(("text", "lang", "value", "unit"), [
    ("$390", "en", 390, "USD"), ("390 دولارًا", "ar", 390, "USD"),
    ("200,000 Syrian pounds", "en", 200000, "SYP"), ("200 ألف ليرة سورية", "ar", 200000, "SYP"),
    ("£2.8bn", "en", 2.8e9, "GBP"), ("£125m", "en", 125e6, "GBP"),
    ("£11million", "en", 11e6, "GBP"), ("2 مليار دولار", "ar", 2e9, "USD"),
])
def test_currency(text: str, lang: str, value: float, unit: str) -> None:
    m = one(text, lang)
    assert (m.kind, m.value, m.unit) == ("currency", value, unit)


@pytest.mark.parametrize(("text", "lang", "unit"), [("300 km", "en", "km"), ("300 كم", "ar", "km"),
                                                    ("300 kg", "en", "kg"), ("300 كغ", "ar", "kg"),
                                                    ("300 miles", "en", "mi"),
                                                    ("300 ميلاً", "ar", "mi")])
def test_units(text: str, lang: str, unit: str) -> None:
    m = one(text, lang)
    assert (m.value, m.unit) == (300, unit)


@pytest.mark.parametrize(("text", "lang"), [
    ("1.5 million", "en"), ("1.5 مليون", "ar"), ("مليون ونصف", "ar"), ("١٫٥ مليون", "ar"),
    ("1,500,000", "en"),
])
def test_scale_words(text: str, lang: str) -> None:
    assert one(text, lang).value == 1_500_000


@pytest.mark.parametrize(("text", "value"), [
    ("zero", 0), ("seven", 7), ("nineteen", 19), ("twenty", 20), ("twenty-five", 25),
    ("three hundred", 300), ("three hundred and twelve", 312), ("a hundred", 100),
    ("a thousand", 1000), ("2 million", 2e6), ("two million", 2e6), ("four billion", 4e9),
    ("ninety-nine thousand", 99000),
])
def test_english_number_words(text: str, value: float) -> None:
    m = one(f"about {text} people", "en")
    assert m.value == value


@pytest.mark.parametrize(("text", "value"), [
    ("واحد", 1), ("واحدة", 1), ("اثنان", 2), ("اثنين", 2), ("اثنتين", 2), ("ثلاثة", 3),
    ("ثلاث", 3), ("عشرة", 10), ("عشر", 10), ("أحد عشر", 11), ("اثنا عشر", 12),
    ("خمسة عشر", 15), ("عشرون", 20), ("عشرين", 20), ("خمسة وعشرون", 25), ("مئة", 100),
    ("مائة", 100), ("ثلاثمائة", 300), ("ثلاث مئة", 300), ("مئة وخمسة وعشرون", 125),
    ("ألف", 1000), ("ثلاثة آلاف", 3000), ("ثلاثة آلاف وخمسمائة", 3500),
    ("خمسة وعشرون ألفًا", 25000), ("مليون", 1e6), ("ثلاثة ملايين", 3e6), ("مليار", 1e9),
    ("ألفين", 2000), ("ألفان", 2000), ("مليونين", 2e6), ("مئتين", 200), ("مائتين", 200),
    ("ألفين وعشرين", 2020), ("ثلاثًا", 3),
])
def test_arabic_number_words(text: str, value: float) -> None:
    m = one(f"قال {text} شخص", "ar")
    assert (m.value, m.spelled) == (value, True)


def test_arabic_clitics_are_stripped() -> None:
    assert values("وثلاثة وبخمسة ولعشرة", "ar") == [(3,), (5,), (10,)]


def test_arabic_words_that_only_look_like_numbers() -> None:
    assert extract_numbers("يوم الاثنين", "ar") == []  # Monday
    assert extract_numbers("لست أدري", "ar") == []  # "I don't know", not ل + ست
    assert extract_numbers("أثنى على الرئيس", "ar") == []  # praised, not اثنا
    assert extract_numbers("في كانون الثاني", "ar") == []  # a month, not "the second"


def test_arabic_conjoined_numbers_stay_apart() -> None:
    assert values("ثلاثة وأربعة", "ar") == [(3,), (4,)]
    assert values("ثلاثة آلاف وخمسة آلاف", "ar") == [(3000,), (5000,)]


@pytest.mark.parametrize(("text", "unit"), [("يومين", "day"), ("شهرين", "month"),
                                            ("عامين", "year"), ("مرتين", None)])
def test_dual_nouns_are_two(text: str, unit: str | None) -> None:
    m = one(f"منذ {text}", "ar")
    assert (m.value, m.unit, m.weak) == (2, unit, True)


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("first", "en", 1), ("second", "en", 2), ("forty-seventh", "en", 47), ("47th", "en", 47),
    ("21st", "en", 21), ("الأول", "ar", 1), ("الأولى", "ar", 1), ("الثاني", "ar", 2),
    ("الـ47", "ar", 47), ("الحادي عشر", "ar", 11), ("الرابعة والثلاثين", "ar", 34),
    ("التاسع عشر", "ar", 19),
])
def test_ordinals(text: str, lang: str, value: float) -> None:
    m = one(f"the {text} time" if lang == "en" else f"المرة {text}", lang)
    assert (m.kind, m.value) == ("ordinal", value)


def test_small_spelled_numbers_are_weak() -> None:
    assert one("the first time", "en").weak
    assert one("one of them", "en").weak
    assert not one("three of them", "en").weak
    assert not one("47th", "en").weak


@pytest.mark.parametrize(("text", "lang"), [
    ("dozens", "en"), ("a dozen", "en"), ("several", "en"), ("hundreds", "en"),
    ("tens of thousands", "en"), ("a few", "en"), ("عشرات", "ar"), ("عشرات الآلاف", "ar"),
    ("مئات", "ar"), ("آلاف", "ar"), ("بضعة", "ar"), ("عدة", "ar"),
])
def test_vague_quantities(text: str, lang: str) -> None:
    m = one(text, lang)
    assert m.kind == "vague"
    assert m.values[0] < m.values[1]


def test_vague_ranges_nest() -> None:
    (m,) = extract_numbers("tens of thousands", "en")
    assert m.values == (1e4, 1e5)


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("in 2020", "en", 2020), ("عام 2020م", "ar", 2020), ("عام ٢٠٢٠", "ar", 2020),
    ("in 1990", "en", 1990),
])
def test_years(text: str, lang: str, value: float) -> None:
    m = one(text, lang)
    assert (m.kind, m.value) == ("year", value)


def test_year_ranges() -> None:
    (m,) = extract_numbers("the 1950-53 war", "en")
    assert (m.kind, m.values) == ("year", (1950, 1953))


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("the 1930s", "en", 1930), ("the eighties", "en", 80),
    ("ثلاثينيات القرن العشرين", "ar", 1930), ("ثمانينيات القرن الماضي", "ar", 1980),
])
def test_decades(text: str, lang: str, value: float) -> None:
    m = one(text, lang)
    assert (m.kind, m.value) == ("decade", value)


@pytest.mark.parametrize(("text", "lang", "day", "month"), [
    ("February 9", "en", 9, 2), ("9 February", "en", 9, 2), ("Oct. 2", "en", 2, 10),
    ("30th September", "en", 30, 9), ("the 30th of September", "en", 30, 9),
    ("9 شباط", "ar", 9, 2), ("9 فبراير", "ar", 9, 2), ("30 من سبتمبر", "ar", 30, 9),
    ("1 كانون الثاني", "ar", 1, 1), ("٣ تشرين الأول", "ar", 3, 10),
])
def test_dates(text: str, lang: str, day: int, month: int) -> None:
    m = extract_numbers(text, lang)[0]
    assert (m.kind, m.value, m.unit) == ("date", day, f"month={month}")


def test_date_then_year() -> None:
    found = extract_numbers("on Oct. 2, 1968, troops", "en")
    assert [(m.kind, m.value) for m in found] == [("date", 2), ("year", 1968)]


@pytest.mark.parametrize(("text", "lang", "value", "unit"), [
    ("at 7 a.m.", "en", 7, "+0"), ("at 12:55 p.m.", "en", 12.55, "+12"), ("at 2pm", "en", 2, "+12"),
    ("الساعة 7 صباحًا", "ar", 7, "+0"), ("الساعة 4", "ar", 4, None), ("at 04:00 BST", "en", 4, None),
])
def test_times(text: str, lang: str, value: float, unit: str | None) -> None:
    m = one(text, lang)
    assert (m.kind, m.value, m.unit) == ("time", value, unit)


@pytest.mark.parametrize(("text", "lang", "kind", "vals"), [
    ("3 to 6 inches", "en", "cardinal", (3, 6)), ("3 إلى 6 بوصات", "ar", "cardinal", (3, 6)),
    ("between 30 and 43 percent", "en", "percent", (30, 43)),
    ("بين 30 و43 بالمائة", "ar", "percent", (30, 43)),
    ("between 2 and 3 million", "en", "cardinal", (2e6, 3e6)),
])
def test_ranges(text: str, lang: str, kind: str, vals: tuple[float, ...]) -> None:
    m = one(text, lang)
    assert (m.kind, m.values) == (kind, vals)


def test_scores_are_not_ranges() -> None:
    assert values("won 1-0", "en") == [(1,), (0,)]


def test_spans_point_into_the_text() -> None:
    text = "قال إن 200 ألف ليرة سورية (390 دولارًا) دُفعت في ٩ شباط ٢٠٢٠م لثلاثة أشخاص."
    found = extract_numbers(text, "ar")
    assert [m.text for m in found] == ["200 ألف ليرة", "390 دولارًا", "٩ شباط", "٢٠٢٠م",
                                       "لثلاثة"]
    for m in found:
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(("text", "lang", "bound"), [
    ("more than 800 dead", "en", "min"), ("over 3 million people", "en", "min"),
    ("at least five people", "en", "min"), ("أكثر من 800 حالة", "ar", "min"),
    ("لأكثر من 800 حالة", "ar", "min"), ("less than 40 percent", "en", "max"),
    ("fewer than ten people", "en", "max"), ("up to 400 females", "en", "max"),
    ("ما يصل إلى 400 من الإناث", "ar", "max"), ("أقل من 40 بالمائة", "ar", "max"),
    ("about 800 people", "en", None), ("حوالي 800 شخص", "ar", None), ("800 people", "en", None),
    ("Toll Soars Above 800", "en", "min"), ("children under 5", "en", "max"),
    ("below 3 percent", "en", "max"),
])
def test_bounds(text: str, lang: str, bound: str | None) -> None:
    assert one(text, lang).bound == bound


@pytest.mark.parametrize(("text", "fraction", "weak"), [
    ("2/3 of voters", "2/3", False), ("3/4 of the land", "3/4", False),
])
def test_digit_fractions(text: str, fraction: str, weak: bool) -> None:
    (m,) = [m for m in extract_numbers(text, "en") if m.kind == "fraction"]
    num, den = fraction.split("/")
    assert (m.value, m.weak, m.text) == (pytest.approx(int(num) / int(den)), weak, fraction)


@pytest.mark.parametrize(("text", "value", "whole"), [
    ("in 220 2/3 innings", 220 + 2 / 3, 220), ("4 ft 8 1\u20442 in", 8.5, 8),
    ("8 1/2 million", 8.5e6, 8e6),
])
def test_mixed_numbers_keep_their_whole_part_as_the_other_reading(
        text: str, value: float, whole: float) -> None:
    """A translation may round the fraction of a mixed number away (220 شوطًا)."""
    m = extract_numbers(text, "en")[-1]
    assert (m.value, m.alt) == (pytest.approx(value), pytest.approx(whole))


@pytest.mark.parametrize("text", ["on 9/11", "open 24/7", "on 1/2/2001"])
def test_slashes_that_are_not_fractions(text: str) -> None:
    assert all(m.kind != "fraction" for m in extract_numbers(text, "en"))


def test_arabic_indic_digits_read_exactly_as_western_digits() -> None:
    western = "ارتفع العدد إلى 1.5 مليون و25,2 بالمائة في 2018 من 300 ألف، 220 2/3، الساعة 7:30"
    indic = western.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert extract_numbers(indic, "ar") == [
        dataclasses.replace(m, text=indic[m.start:m.end]) for m in extract_numbers(western, "ar")]


@pytest.mark.parametrize(("text", "lang", "approx"), [
    ("about 40 people", "en", True), ("up to 400 females", "en", True),
    ("capacity rose to 110 billion", "en", False), ("يناهز عددهم 40 شخصًا", "ar", True),
    ("توفي عن عمر يناهز 37 عامًا", "ar", False),  # the set phrase for "died aged 37"
])
def test_hedges(text: str, lang: str, approx: bool) -> None:
    assert one(text, lang).approx == approx


@pytest.mark.parametrize(("text", "lang", "found"), [
    ("Pope Benedict XVI said", "en", [("XVI", 16, "ordinal", None, True)]),
    ("after World War II ended", "en", [("II", 2, "ordinal", None, True)]),
    ("The 9/11 attacks", "en", [("9/11", 11, "date", "month=9", False)]),
    ("هجمات 11/9", "ar", [("11/9", 11, "date", "month=9", False)]),  # day first in Arabic
    ("24/7 news", "en", [("24/7", 24, "cardinal", None, True)]),
    ("It hit 40C (104F).", "en", [("40C", 40, "cardinal", "degC", False),
                                  ("104F", 104, "cardinal", "degF", False)]),
    ("at 40°F or 5 degrees Celsius", "en", [("40°F", 40, "cardinal", "degF", False),
                                            ("5 degrees Celsius", 5, "cardinal", "degC", False)]),
    ("بلغت 40 درجة مئوية", "ar", [("40 درجة مئوية", 40, "cardinal", "degC", False)]),
    ("I went. IV drips", "en", []),
    ("a third of voters", "en", [("a third", 1 / 3, "fraction", None, True)]),
    ("three-quarters of them", "en", [("three-quarters", 0.75, "fraction", None, True)]),
    ("a third term", "en", [("third", 3, "ordinal", None, False)]),
])
def test_roman_numerals_slash_dates_and_temperatures(
        text: str, lang: str, found: list[tuple[str, float, str, str | None, bool]]) -> None:
    assert [(m.text, m.value, m.kind, m.unit, m.weak) for m in extract_numbers(text, lang)] == \
        found


@pytest.mark.parametrize(("text", "lang", "value", "alt"), [
    ("60،000", "ar", 60000, None), ("1،234،567", "ar", 1234567, None),
    ("١٥٬٠٠٠", "ar", 15000, None), ("15.000 دولار", "ar", 15000, 15),
    ("1.500 مليون", "ar", 1.5e6, 1.5e9), ("1.234.567", "en", 1234567, None),
    ("1.234.567", "ar", 1234567, None), ("3.500 seconds", "en", 3.5, 3500),
    ("3.5", "ar", 3.5, None), ("0.300", "ar", 0.3, None), ("2.25", "ar", 2.25, None),
])
def test_thousands_separators_where_groups_of_three_say_so(text: str, lang: str, value: float,
                                                            alt: float | None) -> None:
    m = one(text, lang)
    assert (m.value, m.alt) == (value, alt)


def test_arabic_comma_elsewhere_separates_numbers() -> None:
    assert values("الغرف 1، 2، 3 و5،6 و1،2345 و60،000، ثم", "ar") == [
        (1,), (2,), (3,), (5,), (6,), (1,), (2345,), (60000,)]


@pytest.mark.parametrize(("text", "lang", "value", "unit"), [
    ("ثلاث ملايين ونصف", "ar", 3.5e6, None), ("3 ملايين ونصف", "ar", 3.5e6, None),
    ("مليونين ونصف", "ar", 2.5e6, None), ("ألفين ونصف", "ar", 2500, None),
    ("مليون و200 ألف", "ar", 1.2e6, None), ("3 ملايين و500 ألف دولار", "ar", 3.5e6, "USD"),
    ("ألف و500", "ar", 1500, None), ("ملياران", "ar", 2e9, None), ("3 مليارات", "ar", 3e9, None),
    ("نصف مليون", "ar", 5e5, None), ("ثلاثة ونصف", "ar", 3.5, None),
    ("ثلاث سنوات ونصف", "ar", 3.5, "year"), ("3 سنوات ونصف", "ar", 3.5, "year"),
    ("عامين ونصف", "ar", 2.5, "year"), ("ساعة ونصف", "ar", 1.5, "hour"),
    ("three and a half million", "en", 3.5e6, None), ("a million and a half", "en", 1.5e6, None),
    ("two and a half years", "en", 2.5, "year"), ("three-and-a-half", "en", 3.5, None),
    ("half a million", "en", 5e5, None), ("a half-million dollars", "en", 5e5, "USD"),
    ("a quarter of a million", "en", 2.5e5, None),
])
def test_halves_and_multipliers(text: str, lang: str, value: float, unit: str | None) -> None:
    m = one(text, lang)
    assert (m.value, m.unit) == (value, unit)


def test_figures_joined_by_wa_stay_apart_without_a_multiplier() -> None:
    assert values("في 2019 و2020 قتل 300 و200 جريح", "ar") == [(2019,), (2020,), (300,), (200,)]
    assert values("half of them", "en") == [(0.5,)]


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("الثمانينات", "ar", 1980), ("ثمانينات القرن الماضي", "ar", 1980),
    ("الثمانينيات من القرن الماضي", "ar", 1980), ("التسعينات", "ar", 1990),
    ("in the late eighties", "en", 80), ("in her early seventies", "en", 70),
    ("the mid-eighties", "en", 80),
])
def test_more_decades(text: str, lang: str, value: float) -> None:
    m = one(text, lang)
    assert (m.kind, m.value) == ("decade", value)


def test_a_bare_decade_word_is_no_decade() -> None:
    assert extract_numbers("eighties music", "en") == []


@pytest.mark.parametrize(("text", "lang", "value", "weak"), [
    ("ثلاثية الأبعاد", "ar", 3, True), ("اتفاق ثنائي", "ar", 2, True),
    ("رباعية الدفع", "ar", 4, True), ("ثماني سنوات", "ar", 8, False),
    ("3D printing", "en", 3, True), ("3-D printing", "en", 3, True),
    ("three-dimensional", "en", 3, True), ("two-way talks", "en", 2, True),
    ("a three-year plan", "en", 3, False), ("3 days", "en", 3, False),
    ("a six-point lead", "en", 6, False),
    ("one-third of them", "en", 1 / 3, True),
])
def test_numbers_inside_compounds_are_weak(text: str, lang: str, value: float,
                                           weak: bool) -> None:
    m = one(text, lang)
    assert (m.value, m.weak) == (value, weak)


@pytest.mark.parametrize(("text", "lang", "value", "weak"), [
    ("Super Bowl XLIX", "en", 49, True), ("Type I diabetes", "en", 1, True),
    ("Phase II-III", "en", 3, True), ("Pope Benedict XVI", "en", 16, True),
    ("162 584 mln", "en", 162584e6, False), ("36 gigatons", "en", 36e9, False),
    ("$300+ billion", "en", 300e9, False), ("خمسة تريليونات", "ar", 5e12, False),
    ("عشرين ألفا", "ar", 20000, False), ("التسعينيات 1990", "ar", 1990, False),
    ("1940 من القرن العشرين", "ar", 1940, False), ("Thousand Oaks", "en", 1000, True),
])
def test_readings_of_clean_text(text: str, lang: str, value: float, weak: bool) -> None:
    m = extract_numbers(text, lang)[-1]
    assert (m.value, m.weak) == (pytest.approx(value), weak)


@pytest.mark.parametrize(("text", "lang"), [
    ("الإنترفيرون-ألفا", "ar"), ("ولد في ألستون", "ar"), ("الخُمسين من الأرض", "ar"),
    ("الجيل الألفي", "ar"),
])
def test_words_that_only_look_like_numbers(text: str, lang: str) -> None:
    assert extract_numbers(text, lang) == []


def test_digits_of_a_code_take_no_multiplier() -> None:
    """كوف-2 مليون: the 2 ends SARS-CoV-2, the million is the next figure's."""
    values = [m.value for m in extract_numbers("سارس-كوف-2 مليون إصابة", "ar")]
    assert values == [2, 1e6]


@pytest.mark.parametrize(("text", "values"), [
    ("كوفيد-19 إلى 29 مليون إصابة", [(19,), (29e6,)]),
    ("COVID-19 to 29 million cases", [(19,), (29e6,)]),
    ("بنسبة 99.999 %", [(99.999,)]),
])
def test_code_digits_start_no_range_and_a_percent_is_a_share(
        text: str, values: list[tuple[float, ...]]) -> None:
    lang = "en" if text.isascii() else "ar"
    assert [m.values for m in extract_numbers(text, lang)] == values


def test_a_memoised_parse_hands_out_its_own_list() -> None:
    text = "The bridge cost 40 million dollars and took 3 years."
    first = extract_numbers(text, "en")
    assert [m.values for m in first] == [(40e6,), (3.0,)]
    first.clear()  # a caller may change its list: the next caller still gets every mention
    again = extract_numbers(text, "en")
    assert [m.values for m in again] == [(40e6,), (3.0,)] and again is not first
