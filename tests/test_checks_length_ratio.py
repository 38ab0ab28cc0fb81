"""length_ratio: pairs far outside the document's own ratio, and the robust ratio itself."""

from __future__ import annotations

import math

from conftest import make_side

from aligner.checks.base import CheckContext
from aligner.checks.length_ratio import LengthRatioCheck, LengthRatioParams, doc_ratio
from aligner.checks.params import CheckParams
from aligner.records import Finding, Link, Report

EN = [f"English sentence number {w} has about this many characters in it." for w in
      ("one", "two", "three", "four", "five", "six", "seven", "eight")]
AR = [f"الجملة العربية رقم {w} فيها تقريبا هذا العدد من الحروف." for w in
      ("واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية")]


def _report(src: list[str], tgt: list[str], src_lang: str = "en", tgt_lang: str = "ar",
            last_score: float = 0.6) -> Report:
    """Seven ordinary pairs (cosine 0.9) and a last one, less alike unless ``last_score``."""
    return Report({}, make_side("s.txt", src_lang, src), make_side("t.txt", tgt_lang, tgt),
                  [Link((i,), (i,), 0.9 if i < 7 else last_score) for i in range(len(src))])


def _both_ways(en: str, ar: str, last_score: float = 0.6) -> list[list[Finding]]:
    """The check's findings on the seven ordinary pairs and (en, ar), English source first,
    then Arabic source."""
    return [LengthRatioCheck().run(CheckContext(_report(
        [*EN[:7], en], [*AR[:7], ar], "en", "ar", last_score))),
        LengthRatioCheck().run(CheckContext(_report(
            [*AR[:7], ar], [*EN[:7], en], "ar", "en", last_score)))]


def test_document_ratio_is_robust_to_one_outlier() -> None:
    tgt = [*AR[:7], "قصيرة."]
    stats = doc_ratio(CheckContext(_report(EN, tgt)))
    typical = math.log((len(AR[0]) + 5) / (len(EN[0]) + 5))
    assert abs(stats.median - typical) < 0.05
    assert stats.sigma >= 0.1


def test_flags_far_outlier_in_both_orders() -> None:
    tgt = [*AR[:7], "جملة قصيرة جدا ولا تقول شيئا."]
    (f,) = LengthRatioCheck().run(CheckContext(_report(EN, tgt)))
    assert (f.kind, f.severity, f.src, f.tgt, f.missing_in) == ("length_ratio", "minor", (7,),
                                                                (7,), "tgt")
    assert f.evidence["z"] < -4 and 0 <= f.confidence <= 1
    (g,) = LengthRatioCheck().run(CheckContext(_report(tgt, EN, "ar", "en")))
    assert g.missing_in == "src"


def test_quiet_on_ordinary_document() -> None:
    assert LengthRatioCheck().run(CheckContext(_report(EN, AR))) == []


def test_parameters_change_the_check_and_are_in_the_signature() -> None:
    from aligner.checks.length_ratio import LengthRatioParams
    from aligner.checks.params import CheckParams
    from aligner.checks.run import run_checks

    tgt = [*AR[:7], "جملة قصيرة جدا ولا تقول شيئا."]
    report = _report(EN, tgt)
    assert run_checks(report, only=["length_ratio"])  # the short pair is far outside the ratio
    lenient = CheckParams().with_(LengthRatioParams(z_flag=1000.0))
    assert run_checks(report, only=["length_ratio"], params=lenient) == []
    assert CheckParams().to_json()["length_ratio.z_flag"] == LengthRatioParams().z_flag
    assert lenient.to_json()["length_ratio.z_flag"] == 1000.0


def test_quiet_on_a_short_sentence_rendered_explicitly() -> None:
    """"Try love." / "حاولوا أن تنشروا الحب": a side under ``min_short_side`` is not judged,
    in either direction; with the floor lowered the same pair is reported."""
    en, ar = [*EN[:7], "Try love."], [*AR[:7], "حاولوا أن تنشروا الحب بينكم جميعا."]
    assert LengthRatioCheck().run(CheckContext(_report(en, ar))) == []
    assert LengthRatioCheck().run(CheckContext(_report(ar, en, "ar", "en"))) == []
    params = CheckParams().with_(LengthRatioParams(min_short_side=5))
    (f,) = LengthRatioCheck().run(CheckContext(_report(en, ar), params=params))
    assert f.missing_in == "src"


def test_spelled_out_acronyms_are_no_added_length() -> None:
    """WHO and UNICEF written out in Arabic (منظمة الصحة العالمية), or BBC and CNN as letter
    names (بي بي سي): quiet in both directions; the same Arabic length without acronyms in the
    English is still reported."""
    assert _both_ways("The WHO and UNICEF issued new advice on the virus today.",
                      "أصدرت منظمة الصحة العالمية ومنظمة الأمم المتحدة للطفولة اليوم نصائح "
                      "جديدة بشأن الفيروس.") == [[], []]
    assert _both_ways("The clip was shared on BBC and CNN and on MSNBC later.",
                      "نُشر المقطع على بي بي سي وسي إن إن ثم على إم إس إن بي سي لاحقًا في "
                      "المساء.") == [[], []]
    found = _both_ways("The two groups issued new advice on the virus today.",
                       "أصدرت منظمة الصحة العالمية ومنظمة الأمم المتحدة للطفولة اليوم نصائح "
                       "جديدة بشأن الفيروس.")
    assert [len(f) for f in found] == [1, 1]


def test_a_pair_as_close_as_a_typical_pair_is_phrasing() -> None:
    """A pair whose cosine is the document's typical one keeps its content, however compact."""
    en = "Anyone who has touched a surface in a public place should wash their hands well."
    ar = "من لمس سطحًا عامًا فليغسل يديه."
    assert [len(f) for f in _both_ways(en, ar)] == [1, 1]
    assert _both_ways(en, ar, last_score=0.9) == [[], []]
