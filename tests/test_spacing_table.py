"""The word costs of the run-together-word splitter, looked up in a SQLite file compiled once:
the same splits as the whole list loaded, and a damaged or unwritable file only costs a load."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from aligner.arabic import spacing

TOKENS = ["قالوزيرالدفاعإنالقواتانسحبتمنالمدينةصباحاليوم", "أعلنتالحكومةعنخطةجديدة",
          "إلىأن", "فيالبيت", "ستيفانوبولوس", "هولي", "وسيكتبونها", "عبدالله", "برانستاد",
          "لاتفاقيتنا", "يضممجموعة", "وأضافأنالمفاوضاتستستأنففيالقاهرة"]
# a small list, so that a test builds its own file in a moment
SMALL = {"قال": 2.5, "وزير": 3.9, "الدفاع": 4.1, "إلى": 2.0, "أن": 1.8, "إلىأن": 7.6}


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[spacing._Costs]:
    """A new lookup in place of the module's, and no split remembered from before."""
    costs = spacing._Costs()
    monkeypatch.setattr(spacing, "_COSTS", costs)
    spacing.split_token.cache_clear()
    yield costs
    spacing.split_token.cache_clear()


def test_splits_from_the_file_are_those_of_the_whole_list(
        fresh: spacing._Costs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from_file = [spacing.split_token(t) for t in TOKENS]
    assert fresh._all is None and fresh._path is not None  # read from the file
    (tmp_path / "cache").write_text("a file where the cache folder would be")
    monkeypatch.setenv("ALIGNER_CACHE", str(tmp_path / "cache"))
    whole = spacing._Costs()
    monkeypatch.setattr(spacing, "_COSTS", whole)
    spacing.split_token.cache_clear()
    assert [spacing.split_token(t) for t in TOKENS] == from_file
    assert whole._all is not None and len(whole._all) > 500_000  # loaded whole, as before
    assert sum(len(s) > 1 for s in from_file) >= 5  # splits to compare, not only whole words


def test_a_damaged_file_is_dropped_and_built_again(
        fresh: spacing._Costs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIGNER_CACHE", str(tmp_path))
    monkeypatch.setattr(spacing, "_word_costs", lambda: dict(SMALL))
    assert spacing.split_token("قالوزير") == ("قال", "وزير")
    path = fresh._path
    assert path is not None and path.suffix == ".sqlite"
    path.write_bytes(b"not a database" * 100)
    damaged = spacing._Costs()
    assert damaged.lookup({"قال", "قا"}) == SMALL  # the whole list instead
    assert not path.exists()
    rebuilt = spacing._Costs()
    assert rebuilt.lookup({"إلىأن", "إلى", "x"}) == {"إلىأن": 7.6, "إلى": 2.0}
    assert rebuilt._all is None and path.is_file()
