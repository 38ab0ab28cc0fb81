"""Score sentence alignments against gold links (strict/lax P/R/F1, null-link P/R).

    .venv/bin/python scripts/eval_alignment.py --test RUN_JSON_OR_DIR --gold GOLD_FILE_OR_DIR

Same as ``aligner eval``; prints JSON. Test files are report JSONs or ``[i]:[j]`` link files;
directories are matched to gold files by name (extensions ignored).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from aligner.evaluate import evaluate_paths
from aligner.records import AlignerError


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--test", type=Path, required=True)
    ap.add_argument("--gold", type=Path, required=True)
    args = ap.parse_args()
    try:
        scores = evaluate_paths(args.test, args.gold)
    except AlignerError as exc:
        sys.exit(f"error: {exc}")
    print(json.dumps(scores.to_json(), indent=1))


if __name__ == "__main__":
    main()
