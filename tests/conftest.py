"""Shared fixtures: a small hand-made Arabic–English report, the seed corpus location, and a
headless Debian Chromium for the browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from aligner.records import Document, Link, Report, Segment, Side

SEEDS = Path(__file__).parent.parent / "corpora" / "seeds"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's chromium through Playwright (its own browser download needs a CDN we lack)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def make_side(path: str, lang: str, sentences: list[str]) -> Side:
    """A side whose document text is the sentences joined by newlines, with exact offsets."""
    text = "\n".join(sentences)
    segments, pos = [], 0
    for n, sentence in enumerate(sentences):
        segments.append(Segment(sentence, pos, pos + len(sentence), paragraph=n))
        pos += len(sentence) + 1
    return Side(Document(path, lang, text), tuple(segments))


@pytest.fixture
def small_report() -> Report:
    ar = make_side("ar.txt", "ar", [
        "قال ناشط محلي إن الميليشيات تسيطر على المدينة.",
        "وصلت الشاحنات من العراق.",
        "وأغلق المعبر بسبب جائحة كورونا.",
        "نص <script>alert(1)</script> & \"اقتباس\"",
    ])
    en = make_side("en.txt", "en", [
        "A local activist said militias control the city.",
        "The trucks arrived from Iraq.",
        "An extra English sentence with no Arabic counterpart.",
        "Text <script>alert(1)</script> & \"quote\"",
    ])
    links = [Link((0,), (0,), 0.91), Link((1,), (1,), 0.85), Link((2,), (), 0.0),
             Link((), (2,), 0.0), Link((3,), (3,), 0.42)]
    signature = {"tool": "aligner", "version": "test", "embedder": "fake", "params": {},
                 "string": "aligner:test|embedder:fake"}
    return Report(signature=signature, src=ar, tgt=en, links=links)
