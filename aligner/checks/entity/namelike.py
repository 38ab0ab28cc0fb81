"""Whether an Arabic span may be a name at all: the gate of the critical tier ("a different
name stands in its place"). Frequent dictionary words (فنون arts, جديد new, دار turned, دوري
league), months and weekdays (يناير) and demonyms (الأمريكي) are words a translation uses for
the English around a name, never evidence that another name replaced it."""

from __future__ import annotations

import re
from functools import lru_cache

from aligner.arabic.lexicon import has_ordinary_reading, name_glosses
from aligner.arabic.names import (
    exonym_english,
    is_common_given_name,
    is_foreign_name,
    looks_transliterated,
)
from aligner.arabic.normalize import arabic_tokens, normalize, strip_article, strip_clitics
from aligner.checks.entity.params import EntityParams
from aligner.checks.entity.words import (
    AR_AMBIGUOUS,
    AR_FUNCTION_WORDS,
    AR_GIVEN,
    AR_PERSON_TITLES,
    AR_PLACE_TITLES,
    ar_fold,
)
from aligner.lang.ar.morphology import nisba_base

#: Month names (Gregorian in Egyptian and in Levantine use) and weekdays, folded.
_CALENDAR_WORDS = """
    يناير فبراير مارس أبريل ابريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر
    أكتوبر اكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين
    أحد اثنين إثنين ثلاثاء أربعاء خميس جمعة سبت"""
_CALENDAR_AR = frozenset(ar_fold(normalize(w)) for w in _CALENDAR_WORDS.split())


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq's Arabic Zipf frequency of a word (0 for one it does not know)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "ar"))


#: Person titles without their article (the title word alone: "master", "president"),
#: folded: a title is no name.
_TITLE_WORDS = frozenset(ar_fold(strip_article(normalize(w)))
                         for w in AR_PERSON_TITLES | AR_PLACE_TITLES)
#: Attached plural and dual pronouns (لتبنيهما; not ها, نا: names end so): a word that
#: carries one and that the lexicon reads as an ordinary word is no name.
_PRONOUN_END = re.compile("(?:هما|كما|هم|هن|كم|كن)$")


def is_title_word(stem: str) -> bool:
    """A person's title, with or without the article (الرئيس, رئيس)."""
    return ar_fold(strip_article(normalize(stem))) in _TITLE_WORDS


def known_name(stem: str) -> bool:
    """A name some list knows: a foreign or common given name, a place, a proper noun."""
    return bool(is_foreign_name(stem) or is_common_given_name(stem)
                or exonym_english(normalize(stem)) or name_glosses(stem))


def run_together(token: str, p: EntityParams) -> bool:
    """Two words written as one (فيمركز: في مركز): a preposition or particle and a frequent
    dictionary word, while the token itself is unknown to the lexicon, rare and no name."""
    if has_ordinary_reading(token) or known_name(token) or zipf(token) >= p.rare_zipf:
        return False
    word = normalize(token)
    return any(word.startswith(head) and len(word) - len(head) >= p.run_together_letters
               and is_ordinary_word(word[len(head):], p) for head in AR_FUNCTION_WORDS)


def noun_phrase(token: str, p: EntityParams) -> bool:
    """A preposition or conjunction, the article and a frequent dictionary word (للجانب:
    to the side; بالمدينة): a common noun, never a name in a name's slot."""
    return not known_name(token) and any(off and stem.startswith("ال") and is_ordinary_word(
        stem, p) for off, stem in strip_clitics(token))



def fragment(ar_text: str, start: int, end: int) -> bool:
    """Whether the span ``start:end`` of ``ar_text`` is a piece of a token cut at a false
    proclitic: too short to be a name alone (ين of وين), or cut from a token that is an
    ordinary word as it stands (يروس of فيروس) and no known name without it."""
    for t_start, t_end, tok in arabic_tokens(ar_text):
        if t_start < start < t_end:
            stem = ar_text[start:min(end, t_end)]
            return len(normalize(stem)) <= 2 or (has_ordinary_reading(tok)
                                                 and not known_name(stem))
    return False


def has_pronoun(token: str) -> bool:
    """An ordinary word with an attached pronoun (لتبنيهما: to adopt them both)."""
    return bool(_PRONOUN_END.search(normalize(token))) and has_ordinary_reading(token) \
        and not is_foreign_name(token)


def is_calendar_word(stem: str) -> bool:
    """A month or weekday name, with or without the article (يناير, الخميس)."""
    return ar_fold(strip_article(normalize(stem))) in _CALENDAR_AR


def is_demonym_ar(stem: str) -> bool:
    """An adjective or people-name of a place of the exonym table (الأمريكي, السوريين)."""
    root = nisba_base(strip_article(normalize(stem)), 2)
    return root is not None and any(exonym_english(root + end) for end in ("", "ا", "يا", "ه"))


def is_ordinary_word(stem: str, p: EntityParams) -> bool:
    """A frequent word the lexicon reads as an ordinary word (جديد, فنون, بشير "herald"):
    wordfreq says it is frequent, Buckwalter's lexicon that it is a dictionary word (which it
    says of many transliterations too, هولت: هو + لت, so those must be more frequent). Places of
    the exonym table (لندن, which the lexicon misreads as ل + a noun) are not."""
    if exonym_english(normalize(stem)) or name_glosses(stem):
        return False
    z = zipf(stem)
    if z < p.ordinary_zipf or not has_ordinary_reading(stem):
        return False
    if is_foreign_name(stem):  # باتريك 4.3, لورين 4.1: names; دوري 5.0 (Dori): a word
        return z >= p.ordinary_zipf_foreign
    return z >= p.ordinary_zipf_shaped or not looks_transliterated(stem)


def name_like_word(token: str, p: EntityParams) -> bool:
    """Whether an Arabic token may be a name: none of its readings (with or without the
    proclitics) is a month, a weekday, a demonym or a frequent dictionary word."""
    readings = [stem for _, stem in strip_clitics(token)] or [token]
    if any(ar_fold(s) in AR_GIVEN and ar_fold(s) not in AR_AMBIGUOUS for s in readings):
        return True  # a name word of the hand-made list (الحسن), though a word too
    return not has_pronoun(token) and not run_together(token, p) and not any(
        is_calendar_word(s) or is_demonym_ar(s) or is_title_word(s) or is_ordinary_word(s, p)
        for s in readings)


def name_like_span(text: str, p: EntityParams, slot: bool = False) -> bool:
    """Whether an Arabic span may be a name: one of its words is name-like (محمد of محمد
    الحسن). In a name's slot (``slot``: beside the rendered part of a person's name or of a
    place's direction word, after a person's title) a frequent word is one too (صلاح كوليبالي,
    الرئيس سعيد); a month, a weekday or a demonym never is."""
    words = text.split()
    if len(words) >= 2 and all(any(is_common_given_name(strip_article(s)) or ar_fold(s) in AR_GIVEN
                                   for _, s in strip_clitics(w)) for w in words):
        return True  # two name words in a row (سامر الحسن) are a name, though each a word
    return bool(words) and any(name_like_word(w, p) or (
        slot and not has_pronoun(w) and not noun_phrase(w, p) and not run_together(w, p)
        and not any(is_calendar_word(s) or is_demonym_ar(s) or is_title_word(s)
                    for _, s in strip_clitics(w))) for w in words)
