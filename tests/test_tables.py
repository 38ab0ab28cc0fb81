"""Start-up tables compiled once into the cache directory: built once, then loaded; rebuilt
when a source changes or the file is damaged; never a failure where the cache is unwritable."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aligner.tables import compiled, table_path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ALIGNER_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_table_is_built_once_then_loaded(cache: Path, tmp_path: Path) -> None:
    source = tmp_path / "data.txt"
    source.write_text("a b c")
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {w: len(w) for w in source.read_text().split()}

    assert compiled("t", [source], build) == {"a": 1, "b": 1, "c": 1}
    assert compiled("t", [source], build) == {"a": 1, "b": 1, "c": 1}
    assert len(builds) == 1
    assert [p.name for p in (cache / "tables").iterdir()] == [table_path("t", [source]).name]
    source.write_text("dd ee")  # another size: another file, built anew
    assert compiled("t", [source], build) == {"dd": 2, "ee": 2}
    assert len(builds) == 2
    # and the stale one is gone, another table's file is not
    compiled("other", [], lambda: 0)
    assert sorted(p.name for p in (cache / "tables").iterdir()) == sorted(
        [table_path("t", [source]).name, table_path("other", []).name])


def test_a_damaged_table_is_rebuilt(cache: Path, tmp_path: Path) -> None:
    path = table_path("t", [])
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x80\x05not a pickle")
    assert compiled("t", [], lambda: [1, 2]) == [1, 2]
    assert compiled("t", [], lambda: [3]) == [1, 2]  # the rebuilt one was stored


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_cache_only_costs_the_build(cache: Path) -> None:
    cache.mkdir()
    cache.chmod(0o500)
    try:
        assert compiled("t", [], lambda: {"x": 1}) == {"x": 1}
        assert not (cache / "tables").exists()
    finally:
        cache.chmod(0o700)


def test_a_cache_path_that_is_a_file_only_costs_the_build(cache: Path) -> None:
    cache.write_text("not a folder")
    assert compiled("t", [], lambda: {"x": 1}) == {"x": 1}


def test_the_lexicon_loaded_from_the_cache_is_the_one_built(cache: Path) -> None:
    from aligner.arabic import lexicon

    lexicon._lexicon.cache_clear()
    built = lexicon._lexicon()
    lexicon._lexicon.cache_clear()
    loaded = lexicon._lexicon()
    lexicon._lexicon.cache_clear()
    assert built is not None and loaded == built and loaded is not built
    assert any(p.name.startswith("lexicon-") for p in (cache / "tables").iterdir())


def test_a_compiled_file_is_written_once_and_replaces_the_older_ones(
        cache: Path, tmp_path: Path) -> None:
    from aligner.tables import compiled_file

    source = tmp_path / "data.txt"
    source.write_text("a b")
    builds: list[Path] = []

    def build(path: Path) -> None:
        builds.append(path)
        path.write_text(source.read_text().upper())

    first = compiled_file("f", [source], build, ".txt")
    assert first is not None and first.read_text() == "A B"
    assert compiled_file("f", [source], build, ".txt") == first and len(builds) == 1
    assert builds[0].parent == first.parent and builds[0] != first  # written aside, renamed
    compiled("f2", [], lambda: 1)  # another table's file stays
    source.write_text("c")
    second = compiled_file("f", [source], build, ".txt")
    assert second is not None and second != first and second.read_text() == "C"
    assert sorted(p.name for p in (cache / "tables").iterdir()) == sorted(
        [second.name, table_path("f2", []).name])


def test_a_compiled_file_that_cannot_be_written_is_none(cache: Path) -> None:
    from aligner.tables import compiled_file

    def fail(path: Path) -> None:
        path.write_text("half")
        raise OSError(28, "No space left on device")

    assert compiled_file("f", [], fail, ".txt") is None
    assert list((cache / "tables").iterdir()) == []  # nothing half-written left
    (cache / "tables").rmdir()
    cache.rmdir()
    cache.write_text("a file where the cache folder would be")
    assert compiled_file("f", [], fail, ".txt") is None


def test_the_name_tables_loaded_from_the_cache_are_the_ones_built(cache: Path) -> None:
    from aligner.arabic import name_lists

    tables = {"foreign-name-tokens": name_lists.foreign_name_tokens,
              "listed-spellings": name_lists._listed_spellings,
              "english-given-names": name_lists._english_given_names}
    for function in tables.values():
        function.cache_clear()
    built = {name: function() for name, function in tables.items()}
    for function in tables.values():
        function.cache_clear()
    loaded = {name: function() for name, function in tables.items()}
    for name, value in built.items():
        assert len(value) > 1000 and loaded[name] == value and loaded[name] is not value
    files = [p.name for p in (cache / "tables").iterdir()]
    assert all(any(f.startswith(f"{name}-") for f in files) for name in tables)
