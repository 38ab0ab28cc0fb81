"""The held-out split of the QA benchmarks (``scripts/heldout.py``), on a tiny hand-made name
table: no ``/work/shared`` data and no name packages needed."""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest


def _heldout() -> ModuleType:  # scripts/ is not a package: load the script by path
    path = Path(__file__).parent.parent / "scripts" / "heldout.py"
    spec = importlib.util.spec_from_file_location("heldout", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["heldout"] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


H = _heldout()

# English token, Arabic spelling (letters spaced, as the Wikidata table writes them), count.
TABLE = """anton\tأ ن ط و ن\t12
maria\tم ا ر ي ا\t40
tanaka\tت ا ن ا ك ا\t9
smith\tس م ي ث\t30
kitamura\tك ي ت ا م و ر ا\t13
hodge\tه و د ج\t10
oded\tع و د ي د\t3
lenka\tل ي ن ك ا\t8
ulmer\tأ و ل م ر\t2
james\tج ي م س\t50
antoon\tأ ن ط و ن\t5
"""


def _spec_half(token: str) -> str:
    """The split as the protocol states it, written out independently of the script."""
    return "tune" if hashlib.sha1(token.lower().encode("utf-8")).digest()[0] % 2 == 0 \
        else "inject"


@pytest.fixture
def rows(tmp_path: Path) -> list[Any]:
    path = tmp_path / "names.tsv"
    path.write_text(TABLE + "bad row without tabs\n", encoding="utf-8")
    return H.read_names(path)


def test_read_names_joins_the_spaced_arabic_letters_and_skips_bad_rows(rows: list[Any]) -> None:
    assert len(rows) == 11
    assert rows[0] == H.NameRow("anton", "أنطون", 12)


def test_halves_are_disjoint_cover_the_table_and_follow_the_stated_rule(rows: list[Any]) -> None:
    tune, inject = H.split_names(rows)
    assert {r.en for r in tune} & {r.en for r in inject} == set()
    assert sorted(tune + inject, key=lambda r: r.en) == sorted(rows, key=lambda r: r.en)
    assert all(_spec_half(r.en) == "tune" for r in tune)
    assert all(_spec_half(r.en) == "inject" for r in inject)
    assert tune and inject  # the tiny table has both halves


def test_the_split_is_deterministic_and_ignores_case_and_order(rows: list[Any]) -> None:
    assert H.split_names(rows) == H.split_names(list(rows))
    assert [H.name_half(r.en) for r in rows] == [H.name_half(r.en.upper()) for r in rows]
    nothing = H.Excluded(frozenset(), frozenset())
    assert H.inject_pool(rows, nothing) == H.inject_pool(list(reversed(rows)), nothing)


def test_pool_keeps_only_inject_names_no_list_holds(rows: list[Any]) -> None:
    nothing = H.Excluded(frozenset(), frozenset())
    pool = {r.en for r in H.inject_pool(rows, nothing, min_count=3)}
    inject = {r.en for r in H.split_names(rows)[1]}
    assert pool <= inject
    assert "ulmer" not in pool  # borne by 2 people only
    assert "anton" not in pool  # tune half
    # antoon (inject) shares its Arabic spelling with anton (tune): a matcher may know it
    assert _spec_half("antoon") == "inject" and "antoon" not in pool
    assert {"smith", "kitamura", "hodge", "oded", "lenka", "james"} <= pool
    listed = H.Excluded(frozenset({"smith"}), frozenset({H.fold_ar("هودج")}),
                        lambda word: word == "عوديد")
    pool = {r.en for r in H.inject_pool(rows, listed, min_count=3)}
    assert pool == {"kitamura", "lenka", "james"}


def test_pool_compares_arabic_folded() -> None:
    rows = [H.NameRow("kitamura", "كيتامورا", 13), H.NameRow("lenka", "لينكة", 8)]
    listed = H.Excluded(frozenset(), frozenset({H.fold_ar("لينكه")}))
    assert [r.en for r in H.inject_pool(rows, listed)] == ["kitamura"]
    assert H.fold_ar("إيشيباشي") == H.fold_ar("ايشيباشي")


def test_ntrex_ranges_are_disjoint_and_cover_the_dev_set() -> None:
    tune = {i for i in range(80) if H.ntrex_role(i) == "tune"}
    report = {i for i in range(80) if H.ntrex_role(i) == "report"}
    assert tune == set(range(60)) and report == set(range(60, 80))
    with pytest.raises(ValueError):
        H.ntrex_role(80)


def test_parse_indices() -> None:
    assert H.parse_indices("60-79") == list(range(60, 80))
    assert H.parse_indices("0,3,5-7,3") == [0, 3, 5, 6, 7]
    for bad in ("7-5", "a-b", "1-", ""):
        with pytest.raises(argparse.ArgumentTypeError):
            H.parse_indices(bad)


def test_pool_digest_tells_pools_apart(rows: list[Any]) -> None:
    nothing = H.Excluded(frozenset(), frozenset())
    pool = H.inject_pool(rows, nothing, min_count=3)
    assert H.pool_digest(pool) == H.pool_digest(list(pool))
    assert H.pool_digest(pool) != H.pool_digest(pool[1:])
