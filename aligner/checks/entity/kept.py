"""The lower tier for a name changed in the English while the Arabic keeps the original: the
English has one capitalised word that no dictionary and no name list knows (whatever NER
tagged it) rendered nowhere, and the Arabic a known name that no English word accounts for:
a place of the exonym table or one the lexicon glosses (مدريد, اليونان), or a foreign name of
the lists. The rendering of the original name is what a changed English name leaves behind
(مدريد where the English has "ruled illegal by Velbrandt")."""

from __future__ import annotations

from functools import lru_cache

from aligner.arabic.lexicon import gloss_vocabulary, has_ordinary_reading, name_glosses
from aligner.arabic.names import (
    Match,
    exonym_english,
    is_foreign_name,
)
from aligner.arabic.normalize import arabic_tokens, normalize, strip_clitics
from aligner.checks.entity.explain import Explainers, explainers
from aligner.checks.entity.locate import GENERIC_WORDS
from aligner.checks.entity.namelike import (
    is_calendar_word,
    is_demonym_ar,
    is_ordinary_word,
    is_title_word,
)
from aligner.checks.entity.params import EntityParams
from aligner.checks.entity.unrendered import accounted_for
from aligner.checks.entity.words import (
    CALENDAR,
    TITLES,
    en_stop_words,
    is_demonym,
    padded_words,
    related,
)
from aligner.ner import Entity


@lru_cache(maxsize=8192)
def _en_zipf(word: str) -> float:
    """wordfreq's English Zipf frequency of a word (0 for one it does not know)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def unknown_proper(word: str, p: EntityParams) -> bool:
    """A capitalised English word that is no dictionary word, title, month or demonym, nor an
    acronym, nor frequent in English (a common word of a title, Celebrity; a famous name the
    lists know): a rare proper word a translation must transliterate (Velbrandt)."""
    low = word.lower()
    vocabulary = gloss_vocabulary()
    return (len(word) >= p.kept_min_letters and word[:1].isupper() and not word.isupper()
            and _en_zipf(low) < p.kept_max_en_zipf
            and word.isalpha() and low not in vocabulary
            and low.removesuffix("s") not in vocabulary
            and low not in TITLES | GENERIC_WORDS | en_stop_words()
            and not CALENDAR.match(word) and not is_demonym(word))


def lone_proper_org(ent: Entity, p: EntityParams) -> bool:
    """A one-word organisation that is a rare proper word (``unknown_proper``): mostly a
    person NER mislabelled, as organisations are mostly named with dictionary words."""
    return ent.label == "ORG" and " " not in ent.text and unknown_proper(ent.text, p)


def _kept(p: EntityParams, token: str, explains: Explainers, names: set[str], missing: str,
          en_words: str) -> tuple[int, str] | None:
    """The reading (offset, stem) of an Arabic token that is a known name no English word of
    the pair, no name of ``names`` and no other spelling of ``missing`` accounts for."""
    word = has_ordinary_reading(token)
    for off, stem in strip_clitics(token):
        if (off and word) or len(stem) < 3 or len(normalize(stem)) > p.max_name_letters \
                or is_calendar_word(stem) or is_demonym_ar(stem) or is_title_word(stem) \
                or {g.lower() for g in name_glosses(stem)} & TITLES:
            continue  # nor the title word of a name (سانت: Saint)
        places = exonym_english(normalize(stem))
        if places:
            if any(related(e, en_words) for e in places):
                return None  # the English has the place or its adjective
        elif stem.startswith("ال") or is_ordinary_word(stem, p) or not (
                is_foreign_name(stem) or name_glosses(stem)):
            continue
        # the name's own reading, not a shorter one (بوست, Post: no ب + وست for sty)
        if accounted_for(p, stem, {token, stem}, explains, names, [missing]):
            return None
        return off, stem
    return None


def kept_name(p: EntityParams, words: list[tuple[int, str, bool, bool]], ar_text: str,
              en_text: str, names: set[str], adjectives: set[str], places: set[str],
              taken: list[Match]) -> tuple[int, str, Match] | None:
    """For a 1-1 link whose English has, among its capitalised words rendered nowhere
    (``words``: ``reverse.unrendered_capitals``), one proper word no list knows and that NER
    does not read as a people's or a language's name (``adjectives``: French, فرنسية): the
    Arabic's first known name that nothing in the English accounts for (``_kept``) and that
    is no word of another name's rendering (``taken``: سان of سان بيير for Saint-Pierre), as
    (the word's offset, the word, the Arabic span)."""
    # beside it only words too short to be looked for alone (Ng) or places NER found (more
    # often a rendering matching missed): other capitals are a headline or a title
    rest = [(k, w) for k, w, *_ in words if len(w) >= p.kept_min_letters and w not in places]
    proper = [(k, w) for k, w in rest if unknown_proper(w, p) and w not in adjectives]
    if len(rest) != 1 or len(proper) != 1:
        return None
    k, word = proper[0]
    names = {n for n in names if word not in n.split()}
    explains = explainers(en_text, ar_text, p)
    en_words = padded_words(en_text)
    for start, end, tok in arabic_tokens(ar_text):
        if any(start < m.end and m.start < end for m in taken):
            continue
        found = _kept(p, tok, explains, names, word, en_words)
        if found:
            return k, word, Match(start + found[0], end, found[1], 0.6)
    return None
