"""The review desk's application through Starlette's TestClient: pages, decisions, corrections,
and the guards (session token, origin, host, escaping, content-security policy)."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from desk_helpers import store_from_report
from test_report_html import INJECTIONS, Collect, hostile_report
from test_report_terminal import sample_report
from typer.testing import CliRunner

from aligner.cli import app
from aligner.corpus import finished
from aligner.corpus.store import RunStore
from aligner.records import Report

pytest.importorskip("starlette")
pytest.importorskip("httpx")
from starlette.testclient import TestClient

from aligner.serve import TOKEN_HEADER, Desk, make_app

TOKEN = "test-token"
AUTH = {TOKEN_HEADER: TOKEN}


class Client:
    def __init__(self, out: Path, report: Report) -> None:
        self.pair = store_from_report(out, report)
        self.out = out
        desk = Desk(out, "ann", token=TOKEN, hosts=("testserver",))
        self.http = TestClient(make_app(desk))
        with RunStore(out) as store:
            [(_, _, stored)] = list(finished(store))
        self.report = stored
        self.ids = [f.id for f in stored.findings or []]

    def page(self) -> str:
        response = self.http.get(f"/pairs/{self.pair}")
        assert response.status_code == 200
        return response.text

    def decide(self, finding: str, action: str, seen: int | None = 0,
               headers: dict[str, str] | None = None, comment: str = "") -> tuple[int, Any]:
        response = self.http.post(f"/api/pairs/{self.pair}/decisions",
                                  json={"finding": finding, "action": action, "seen": seen,
                                        "comment": comment},
                                  headers=AUTH if headers is None else headers)
        return response.status_code, response.json()

    def rows(self) -> int:
        with RunStore(self.out) as store:
            return int(store.db.execute("SELECT COUNT(*) FROM decisions").fetchone()[0])


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Client]:
    yield Client(tmp_path / "out", sample_report())


def test_pair_page_has_controls_for_every_finding_and_rtl_cells(client: Client) -> None:
    html = client.page()
    parser = Collect()
    parser.feed(html)
    tags = parser.tags
    for action in ("accept", "reject"):
        found = {a["data-finding"] for t, a in tags if a.get("data-action") == action}
        assert found == set(client.ids)
    cells = [a for t, a in tags if t == "td" and a.get("lang") == "ar"]
    assert cells and all(a["dir"] == "rtl" for a in cells)
    assert len([a for t, a in tags if t == "tr" and (a.get("id") or "").startswith("row-")]) == \
        len(client.report.links)


def test_content_security_policy_pins_the_one_script_and_allows_nothing_remote(
        client: Client) -> None:
    response = client.http.get(f"/pairs/{client.pair}")
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "http" not in csp and "*" not in csp
    [script] = re.findall(r"<script>(.*?)</script>", response.text, re.S)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp
    assert response.headers["x-frame-options"] == "DENY"
    assert "<link" not in response.text and "src=" not in response.text


def test_decision_is_stored_and_shown_after_reload(client: Client) -> None:
    fid = client.ids[1]
    status, body = client.decide(fid, "accept", comment="52 is a typo in the source")
    assert status == 200 and body["decision"]["reviewer"] == "ann"
    html = client.page()
    card = re.search(rf'<div class="finding[^>]*data-id="{fid}"[^>]*>.*?</div></div>', html,
                     re.S)
    assert card and 'data-state="accept"' in card.group(0)
    assert 'data-action="accept" data-finding="' + fid + '" aria-pressed="true"' in card.group(0)
    assert "accepted by ann" in card.group(0) and "52 is a typo in the source" in card.group(0)


def test_a_tab_that_has_not_seen_the_latest_decision_gets_409_and_the_record(
        client: Client) -> None:
    fid = client.ids[0]
    assert client.decide(fid, "accept")[0] == 200
    status, body = client.decide(fid, "reject", seen=0)
    assert status == 409 and body["current"]["action"] == "accept"
    assert client.decide(fid, "reject", seen=1)[0] == 200
    assert client.rows() == 1


@pytest.mark.parametrize("headers", [{}, {TOKEN_HEADER: "guess"},
                                     {**AUTH, "Origin": "http://evil.example"}])
def test_state_changes_need_the_session_token_and_our_origin(client: Client,
                                                             headers: dict[str, str]) -> None:
    status, body = client.decide(client.ids[0], "accept", headers=headers)
    assert status == 403 and "error" in body
    response = client.http.post(f"/api/pairs/{client.pair}/corrections", headers=headers,
                                json={"op": "split", "link": {"src": [0], "tgt": [0]}})
    assert response.status_code == 403
    assert client.rows() == 0
    with RunStore(client.out) as store:
        assert store.db.execute("SELECT COUNT(*) FROM corrections").fetchone()[0] == 0


def test_a_form_post_from_another_site_is_refused(client: Client) -> None:
    response = client.http.post(f"/api/pairs/{client.pair}/decisions",
                                data={"finding": client.ids[0], "action": "accept"},
                                headers=AUTH)
    assert response.status_code == 400 and "JSON" in response.json()["error"]
    assert client.rows() == 0


def test_unknown_host_is_refused(client: Client) -> None:
    response = client.http.get("/", headers={"Host": "attacker.example"})
    assert response.status_code == 400


def test_split_and_undo_through_the_api(client: Client) -> None:
    before = client.page().count('<tr id="row-')
    first = client.report.links[0]
    response = client.http.post(f"/api/pairs/{client.pair}/corrections", headers=AUTH,
                                json={"op": "split", "link": {"src": list(first.src),
                                                              "tgt": list(first.tgt)}})
    assert response.status_code == 200
    assert client.page().count('<tr id="row-') == before + 1
    again = client.http.post(f"/api/pairs/{client.pair}/corrections", headers=AUTH,
                             json={"op": "split", "link": {"src": list(first.src),
                                                           "tgt": list(first.tgt)}})
    assert again.status_code == 409  # that link is gone now
    assert client.http.post(f"/api/pairs/{client.pair}/undo", headers=AUTH,
                            json={}).json() == {"undone": True}
    assert client.page().count('<tr id="row-') == before


def test_bad_requests_are_one_clear_error(client: Client) -> None:
    assert client.decide("feedbeef0000", "accept")[0] == 400
    assert client.decide(client.ids[0], "approve")[0] == 400
    assert client.http.get("/pairs/999").status_code == 404
    response = client.http.post("/api/pairs/999/decisions", headers=AUTH,
                                json={"finding": client.ids[0], "action": "accept"})
    assert response.status_code == 404
    response = client.http.post(f"/api/pairs/{client.pair}/corrections", headers=AUTH,
                                json={"op": "merge"})
    assert response.status_code == 400 and "unknown correction" in response.json()["error"]


def test_index_counts_open_findings_and_filters_by_severity_and_kind(client: Client) -> None:
    def shown(query: str) -> list[str]:
        html = client.http.get("/" + query).text
        return re.findall(r'<td class="n open">(\d+)</td>', html)

    assert shown("") == ["7"]
    assert shown("?severity=critical") == ["1"]
    assert shown("?kind=length_ratio&severity=minor") == ["2"]
    critical = next(f.id for f in client.report.findings or [] if f.severity == "critical")
    assert client.decide(critical, "accept")[0] == 200
    assert shown("") == ["6"]
    assert shown("?severity=critical") == []  # no open critical finding left


def test_article_text_is_escaped(tmp_path: Path) -> None:
    client = Client(tmp_path / "out", hostile_report())
    html = client.page()
    parser = Collect()
    parser.feed(html)
    assert len(parser.scripts) == 1  # the desk's own
    assert not [a for t, a in parser.tags if t in ("img", "iframe", "svg") and "onerror" in a]
    for injection in INJECTIONS[:4]:  # the fifth, template placeholders, is harmless text
        assert injection not in html


def test_serve_refuses_a_folder_that_is_no_run(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", str(tmp_path)])
    assert result.exit_code == 2 and "not a run directory" in result.output
