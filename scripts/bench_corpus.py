"""Corpus-run throughput: synthetic document pairs from NTREX, end to end with ``aligner run``.

Builds ``--pairs`` Arabic/English article pairs of ``--sentences`` sentences each from the
NTREX-128 dev set (contiguous slices, then seeded shuffles of the sentence pairs once the
slices run out, so no two articles share more than a sentence or two), then runs the real
``aligner run`` command once per engine setting, each in a fresh output directory with a fresh
embedding cache, and reports wall-clock pairs per second and the peak resident memory of the
whole process tree (driver, pool workers, Ray processes), sampled every 0.2 s. A last row
times a rerun on the unchanged input (resume: hashing only). Pairs that document pairing
rejects (NTREX has a few noisy lines) are not aligned; the table says how many were.

    python scripts/bench_corpus.py --ntrex ../shared/data/ntrex-dev
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


def build_collection(ntrex: Path, root: Path, pairs: int, sentences: int) -> None:
    """Write ``root/ar/NNNN.txt`` and ``root/en/NNNN.txt`` article pairs."""
    lines: list[tuple[str, str]] = []
    for en_file in sorted((ntrex / "en").glob("*.txt")):
        en = en_file.read_text(encoding="utf-8").splitlines()
        ar = (ntrex / "ar" / en_file.name).read_text(encoding="utf-8").splitlines()
        lines += [(a.strip(), e.strip()) for a, e in zip(ar, en, strict=True)
                  if a.strip() and e.strip()]
    order = list(range(len(lines)))
    rng = random.Random(0)
    chunks: list[list[int]] = []
    while len(chunks) < pairs:
        chunks += [order[i:i + sentences] for i in range(0, len(order) - sentences + 1,
                                                           sentences)]
        rng.shuffle(order)
    for k, chunk in enumerate(chunks[:pairs]):
        for side, lang in ((0, "ar"), (1, "en")):
            sents = [lines[i][side] for i in chunk]
            paragraphs = [" ".join(sents[i:i + 2]) for i in range(0, len(sents), 2)]
            path = root / lang / f"{k:04d}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


class TreeMemory:
    """Peak summed RSS of a process and all its descendants, sampled in a thread."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(_rss(p) for p in _tree(self.pid)))
            time.sleep(0.2)


def _tree(root: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, grew = {root}, True
    while grew:
        new = {p for p, pp in parents.items() if pp in tree} - tree
        tree |= new
        grew = bool(new)
    return tree


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run(inputs: Path, out: Path, engine: str, workers: int, check: bool,
        cache: Path) -> tuple[float, int, str, str]:
    """One ``aligner run``: (seconds, peak tree RSS bytes, summary line, stage times)."""
    aligner = str(Path(sys.executable).with_name("aligner"))
    cmd = [aligner, "run", str(inputs), "--out", str(out), "--engine", engine,
           "--workers", str(workers), "--no-html", "--check" if check else "--no-check"]
    env = {**os.environ, "ALIGNER_CACHE": str(cache), "COLUMNS": "200"}
    env.pop("RAY_ADDRESS", None)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    memory = TreeMemory(proc.pid)
    stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    peak = memory.stop()
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-3000:]}")
    summary = next((x for x in stdout.splitlines() if x.startswith("aligned ")), "")
    stages = next((x for x in stderr.splitlines() if x.startswith("time: ")), "")
    return seconds, peak, summary, stages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ntrex", type=Path, required=True, help="ntrex-dev folder (ar/, en/)")
    ap.add_argument("--pairs", type=int, default=500)
    ap.add_argument("--sentences", type=int, default=5, help="sentences per article")
    ap.add_argument("--runs", default="local:1,local:2,ray:2",
                    help="engine:workers settings to time, comma-separated")
    ap.add_argument("--no-check", dest="check", action="store_false",
                    help="align only, skip the translation checks")
    ap.add_argument("--workdir", type=Path, help="keep the collection and outputs here")
    args = ap.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench_corpus."))
    build_collection(args.ntrex, work / "in", args.pairs, args.sentences)
    print(f"{args.pairs} pairs x {args.sentences} sentences, checks "
          f"{'on' if args.check else 'off'}, {os.cpu_count()} cores, collection in {work}")
    print("| engine | workers | pairs aligned | seconds | pairs/s | peak RSS (MiB) |")
    print("|---|---:|---:|---:|---:|---:|")
    first: tuple[Path, str, int] | None = None
    notes: list[str] = []
    for spec in args.runs.split(","):
        engine, _, count = spec.partition(":")
        workers = int(count or 1)
        out = work / f"out-{engine}-{workers}"
        seconds, peak, summary, stages = run(work / "in", out, engine, workers, args.check,
                                             work / f"cache-{engine}-{workers}")
        notes.append(f"{spec}: {stages}")
        found = re.search(r"aligned (\d+)", summary)
        done = int(found.group(1)) if found else 0
        print(f"| {engine} | {workers} | {done} | {seconds:.1f} | {done / seconds:.2f} | "
              f"{peak / 2**20:.0f} |", flush=True)
        first = first or (out, engine, workers)
    if first:
        out, engine, workers = first
        seconds, peak, summary, stages = run(work / "in", out, engine, workers, args.check,
                                             work / f"cache-{engine}-{workers}")
        print(f"| {engine} rerun, unchanged input | {workers} | 0 | {seconds:.1f} | — | "
              f"{peak / 2**20:.0f} |")
        notes.append(f"rerun: {summary}; {stages}")
    print("\n".join(notes))


if __name__ == "__main__":
    main()
