"""Cross-script name matching: is this Arabic text the same name as this English one?

There is no Arabic NER or bilingual name dictionary offline, so names are compared through a
shared, vowel-insensitive consonant skeleton: both scripts are mapped to the same phoneme classes
(ق q/k/g, ث th/t/s, و w/v/ou, ...), the article (al-, el-, ad-, ال) is one symbol, and a weighted
edit distance makes near-sounds and weak letters (و ي ه, which are often vowels) cheap. Names
that are translated rather than transliterated (مصر/Egypt, الحرس الثوري/IRGC) come from a small
hand-written exonym table.

This module re-exports the pieces, one concern a module: ``name_skeleton`` (both scripts'
skeletons), ``name_distance`` (their similarity), ``exonyms``, ``name_search`` and ``name_lists``.
"""

from __future__ import annotations

from aligner.arabic.exonyms import exonym_english, exonym_forms
from aligner.arabic.name_distance import (
    rendering_similarity,
    short_name_threshold,
    skeleton_similarity,
)
from aligner.arabic.name_lists import (
    foreign_name_tokens,
    is_common_given_name,
    is_foreign_name,
    is_listed_name,
    is_personal_name,
    is_rare_name,
    lexicon_person_name_at,
    looks_transliterated,
    transliterates_foreign_name,
)
from aligner.arabic.name_search import MATCH_THRESHOLD, Match, find_name_in_arabic, name_similarity
from aligner.arabic.name_skeleton import arabic_skeleton, english_readings, english_skeleton

__all__ = [
    "MATCH_THRESHOLD",
    "Match",
    "arabic_skeleton",
    "english_readings",
    "english_skeleton",
    "exonym_english",
    "exonym_forms",
    "find_name_in_arabic",
    "foreign_name_tokens",
    "is_common_given_name",
    "is_foreign_name",
    "is_listed_name",
    "is_personal_name",
    "is_rare_name",
    "lexicon_person_name_at",
    "looks_transliterated",
    "name_similarity",
    "rendering_similarity",
    "short_name_threshold",
    "skeleton_similarity",
    "transliterates_foreign_name",
]
