"""``aligner ARGS…`` that blocks for good once PAUSE_AT pairs are committed, so that a test can
SIGKILL a real run in the middle: ``python tests/paused_run.py PAUSE_AT run IN --out OUT …``.
The pause is patched into this driver process only; production code holds no test hook."""

from __future__ import annotations

import sys
import time
from typing import Any

from aligner.corpus.store import RunStore


def pause_after(count: int) -> None:
    """Make ``RunStore.save_result`` block after its ``count``-th commit."""
    save = RunStore.save_result
    done = 0

    def save_then_pause(self: RunStore, *args: Any, **kwargs: Any) -> None:
        nonlocal done
        save(self, *args, **kwargs)
        done += 1
        if done == count:
            print(f"paused after {done} pairs", file=sys.stderr, flush=True)
            while True:
                time.sleep(60)

    RunStore.save_result = save_then_pause  # type: ignore[method-assign]


if __name__ == "__main__":  # spawned pool workers import this file too: patch the driver only
    from aligner.cli import app

    pause_after(int(sys.argv[1]))
    sys.argv = ["aligner", *sys.argv[2:]]
    app()
