"""number_mismatch: fires on changed or dropped figures, never on a figure spelled differently."""

from __future__ import annotations

import pytest
from conftest import make_side

from aligner.checks.base import CheckContext, check_names, get_check
from aligner.checks.number_mismatch import NumberParams
from aligner.checks.params import CheckParams
from aligner.records import Finding, Link, Report, Span


def report(pairs: list[tuple[str, str]], links: list[Link] | None = None,
           ar_first: bool = False) -> Report:
    en = make_side("en.txt", "en", ["Intro line."] + [e for e, _ in pairs])
    ar = make_side("ar.txt", "ar", ["سطر تمهيدي."] + [a for _, a in pairs])
    links = links or [Link((i,), (i,), 0.9) for i in range(len(pairs) + 1)]
    return Report(signature={}, src=ar if ar_first else en, tgt=en if ar_first else ar,
                  links=links)


def findings(en: str, ar: str, ar_first: bool = False) -> list[Finding]:
    rep = report([(en, ar)], ar_first=ar_first)
    found = get_check("number_mismatch").run(CheckContext(rep))
    for f in found:
        assert f.kind == "number_mismatch"
        for side in ("src", "tgt"):
            doc = (rep.src if side == "src" else rep.tgt).document.text
            for span in f.evidence.get(side, []):
                assert isinstance(span, Span) and span.side == side
                assert doc[span.start:span.end] == span.text  # document offsets
    return found


def test_registered() -> None:
    assert "number_mismatch" in check_names()


@pytest.mark.parametrize(("en", "ar"), [
    ("Comment Policy * Denotes Required Field 1500 / 1500",
     "سياسة ديارنا بشأن التعليقات * معلومات ضرورية 1500 / 1500"),
    ("0 Comment(s)", "0 تعليق"),
    ("He was paid 200,000 Syrian pounds ($390) a month.",
     "وكان يتقاضى 200 ألف ليرة سورية (390 دولارًا) شهريًا."),
    ("The law dates from 2020.", "يعود القانون إلى عام ٢٠٢٠."),
    ("They found 1,500 cars.", "عثروا على 1500 سيارة."),
    ("Turnout was 5%.", "بلغت نسبة المشاركة ٪5."),
    ("Turnout was 40 per cent.", "بلغت نسبة المشاركة 40 بالمائة."),
    ("Three people died.", "توفي ثلاثة أشخاص."),
    ("Dozens of people gathered.", "تجمع عشرات الأشخاص."),
    ("Dozens of people gathered.", "تجمع 40 شخصًا."),
    ("About 1.5 million people live there.", "يعيش هناك مليون ونصف شخص."),
    ("The deal was worth £11million.", "بلغت قيمة الصفقة 11 مليون جنيه إسترليني."),
    ("The coast 300 km (190 miles) north of Palu.", "الساحل على بعد 300 كم شمال بالو."),
    ("Waves as high as 20 feet hit the shore.", "ضربت أمواج بارتفاع 6 أمتار الشاطئ."),
    ("He left two years ago.", "غادر قبل عامين."),
    ("The attack occurred just before 7 a.m.", "ووقع الهجوم قبل الساعة 7 صباحًا."),
    ("It happened on February 9.", "حدث ذلك في 9 شباط."),
    ("It was the 47th attack.", "كان الهجوم الـ47."),
    ("It was the first time since the 1930s.", "كانت المرة الأولى منذ ثلاثينيات القرن العشرين."),
    ("In the 19th century.", "في القرن التاسع عشر."),
    ("Between 30 and 43 percent of voters.", "ما بين 30 و43 بالمائة من الناخبين."),
    ("The 1950-53 Korean war.", "الحرب الكورية من 1950 وحتى 1953."),
    ("They have 76,000 hectares.", "لديهم 76.000 هكتار."),
    ("It needs 50 percent plus one vote.", "يجب أن تكون أكثر من النصف بصوت واحد."),
    ("They found 1\u00a0500 cars.", "عثروا على 1500 سيارة."),  # digit groups set apart by a
    ("They found 1\u202f500 cars.", "عثروا على ١٬٥٠٠ سيارة."),  # no-break, narrow no-break
    ("They found 1,500 cars.", "عثروا على 1\u2009500 سيارة."),  # or thin space
])
def test_quiet_on_rewritten_numbers(en: str, ar: str) -> None:
    assert findings(en, ar) == []


def test_changed_number_is_critical_with_both_spans() -> None:
    (f,) = findings("Comment Policy 1500 / 1500", "سياسة التعليقات 1500 / 1200")
    assert (f.severity, f.missing_in) == ("critical", None)
    assert f.message == "number 1500 in src, 1200 in tgt"
    assert [s.text for s in f.evidence["src"]] == ["1500"]
    assert [s.text for s in f.evidence["tgt"]] == ["1200"]
    assert (f.src, f.tgt) == ((1,), (1,))
    assert f.confidence >= 0.8


@pytest.mark.parametrize(("en", "ar", "message"), [
    ("He paid $390.", "دفع 490 دولارًا.", "number 390 in src, 490 in tgt"),
    ("Five people died.", "توفي ستة أشخاص.", "number 5 in src, 6 in tgt"),
    ("Turnout was 40%.", "بلغت نسبة المشاركة ٤٥٪.", "number 40 in src, 45 in tgt"),
    ("About 1.5 million people.", "نحو 1.2 مليون شخص.", "number 1500000 in src, 1200000 in tgt"),
    ("It happened on February 9.", "حدث ذلك في 9 آذار.",
     "number 9 (month 2) in src, 9 (month 3) in tgt"),
    ("They found 1\u00a0500 cars.", "عثروا على 1200 سيارة.", "number 1500 in src, 1200 in tgt"),
])
def test_changed_numbers(en: str, ar: str, message: str) -> None:
    (f,) = findings(en, ar)
    assert (f.severity, f.message) == ("critical", message)


def test_plain_space_is_no_digit_group_separator() -> None:
    """"On May 5 200 people" are two figures: only typeset spaces join digit groups."""
    assert findings("On May 5 200 people marched.", "في 5 أيار سار 200 شخص.") == []


def test_dropped_number_is_major_and_names_the_lacking_side() -> None:
    (f,) = findings("Police arrested 32 people on Friday.", "اعتقلت الشرطة أشخاصًا يوم الجمعة.")
    assert (f.severity, f.missing_in) == ("major", "tgt")
    assert f.message == "number 32 in src, missing in tgt"
    assert [s.text for s in f.evidence["src"]] == ["32"]
    assert f.evidence["tgt"] == []


def test_added_spelled_number_is_minor() -> None:
    (f,) = findings("People died.", "توفي سبعة أشخاص.")
    assert (f.severity, f.missing_in) == ("minor", "src")


def test_weak_numbers_are_not_reported_when_absent() -> None:
    assert findings("The two countries met for the first time.", "التقى البلدان.") == []


def test_multi_segment_link_maps_offsets_into_each_segment() -> None:
    rep = report([("He paid $390.", "دفع 390 دولارًا"), ("It took 3 days.", "واستغرق ذلك 4 أيام.")],
                 links=[Link((0,), (0,), 0.9), Link((1, 2), (1, 2), 0.9)])
    (f,) = get_check("number_mismatch").run(CheckContext(rep))
    assert f.message == "number 3 in src, 4 in tgt"
    (src,), (tgt,) = f.evidence["src"], f.evidence["tgt"]
    assert (src.segment, tgt.segment) == (2, 2)
    assert rep.src.document.text[src.start:src.end] == "3 days"
    assert rep.tgt.document.text[tgt.start:tgt.end] == "4 أيام"


def test_null_links_are_skipped() -> None:
    rep = report([("It took 3 days.", "استغرق ذلك 4 أيام.")],
                 links=[Link((0,), (0,), 0.9), Link((1,), (), 0.0), Link((), (1,), 0.0)])
    assert get_check("number_mismatch").run(CheckContext(rep)) == []


@pytest.mark.parametrize(("en", "ar"), [
    ("About 812 people died.", "توفي أكثر من 800 شخص."),
    ("More than 800 died.", "توفي أكثر من 800 شخص."),
    ("About 797 people died.", "توفي نحو 800 شخص."),
    ("He has 300 strikeouts in 220 2/3 innings.", "سجل 300 رمية ناجحة في 220 شوطًا."),
    ("Two thirds, 2/3, of voters.", "ثلثا الناخبين."),
    ("He has visited three times already this year.",
     "زاربومبيوكورياالشماليةثلاثمراتمسبقًاهذاالعام."),
])
def test_quiet_on_consistent_bounds_fractions_and_unreadable_words(en: str, ar: str) -> None:
    assert findings(en, ar) == []


@pytest.mark.parametrize(("en", "ar", "message"), [
    ("Toll soars above 797.", "ارتفاع عدد الوفيات لأكثر من 800 حالة.",
     "number 797 in src, 800 in tgt"),
    ("Less than 40 percent voted.", "صوّت 42 بالمائة.", "number 40 in src, 42 in tgt"),
    ("Less than 40 percent voted.", "صوّت أقل من 38 بالمائة.", "number 40 in src, 38 in tgt"),
    ("It could kill up to 398 females.", "قد يقتل ما يصل إلى 400 من الإناث.",
     "number 398 in src, 400 in tgt"),
    ("Toll soars above 800.", "ارتفاع عدد الوفيات لأكثر من 790 حالة.",
     "number 800 in src, 790 in tgt"),
    ("He died in 2011 aged 37.", "توفي عام 2011 عن عمر يناهز 40 عامًا.",
     "number 37 in src, 40 in tgt"),
    ("It doubles capacity to 110 billion cubic meters.",
     "يضاعف الطاقة إلى 111 مليار متر مكعب.", "number 110000000000 in src, 111000000000 in tgt"),
])
def test_bound_does_not_round_against_its_direction(en: str, ar: str, message: str) -> None:
    (f,) = findings(en, ar)
    assert (f.severity, f.message) == ("critical", message)


def test_digits_in_glued_text_are_still_checked() -> None:
    (f,) = findings("He visited 3 times this year.", "زاربومبيوكورياالشمالية4مراتمسبقًاهذاالعام.")
    assert f.message == "number 3 in src, 4 in tgt"


def test_small_number_may_hide_in_glued_words() -> None:
    # "الثانٍالذي": a tanwin inside a word shows two words ran together, the ordinal unreadable.
    assert findings("The Nord Stream 2 pipeline cost $11 billion.",
                    "خط أنابيب نورد ستريم الثانٍالذي تبلغ تكلفته 11 مليار دولار.") == []
    (f,) = findings("The Nord Stream 2 pipeline cost $11 billion.",
                    "خط أنابيب نورد ستريم الثاني تبلغ تكلفته 12 مليار دولار.")
    assert f.message == "number 11000000000 in src, 12000000000 in tgt"


@pytest.mark.parametrize(("en", "ar"), [
    ("The temperature hit 40C (104F).", "بلغت درجة الحرارة 40 درجة مئوية."),
    ("Pope Benedict XVI resigned.", "استقال البابا بنديكت السادس عشر."),
    ("Pope Benedict XVI resigned.", "استقال البابا بنديكت."),
    ("The 9/11 attacks", "هجمات 11 سبتمبر"),
    ("24/7 coverage", "تغطية على مدار الساعة"),
    ("A third of voters stayed home.", "بقي 33 بالمئة من الناخبين في منازلهم."),
    ("A third of voters stayed home.", "بقي ثلث الناخبين في منازلهم."),
    ("Two thirds of voters stayed home.", "بقي ثلثا الناخبين في منازلهم."),
])
def test_quiet_on_conversions_regnal_numbers_and_slash_dates(en: str, ar: str) -> None:
    assert findings(en, ar) == []


def test_changed_slash_date_is_reported() -> None:
    (f,) = findings("The 9/11 attacks", "هجمات 12 سبتمبر")
    assert f.message == "number 11 (month 9) in src, 12 (month 9) in tgt"


def test_tuned_numbers_are_parameters_recorded_in_the_signature() -> None:
    """1,150 rendered as a hedged 1,000 (15% apart) is a change at the default rounding
    tolerance (10%) and a rounding at 20%; the tolerance is part of the report signature."""
    rep = report([("1,150 people came.", "جاء حوالي 1,000 شخص.")])
    check = get_check("number_mismatch")
    (f,) = check.run(CheckContext(rep))
    assert f.severity == "critical"
    assert f.confidence == pytest.approx(NumberParams().changed_confidence
                                         - NumberParams().hedged_penalty)
    lenient = CheckParams().with_(NumberParams(rounding_tolerance=0.2))
    assert check.run(CheckContext(rep, params=lenient)) == []
    assert CheckParams().to_json()["number_mismatch.rounding_tolerance"] == 0.1
    assert lenient.to_json()["number_mismatch.rounding_tolerance"] == 0.2


def both_ways(en: str, ar: str) -> list[list[Finding]]:
    """The findings with the English as the source, then with the Arabic as the source."""
    return [findings(en, ar), findings(en, ar, ar_first=True)]


def changed_both_ways(en: str, ar: str) -> list[tuple[str, float, float]]:
    """(severity, English value, Arabic value) of the one finding of the pair, with the English
    as the source, then with the Arabic as the source."""
    out = []
    for ar_first in (False, True):
        (f,) = findings(en, ar, ar_first)
        en_side, ar_side = ("tgt", "src") if ar_first else ("src", "tgt")
        out.append((f.severity, f.evidence[f"{en_side}_value"], f.evidence[f"{ar_side}_value"]))
    return out


@pytest.mark.parametrize(("en", "ar"), [
    ("The attack killed 60,000 people and wounded 30,000.", "قتل الهجوم 60،000 شخص وجرح 30،000."),
    ("He paid $15,000.", "دفع 15.000 دولار."),
    ("The economy grew 3.5 percent.", "نما الاقتصاد 3.5 بالمائة."),
    ("Its population is 1,234,567.", "يبلغ عدد سكانها 1.234.567 نسمة."),
    ("It weighs 1.250 kilograms.", "يزن 1.25 كيلوغرام."),
    ("Rooms 1, 2 and 3 were closed.", "أغلقت الغرف 1، 2 و3."),
])
def test_arabic_comma_and_dot_between_groups_of_three(en: str, ar: str) -> None:
    assert both_ways(en, ar) == [[], []]


@pytest.mark.parametrize(("en", "ar", "values"), [
    ("The attack killed 60,000 people.", "قتل الهجوم 50،000 شخص.", (60000, 50000)),
    ("He paid $15,000.", "دفع 16.000 دولار.", (15000, 16000)),
    ("He paid $15,000.", "دفع 15.5 دولار.", (15000, 15.5)),
])
def test_changed_numbers_with_arabic_separators(en: str, ar: str,
                                                values: tuple[float, float]) -> None:
    assert changed_both_ways(en, ar) == [("critical", *values)] * 2


@pytest.mark.parametrize(("en", "ar"), [
    ("Three and a half million people live there.", "يعيش هناك ثلاث ملايين ونصف شخص."),
    ("3.5 million people live there.", "يعيش هناك ثلاثة ملايين ونصف شخص."),
    ("3.5 million people live there.", "يعيش هناك 3 ملايين و500 ألف شخص."),
    ("1.2 million people live there.", "يعيش هناك مليون و200 ألف شخص."),
    ("Two thousand people came.", "جاء ألفين شخص."),
    ("It cost two billion dollars.", "كلف ملياران من الدولارات."),
    ("It cost $2.5 billion.", "كلف مليارين ونصف دولار."),
    ("Five thousand people came.", "جاء 5 آلاف شخص."),
    ("Half a million people came.", "جاء 500 ألف شخص."),
    ("500,000 people came.", "جاء نصف مليون شخص."),
    ("A quarter of a million people came.", "جاء 250 ألف شخص."),
    ("He served three and a half years.", "قضى ثلاث سنوات ونصف."),
    ("He served 2.5 years.", "قضى عامين ونصف."),
    ("The meeting lasted 1.5 hours.", "استمر الاجتماع ساعة ونصف."),
    ("Several million people came.", "جاء عدة ملايين من الناس."),
    ("A few hundred people came.", "جاء 300 شخص."),
])
def test_scale_words_and_halves(en: str, ar: str) -> None:
    assert both_ways(en, ar) == [[], []]


@pytest.mark.parametrize(("en", "ar", "values"), [
    ("Three and a half million people live there.", "يعيش هناك ثلاث ملايين شخص.",
     (3.5e6, 3e6)),
    ("3.5 million people live there.", "يعيش هناك 3 ملايين و600 ألف شخص.", (3.5e6, 3.6e6)),
    ("Half a million people came.", "جاء 600 ألف شخص.", (5e5, 6e5)),
    ("He served three and a half years.", "قضى أربع سنوات ونصف.", (3.5, 4.5)),
    ("It cost two billion dollars.", "كلف ثلاثة مليارات دولار.", (2e9, 3e9)),
])
def test_changed_numbers_with_scale_words(en: str, ar: str, values: tuple[float, float]) -> None:
    assert changed_both_ways(en, ar) == [("critical", *values)] * 2


@pytest.mark.parametrize(("en", "ar"), [
    ("It has been popular since the 1980s.", "كانت شائعة منذ الثمانينات."),
    ("It has been popular since the '80s.", "كانت شائعة منذ الثمانينيات."),
    ("It has been popular since the ’80s.", "كانت شائعة منذ الثمانينات."),
    ("It has been popular since the 1980s.", "كانت شائعة منذ ثمانينيات القرن الماضي."),
    ("It has been popular since the 1980s.", "كانت شائعة منذ الثمانينيات من القرن الماضي."),
    ("It was built in the late nineties.", "بني في أواخر التسعينات."),
    ("She is in her early seventies.", "هي في أوائل السبعينيات من عمرها."),
    ("He is in his eighties.", "هو في الثمانين من عمره."),
])
def test_decades(en: str, ar: str) -> None:
    assert both_ways(en, ar) == [[], []]


@pytest.mark.parametrize(("en", "ar", "values"), [
    ("It has been popular since the 1980s.", "كانت شائعة منذ السبعينات.", (1980, 1970)),
    ("It has been popular since the '80s.", "كانت شائعة منذ التسعينات.", (80, 1990)),
])
def test_changed_decades(en: str, ar: str, values: tuple[float, float]) -> None:
    assert changed_both_ways(en, ar) == [("critical", *values)] * 2


@pytest.mark.parametrize(("en", "ar"), [
    ("They use 3D printing.", "يستخدمون الطباعة ثلاثية الأبعاد."),
    ("They use 3-D printing.", "يستخدمون الطباعة ثلاثية الأبعاد."),
    ("They use three-dimensional printing.", "يستخدمون الطباعة ثلاثية الأبعاد."),
    ("They use three-dimensional printing.", "يستخدمون الطباعة المجسمة."),
    ("The two signed a bilateral agreement.", "وقع البلدان اتفاقا ثنائيا."),
    ("The duo announced a new series.", "أعلن الثنائي عن سلسلة جديدة."),
    ("He drove a four-wheel drive.", "قاد سيارة رباعية الدفع."),
    ("They held two-way talks.", "أجروا محادثات مباشرة."),
    ("They stayed in a five-star hotel.", "أقاموا في فندق خمس نجوم."),
    ("They had a six-point lead.", "كان لديهم تقدم بفارق ست نقاط."),
    ("One-third of voters stayed home.", "بقي ثلث الناخبين في منازلهم."),
])
def test_numbers_inside_compounds_are_no_counts(en: str, ar: str) -> None:
    assert both_ways(en, ar) == [[], []]


@pytest.mark.parametrize(("en", "ar", "values"), [
    ("They printed 30 guns.", "طبعوا 40 مسدسًا بالطباعة ثلاثية الأبعاد.", (30, 40)),
    ("A three-year plan.", "خطة مدتها أربع سنوات.", (3, 4)),
    ("They had a six-point lead.", "كان لديهم تقدم بفارق سبع نقاط.", (6, 7)),
])
def test_counts_beside_compounds_are_still_compared(en: str, ar: str,
                                                    values: tuple[float, float]) -> None:
    assert changed_both_ways(en, ar) == [("critical", *values)] * 2


@pytest.mark.parametrize(("en", "ar"), [
    ("About 2,000 people came.", "جاء نحو ألفي شخص."),
    ("About 2,000 people came.", "جاء زهاء 2000 شخص."),
    ("Some 2,000 people came.", "جاء حوالي 2000 شخص."),
])
def test_same_approximate_quantity_is_quiet(en: str, ar: str) -> None:
    assert both_ways(en, ar) == [[], []]


def test_a_translation_may_round_a_figure_but_not_add_digits() -> None:
    """The target rounds and hedges the source's figure: quiet; the target is more precise than
    the source's approximate figure: a change, whichever language is the source."""
    en_rounds = findings("About 2,000 people came.", "جاء حوالي 2,005 شخص.", ar_first=True)
    ar_rounds = findings("About 2,005 people came.", "جاء حوالي 2,000 شخص.")
    assert en_rounds == ar_rounds == []
    (ar_adds,) = findings("About 2,000 people came.", "جاء حوالي 2,005 شخص.")
    (en_adds,) = findings("About 2,005 people came.", "جاء حوالي 2,000 شخص.", ar_first=True)
    assert (ar_adds.severity, ar_adds.message) == ("critical", "number 2000 in src, 2005 in tgt")
    assert (en_adds.severity, en_adds.message) == ("critical", "number 2000 in src, 2005 in tgt")


@pytest.mark.parametrize(("en", "ar"), [
    ("Call the helpline on 116123.", "اتصل بخط المساعدة على 116 123."),
    ("Call the helpline on 116 123.", "اتصل بخط المساعدة على 116123."),
    ("Call +44 20 7946 0958.", "اتصل على 00442079460958."),
    ("Call 0800 555 111.", "اتصل على الرقم 111 555 0800."),
    ("Call 0800 555 111.", "اتصل على الرقم 0800555111."),
])
def test_digit_groups_of_one_identifier(en: str, ar: str) -> None:
    assert both_ways(en, ar) == [[], []]


@pytest.mark.parametrize(("en", "ar"), [
    ("Call the helpline on 116123.", "اتصل بخط المساعدة على 116 124."),
    ("Call +44 20 7946 0958.", "اتصل على 00442079460959."),
])
def test_changed_identifier_is_critical(en: str, ar: str) -> None:
    for found in both_ways(en, ar):
        assert found and found[0].severity == "critical"


def test_short_digit_groups_are_separate_numbers() -> None:
    """"5 200" has too few digits for an identifier: a day and a count, not 5200."""
    for found in both_ways("On May 5 200 people marched.", "في 5 أيار سار 5200 شخص."):
        assert [f.severity for f in found] == ["critical"]


@pytest.mark.parametrize(("en", "ar"), [
    ("COVID-19 spread quickly.", "انتشر فيروس كورونا بسرعة."),
    ("The coronavirus spread quickly.", "انتشر كوفيد-19 بسرعة."),
    ("Flight MH17 was shot down.", "أسقطت طائرة الرحلة الماليزية."),
    ("The 5G network is new.", "شبكة الجيل الخامس جديدة."),
])
def test_digits_of_a_name_or_code_may_be_left_out(en: str, ar: str) -> None:
    assert both_ways(en, ar) == [[], []]


@pytest.mark.parametrize(("en", "ar", "values"), [
    ("The F-16 crashed.", "تحطمت طائرة إف-15.", (16, 15)),
    ("Flight MH17 was shot down.", "أسقطت الرحلة MH18.", (17, 18)),
])
def test_changed_digits_of_a_code_are_reported(en: str, ar: str,
                                               values: tuple[float, float]) -> None:
    assert changed_both_ways(en, ar) == [("critical", *values)] * 2


# Readings that made false alarms on clean translations (issue #24's hand-read classes).
@pytest.mark.parametrize(("en", "ar"), [
    ("Interferon alpha was given.", "أعطي الإنترفيرون-ألفا."),
    ("Alphacoronaviruses infect bats.", "تصيب فيروسات كورونا ألفا الخفافيش."),
    ("The millennial generation votes.", "يصوت الجيل الألفي."),
    ("Super Bowl XLIX was held in 2015.", "أقيم سوبر بول 49 في عام 2015."),
    ("The Phase II-III trial began.", "بدأت تجربة المرحلة الثانية والثالثة."),
    ("Type I diabetes is common.", "السكري من النوع 1 شائع."),
    ("Angiotensin I is converted to angiotensin II.",
     "يتحول الأنجيوتنسين 1 إلى الأنجيوتنسين 2."),
    ("He was born in Allston.", "ولد في ألستون."),
    ("She lives in Thousand Oaks.", "تعيش في ثاوزند أوكس."),
    ("Two fifths of the land.", "الخُمسين من الأرض."),
    ("In the 1990s, prices rose.", "في التسعينيات 1990، ارتفعت الأسعار."),
    ("In the 1940s, prices rose.", "في 1940 من القرن العشرين، ارتفعت الأسعار."),
    ("In the 1880s, prices rose.", "في 1880 من القرن التاسع عشر، ارتفعت الأسعار."),
    ("Emissions reached 36 gigatons.", "بلغت الانبعاثات 36 مليار طن."),
    ("Revenue was 162 584 mln EUR.", "بلغت الإيرادات 162,584 مليون يورو."),
    ("The code is 162 584.", "الرمز هو 162,584."),
    ("The cost is five trillion dollars.", "تبلغ التكلفة خمسة تريليونات دولار."),
    ("They spent $300+ billion.", "أنفقوا أكثر من 300 مليار دولار."),
    ("SARS-CoV-2 has infected millions.", "أصاب سارس-كوف-2 ملايين الأشخاص."),
    ("The first ten patients recovered.", "تعافى أول عشر مرضى."),
    ("It was built in 1038–40.", "بني في 1038 - 40."),
    ("The gauge is 4 ft 8 1⁄2 in.", "المقياس 4 أقدام و8 إنشات ونصف."),
    ("The gauge is 8 1/2 inches.", "المقياس 8 إنشات ونصف."),
])
def test_quiet_on_clean_renderings(en: str, ar: str) -> None:
    assert both_ways(en, ar) == [[], []]


@pytest.mark.parametrize(("en", "ar", "values"), [
    ("He earned 30,000 dollars.", "كسب عشرين ألفا من الدولارات.", (30000, 20000)),
    ("Super Bowl XLIX was held in 2015.", "أقيم سوبر بول 49 في عام 2016.", (2015, 2016)),
    ("Emissions reached 36 gigatons.", "بلغت الانبعاثات 36 مليون طن.", (36e9, 36e6)),
    ("The cost is five trillion dollars.", "تبلغ التكلفة خمسة مليارات دولار.", (5e12, 5e9)),
    ("It was built in 1038–40.", "بني في 1038 - 42.", (1040, 42)),
    ("The eleventh patient recovered.", "تعافى المريض الثاني عشر.", (11, 12)),
])
def test_changes_beside_those_readings_are_still_reported(
        en: str, ar: str, values: tuple[float, float]) -> None:
    assert changed_both_ways(en, ar) == [("critical", *values)] * 2


def test_a_decade_whose_digits_disagree_with_its_century_is_reported() -> None:
    """"the 1790s" rendered as 1790 in the twentieth century: the century is not the 1790s'."""
    for found in both_ways("In the 1790s, prices rose.",
                           "في 1790 من القرن العشرين، ارتفعت الأسعار."):
        assert [f.message.split(" in ")[0] for f in found] == ["number 20"]


def test_a_hedged_change_of_a_spelled_number_is_major() -> None:
    """A word against a hedged figure is more often a misreading than a changed fact."""
    for found in both_ways("About twenty people came.", "جاء نحو 30 شخصًا."):
        assert [(f.severity, f.missing_in) for f in found] == [("major", None)]
    p = CheckParams().with_(NumberParams(critical_confidence=0.5))
    rep = report([("About twenty people came.", "جاء نحو 30 شخصًا.")])
    (f,) = get_check("number_mismatch").run(CheckContext(rep, params=p))
    assert f.severity == "critical"


def test_a_change_between_kinds_is_major() -> None:
    """An ordinal against a count ("the third" / 4 مرات) is more often a misreading."""
    for found in both_ways("It was the third attempt.", "كانت المحاولة رقم 4."):
        assert [(f.severity, f.missing_in) for f in found] == [("major", None)]
