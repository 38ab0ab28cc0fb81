"""Benchmark sentence segmentation speed on synthetic text (no data needed).

    .venv/bin/python scripts/bench_segment.py

Three cases: 10,200 Arabic sentences in 3,400 paragraphs (with an abbreviation, a question
mark and a year), a 100,000-character run of one-word clauses joined by "؛" (each one a
candidate break that the clause rule must reject without rescanning), and a 2.7 MB English text
with no punctuation at all (cut by the length cap). Prints seconds and segments per second.
"""

from __future__ import annotations

import random
import time

from aligner.records import Document
from aligner.segment import segment_document


def cases() -> list[tuple[str, Document]]:
    rng = random.Random(0)
    words = [f"word{i}" for i in range(50)]
    return [
        ("10,200 Arabic sentences", Document("sentences.txt", "ar", "\n\n".join(
            ["قال ناشط محلي إن الوضع تغير بعد 2020. وأضاف د. علي أنه مستقر؟ نعم."] * 3400))),
        ("100k characters of '؛' clauses", Document("clauses.txt", "ar",
                                                     "؛ ".join(["كلمة"] * 20000) + ".")),
        ("2.7 MB without punctuation", Document("run.txt", "en", " ".join(
            rng.choice(words) for _ in range(400_000)))),
    ]


def main() -> None:
    print("| text | characters | segments | seconds | segments/s |")
    print("|---|---|---|---|---|")
    for name, doc in cases():
        began = time.perf_counter()
        segs = segment_document(doc)
        took = time.perf_counter() - began
        print(f"| {name} | {len(doc.text):,} | {len(segs):,} | {took:.2f} | "
              f"{len(segs) / took:,.0f} |")


if __name__ == "__main__":
    main()
