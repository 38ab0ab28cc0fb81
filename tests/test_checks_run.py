"""run_checks: every registered check, merged: suppression, de-duplication, document order."""

from __future__ import annotations

import pytest
from conftest import make_side

from aligner.checks.base import check_names
from aligner.checks.run import run_checks, sort_findings, worst_severity
from aligner.records import AlignerError, Finding, Link, Report

EN = [f"English sentence number {w} has about this many characters in it." for w in
      ("one", "two", "three", "four", "five", "six", "seven", "eight")]
AR = [f"الجملة العربية رقم {w} فيها تقريبا هذا العدد من الحروف." for w in
      ("واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية")]


def _report(links: list[Link], tgt: list[str] | None = None) -> Report:
    return Report({}, make_side("en.txt", "en", EN), make_side("ar.txt", "ar", tgt or AR), links)


def test_my_checks_are_registered() -> None:
    assert {"omission", "partial_omission", "untranslated", "length_ratio"} <= set(check_names())


def test_untranslated_target_is_not_also_an_addition() -> None:
    # English sentence 3 was copied into the Arabic instead of translated, and left unaligned.
    tgt = [*AR[:3], EN[3], *AR[4:]]
    links = [Link((i,), (i,), 0.9) for i in range(3)] + [Link((3,), (), 0.0), Link((), (3,), 0.0)]
    links += [Link((i,), (i,), 0.9) for i in range(4, 8)]
    findings = run_checks(_report(links, tgt), only=["omission", "untranslated"])
    assert sorted((f.kind, f.src, f.tgt) for f in findings) == [("omission", (3,), ()),
                                                                 ("untranslated", (), (3,))]


def test_length_ratio_suppressed_where_something_specific_covers_the_pair() -> None:
    tgt = [*AR[:7], "جملة قصيرة جدا ولا تقول شيئا."]
    links = [Link((i,), (i,), 0.9 if i < 7 else 0.6) for i in range(8)]  # the odd pair: less alike
    alone = run_checks(_report(links, tgt), only=["length_ratio"])
    assert [f.kind for f in alone] == ["length_ratio"]
    tgt[7] = EN[7]
    both = run_checks(_report(links, tgt), only=["length_ratio", "untranslated"])
    assert [f.kind for f in both] == ["untranslated"]


def test_document_order_and_dedupe() -> None:
    report = _report([Link((0,), (0,), 0.9), Link((1,), (), 0.0), Link((), (1,), 0.0),
                      Link((2,), (2,), 0.9)])
    f_src = Finding("omission", "major", 0.9, (1,), (), "tgt", "m")
    f_tgt = Finding("omission", "major", 0.9, (), (1,), "src", "m")
    f_late = Finding("number_mismatch", "critical", 0.9, (2,), (2,), None, "m")
    assert sort_findings(report, [f_late, f_tgt, f_src]) == [f_tgt, f_src, f_late]
    assert worst_severity([f_src, f_late]) == "critical"
    assert worst_severity([]) is None


def test_unknown_check_name_is_a_user_error() -> None:
    with pytest.raises(AlignerError, match="unknown check"):
        run_checks(_report([]), only=["nope"])


def test_all_findings_have_bounded_confidence_and_known_severity() -> None:
    links = [Link((i,), (i,), 0.9) for i in range(6)] + [Link((6,), (), 0.0),
                                                         Link((7,), (), 0.0)]
    findings = run_checks(_report(links, AR[:6]))
    assert findings
    assert all(0 <= f.confidence <= 1 and f.severity in ("minor", "major", "critical")
               for f in findings)


def test_finding_ids_survive_edits_elsewhere_and_tell_findings_apart() -> None:
    # English sentence 3 has no translation; then a sentence is added at the top of both sides.
    links = [Link((i,), (i,), 0.9) for i in range(3)] + [Link((3,), (), 0.0)]
    links += [Link((i,), (i - 1,), 0.9) for i in range(4, 8)]
    before = run_checks(_report(links, [*AR[:3], *AR[4:]]), only=["omission"])
    shifted = [Link((0,), (0,), 0.9)] + [Link(tuple(i + 1 for i in k.src),
                                              tuple(j + 1 for j in k.tgt), 0.9) for k in links]
    report = Report({}, make_side("en.txt", "en", ["A new first sentence of the article.", *EN]),
                    make_side("ar.txt", "ar", ["جملة أولى جديدة في المقال.", *AR[:3], *AR[4:]]),
                    shifted)
    after = run_checks(report, only=["omission"])
    assert [f.src for f in before] == [(3,)] and [f.src for f in after] == [(4,)]
    assert before[0].id == after[0].id and len(before[0].id) == 12
    other = run_checks(_report([*links[:3], Link((3,), (3,), 0.9), Link((4,), (), 0.0),
                                *links[5:]], [*AR[:4], *AR[5:]]), only=["omission"])
    assert [f.src for f in other] == [(4,)] and other[0].id != before[0].id
    assert Finding.from_json(before[0].to_json()).id == before[0].id == before[0].to_json()["id"]
