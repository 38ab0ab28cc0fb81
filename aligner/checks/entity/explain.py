"""Whether an English word of a sentence pair accounts for an Arabic word: the test every
piece of evidence of a swapped name must pass (a name the English has is no stranger)."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from aligner.arabic.glosses import translated
from aligner.arabic.lexicon import gloss_vocabulary, name_glosses
from aligner.arabic.names import (
    Match,
    arabic_skeleton,
    english_readings,
    english_skeleton,
    exonym_forms,
    find_name_in_arabic,
    is_foreign_name,
    skeleton_similarity,
)
from aligner.arabic.normalize import arabic_tokens, normalize, strip_article, strip_clitics
from aligner.checks.entity.locate import GENERIC_WORDS
from aligner.checks.entity.params import EntityParams
from aligner.checks.entity.words import (
    ABBREVIATIONS,
    REPORTING,
    TITLES,
    at_sentence_start,
    en_stop_words,
    prefix_related,
    strong_consonants,
)
from aligner.lang.ar.letters import LATIN_LETTER_NAMES
from aligner.lang.ar.morphology import nisba_base


def unmatched(span: str, explains: Explainers, clitics: bool = True) -> bool:
    """No word (or pair of words) of the English renders the Arabic span (nor, with
    ``clitics``, the span with a proclitic taken off)."""
    forms = {span}
    if clitics:
        forms.update(stem for _, stem in strip_clitics(span))
    return not any(explains(form) for form in forms)


class Explainers:
    """Whether an Arabic word of a sentence pair renders some English word of it. A
    capitalised English word explains a word that resembles it (or shares its first
    consonants) only when its own best rendering is not elsewhere in the sentence: Ford,
    rendered فورد, does not also explain فرديناند; St, rendered سانت, not سايتو. Lower-case
    words, and titles and generic words (Street, Prime: mostly translated), must match
    closely (``EntityParams.lower_match``; closer still for a known foreign name). Two words
    in a row explain a word together when both are names or neither is: a name and the verb
    after it (Climo converted) are no two-word name."""

    def __init__(self, en_text: str, ar_text: str, p: EntityParams, common: bool = True
                 ) -> None:
        """Without ``common``, lower-case words of the lexicon's English glosses (want, said)
        explain nothing: common English words are translated, never transliterated."""
        self.p = p
        found = [(m.start(), re.sub(r"['’]s?$", "", m.group()))
                 for m in re.finditer(r"[A-Za-z][\w'’-]*", en_text)]
        words = [w for _, w in found]
        if not common:
            vocabulary = gloss_vocabulary()
            words = [w for w in words if w[:1].isupper() or w.lower() not in vocabulary]
        parts = [x for w in words if "-" in w for x in w.split("-") if x]
        # a capitalised stop word inside a sentence is a name (Theresa May; Will Smith)
        named = {w for k, w in found if w.istitle() and not at_sentence_start(en_text, k)}
        self.words = [w for w in dict.fromkeys(words + parts)
                      if (w.lower() not in en_stop_words() or w in named) and w not in REPORTING]
        # an abbreviated title stands for the word a translation writes out (St.: سانت)
        self.words += [ABBREVIATIONS[w.lower()] for w in words if w.lower() in ABBREVIATIONS]
        self.pairs = [a + " " + b for a, b in itertools.pairwise(words)
                      if a.lower() not in en_stop_words() and b.lower() not in en_stop_words()
                      and (b[:1].isupper() or not a[:1].isupper())]
        # a currency sign stands for a word the Arabic transliterates (€: يورو)
        self.words += [w for sign, w in _CURRENCY.items() if sign in en_text]
        self.parts = _compound_parts(self.words, ar_text, p)
        self.initials = _initials(en_text)
        # the letters of the English acronyms (BMW, SW1, U.S.), which Arabic may spell out
        self.capitals = {c for tok in re.findall(r"[A-Z0-9][A-Z0-9.]*[A-Z0-9]", en_text)
                         if sum(c.isupper() for c in tok) >= 1 for c in tok if c.isupper()}
        self.expanded = _acronym_expansions(en_text, ar_text, p)
        self.vocabulary = frozenset(w.lower() for _, w in found if len(w) >= 4
                                    and w.lower() not in en_stop_words())
        self.ar_text = ar_text
        self._best: dict[str, Match | None] = {}
        self._glossed: list[tuple[str, frozenset[str]]] | None = None

    def _rendered_at(self, word: str) -> Match | None:
        if word not in self._best:
            self._best[word] = find_name_in_arabic(word, self.ar_text)
        return self._best[word]

    def _inside_rendering(self, word: str, stem: str, start: int | None,
                          end: int | None) -> bool:
        """Whether ``stem`` is one of several Arabic words that together render the one
        English ``word`` (Xiaoping: شياو بينغ)."""
        m = self._rendered_at(word)
        if m is None or len(m.text.split()) < 2:
            return False
        if start is not None and end is not None:
            return start < m.end and m.start < end
        return normalize(stem) in normalize(m.text).split()

    def _translates(self, stem: str) -> bool:
        """Whether ``stem`` translates an English word of the pair that no other Arabic word
        translates (باكر may gloss "ball", but الكرة is its translation there)."""
        hits = translated(stem, self.vocabulary)
        return bool(hits) and bool(hits - self._translated_elsewhere(stem))

    def _translated_elsewhere(self, stem: str) -> set[str]:
        """The English words of the pair that an Arabic word other than ``stem`` translates."""
        if self._glossed is None:
            self._glossed = [(normalize(tok), translated(tok, self.vocabulary))
                             for _, _, tok in arabic_tokens(self.ar_text)]
        own = normalize(stem)
        return {e for tok, words in self._glossed if own not in tok for e in words}

    def initial(self, stem: str) -> bool:
        """Whether an Arabic word may write out an initial of the English (H.: هنري)."""
        sk = arabic_skeleton(stem)
        return any(_onset(initial, sk, self.p) for initial in self.initials)

    def __call__(self, stem: str, start: int | None = None, end: int | None = None,
                 lower: bool = True) -> bool:
        """Whether ``stem`` (at ``start``-``end`` of the Arabic text, when known) renders an
        English word (only a capitalised name word unless ``lower``)."""
        if self._translates(stem):
            return True  # a dictionary word translating one of the English (دولي: international)
        glossed = {g.lower() for g in name_glosses(stem)}
        if glossed and any(w.lower() in glossed or (len(w) >= 4 and any(
                g.startswith(w.lower()) or g.startswith(w.lower().removesuffix("s"))
                for g in glossed)) for w in self.words):
            return True  # the lexicon's own English for it (وهيو: Hugh; يوفنتوس: Juve)
        sk = arabic_skeleton(stem)
        # a people-name or adjective of a name (السيمويين for Semu) renders that name
        skels = [sk] + [arabic_skeleton(base) for base in _nisba_base(stem)]
        p = self.p
        if normalize(stem) in self.expanded or self.initial(stem):
            return True  # a word of an acronym's expansion, or an initial written out
        if set(_LETTERS.get(normalize(stem), "")) & self.capitals:
            return True  # a letter of an acronym spelt out (دبليو: the W of BMW, SW1)
        if lower and normalize(stem) in self.parts:
            return True  # the parts of a compound (coronavirus: فيروس كورونا)
        lower_match = p.foreign_lower_match if is_foreign_name(stem) else p.lower_match
        for w in self.words + self.pairs:
            if len(w) < 3 and not (w.istitle() and re.search("[aeiouy]", w)):
                continue  # St, Mr: abbreviations resemble anything; Xu, Li are names
            en, sk, sim = max(((r, a, skeleton_similarity(r, a)) for r in english_readings(w)
                               for a in skels), key=lambda ras: ras[2])
            if not w[:1].isupper() or w.lower() in TITLES or w.lower() in GENERIC_WORDS:
                # translated words: a transliteration is close, unless another Arabic word
                # translates it (Union: الاتحاد; then اليونان is no rendering of it)
                if lower and sim >= lower_match and \
                        w.lower() not in self._translated_elsewhere(stem):
                    return True
                continue
            if " " not in w and self._inside_rendering(w, stem, start, end):
                return True  # one syllable of a name written in several words (شياو بينغ)
            if not (sim >= p.explain_similarity or _short_form(en, sk, p)):
                continue
            m = self._rendered_at(w)
            if m is None or m.score < sim + p.explain_margin:
                return True  # not clearly rendered elsewhere: this may be its rendering
            if (start < m.end and m.start < end if start is not None and end is not None
                    else normalize(stem) in normalize(m.text)):
                return True
        return False


@lru_cache(maxsize=256)
def explainers(en_text: str, ar_text: str, p: EntityParams, common: bool = True) -> Explainers:
    """The one ``Explainers`` of a sentence pair: each tier of the entity check asks about
    the same link, and building one (compound parts, acronym expansions) is the costly part."""
    return Explainers(en_text, ar_text, p, common)


#: Latin letter names (normalised) and the letters each may name.
_LETTERS = {normalize(k): v for k, v in LATIN_LETTER_NAMES.items()}


def _nisba_base(stem: str) -> list[str]:
    """The name an Arabic nisba (السيمويين, المغولي) is built on, without article and ending."""
    base = nisba_base(strip_article(normalize(stem)), 3)
    return [base] if base else []


#: Initials before a name or a particle (Ronald H. Evans, E.I. du Pont).
_INITIALS = re.compile(
    r"(?<![\w.])((?:[A-Z]\.\s?){1,3})(?=\s*(?:[A-Z][a-z]|(?:de|du|da|di|van|von)\s))")


def _initials(en_text: str) -> list[str]:
    """The skeletons of the initials of the English: not of an abbreviated place (U.S.)."""
    return [english_skeleton(letter) for m in _INITIALS.finditer(en_text)
            if not exonym_forms(m.group(1).replace(" ", ""))
            for letter in re.findall("[A-Z]", m.group(1))]


def _short_form(en: str, sk: str, p: EntityParams) -> bool:
    """``prefix_related``, where an Arabic short form keeps ``explain_short_consonants`` strong
    consonants or more than ``explain_short_share`` of the English ones: a word of s and n
    alone is no short form of Singapore, nor one of k and n of Kanye West (نابولي for Naples
    is one)."""
    a, b = strong_consonants(en), strong_consonants(sk)
    return prefix_related(en, sk) and (len(b) >= min(len(a), p.explain_short_consonants)
                                       or len(b) > p.explain_short_share * len(a))


#: Currency signs and the word a translation writes for them (transliterated: يورو, دولار).
_CURRENCY = {"€": "euro", "$": "dollar", "¥": "yen", "₹": "rupee"}


def _compound_parts(words: list[str], ar_text: str, p: EntityParams) -> frozenset[str]:
    """Arabic words (normalised) that transliterate the two parts of a long lower-case
    English word, side by side in either order (فيروس كورونا for coronavirus), each part of
    at least ``compound_part_consonants`` strong consonants. One part alone is no evidence:
    endings (-ators) resemble too many names."""
    toks = [normalize(tok) for _, _, tok in arabic_tokens(ar_text)]
    skels = [arabic_skeleton(strip_article(t)) for t in toks]
    out: set[str] = set()
    for w in words:
        if not w.islower() or len(w) < p.compound_min_letters:
            continue
        for k in range(3, len(w) - 2):
            head, tail = english_skeleton(w[:k]), english_skeleton(w[k:])
            if min(sum(c not in "WYaHA" for c in x) for x in (head, tail)) < \
                    p.compound_part_consonants:
                continue
            # with the floor, pairs below it stop early (and fail the test as before)
            bar = p.lower_match
            for n in range(len(toks) - 1):
                a, b = skels[n], skels[n + 1]
                if any(skeleton_similarity(x, a, bar) >= bar
                       and skeleton_similarity(y, b, bar) >= bar
                       for x, y in ((head, tail), (tail, head))):
                    out.update(toks[n:n + 2])
    return frozenset(out)


def _onset(initial: str, sk: str, p: EntityParams) -> bool:
    """Whether an Arabic skeleton begins with the sound of an English initial (E.: إدوارد,
    H.: هنري): a vowel's initial with an alef, a consonant's with that consonant."""
    if not initial or not sk:
        return False
    if initial[0] in "aWY":
        return sk[0] in "aA"
    return skeleton_similarity(initial[0], sk[0]) >= p.onset_similarity


def _acronym_expansions(en_text: str, ar_text: str, p: EntityParams) -> frozenset[str]:
    """Arabic words (normalised) that spell out a mixed-case acronym of the English (CoV,
    HCoV: abbreviated words, not initials spelt out): two or more words in a row, each
    beginning with the sound of a different consonant letter of it (فيروس كورونا for CoV);
    for an all-caps acronym of three letters or more, a word for every letter."""
    acronyms = {tuple(re.findall(r"[A-Z]", piece)) for token in re.findall(r"[\w-]+", en_text)
                for piece in token.split("-")
                if sum(c.isupper() for c in piece) >= 2 and piece.isalpha()
                and not piece.isupper()}  # NBC is spelt out: إن بي سي
    # or written out in full, every letter in a row (SNL: ساترداي نايت لايف)
    full = {tuple(token) for token in re.findall(r"\b[A-Z]{3,}\b", en_text)}
    if not acronyms and not full:
        return frozenset()
    toks = [normalize(tok) for _, _, tok in arabic_tokens(ar_text)]
    out: set[str] = set()
    for letters in acronyms | full:
        least = p.acronym_min_words if letters in acronyms else len(letters)
        sounds = [english_skeleton(x) for x in letters]
        run: list[tuple[str, int]] = []  # (word, letter index) of the current run

        def letter(tok: str, used: set[int], sounds: list[str] = sounds) -> int | None:
            return next((n for n, sound in enumerate(sounds) if tok and n not in used
                         and sound[:1] not in ("", "a", "W", "Y")
                         and any(_onset(sound, arabic_skeleton(strip_article(stem)), p)
                                 for _, stem in strip_clitics(tok))), None)

        for tok in [*toks, ""]:
            hit = letter(tok, {k for _, k in run})
            if hit is None:  # the run ends; this word may begin another
                if len(run) >= least:
                    out.update(w for w, _ in run)
                run = []
                hit = letter(tok, set())
            if hit is not None:
                run.append((tok, hit))
    return frozenset(out)
