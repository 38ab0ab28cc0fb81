"""The run store: one transaction per pair, no duplicate rows, finished work kept only while
its documents are unchanged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import make_side

from aligner.corpus.store import RunStore, WantedPair
from aligner.records import AlignerError, Finding, Link


def _store_with_docs(tmp_path: Path) -> RunStore:
    store = RunStore(tmp_path)
    ar = make_side("ar.txt", "ar", ["جملة أولى.", "جملة ثانية."])
    store.save_document("ar.txt", "sha-ar", ar)
    store.save_document("en.txt", "sha-en", make_side("en.txt", "en", ["First.", "Second."]))
    return store


def _finding() -> Finding:
    return Finding("omission", "major", 0.9, (1,), (), "tgt", "missing", {"note": "x"})


def test_wal_mode_and_roundtrip_of_a_side(tmp_path: Path) -> None:
    store = _store_with_docs(tmp_path)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    side = store.side("ar.txt")
    assert side.texts == ["جملة أولى.", "جملة ثانية."]
    assert all(side.document.text[s.start:s.end] == s.text for s in side.segments)


def test_saving_a_pair_twice_keeps_one_copy_of_each_row(tmp_path: Path) -> None:
    store = _store_with_docs(tmp_path)
    store.sync_pairs([WantedPair("ar.txt", "en.txt", "pairing", 0.9, {"matches": 2})], [])
    [(pid, _, _)] = store.pending_pairs()
    links = [Link((0,), (0,), 0.8), Link((1,), (1,), 0.7)]
    for _ in range(2):
        store.save_result(pid, {"string": "sig"}, links, [_finding()], 0.75)
    assert store.counts()["links"] == 2 and store.counts()["findings"] == 1
    assert store.pending_pairs() == []
    [pair] = store.pairs()
    report = store.report(pair)
    assert report.links == links and report.findings == [_finding()]
    assert (pair.links, pair.findings, pair.translated_share) == (2, 1, 0.75)


def test_sync_keeps_done_pairs_and_redoes_changed_documents(tmp_path: Path) -> None:
    store = _store_with_docs(tmp_path)
    wanted = [WantedPair("ar.txt", "en.txt", "pairing", 0.9, {})]
    store.sync_pairs(wanted, [("other.txt", "no candidate")])
    [(pid, _, _)] = store.pending_pairs()
    store.save_result(pid, {}, [Link((0,), (0,), 0.8)], None, 0.5)
    store.sync_pairs(wanted, [])
    assert store.pending_pairs() == [] and store.pairs()[0].findings is None
    store.save_document("en.txt", "sha-en-2", make_side("en.txt", "en", ["Changed."]))
    store.sync_pairs(wanted, [])
    assert len(store.pending_pairs()) == 1 and store.counts()["links"] == 0
    store.sync_pairs([], [])
    assert store.counts()["pairs"] == 0


def test_forgetting_a_document_drops_its_pairs(tmp_path: Path) -> None:
    store = _store_with_docs(tmp_path)
    store.sync_pairs([WantedPair("ar.txt", "en.txt", "pairing", 0.9, {})], [])
    store.forget_documents(["ar.txt"])
    assert set(store.documents()) == {"ar.txt"}
    assert store.counts()["pairs"] == 0 and store.counts()["segments"] == 2


def test_a_pair_that_fails_to_save_leaves_nothing_behind(tmp_path: Path) -> None:
    store = _store_with_docs(tmp_path)
    store.sync_pairs([WantedPair("ar.txt", "en.txt", "pairing", 0.9, {})], [])
    [(pid, _, _)] = store.pending_pairs()
    unserialisable = Finding("omission", "major", 0.9, (1,), (), "tgt", "m", {"x": object()})
    with pytest.raises(TypeError):  # links are written first, then the findings fail
        store.save_result(pid, {}, [Link((0,), (0,), 0.8)], [unserialisable], 0.5)
    assert store.counts()["links"] == 0 and len(store.pending_pairs()) == 1


def test_failures_list_documents_manifest_rows_and_pairs(tmp_path: Path) -> None:
    store = _store_with_docs(tmp_path)
    store.save_document("bad.txt", None, None, "no such file")
    store.set_input_errors([("list.csv:3", "ar.txt", "duplicate")])
    store.sync_pairs([WantedPair("ar.txt", "en.txt", "pairing", 0.9, {})], [])
    store.save_error(store.pending_pairs()[0][0], "boom")
    failed = dict(store.failures())
    assert failed["bad.txt"] == "no such file"
    assert failed["list.csv:3 (ar.txt)"] == "duplicate"
    assert failed["ar.txt ↔ en.txt"] == "boom"


def test_one_run_at_a_time_per_output_directory(tmp_path: Path) -> None:
    with RunStore(tmp_path) as first:
        first.lock()
        busy = pytest.raises(AlignerError, match="another 'aligner run'")
        with busy, RunStore(tmp_path) as second:
            second.lock()
    with RunStore(tmp_path) as again:  # released when the first run ended
        again.lock()


def test_a_damaged_run_store_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "run.sqlite").write_text("not a database, whatever it was" * 10)
    with pytest.raises(AlignerError) as err:
        RunStore(tmp_path)
    assert err.value.path == str(tmp_path / "run.sqlite")
    assert err.value.problem == ("run store unusable (file is not a database); move it away to "
                                 "start over, or use another --out")


def test_a_full_disk_mid_run_is_one_clear_error_that_says_how_to_resume(tmp_path: Path) -> None:
    store = RunStore(tmp_path)
    with pytest.raises(AlignerError) as err, store.transaction() as db:
        db.execute("INSERT INTO meta VALUES ('probe', 'x')")
        raise sqlite3.OperationalError("database or disk is full")
    assert err.value.problem == ("cannot write the run store (database or disk is full); free "
                                 "some space and run the same command again to resume")
    assert store.get_meta("probe") is None  # rolled back
