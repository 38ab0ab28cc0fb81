"""The HTML review page in real headless Chromium: DOM, filters, keyboard, safety, no network.

Uses Debian's /usr/bin/chromium (``scripts/install_browser.sh`` installs it); Playwright's own
browser download is not used.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import CHROMIUM
from test_report_html import hostile_report
from test_report_terminal import LINKS, sample_report

from aligner.report.html import IndexEntry, render_index, write_html

if TYPE_CHECKING:  # the tests skip, not fail, without playwright: import it for types only
    from playwright.sync_api import Browser, Dialog, Page


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="/usr/bin/chromium absent: run scripts/install_browser.sh"),
]
pytest.importorskip("playwright.sync_api")  # skip, not fail, without it


class Opened:
    """A page loaded from a file:// URL, with every request, dialog and error it caused."""

    def __init__(self, browser: Browser, path: Path, width: int = 1400) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))

        def on_dialog(dialog: Dialog) -> None:
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        self.page.on("dialog", on_dialog)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error"
                     else None)
        self.page.goto(self.url)

    def visible_rows(self) -> int:
        return self.page.locator("#rows tbody tr:visible").count()


@pytest.fixture
def opened(browser: Browser, tmp_path: Path) -> Iterator[Opened]:
    path = tmp_path / "review.html"
    write_html(sample_report(), path)
    page = Opened(browser, path)
    yield page
    page.page.close()


def test_dom_rows_findings_and_rtl(opened: Opened, tmp_path: Path) -> None:
    page = opened.page
    assert page.locator("#rows tbody tr").count() == len(LINKS)
    assert page.locator(".finding").count() == 7
    assert page.locator("mark.hl").count() >= 5
    cells = page.locator('td[lang="ar"]')
    assert cells.count() == len(LINKS)
    for n in range(cells.count()):
        assert cells.nth(n).get_attribute("dir") == "rtl"
    style = page.eval_on_selector('td[lang="ar"]', "td => { const s = getComputedStyle(td);"
                                  " return [s.direction, s.textAlign, s.fontFamily]; }")
    assert style[0] == "rtl" and style[1] in ("right", "start") and "Naskh" in style[2]
    assert page.locator("#shown").inner_text() == f"{len(LINKS)} of {len(LINKS)} rows"
    page.screenshot(path=str(tmp_path / "review.png"), full_page=True)
    assert (tmp_path / "review.png").stat().st_size > 10_000
    assert opened.requests == [opened.url] and not opened.errors


def test_filters_hide_and_show_rows(opened: Opened) -> None:
    page = opened.page
    page.uncheck("#show-clean")
    assert opened.visible_rows() == 5  # the rows with findings
    page.uncheck('input[data-filter="severity"][value="major"]')
    assert opened.visible_rows() == 3  # omission, length ratio (row 2), untranslated
    assert page.locator("mark.hl.k-number_mismatch.off").count() == 2
    page.uncheck('input[data-filter="kind"][value="length_ratio"]')
    assert opened.visible_rows() == 2
    assert page.locator("section.doc .finding:visible").count() == 0
    assert page.locator("#shown").inner_text() == f"2 of {len(LINKS)} rows"
    page.check('input[data-filter="severity"][value="major"]')
    page.check("#show-clean")
    assert opened.visible_rows() == len(LINKS)


def focused_finding(page: Page) -> tuple[str | None, str | None]:
    """The focused finding's id and the id of the row holding it."""
    found = page.evaluate(
        "() => { const f = document.activeElement; const r = f.closest('tr');"
        " return [f.dataset.f || null, r ? r.id : null]; }")
    return found[0], found[1]


def test_keyboard_moves_between_findings(opened: Opened) -> None:
    page = opened.page
    page.keyboard.press("j")
    assert focused_finding(page) == ("6", None)  # the whole-document finding comes first
    page.keyboard.press("j")
    assert focused_finding(page) == ("4", "row-2")  # most severe finding of row 2
    assert page.locator("tr.current").get_attribute("id") == "row-2"
    assert page.locator("mark.hl.current").inner_text() == "almost full"
    page.keyboard.press("n")
    assert focused_finding(page) == ("5", "row-2")
    page.keyboard.press("j")
    assert focused_finding(page) == ("1", "row-3")
    page.keyboard.press("k")
    assert focused_finding(page) == ("5", "row-2")
    # filtered-out findings are skipped, and the current row is scrolled into view
    page.uncheck('input[data-filter="severity"][value="major"]')
    page.keyboard.press("j")
    assert focused_finding(page) == ("0", "row-4")
    page.keyboard.press("j")
    assert focused_finding(page) == ("3", "row-8")
    box = page.locator("#row-8").bounding_box()
    assert box is not None and 0 <= box["y"] <= 900
    assert page.locator("#where").inner_text() == "4 / 4"


def test_article_text_runs_nothing(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    write_html(hostile_report(), path)
    opened = Opened(browser, path)
    opened.page.wait_for_timeout(300)
    assert opened.page.evaluate("() => typeof window.__pwned") == "undefined"
    assert opened.dialogs == []
    assert opened.page.locator("img").count() == 0
    assert "<script>window.__pwned=1</script>" in opened.page.locator("#row-3").inner_text()
    assert opened.requests == [opened.url]
    # the page's own script still runs under its Content Security Policy
    opened.page.keyboard.press("j")
    assert focused_finding(opened.page)[0] == "6"
    opened.page.close()


def test_index_page_links_pairs(browser: Browser, tmp_path: Path) -> None:
    write_html(sample_report(), tmp_path / "reports" / "a__b.html")
    (tmp_path / "index.html").write_text(render_index(
        [IndexEntry("corpora/en/a.txt", "corpora/ar/b.txt", "reports/a__b.html", 0.91,
                    sample_report())],
        [("corpora/ar/lonely.txt", "no counterpart")], {"tool": "aligner"}), encoding="utf-8")
    opened = Opened(browser, tmp_path / "index.html")
    assert opened.page.locator("table.index").first.locator("tbody tr").count() == 1
    opened.page.click("text=corpora/en/a.txt")
    opened.page.wait_for_selector("#rows")
    assert opened.page.locator("#rows tbody tr").count() == len(LINKS)
    assert opened.requests == [opened.url, (tmp_path / "reports" / "a__b.html").as_uri()]
    assert not opened.errors
    opened.page.close()


def test_narrow_window_still_readable(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "review.html"
    write_html(sample_report(arabic_source=True), path)
    opened = Opened(browser, path, width=700)
    width = opened.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 720
    opened.page.screenshot(path=str(tmp_path / "narrow.png"), full_page=True)
    opened.page.close()
