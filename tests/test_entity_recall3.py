"""Swaps the entity check missed (issue #24, third recall pass): a kept place that a sound-alike
word of the English seemed to render though the Arabic translates that word, and a rare
one-word name NER calls an organisation. Hand-made pairs in both directions, with the correct
translation quiet."""

from __future__ import annotations

import pytest
from test_entity_classes import _pair

from aligner.checks.entity.explain import Explainers
from aligner.checks.entity.kept import lone_proper_org
from aligner.checks.entity.locate import Located
from aligner.checks.entity.params import EntityParams
from aligner.checks.entity.reverse import positional, unrendered_capitals
from aligner.ner import Entity
from aligner.records import Link, Segment

P = EntityParams()
EN = ("The vote could settle a quarrel with {} that has stalled its bid to join the European "
      "Union.")
AR = "قد ينهي التصويت خلافا مع اليونان عطل مسعاها للانضمام إلى الاتحاد الأوروبي."


def test_a_word_the_arabic_translates_renders_no_other_word_by_sound() -> None:
    en = EN.format("Tarvelsk")
    # Union sounds like يونان, but الاتحاد translates it; without الاتحاد it may render it
    assert not Explainers(en, AR, P)("اليونان")
    assert Explainers(en, "قد ينهي التصويت خلافا مع اليونان.", P)("اليونان")


@pytest.mark.parametrize("src_lang", ["en", "ar"])
def test_a_kept_place_beside_a_translated_sound_alike_is_found(src_lang: str) -> None:
    assert _pair(EN.format("Greece"), AR, src_lang) == []
    found = _pair(EN.format("Tarvelsk"), AR, src_lang)
    assert [f.evidence["arabic"].text for f in found] == ["اليونان"]


def test_a_rare_one_word_organisation_is_a_name() -> None:
    assert lone_proper_org(Entity("Tarvelsk", "ORG", 0, 8), P)
    # named with words, or several words, or an acronym: an organisation
    assert not any(lone_proper_org(Entity(w, "ORG", 0, len(w)), P)
                   for w in ("Labour", "Senate", "Tarvelsk Group", "NATO"))
    assert not lone_proper_org(Entity("Tarvelsk", "PERSON", 0, 8), P)


@pytest.mark.parametrize("word", ["Tarvelsk", "Yuka"])  # Yuka: one strong consonant
def test_a_name_tagged_organisation_counts_among_unrendered_capitals(word: str) -> None:
    en = f"In a statement, {word} said the office had warned the police."
    ar = "وفي بيان، قالت فلوريس إن المكتب حذر الشرطة."
    segs = (Segment(ar, 0, len(ar)),)
    k = en.index(word)
    locs = [Located(Entity(word, "ORG", k, k + len(word)), 0, None, None)]
    words, _ = unrendered_capitals(P, en, ar, locs, segs, 0, set(), set())
    assert [(w, known) for _, w, _, known in words] == [(word, True)]
    # a one-word organisation named with a word is no name
    en = "In a statement, Labour said the office had warned the police."
    locs = [Located(Entity("Labour", "ORG", 16, 22), 0, None, None)]
    words, _ = unrendered_capitals(P, en, ar, locs, segs, 0, set(), set())
    assert [w for _, w, _, known in words if known] == []


@pytest.mark.parametrize("en_first", [True, False])
def test_a_tagged_organisation_is_not_blamed_on_its_own_missed_rendering(en_first: bool) -> None:
    en = "In a statement, Bough said the office had warned the police."
    k = en.index("Bough")
    locs = [Located(Entity("Bough", "ORG", k, k + 5), 0, None, None)]

    def found(ar: str) -> list[str]:
        en_segs, ar_segs = (Segment(en, 0, len(en)),), (Segment(ar, 0, len(ar)),)
        sides = ("src", "tgt") if en_first else ("tgt", "src")
        out = positional(P, Link((0,), (0,), 0.9), locs, *sides, en_segs, ar_segs, set(), {},
                         set())
        # a name NER called an organisation is weaker evidence: the lower tier
        assert all(f.severity == "major" and f.evidence["tier"] == "unrendered" for f in out)
        return [f.evidence["arabic"].text for f in out]

    # بوف begins as Bough does (b, then f for a final gh): its rendering, which matching misses
    assert found("وفي بيان، قال بوف إن المكتب حذر الشرطة.") == []
    assert found("وفي بيان، قال سميث إن المكتب حذر الشرطة.") == ["سميث"]


@pytest.mark.parametrize("en_first", [True, False])
def test_one_strong_consonant_shared_is_no_missed_rendering(en_first: bool) -> None:
    # Yuka's one strong consonant (k) begins كولتر too: chance, so كولتر stands in for it
    en = "In a statement, Yuka said the office had warned the police."
    ar = "وفي بيان، قالت كولتر إن المكتب حذر الشرطة."
    k = en.index("Yuka")
    locs = [Located(Entity("Yuka", "ORG", k, k + 4), 0, None, None)]
    en_segs, ar_segs = (Segment(en, 0, len(en)),), (Segment(ar, 0, len(ar)),)
    sides = ("src", "tgt") if en_first else ("tgt", "src")
    found = positional(P, Link((0,), (0,), 0.9), locs, *sides, en_segs, ar_segs, set(),
                       {"كولتر": frozenset(["Colter"])}, set())
    assert [f.evidence["arabic"].text for f in found] == ["كولتر"]
