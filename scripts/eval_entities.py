"""The entity check alone, quickly, on NTREX dev documents read line by line as 1-1 links (no
embedder, no alignment): alarms on the clean documents, and precision and recall on name swaps
planted with names the check's lists do not know.

Each document is checked as it is (every entity finding there is counted as a false alarm; a
few are NTREX's own errors) and again with up to three swaps, at lines at least two apart,
alternately on the English and the Arabic side: a person-name token found on both sides
(mid-sentence in English, a whole word in Arabic, as ``bench_qa.swap_name`` finds them) is
replaced by a name of the ``--half`` of the Wikidata tokens (``scripts/heldout.py``'s split:
the English token's SHA-1) that no list of the check holds (``unlisted``). A swap counts as
found when an entity_mismatch finding has a segment on its line; a finding of the swapped
document on an untouched line that the clean document does not have is a false alarm.
Documents alternate direction (even: English source; odd: Arabic source).

    python scripts/eval_entities.py --ntrex ../shared/data/ntrex-dev --docs 0-59 [--dump]

Tune on documents 0-59 and the "tune" half only; 60-79 and the "inject" half are held out.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from heldout import load_ntrex, name_half

from aligner.arabic.lexicon import name_glosses
from aligner.arabic.names import (
    exonym_english,
    is_common_given_name,
    is_foreign_name,
    is_listed_name,
    is_personal_name,
    is_rare_name,
    transliterates_foreign_name,
)
from aligner.checks.base import CheckContext, get_check
from aligner.records import Document, Finding, Link, Report, Segment, Side

NAMES_TSV = "names/wikidata-person-tokens-ar-en.tsv"


def unlisted(english: str, arabic: str) -> bool:
    """Whether no list the entity check reads holds the name, in either script."""
    return not (is_personal_name(english) or is_foreign_name(arabic) or is_listed_name(arabic)
                or is_common_given_name(arabic) or is_rare_name(arabic) or name_glosses(arabic)
                or exonym_english(arabic) or transliterates_foreign_name(arabic))


def load_names(root: Path, which: str) -> dict[str, tuple[str, int]]:
    """English token → (Arabic spelling, count) of one half, tokens seen 3+ times."""
    names = {}
    for row in (root.parent / NAMES_TSV).read_text(encoding="utf-8").splitlines():
        parts = row.split("\t")
        if (len(parts) == 3 and int(parts[2]) >= 3 and len(parts[0]) >= 4
                and name_half(parts[0]) == which):
            names[parts[0]] = (parts[1].replace(" ", ""), int(parts[2]))
    return names


def report(en: list[str], ar: list[str], src_lang: str) -> Report:
    def side(lang: str, lines: list[str]) -> Side:
        segs, pos = [], 0
        for n, line in enumerate(lines):
            segs.append(Segment(line, pos, pos + len(line), paragraph=n))
            pos += len(line) + 2
        return Side(Document(f"doc.{lang}", lang, "\n\n".join(lines)), tuple(segs))

    s, t = (en, ar) if src_lang == "en" else (ar, en)
    tgt_lang = "ar" if src_lang == "en" else "en"
    return Report({}, side(src_lang, s), side(tgt_lang, t),
                  [Link((i,), (i,), 0.9) for i in range(len(en))])


def entity_findings(rep: Report) -> list[Finding]:
    return get_check("entity_mismatch").run(CheckContext(rep))


def swap(en: str, ar: str, side: str, names: dict[str, tuple[str, int]],
         pool: list[str], known: dict[str, str], rng: random.Random
         ) -> tuple[str, str, str] | None:
    """The line with a person token (its Arabic spelling from ``known``) replaced by a name
    of ``pool`` on one side, and what was swapped (old -> new), or None when it has no such
    token."""
    found = []
    for m in re.finditer(r"(?<=[a-z,] )[A-Z][a-z]{3,}\b", en):
        arabic = known.get(m.group().lower(), "")
        if len(arabic) >= 4 and re.search(rf"(?<!\S)[وبلف]?{arabic}(?!\S)", ar):
            found.append(m.group())
    if not found:
        return None
    word = rng.choice(found)
    other = rng.choice([n for n in pool if n[0] != word[0].lower()])
    if side == "en":
        return (re.sub(rf"\b{word}\b", other.capitalize(), en, count=1), ar,
                f"{word} -> {other.capitalize()}")
    arabic = known[word.lower()]
    return (en, re.sub(rf"(?<!\S)([وبلف]?){arabic}(?!\S)",
                       lambda m: m.group(1) + names[other][0], ar, count=1),
            f"{arabic} -> {names[other][0]}")


def lines_of(f: Finding) -> set[int]:
    return set(f.src) | set(f.tgt)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ntrex", type=Path, required=True)
    parser.add_argument("--docs", default="0-59", help="A range of documents, e.g. 0-59.")
    parser.add_argument("--half", choices=("tune", "inject"), default="tune")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dump", action="store_true", help="Print every finding.")
    parser.add_argument("--width", type=int, default=90, help="Characters of a line printed.")
    args = parser.parse_args()
    width = args.width
    first, _, last = args.docs.partition("-")
    docs = load_ntrex(args.ntrex)[int(first):int(last or first) + 1]
    every = load_names(args.ntrex, "tune") | load_names(args.ntrex, "inject")
    known = {k: v[0] for k, v in every.items()}  # any token tells where a name stands
    names = load_names(args.ntrex, args.half)
    pool = sorted(n for n, (ar, _) in names.items() if n.isalpha() and unlisted(n, ar))
    print(f"{len(pool)} unlisted names of the {args.half} half to plant")
    rng = random.Random(args.seed)
    pairs = clean_alarms = hits = planted = false = 0
    for n, (name, en, ar) in enumerate(docs):
        lang = "en" if n % 2 == 0 else "ar"
        clean = entity_findings(report(en, ar, lang))
        pairs += len(en)
        clean_alarms += len(clean)
        for f in clean if args.dump else ():
            print(f"  CLEAN {name} {lang} {f.src}/{f.tgt} {f.severity} {f.message}")
        en2, ar2, side = list(en), list(ar), "en"
        swapped: list[int] = []
        what: dict[int, str] = {}
        for i in rng.sample(range(len(en)), len(en)):
            if len(swapped) == 3 or any(abs(i - k) < 2 for k in swapped):
                continue
            new = swap(en[i], ar[i], side, names, pool, known, rng)
            if new:
                en2[i], ar2[i], what[i] = new
                swapped.append(i)
                side = "ar" if side == "en" else "en"
        if not swapped:
            continue
        found = entity_findings(report(en2, ar2, lang))
        before = {(f.src, f.tgt, f.message) for f in clean}
        for i in swapped:
            hit = any(i in lines_of(f) for f in found)
            hits += hit
            planted += 1
            if args.dump or not hit:
                print(f"  {'HIT ' if hit else 'MISS'}  {name} {lang} line {i} ({what[i]}): "
                      f"{en2[i][:width]!r} / {ar2[i][:width]!r}")
        for f in found:
            if not lines_of(f) & set(swapped) and (f.src, f.tgt, f.message) not in before:
                false += 1
                print(f"  FALSE {name} {lang} {f.src}/{f.tgt} {f.message}")
    print(f"clean: {pairs} pairs, {clean_alarms} entity findings "
          f"({100 * clean_alarms / max(pairs, 1):.2f} per 100 pairs)")
    print(f"swaps: {planted} planted, {hits} found (recall {hits / max(planted, 1):.3f}); "
          f"{false} new findings elsewhere (precision {hits / max(hits + false, 1):.3f})")


if __name__ == "__main__":
    main()
