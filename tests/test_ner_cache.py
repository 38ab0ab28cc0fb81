"""The entity cache: what it serves is what spaCy finds, a warm cache never imports spaCy, a
damaged file or row is computed again, ``--no-cache`` turns it off."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from aligner import ner
from aligner.ner_cache import FILE_NAME, entity_cache

TEXTS = [
    "Iran-aligned militias have achieved dominance in the eastern province of Deir Ezzor, "
    "Albu Kamal media activist Ayham al-Ali told Diyaruna.",
    "THE UN SECURITY COUNCIL MEETS IN NEW YORK",  # recased before it is read
    "The Syrian regime's influence has declined in this area, he said.",
    "The militias expelled Liwa al-Quds militiamen, who had switched allegiance to Russia.",
    "The Syrian regime's influence has declined in this area, he said.",  # twice
    "",
]


def _no_spacy() -> Any:
    raise AssertionError("spaCy loaded although every text is cached")


def test_the_cache_serves_what_spacy_finds_and_is_read_the_second_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    uncached = ner.english_entities_many(TEXTS)
    assert any(uncached)  # names to compare, not only empty lists
    with entity_cache(tmp_path):
        assert ner.english_entities_many(TEXTS) == uncached  # computed, then stored
        monkeypatch.setattr(ner, "_nlp", _no_spacy)
        assert ner.english_entities_many(TEXTS) == uncached
        assert ner.english_entities_many(TEXTS[2:]) == uncached[2:]
    assert (tmp_path / FILE_NAME).is_file()


def test_a_damaged_cache_file_is_computed_again_and_replaced(tmp_path: Path) -> None:
    uncached = ner.english_entities_many(TEXTS[:2])
    (tmp_path / FILE_NAME).write_bytes(b"not a database, but a file of the same name" * 50)
    with entity_cache(tmp_path):
        assert ner.english_entities_many(TEXTS[:2]) == uncached
    with sqlite3.connect(tmp_path / FILE_NAME) as db:  # a database again, with the rows
        assert db.execute("SELECT COUNT(*) FROM mentions").fetchone()[0] >= 2


def test_a_damaged_row_is_computed_again_and_replaced(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    uncached = ner.english_entities_many(TEXTS[:1])
    with entity_cache(tmp_path):
        ner.english_entities_many(TEXTS[:1])
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        assert db.execute("UPDATE mentions SET v = ?", ('[["PERSON", "x"]]',)).rowcount == 1
    with entity_cache(tmp_path):
        assert ner.english_entities_many(TEXTS[:1]) == uncached
        monkeypatch.setattr(ner, "_nlp", _no_spacy)  # the row was replaced
        assert ner.english_entities_many(TEXTS[:1]) == uncached


def test_another_model_than_the_one_named_is_not_cached(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "_is_model", lambda nlp, name: False)
    with entity_cache(tmp_path):
        ner.english_entities_many(TEXTS[:1])
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        assert db.execute("SELECT COUNT(*) FROM mentions").fetchone()[0] == 0


def test_the_cache_is_off_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIGNER_CACHE", str(tmp_path))
    ner.english_entities_many(TEXTS[:1])
    assert not (tmp_path / FILE_NAME).exists()


def test_stop_words_are_spacys() -> None:
    ner.import_spacy()
    from spacy.lang.ar.stop_words import STOP_WORDS as AR
    from spacy.lang.en.stop_words import STOP_WORDS as EN

    assert ner.stop_words("en") == EN and ner.stop_words("ar") == AR


_EN = ["The Syrian regime's influence has declined in this area, Ayham al-Ali said.",
       "Civilian buses also crossed over from Iraq, he added.",
       "Tension flared in Albu Kamal after intelligence elements confiscated several houses."]
_AR = ["وأوضح أيهم العلي أن نفوذ النظام السوري قد تراجع في هذه المنطقة.",
       "واستدرك أن حافلات مدنية عبرت أيضًا من العراق.",
       "كما شهدت ألبوكمال توترًا بعد قيام عناصر المخابرات بمصادرة بعض المنازل."]
# a whole `aligner check` in a process of its own: did it import spaCy, and what did it find
_CHECK = ("import json, sys\n"
          "from aligner.cli import app\n"
          "app(['check', *sys.argv[1:]], standalone_mode=False)\n"
          "print(json.dumps('spacy' in sys.modules))\n")


def _check(tmp_path: Path, *options: str) -> tuple[bool, list[Any]]:
    import os

    out = tmp_path / "report.json"
    env = {**os.environ, "ALIGNER_CACHE": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", _CHECK, str(tmp_path / "en.txt"),
                           str(tmp_path / "ar.txt"), "--presegmented", "--json", str(out),
                           *options], capture_output=True, text=True, env=env, timeout=600,
                          check=True)
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    return json.loads(done.stdout.splitlines()[-1]), findings


def test_a_check_with_a_warm_cache_never_imports_spacy(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text("\n".join(_EN) + "\n", encoding="utf-8")
    (tmp_path / "ar.txt").write_text("\n".join(_AR[:2]) + "\n", encoding="utf-8")
    cold_spacy, cold = _check(tmp_path)
    warm_spacy, warm = _check(tmp_path)
    off_spacy, off = _check(tmp_path, "--no-cache")
    assert (cold_spacy, warm_spacy, off_spacy) == (True, False, True)
    assert cold == warm == off and any(f["kind"] == "omission" for f in cold)
    assert (tmp_path / "cache" / FILE_NAME).is_file()
