"""Finding an English name in Arabic text: the best 1–4 token span whose skeleton (or
exonym) renders it, with clitics tried off."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from aligner.arabic.exonyms import exonym_forms
from aligner.arabic.name_distance import rendering_similarity, short_name_threshold
from aligner.arabic.name_skeleton import arabic_skeleton, english_readings
from aligner.arabic.normalize import arabic_tokens, dediacritize, normalize, strip_clitics

#: Score at or above which an English name and an Arabic span are taken as the same name
#: (names data, true pair vs random other: recall 0.95, precision 0.999 at 0.72).
MATCH_THRESHOLD = 0.72


@dataclass(frozen=True)
class Match:
    """Where an English name was found in Arabic text: offsets into that text, and the score."""

    start: int
    end: int
    text: str
    score: float



def name_similarity(english: str, arabic: str) -> float:
    """How likely ``arabic`` renders the name ``english``, in [0, 1]; clitics on the first Arabic
    word are tried off (بألبوكمال), and 1.0 for an exonym-table match (Egypt ↔ مصر)."""
    best = 0.0
    forms = exonym_forms(english)
    readings = english_readings(english)
    one_word = _one_word(english)
    words = arabic.split()
    if not words:
        return 0.0
    for _, stem in strip_clitics(words[0]):
        cand = " ".join([stem, *words[1:]])
        if forms and normalize(cand) in forms:
            return 1.0
        ar = arabic_skeleton(cand)
        best = max([best, *(rendering_similarity(en, ar, one_word=one_word) for en in readings)])
    return best


def _one_word(name: str) -> bool:
    return len(re.findall(r"[^\W\d_]+", name)) == 1



#: Prepositions and particles that a name with few consonants resembles in weak letters only
#: (Ali ≈ على, إلى): never a rendering of a short name.
_PARTICLES = frozenset(["على", "إلى", "الى", "لدى", "حتى", "متى", "عن", "أن", "إن", "أو", "أي",
                        "ان", "او", "اي"])


@lru_cache(maxsize=4096)
def _spans(arabic_text: str) -> tuple[tuple[int, int, int, bool, str, str], ...]:
    """Every 1–4 token span of ``arabic_text`` with each proclitic reading of its first token,
    in search order: (tokens, start, end, a particle, normalised text, skeleton). Computed once
    per text, since a sentence is searched for every name of its document."""
    toks = list(arabic_tokens(arabic_text))
    out = []
    for i in range(len(toks)):
        for k in range(1, min(4, len(toks) - i) + 1):
            end = toks[i + k - 1][1]
            rest = arabic_text[toks[i][1]:end]
            for off, stem in strip_clitics(toks[i][2]):
                cand = stem + rest
                out.append((k, toks[i][0] + off, end, dediacritize(stem) in _PARTICLES,
                            normalize(" ".join(cand.split())), arabic_skeleton(cand)))
    return tuple(out)


@lru_cache(maxsize=65536)
def find_name_in_arabic(english_name: str, arabic_text: str,
                        threshold: float = MATCH_THRESHOLD) -> Match | None:
    """The best 1–4 token span of ``arabic_text`` rendering ``english_name``, if any scores at
    least ``threshold``. A leading clitic is excluded from the span ("بألبوكمال" → "ألبوكمال").
    Memoised: the entity checks ask for the same name in the same sentence many times."""
    forms = exonym_forms(english_name)
    n_en = max(1, len(english_name.split()))
    one_word = _one_word(english_name)
    max_len = min(4, max(n_en + 1, max((len(f.split()) for f in forms), default=1)))
    best: Match | None = None
    for en in english_readings(english_name):
        if not en and not forms:
            continue
        short = short_name_threshold(en) > 0
        bar = max(threshold, short_name_threshold(en))
        for k, start, end, particle, norm, ar in _spans(arabic_text):
            if k > max_len or (short and k == 1 and particle):
                continue
            if forms and norm in forms:
                score = 1.0
            elif not en or abs(len(ar) - len(en)) > max(2, len(en) // 2):
                continue
            else:
                score = rendering_similarity(en, ar, max(bar, best.score if best else 0.0),
                                             one_word)
            # prefer the shortest span and the fewest stripped letters among equals
            if score >= bar and (best is None or score > best.score + 1e-9):
                best = Match(start, end, arabic_text[start:end], score)
    return best
