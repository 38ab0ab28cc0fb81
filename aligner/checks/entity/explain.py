"""Whether an English word of a sentence pair accounts for an Arabic word: the test every
piece of evidence of a swapped name must pass (a name the English has is no stranger)."""

from __future__ import annotations

import itertools
import re

from aligner.arabic.lexicon import gloss_vocabulary, name_glosses
from aligner.arabic.names import (
    Match,
    arabic_skeleton,
    english_skeleton,
    find_name_in_arabic,
    is_foreign_name,
    skeleton_similarity,
)
from aligner.arabic.normalize import normalize, strip_clitics
from aligner.checks.entity.locate import GENERIC_WORDS
from aligner.checks.entity.params import EntityParams
from aligner.checks.entity.words import REPORTING, TITLES, en_stop_words, prefix_related


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
        words = [re.sub(r"['’]s?$", "", w) for w in re.findall(r"[A-Za-z][\w'’-]*", en_text)]
        if not common:
            vocabulary = gloss_vocabulary()
            words = [w for w in words if w[:1].isupper() or w.lower() not in vocabulary]
        parts = [x for w in words if "-" in w for x in w.split("-") if x]
        self.words = [w for w in dict.fromkeys(words + parts)
                      if w.lower() not in en_stop_words() and w not in REPORTING]
        self.pairs = [a + " " + b for a, b in itertools.pairwise(words)
                      if a.lower() not in en_stop_words() and b.lower() not in en_stop_words()
                      and (b[:1].isupper() or not a[:1].isupper())]
        self.ar_text = ar_text
        self._best: dict[str, Match | None] = {}

    def _rendered_at(self, word: str) -> Match | None:
        if word not in self._best:
            self._best[word] = find_name_in_arabic(word, self.ar_text)
        return self._best[word]

    def __call__(self, stem: str, start: int | None = None, end: int | None = None,
                 lower: bool = True) -> bool:
        """Whether ``stem`` (at ``start``-``end`` of the Arabic text, when known) renders an
        English word (only a capitalised name word unless ``lower``)."""
        glossed = {g.lower() for g in name_glosses(stem)}
        if glossed and any(w.lower() in glossed or (len(w) >= 4 and any(
                g.startswith(w.lower()) for g in glossed)) for w in self.words):
            return True  # the lexicon's own English for it (وهيو: Hugh; يوفنتوس: Juve)
        sk = arabic_skeleton(stem)
        p = self.p
        lower_match = p.foreign_lower_match if is_foreign_name(stem) else p.lower_match
        for w in self.words + self.pairs:
            if len(w) < 3:
                continue  # St, Mr: abbreviations resemble anything with weak letters
            en = english_skeleton(w)
            sim = skeleton_similarity(en, sk)
            if not w[:1].isupper() or w.lower() in TITLES or w.lower() in GENERIC_WORDS:
                if lower and sim >= lower_match:  # translated words: a transliteration is close
                    return True
                continue
            if not (sim >= p.explain_similarity or prefix_related(en, sk)):
                continue
            m = self._rendered_at(w)
            if m is None or m.score < sim + p.explain_margin:
                return True  # not clearly rendered elsewhere: this may be its rendering
            if (start < m.end and m.start < end if start is not None and end is not None
                    else normalize(stem) in normalize(m.text)):
                return True
        return False
