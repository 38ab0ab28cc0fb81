"""Synthetic Arabic-English alignment documents with known gold, built from NTREX-128 dev.

NTREX line i of ``ar/NNN-id.txt`` translates line i of ``en/NNN-id.txt``. From each document
pair we build a source (Arabic) and target (English) document whose gold links we know:
adjacent merges on either side (1-2, 2-1), deletions on either side (1-0, 0-1 in the gold),
insertions of foreign sentences from other documents, and, in the "hard" variant, 1-3 to 1-6
links where several consecutive English sentences are joined into one Arabic sentence.

Import from another script with ``sys.path.insert(0, "scripts")`` then ``from synth import ...``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from aligner.evaluate import format_links_text

Pair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class NtrexDoc:
    """One NTREX document: parallel sentence lists (same length, line i translates line i)."""

    name: str
    ar: tuple[str, ...]
    en: tuple[str, ...]


@dataclass(frozen=True)
class SynthDoc:
    """A synthetic document pair: source (Arabic) and target (English) sentences, gold links."""

    name: str
    src: tuple[str, ...]
    tgt: tuple[str, ...]
    gold: tuple[Pair, ...]


def load_ntrex(path: str | Path) -> list[NtrexDoc]:
    """Read ``path/ar/*.txt`` and ``path/en/*.txt`` into aligned documents, sorted by name."""
    root = Path(path)
    docs = []
    for ar_file in sorted((root / "ar").glob("*.txt")):
        en_file = root / "en" / ar_file.name
        ar = ar_file.read_text(encoding="utf-8").splitlines()
        en = en_file.read_text(encoding="utf-8").splitlines()
        if len(ar) != len(en):
            raise ValueError(f"{ar_file.name}: {len(ar)} Arabic vs {len(en)} English lines")
        docs.append(NtrexDoc(ar_file.stem, tuple(ar), tuple(en)))
    if not docs:
        raise ValueError(f"no NTREX documents under {root}")
    return docs


@dataclass(frozen=True)
class Rates:
    """Per-sentence probabilities of each perturbation."""

    merge: float = 0.12
    delete: float = 0.06
    insert: float = 0.04
    many: float = 0.0  # hard variant: start a 1-3..1-6 Arabic merge here
    many_max: int = 6


HARD = Rates(merge=0.08, delete=0.04, insert=0.03, many=0.15)


def synth_document(doc: NtrexDoc, pool: list[NtrexDoc], rng: random.Random,
                   rates: Rates = Rates()) -> SynthDoc:
    """Perturb one document; foreign insertions come from ``pool`` (other documents)."""
    src: list[str] = []
    tgt: list[str] = []
    gold: list[Pair] = []

    def emit(ar: list[str], en: list[str]) -> None:
        gold.append((tuple(range(len(src), len(src) + len(ar))),
                     tuple(range(len(tgt), len(tgt) + len(en)))))
        src.extend(ar)
        tgt.extend(en)

    def foreign(lang: str) -> str:
        other = rng.choice([d for d in pool if d.name != doc.name] or pool)
        return rng.choice(other.ar if lang == "ar" else other.en)

    i, k = 0, len(doc.ar)
    while i < k:
        r = rng.random()
        left = k - i
        if rates.many and r < rates.many and left >= 3:
            size = rng.randint(3, min(rates.many_max, left))
            emit([" ".join(doc.ar[i:i + size])], list(doc.en[i:i + size]))
            i += size
            continue
        r -= rates.many
        if r < rates.merge and left >= 2:
            if rng.random() < 0.5:  # Arabic joins two sentences: 1-2
                emit([f"{doc.ar[i]} {doc.ar[i + 1]}"], [doc.en[i], doc.en[i + 1]])
            else:  # English joins two: 2-1
                emit([doc.ar[i], doc.ar[i + 1]], [f"{doc.en[i]} {doc.en[i + 1]}"])
            i += 2
            continue
        r -= rates.merge
        if r < rates.delete:
            if rng.random() < 0.5:  # omitted in the English: Arabic sentence unaligned
                emit([doc.ar[i]], [])
            else:
                emit([], [doc.en[i]])
            i += 1
            continue
        r -= rates.delete
        if r < rates.insert:
            if rng.random() < 0.5:
                emit([foreign("ar")], [])
            else:
                emit([], [foreign("en")])
            continue  # the current sentence pair follows the insertion
        emit([doc.ar[i]], [doc.en[i]])
        i += 1
    return SynthDoc(doc.name, tuple(src), tuple(tgt), tuple(gold))


def make_corpus(docs: list[NtrexDoc], seed: int, rates: Rates = Rates()) -> list[SynthDoc]:
    rng = random.Random(seed)
    return [synth_document(d, docs, rng, rates) for d in docs]


def concatenate(corpus: list[SynthDoc], name: str) -> SynthDoc:
    """One long document from many (for speed runs), gold ids shifted accordingly."""
    src: list[str] = []
    tgt: list[str] = []
    gold: list[Pair] = []
    for d in corpus:
        gold.extend((tuple(i + len(src) for i in s), tuple(j + len(tgt) for j in t))
                    for s, t in d.gold)
        src.extend(d.src)
        tgt.extend(d.tgt)
    return SynthDoc(name, tuple(src), tuple(tgt), tuple(gold))


def write_corpus(corpus: list[SynthDoc], out: Path) -> None:
    """``out/src/NAME``, ``out/tgt/NAME`` (one sentence a line) and ``out/gold/NAME``."""
    for sub in ("src", "tgt", "gold"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    for d in corpus:
        (out / "src" / d.name).write_text("".join(s + "\n" for s in d.src), encoding="utf-8")
        (out / "tgt" / d.name).write_text("".join(t + "\n" for t in d.tgt), encoding="utf-8")
        (out / "gold" / d.name).write_text(format_links_text(d.gold), encoding="utf-8")


def parse_seeds(text: str) -> list[int]:
    """'7-12' or '0,2,3' (or a mix, '0,2-4') as a list of seeds."""
    seeds: list[int] = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        seeds.extend(range(int(first), int(last or first) + 1))
    return seeds
