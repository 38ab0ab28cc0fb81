"""partial_omission: a dropped clause is found and located, in both language orders."""

from __future__ import annotations

import pytest
from conftest import make_side

from aligner.checks.base import CheckContext
from aligner.checks.partial_omission import PartialOmissionCheck, clause_pieces
from aligner.checks.run import run_checks
from aligner.embed.base import get_embedder
from aligner.records import Link, Report

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
EN_DROPPED = ("The Iran-aligned militias seized control after expelling Liwa al-Quds militiamen, "
              "al-Ali said.")
AR_DROPPED = AR[0].replace(" الذي نقل ولائه من الإيرانيين إلى الروس", "")


@pytest.fixture(scope="module")
def embedder():
    return get_embedder("usem3")


def _run(src: list[str], tgt: list[str], src_lang: str, tgt_lang: str, embedder=None):
    report = Report({}, make_side("s.txt", src_lang, src), make_side("t.txt", tgt_lang, tgt),
                    [Link((i,), (i,), 0.9) for i in range(len(src))])
    return report, PartialOmissionCheck().run(CheckContext(report, embedder))


def test_clause_pieces_split_on_commas_and_relative_pronouns() -> None:
    pieces = clause_pieces(EN[0])
    texts = [EN[0][a:b] for a, b in pieces]
    assert "who had switched their allegiance from Iran to Russia, " in texts
    assert "".join(texts) == EN[0]
    ar = [AR[0][a:b] for a, b in clause_pieces(AR[0])]
    assert any(t.startswith("الذي نقل") for t in ar)


def test_english_clause_dropped_from_english_target(embedder) -> None:
    tgt = [EN_DROPPED, *EN[1:]]
    report, findings = _run(AR, tgt, "ar", "en", embedder)
    assert [f.src for f in findings] == [(0,)]
    f = findings[0]
    assert (f.kind, f.severity, f.missing_in) == ("partial_omission", "major", "tgt")
    span = f.evidence["span"]
    assert span.side == "src"
    assert "الذي نقل ولائه" in span.text
    assert report.src.document.text[span.start:span.end] == span.text


def test_english_source_lacks_the_clause_of_the_arabic_target(embedder) -> None:
    report, findings = _run([EN_DROPPED, *EN[1:]], AR, "en", "ar", embedder)
    assert [(f.src, f.tgt, f.missing_in) for f in findings] == [((0,), (0,), "src")]
    span = findings[0].evidence["span"]
    assert span.side == "tgt"
    assert span.start == report.tgt.segments[0].start + AR[0].index(span.text)
    assert 0.5 <= findings[0].confidence <= 1


def test_short_clause_below_the_size_floor_is_not_reported(embedder) -> None:
    # "، وهو من ألبوكمال،" is under a tenth of its sentence: too small to tell from paraphrase.
    tgt = [AR[0], AR[1].replace("، وهو من ألبوكمال،", ""), *AR[2:]]
    assert _run(EN, tgt, "en", "ar", embedder)[1] == []


def test_quiet_on_untouched_pairs_in_both_orders(embedder) -> None:
    assert _run(EN, AR, "en", "ar", embedder)[1] == []
    assert _run(AR, EN, "ar", "en", embedder)[1] == []


def test_without_embedder_only_extreme_length_evidence() -> None:
    _, findings = _run(EN, [AR_DROPPED, *AR[1:]], "en", "ar")
    assert findings == []


def test_facing_unaligned_pair_is_a_partial_omission_not_two_omissions(embedder) -> None:
    # The aligner refused the weakened pair 0 (1-0 + 0-1); it still translates its partner.
    links = [Link((0,), (), 0.0), Link((), (0,), 0.0)] + [Link((i,), (i,), 0.9)
                                                          for i in range(1, len(AR))]
    report = Report({}, make_side("s.txt", "ar", AR),
                    make_side("t.txt", "en", [EN_DROPPED, *EN[1:]]), links)
    (f,) = PartialOmissionCheck().run(CheckContext(report, embedder))
    assert (f.src, f.tgt, f.missing_in) == ((0,), (0,), "tgt")
    merged = run_checks(report, embedder, only=["omission", "partial_omission"])
    assert [g.kind for g in merged] == ["partial_omission"]
    # Without an embedder nothing can vouch for the pair: two omissions.
    assert len(run_checks(report, only=["omission", "partial_omission"])) == 2
