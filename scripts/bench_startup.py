"""Start-up time of whole ``aligner`` processes, as a newsroom pipeline sees it (one process
per article): ``check`` on the bundled seed pair and ``align`` on a one-sentence pair.

Each command runs once to warm the caches (embeddings, entities, compiled tables: in a
folder of their own, ``--cache``, so that other processes sharing ``~/.cache/aligner`` do not
replace them between runs) and Python's bytecode, then ``--runs`` times; the table gives the
median wall time. The machine's load moves the figures: compare versions by running them
alternately (``--python`` and ``PYTHONPATH`` pick the code).

    python scripts/bench_startup.py [--runs 5] [--cache DIR] [--no-bytecode]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"
TARGETS = {"check": 1.5, "align": 0.8}  # seconds, median wall (issue #25)


def timed(command: list[str], env: dict[str, str], cwd: str) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one process: on a busy machine the CPU time
    says what the code costs, the wall time what a user waits."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # run outside the repository: `python -m` puts the working directory first on sys.path,
    # which would time the checkout there whatever PYTHONPATH says
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False,
                          cwd=cwd)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--python", default=sys.executable, help="interpreter to time")
    parser.add_argument("--cache", help="ALIGNER_CACHE of the timed processes (default: a "
                                        "new temporary folder, warmed by the first run)")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="time with PYTHONDONTWRITEBYTECODE=1: every aligner module "
                             "compiled at every start, as in a checkout that cannot keep "
                             "its .pyc files (an installed package has them)")
    args = parser.parse_args()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if args.no_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        env["ALIGNER_CACHE"] = args.cache or str(Path(tmp) / "cache")
        one_ar, one_en = Path(tmp) / "ar.txt", Path(tmp) / "en.txt"
        one_ar.write_text("وصلت الشاحنات من العراق صباح اليوم.\n", encoding="utf-8")
        one_en.write_text("The trucks arrived from Iraq this morning.\n", encoding="utf-8")
        ar, en = sorted(SEEDS.glob("004_*.txt"))[0], sorted(SEEDS.glob("000_*.txt"))[0]
        commands = {
            "check": [args.python, "-m", "aligner", "check", str(ar), str(en),
                      "--json", str(Path(tmp) / "r.json")],
            "align": [args.python, "-m", "aligner", "align", str(one_ar), str(one_en)],
        }
        for command in commands.values():  # warm: caches, compiled tables, bytecode
            timed(command, env, tmp)
        load_before = os.getloadavg()[0]
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):  # alternately, so that the machine's load hits both alike
            for name, command in commands.items():
                times[name].append(timed(command, env, tmp))
    print(f"| command | wall, median of {args.runs} (s) | min–max (s) | CPU, median (s) "
          "| target, wall (s) |")
    print("|---|---|---|---|---|")
    labels = {"check": "aligner check (seed pair 004/000)",
              "align": "aligner align (one-sentence pair)"}
    for name, values in times.items():
        wall, cpu = [v[0] for v in values], [v[1] for v in values]
        print(f"| {labels[name]} | {statistics.median(wall):.2f} | {min(wall):.2f}–"
              f"{max(wall):.2f} | {statistics.median(cpu):.2f} | ≤ {TARGETS[name]} |")

    print(f"\nload average (1 min): {load_before:.2f} before the timed runs, "
          f"{os.getloadavg()[0]:.2f} after; {os.cpu_count()} CPUs"
          f"{'; PYTHONDONTWRITEBYTECODE=1' if args.no_bytecode else ''}")


if __name__ == "__main__":
    main()
