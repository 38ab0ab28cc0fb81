"""The pure parts of ``scripts/bench_renames.py`` and ``heldout.tune_pool``, on hand-made
sentences and a tiny name table: no ``/work/shared`` data needed."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

from aligner.records import Finding


def _script(name: str) -> ModuleType:  # scripts/ is not a package: load the script by path
    path = Path(__file__).parent.parent / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


R = _script("bench_renames")
H = sys.modules["heldout"]

NAMES = {"dalton": ("دالتون", 20), "merrick": ("ميريك", 5)}
ROW = H.NameRow("okonkwo", "أوكونكو", 7)


def test_rename_line_replaces_the_name_on_both_sides_with_prefixes_kept() -> None:
    en = "The report by Dalton was praised, and Dalton thanked the staff."
    ar = "وأشيد بتقرير دالتون، وشكر دالتون الموظفين ولدالتون أيضا."
    assert R.rename_line(en, ar, "Dalton", "دالتون", ROW) is None  # ولدالتون: two proclitics
    ar = "وأشيد بتقرير دالتون، وشكر لدالتون الموظفين."
    new_en, new_ar = R.rename_line(en, ar, "Dalton", "دالتون", ROW)
    assert new_en == "The report by Okonkwo was praised, and Okonkwo thanked the staff."
    assert new_ar == "وأشيد بتقرير أوكونكو، وشكر لأوكونكو الموظفين."


def test_rename_line_leaves_longer_words_alone() -> None:
    en = "The Daltonian view, said Dalton, is old."
    ar = "قال دالتون إن الرؤية الدالتونية قديمة."
    new_en, new_ar = R.rename_line(en, ar, "Dalton", "دالتون", ROW)
    assert new_en == "The Daltonian view, said Okonkwo, is old."
    assert new_ar == "قال أوكونكو إن الرؤية الدالتونية قديمة."
    assert R.rename_line("Nobody came.", "لم يأت أحد.", "Dalton", "دالتون", ROW) is None


def test_plan_renames_keeps_one_row_per_token_and_skips_names_of_the_document() -> None:
    en = ["The coach, Dalton, left.", "Nobody came.", "Then Dalton returned.",
          "Fans of Merrick cheered.", "Okonkow and Okonkwo wrote it."]
    ar = ["غادر دالتون المدرب.", "لم يأت أحد.", "ثم عاد دالتون إلى الفريق.",
          "هتف مشجعو ميريك كثيرا.", "كتبه شخصان."]
    pool = [ROW, H.NameRow("tamsin", "تامسين", 4), H.NameRow("bergqvist", "بيرغكفيست", 3),
            H.NameRow("halvard", "هالفارد", 9)]
    renames = R.plan_renames(en, ar, NAMES, pool, random.Random(3))
    assert [r.line for r in renames] == [0, 2, 3]
    by_token = {r.old_en: r.new for r in renames}
    assert by_token["Dalton"] == renames[1].new  # both Dalton lines get the same row
    assert all(r.new.en != "okonkwo" for r in renames)  # the document holds Okonkwo
    assert all(abs(len(r.new.en) - len(r.old_en)) <= R.MAX_LEN_GAP for r in renames)
    assert by_token["Dalton"] != by_token["Merrick"]
    assert R.plan_renames(en, ar, NAMES, pool, random.Random(3), limit=1)[0].line in (0, 2, 3)
    new_en, new_ar = R.apply_renames(en, ar, renames)
    assert new_en[1] == en[1] and new_ar[4] == ar[4]
    row = by_token["Merrick"]
    assert new_en[3] == f"Fans of {row.en.capitalize()} cheered."
    assert new_ar[3] == f"هتف مشجعو {row.ar} كثيرا."


def _finding(kind: str, src: tuple[int, ...], tgt: tuple[int, ...], entity: str = "") -> Finding:
    return Finding(kind, "major", 0.5, src, tgt, None, "", {"entity": entity})


def test_on_line_and_names_token() -> None:
    assert R.on_line(_finding("entity_mismatch", (4,), (5,)), 5)
    assert not R.on_line(_finding("entity_mismatch", (4,), (6,)), 5)
    f = _finding("inconsistent_entity", (1,), (1,), "Tamsin Okonkwo")
    assert R.names_token(f, "okonkwo") and not R.names_token(f, "Okon")


def test_tune_pool_is_inject_pools_twin_from_the_tune_half() -> None:
    rows = [H.NameRow(en, ar, 9) for en, ar in
            [("anton", "أنطون"), ("antoon", "أنطون"), ("smith", "سميث"), ("kitamura", "كيتامورا"),
             ("hodge", "هودج"), ("lenka", "لينكا"), ("maria", "ماريا"), ("tanaka", "تاناكا")]]
    nothing = H.Excluded(frozenset(), frozenset())
    tune = H.split_names(rows)[0]
    pool = H.tune_pool(rows, nothing)
    assert {r.en for r in pool} <= {r.en for r in tune}
    # anton and antoon share a spelling across the halves: in neither pool
    assert "anton" not in {r.en for r in pool} | {r.en for r in H.inject_pool(rows, nothing)}
    assert {r.en for r in pool} == {r.en for r in tune} - {"anton"}
    listed = H.Excluded(frozenset({pool[0].en}), frozenset())
    assert pool[0] not in H.tune_pool(rows, listed)


def test_attribute_counts_each_finding_once_for_the_first_rename_it_concerns() -> None:
    first = R.Rename(2, "Dalton", "دالتون", ROW)
    second = R.Rename(5, "Merrick", "ميريك", H.NameRow("tamsin", "تامسين", 4))
    both = _finding("entity_mismatch", (2,), (5,))
    elsewhere = _finding("entity_mismatch", (3,), (3,))
    forms = _finding("inconsistent_entity", (5,), (5,), "Tamsin")
    old_forms = _finding("inconsistent_entity", (5,), (5,), "Merrick")
    found = R.attribute([both, elsewhere, forms, old_forms], [first, second])
    assert found == [(first, both), (second, forms)]
    found = R.attribute([both, elsewhere, forms, old_forms], [first, second], renamed=False)
    assert found == [(first, both), (second, old_forms)]


def test_row_matched_asks_the_matcher_about_the_row_alone() -> None:
    assert R.row_matched(H.NameRow("kitamura", "كيتامورا", 13))
    assert not R.row_matched(H.NameRow("kitamura", "بورغيس", 13))
