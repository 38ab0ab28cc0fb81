"""The review desk in real headless Chromium, served by `aligner serve` over a run of the seed
pair: a decision survives a reload, a split link leaves the export, a POST without the session
token is refused, two tabs on one finding leave one record, and the keys work."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import CHROMIUM
from desk_helpers import seed_run
from typer.testing import CliRunner

from aligner.cli import app
from aligner.corpus.store import RunStore

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="/usr/bin/chromium absent: run scripts/install_browser.sh"),
]
sync_api = pytest.importorskip("playwright.sync_api")
httpx = pytest.importorskip("httpx")
pytest.importorskip("starlette")


class Server:
    def __init__(self, out: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.out = out
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "aligner", "serve", str(out), "--port", str(self.port),
             "--reviewer", "ann"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(self.url + "/", timeout=2)
                break
            except httpx.TransportError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    output = self.proc.stdout.read().decode() if self.proc.stdout else ""
                    raise RuntimeError(f"aligner serve did not start: {output}") from None
                time.sleep(0.2)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)

    def decisions(self) -> list[tuple[Any, ...]]:
        with RunStore(self.out) as store:
            return list(store.db.execute("SELECT finding, action, reviewer, rev FROM decisions"))


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    running = Server(seed_run(tmp_path / "out"))
    yield running
    running.stop()


def open_pair(browser: Browser, server: Server) -> tuple[Page, list[str]]:
    """The first pair's review view, reached from the index; with every request it made."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda exc: requests.append(f"error: {exc}"))
    page.goto(server.url + "/")
    page.locator("#pairs a").first.click()
    page.wait_for_selector("#rows")
    return page, requests


def finding_id(page: Page) -> str:
    found = page.locator("button[data-action='accept']").first.get_attribute("data-finding")
    assert found
    return found


def test_accept_then_reload_shows_it_accepted(browser: Browser, server: Server) -> None:
    page, requests = open_pair(browser, server)
    fid = finding_id(page)
    page.fill(f"input.comment[data-finding='{fid}'] >> nth=0", "two spellings are both used")
    page.locator(f"button[data-action='accept'][data-finding='{fid}']").first.click()
    first_card = page.locator(f".finding[data-id='{fid}']").first
    sync_api.expect(first_card).to_have_attribute("data-state", "accept")
    # the finding spans several rows: every card of it shows the decision at once
    cards = page.locator(f".finding[data-id='{fid}']")
    assert cards.count() > 1
    for n in range(cards.count()):
        assert cards.nth(n).get_attribute("data-state") == "accept"
    page.reload()
    page.wait_for_selector("#rows")
    card = page.locator(f".finding[data-id='{fid}']").first
    assert card.get_attribute("data-state") == "accept"
    assert "accepted by ann" in card.inner_text()
    assert "two spellings are both used" in card.inner_text()
    assert page.locator(f"button[data-action='accept'][data-finding='{fid}']").first \
        .get_attribute("aria-pressed") == "true"
    assert server.decisions() == [(fid, "accept", "ann", 1)]
    assert all(url.startswith(server.url) for url in requests), requests
    page.close()


def test_decided_findings_hide_with_their_box_through_the_shared_filters(
        browser: Browser, server: Server) -> None:
    page, requests = open_pair(browser, server)
    fid = finding_id(page)
    page.locator(f"button[data-action='accept'][data-finding='{fid}']").first.click()
    card = page.locator(f".finding[data-id='{fid}']").first
    sync_api.expect(card).to_have_attribute("data-state", "accept")
    shown = page.locator("#shown").inner_text()
    page.uncheck("#show-decided")
    sync_api.expect(card).to_be_hidden()
    # its rows, left with no finding shown, go too (rows without findings stay: "clean")
    sync_api.expect(page.locator("#shown")).not_to_have_text(shown)
    page.check("#show-decided")
    sync_api.expect(card).to_be_visible()
    sync_api.expect(page.locator("#shown")).to_have_text(shown)
    assert not [r for r in requests if r.startswith("error:")], requests
    page.close()


def test_split_a_link_and_export_leaves_it_out(browser: Browser, server: Server,
                                               tmp_path: Path) -> None:
    page, _ = open_pair(browser, server)
    rows = page.locator("#rows tbody tr").count()
    row = page.locator("#row-4")
    link = json.loads(row.get_attribute("data-link") or "{}")
    row.locator("th").click()  # select the row, then the key
    with page.expect_navigation():
        page.keyboard.press("s")
    page.wait_for_selector("#rows")
    assert page.locator("#rows tbody tr").count() == rows + len(link["src"]) + \
        len(link["tgt"]) - 1
    # --keep-chrome: every row counts here, the seed's "0 Comment(s)" rows too
    result = CliRunner().invoke(app, ["export", str(server.out), "--to", str(tmp_path / "x"),
                                      "--dedup", "none", "--keep-chrome"])
    assert result.exit_code == 0, result.output
    exported = [json.loads(line) for line in
                (tmp_path / "x" / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    pairs = [(r["src_ids"], r["tgt_ids"]) for r in exported]
    assert (link["src"], link["tgt"]) not in pairs and len(pairs) == rows - 1
    page.close()


def test_a_post_without_the_token_is_refused(browser: Browser, server: Server) -> None:
    page, _ = open_pair(browser, server)
    fid = finding_id(page)
    status = page.evaluate(
        """([url, fid]) => fetch(url, {method: "POST",
             headers: {"Content-Type": "application/json"},
             body: JSON.stringify({finding: fid, action: "accept", seen: 0})})
           .then(r => r.status)""",
        [server.url + page.url.split(server.url)[1].replace("/pairs/", "/api/pairs/") +
         "/decisions", fid])
    assert status == 403
    assert server.decisions() == []
    page.close()


def test_two_tabs_on_one_finding_leave_one_consistent_record(browser: Browser,
                                                             server: Server) -> None:
    first, _ = open_pair(browser, server)
    second, _ = open_pair(browser, server)
    fid = finding_id(first)
    first.locator(f"button[data-action='accept'][data-finding='{fid}']").first.click()
    sync_api.expect(first.locator(f".finding[data-id='{fid}']").first) \
        .to_have_attribute("data-state", "accept")
    # the second tab still shows the finding open: its reject is refused and it now shows
    # the first tab's decision
    second.locator(f"button[data-action='reject'][data-finding='{fid}']").first.click()
    sync_api.expect(second.locator("#status")).to_contain_text("decided meanwhile by ann")
    assert second.locator(f".finding[data-id='{fid}']").first \
        .get_attribute("data-state") == "accept"
    assert server.decisions() == [(fid, "accept", "ann", 1)]
    # deciding again, knowingly, replaces the one record; both tabs agree after a reload
    second.locator(f"button[data-action='reject'][data-finding='{fid}']").first.click()
    sync_api.expect(second.locator(f".finding[data-id='{fid}']").first) \
        .to_have_attribute("data-state", "reject")
    assert server.decisions() == [(fid, "reject", "ann", 2)]
    for page in (first, second):
        page.reload()
        page.wait_for_selector("#rows")
        assert page.locator(f".finding[data-id='{fid}']").first \
            .get_attribute("data-state") == "reject"
        page.close()


def test_keys_move_and_decide(browser: Browser, server: Server) -> None:
    page, requests = open_pair(browser, server)
    page.uncheck("#show-clean")  # j / k now move between rows with findings
    page.keyboard.press("j")
    page.keyboard.press("j")
    current = page.locator("tr.current")
    assert current.count() == 1 and current.locator(".finding").count() == 1
    second_row = current.get_attribute("id")
    page.keyboard.press("k")
    assert page.locator("tr.current").get_attribute("id") != second_row
    fid = finding_id(page)
    page.keyboard.press("r")
    sync_api.expect(page.locator(f".finding[data-id='{fid}']").first) \
        .to_have_attribute("data-state", "reject")
    assert server.decisions() == [(fid, "reject", "ann", 1)]
    # its rows are struck through at once: they will be left out of the export
    assert page.locator("tr.rejected").count() == page.locator(
        f"tr:has(.finding[data-id='{fid}'])").count() > 0
    page.keyboard.press("a")
    sync_api.expect(page.locator(f".finding[data-id='{fid}']").first) \
        .to_have_attribute("data-state", "accept")
    assert server.decisions() == [(fid, "accept", "ann", 2)]
    assert page.locator("tr.rejected").count() == 0
    assert not [r for r in requests if r.startswith("error")]
    page.close()


def test_relink_a_sentence_then_join_the_null_it_left(browser: Browser, server: Server,
                                                      tmp_path: Path) -> None:
    page, _ = open_pair(browser, server)
    rows = page.locator("#rows tbody tr").count()
    assert json.loads(page.locator("#row-2").get_attribute("data-link") or "") == \
        {"src": [1], "tgt": [1]}
    page.locator("#row-2 span.s[data-side='src']").click()  # pick source sentence 1
    with page.expect_navigation():
        page.locator("#row-3 button[data-op='relink']").click()
    page.wait_for_selector("#rows")
    assert page.locator("#rows tbody tr").count() == rows
    links = [json.loads(page.locator(f"#row-{n}").get_attribute("data-link") or "")
             for n in (2, 3)]
    assert links == [{"src": [], "tgt": [1]}, {"src": [1, 2], "tgt": [2]}]
    with page.expect_navigation():
        page.locator("#row-2 button[data-op='join'][data-dir='1']").click()
    page.wait_for_selector("#rows")
    assert page.locator("#rows tbody tr").count() == rows - 1
    assert json.loads(page.locator("#row-2").get_attribute("data-link") or "") == \
        {"src": [1, 2], "tgt": [1, 2]}
    # sentence 1 is the breadcrumb "Security" (site chrome): kept to see the joined link
    result = CliRunner().invoke(app, ["export", str(server.out), "--to", str(tmp_path / "x"),
                                      "--keep-chrome"])
    assert result.exit_code == 0, result.output
    exported = [json.loads(line) for line in
                (tmp_path / "x" / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ([1, 2], [1, 2]) in [(r["src_ids"], r["tgt_ids"]) for r in exported]
    page.close()
