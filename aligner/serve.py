"""``aligner serve OUT/``: the review desk, a small local web application over a run store.

Pages are rendered on the server from ``OUT/run.sqlite`` with the HTML report's row model and
escaping; one inline script (pinned by hash in the Content-Security-Policy, which allows no
remote resource) posts decisions and corrections back. Safety as for any local server: it
answers only requests naming its own host (no DNS rebinding), and every state-changing request
needs the per-session token the pages carry and a same-origin ``Origin``: a page on another
site can neither read the token nor send the header, so it cannot change a decision.
"""

from __future__ import annotations

import json
import secrets
from collections import Counter
from collections.abc import Awaitable, Callable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from aligner.corpus import pair_names
from aligner.corpus.store import STORE_NAME, PairRow, RunStore
from aligner.records import SEVERITIES, AlignerError, Finding, Link, Report
from aligner.report.html import (
    _chart,
    _end,
    _isolated,
    _label,
    _page,
    _pieces_html,
    _signature,
    e,
    kind_order,
    page_csp,
    row_filters,
)
from aligner.report.terminal import SEVERITY_RANK, ReportView, Row, build_view, is_rtl, summary_text
from aligner.review import Conflict, Decision, Reviewed, correct, decide, review, undo

TOKEN_HEADER = "X-Desk-Token"
_CSP_EXTRA = "connect-src 'self'; form-action 'self'; frame-ancestors 'none'"
_HEADERS = {"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
            "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


@cache
def _asset(name: str) -> str:
    return files("aligner.report").joinpath(name).read_text(encoding="utf-8")


class Desk:
    """What the application serves: one run directory, one reviewer, one session token."""

    def __init__(self, out_dir: str | Path, reviewer: str, token: str | None = None,
                 hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> None:
        self.out = Path(out_dir)
        if not (self.out / STORE_NAME).is_file():
            raise AlignerError(str(self.out), f"not a run directory (no {STORE_NAME}); make one "
                                              "with 'aligner run'")
        self.reviewer = reviewer
        self.token = token or secrets.token_urlsafe(24)
        self.hosts = hosts
        RunStore(self.out).close()  # a damaged store fails now, as one line, not per request

    def store(self) -> RunStore:
        return RunStore(self.out)

    def load(self, store: RunStore, pair_id: int) -> tuple[PairRow, Report]:
        pair = next((p for p in store.pairs() if p.id == pair_id and p.status == "done"), None)
        if pair is None:
            raise LookupError(pair_id)
        return pair, store.report(pair)


def make_app(desk: Desk) -> Starlette:
    """The Starlette application of ``desk``: pages, the JSON API, and the guards around them."""

    async def index(request: Request) -> Response:
        with desk.store() as store:
            return _html(render_desk_index(store, request.query_params.getlist("severity"),
                                           request.query_params.getlist("kind")))

    async def pair_page(request: Request) -> Response:
        with desk.store() as store:
            try:
                pair, report = desk.load(store, int(request.path_params["pair"]))
            except LookupError:
                return _html(_page("Not found", "<main><p>No such pair in this run. "
                                                '<a href="/">All pairs</a></p></main>'), 404)
            names = pair_names(store.pairs())
            return _html(render_pair(pair, names[pair.id], review(store, pair, report),
                                     desk.token, desk.reviewer))

    async def decision(request: Request) -> Response:
        body = await _json_body(request)
        with desk.store() as store:
            pair, report = desk.load(store, int(request.path_params["pair"]))
            seen = body.get("seen")
            made = decide(store, pair, report, str(body.get("finding", "")),
                          str(body.get("action", "")), str(body.get("comment") or ""),
                          desk.reviewer, int(seen) if seen is not None else None)
        return JSONResponse({"decision": made.to_json()}, headers=_HEADERS)

    async def correction(request: Request) -> Response:
        body = await _json_body(request)
        with desk.store() as store:
            pair, report = desk.load(store, int(request.path_params["pair"]))
            links = correct(store, pair, report, body, desk.reviewer)
        return JSONResponse({"links": [x.to_json() for x in links]}, headers=_HEADERS)

    async def undo_last(request: Request) -> Response:
        await _json_body(request)
        with desk.store() as store:
            pair, _ = desk.load(store, int(request.path_params["pair"]))
            return JSONResponse({"undone": undo(store, pair)}, headers=_HEADERS)

    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]
                    ) -> Response:
        host = (request.headers.get("host") or "").rsplit(":", 1)[0].strip("[]")
        if desk.hosts and host not in desk.hosts:
            return _error(400, f"unexpected Host {host!r}")
        if request.method not in ("GET", "HEAD"):
            origin = request.headers.get("origin")
            if origin is not None and origin != f"{request.url.scheme}://{request.url.netloc}":
                return _error(403, "cross-site request refused")
            if not secrets.compare_digest(request.headers.get(TOKEN_HEADER, ""), desk.token):
                return _error(403, "missing or wrong session token: reload the page")
        return await call_next(request)

    async def missing(request: Request, exc: Exception) -> Response:
        return _error(404, "no such pair in this run (rerun since? reload)")

    async def conflict(request: Request, exc: Exception) -> Response:
        current = exc.current if isinstance(exc, Conflict) else None
        return JSONResponse({"error": str(exc), "current": current}, status_code=409,
                            headers=_HEADERS)

    async def bad(request: Request, exc: Exception) -> Response:
        return _error(400, str(exc))

    routes = [Route("/", index), Route("/pairs/{pair:int}", pair_page),
              Route("/api/pairs/{pair:int}/decisions", decision, methods=["POST"]),
              Route("/api/pairs/{pair:int}/corrections", correction, methods=["POST"]),
              Route("/api/pairs/{pair:int}/undo", undo_last, methods=["POST"])]
    return Starlette(routes=routes, middleware=[Middleware(BaseHTTPMiddleware, dispatch=guard)],
                     exception_handlers={LookupError: missing, Conflict: conflict,
                                         AlignerError: bad})


async def _json_body(request: Request) -> dict[str, Any]:
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise AlignerError(None, "expected a JSON body (Content-Type: application/json)")
    try:
        body = json.loads(await request.body())
    except ValueError:
        raise AlignerError(None, "the body is not JSON") from None
    if not isinstance(body, dict):
        raise AlignerError(None, "the body must be a JSON object")
    return body


def _error(status: int, message: str) -> Response:
    return JSONResponse({"error": message}, status_code=status, headers=_HEADERS)


def _html(page: str, status: int = 200) -> Response:
    headers = {**_HEADERS, "Content-Security-Policy": page_csp(page, _CSP_EXTRA)}
    return HTMLResponse(page, status_code=status, headers=headers)


def _desk_page(title: str, body: str) -> str:
    return _page(title, body, script=_asset("desk.js"), style=_asset("desk.css"),
                 csp_extra=_CSP_EXTRA)


# -- the index ----------------------------------------------------------------------------------


def _open(findings: list[Finding], decisions: dict[str, Decision]) -> list[Finding]:
    return [f for f in findings if f.id not in decisions]


def render_desk_index(store: RunStore, severities: list[str], kinds: list[str]) -> str:
    """Every finished pair with its open (undecided) findings, filtered by severity and kind;
    pairs with none of the selected open findings are left out while a filter is on."""
    pairs = [p for p in store.pairs() if p.status == "done"]
    names = pair_names(pairs)
    all_kinds: Counter[str] = Counter()
    all_sevs: Counter[str] = Counter()
    rows: list[str] = []
    stale_total = 0
    for pair in pairs:
        done = review(store, pair, store.report(pair))
        findings = list(done.report.findings or [])
        open_ = _open(findings, done.decisions)
        all_kinds.update(f.kind for f in open_)
        all_sevs.update(f.severity for f in open_)
        chosen = [f for f in open_ if (not severities or f.severity in severities)
                  and (not kinds or f.kind in kinds)]
        stale_total += len(done.stale)
        if (severities or kinds) and not chosen:
            continue
        sevs = Counter(f.severity for f in chosen)
        badges = " ".join(f'<span class="badge sev-{e(s)}">{sevs[s]} {e(s)}</span>'
                          for s in sorted(sevs, key=lambda s: SEVERITY_RANK.get(s, 3)))
        decided = sum(1 for f in findings if f.id in done.decisions)
        fixes = sum(1 for c in done.corrections if c.applies)
        stale = f' <span class="stale">{len(done.stale)} stale</span>' if done.stale else ""
        rows.append(
            f'<tr data-pair="{pair.id}"><td class="n">{len(rows) + 1}</td>'
            f'<td><a href="/pairs/{pair.id}" dir="auto">{e(pair.src_path)}</a>'
            f'<div class="muted">{e(names[pair.id])}</div></td>'
            f'<td dir="auto">{e(pair.tgt_path)}</td>'
            f'<td class="n">{"given" if pair.score is None else f"{pair.score:.2f}"}</td>'
            f'<td class="n">{len(done.report.links)}</td>'
            f'<td class="n open">{"—" if done.report.findings is None else len(chosen)}</td>'
            f'<td>{badges}</td><td class="n">{decided}</td><td class="n">{fixes}{stale}</td>'
            "</tr>")
    boxes = "".join(
        f'<label><input type="checkbox" name="severity" value="{e(s)}"'
        f'{" checked" if s in severities else ""}> <span class="badge sev-{e(s)}">{e(s)}</span>'
        f' ({all_sevs[s]})</label>' for s in reversed(SEVERITIES))
    order = kind_order()
    known = [*(k for k in order if all_kinds[k]), *sorted(set(all_kinds) - set(order))]
    boxes_k = "".join(
        f'<label><input type="checkbox" name="kind" value="{e(k)}"'
        f'{" checked" if k in kinds else ""}> {e(_label(k))} ({all_kinds[k]})</label>'
        for k in known)
    filters = (f'<form class="controls" method="get" action="/">'
               f'<fieldset><legend>Severity</legend>{boxes}</fieldset>'
               f'<fieldset><legend>Kind</legend>{boxes_k}</fieldset>'
               '<button type="submit">filter</button> <a href="/">all</a></form>')
    stale_note = (f'<p class="stale">{stale_total} decision(s) or correction(s) were made on '
                  "a text that has changed since (stale); see the pair pages or "
                  "<code>aligner decisions</code>.</p>" if stale_total else "")
    body = (f'<header><h1>Review desk</h1><p class="counts"><strong>{len(rows)}</strong> '
            f'pair(s) shown of {len(pairs)} · <strong>{sum(all_sevs.values())}</strong> open '
            f'finding(s)</p>{stale_note}</header>{filters}<main>'
            '<table class="index" id="pairs"><thead><tr><th>#</th><th>source (opens review)'
            '</th><th>target</th><th>pairing score</th><th>links</th><th>open findings</th>'
            '<th>by severity</th><th>decided</th><th>corrections</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></main>')
    return _desk_page("Review desk", body)


# -- a pair's review view -----------------------------------------------------------------------


def _decision_note(d: Decision | None) -> str:
    if d is None:
        return "open"
    comment = f" — “{e(d.comment)}”" if d.comment else ""
    stale = " (made on an earlier text)" if d.stale else ""
    return f"{d.action}ed by {e(d.reviewer)} at {e(d.at)}{stale}{comment}"


def _finding_card(fid: int, f: Finding, d: Decision | None) -> str:
    state = d.action if d else ""
    pressed = {a: "true" if state == a else "false" for a in ("accept", "reject")}
    fid_attr = e(f.id)
    return (f'<div class="finding k-{e(f.kind)}" data-f="{fid}" data-ks="{e(f.kind)}:'
            f'{e(f.severity)}" data-id="{fid_attr}" data-state="{e(state)}" '
            f'data-rev="{d.rev if d else 0}" tabindex="-1"><span class="badge sev-{e(f.severity)}">'
            f'{e(f.severity)}</span> <span class="kind">{e(_label(f.kind))}</span> '
            f'<span class="conf">{f.confidence:.0%}</span>'
            f'<span class="msg">{_isolated(f.message)}</span>'
            f'<div class="decide"><button type="button" data-action="accept" '
            f'data-finding="{fid_attr}" aria-pressed="{pressed["accept"]}">accept</button>'
            f'<button type="button" data-action="reject" data-finding="{fid_attr}" '
            f'aria-pressed="{pressed["reject"]}">reject</button>'
            f'<input type="text" class="comment" data-finding="{fid_attr}" maxlength="500" '
            f'placeholder="comment (optional)" aria-label="comment" '
            f'value="{e(d.comment if d else "")}"></div>'
            f'<div class="state" aria-live="polite">{_decision_note(d)}</div></div>')


def _seg_cell(row: Row, side: str, lang: str, view: ReportView) -> str:
    segments = row.src if side == "src" else row.tgt
    ids = row.link.src if side == "src" else row.link.tgt
    direction = "rtl" if is_rtl(lang) else "ltr"
    attrs = f'class="seg {side}{"" if segments else " empty"}" dir="{direction}" lang="{e(lang)}"'
    if not segments:
        return f'<td {attrs}><span class="none" lang="en" dir="ltr">no counterpart</span></td>'
    body = " ".join(f'<span class="s" data-side="{side}" data-seg="{i}" title="{side} sentence '
                    f'{i + 1}: click to pick, then “move here” on another row">'
                    f'{_pieces_html(p, view)}</span>' for i, p in zip(ids, segments, strict=True))
    return f"<td {attrs}>{body}</td>"


def _tools(link: Link) -> str:
    if link.is_null:
        tools = ('<button type="button" data-op="join" data-dir="-1" title="join this null '
                 'link to the row above">join ↑</button>'
                 '<button type="button" data-op="join" data-dir="1" title="join this null '
                 'link to the row below">join ↓</button>')
    else:
        tools = ('<button type="button" data-op="split" title="split into null links (s)">'
                 'split</button>')
    return (f'<div class="tools">{tools}<button type="button" data-op="relink" '
            'title="move the picked sentence into this row">move here</button></div>')


def _desk_row(row: Row, report: Report, view: ReportView, decisions: dict[str, Decision],
              rejected: set[int]) -> str:
    n = row.index + 1
    notes = "".join(_finding_card(fid, view.findings[fid], decisions.get(view.findings[fid].id))
                    for fid in row.findings)
    cls = "row has-f" if row.findings else "row"
    if row.index in rejected:
        cls += " rejected"
    link = json.dumps({"src": list(row.link.src), "tgt": list(row.link.tgt)})
    return (f'<tr id="row-{n}" class="{cls}" data-link="{e(link)}"><th scope="row" class="num">'
            f'<a href="#row-{n}">{n}</a>{row.link.score:.2f}</th>'
            f'{_seg_cell(row, "src", report.src.document.lang, view)}'
            f'{_seg_cell(row, "tgt", report.tgt.document.lang, view)}'
            f'<td class="notes">{notes}{_tools(row.link)}</td></tr>')


def _filters(findings: list[Finding]) -> str:
    decided = '<label><input type="checkbox" id="show-decided" checked> decided findings</label>'
    return ('<div class="controls"><a href="/">◀ all pairs</a>' + row_filters(findings, decided) +
            '<button type="button" id="undo" title="undo the latest link correction">undo '
            'correction</button><span id="status" role="status" aria-live="polite"></span>'
            '<span class="hint"><kbd>j</kbd>/<kbd>k</kbd> move, <kbd>a</kbd> accept, '
            '<kbd>r</kbd> reject, <kbd>s</kbd> split</span></div>')


def render_pair(pair: PairRow, name: str, done: Reviewed, token: str, reviewer: str) -> str:
    """One pair's review view: the report's side-by-side rows over the corrected links, each
    finding with accept / reject controls and its decision, each row with link tools."""
    report = done.report
    view = build_view(report)
    src, tgt = report.src.document, report.tgt.document
    kept = {(tuple(x.src), tuple(x.tgt)) for x in done.kept_links()}
    rejected = {n for n, x in enumerate(report.links) if (tuple(x.src), tuple(x.tgt)) not in kept}
    stale = ""
    if done.stale:
        stale = (f'<p class="stale">{len(done.stale)} decision(s) or correction(s) were made on '
                 "an earlier text of this pair (stale): corrections no longer apply; decisions "
                 "apply where their finding is still found.</p>")
    fixes = sum(1 for c in done.corrections if c.applies)
    header = (f'<header><h1>Review: {e(name)}</h1>'
              f'<p class="pair">source <b dir="auto">{e(src.path)}</b> ({e(src.lang)}) → target '
              f'<b dir="auto">{e(tgt.path)}</b> ({e(tgt.lang)}) · reviewer '
              f'<b>{e(reviewer)}</b> · {fixes} link correction(s)</p>{stale}'
              f'<div class="top"><p class="counts">{e(summary_text(report, view))}</p>'
              f'{_chart(view.findings)}</div></header>')
    loose = ""
    if view.loose:
        loose = ('<section class="doc"><h2>Whole document</h2>'
                 + "".join(_finding_card(fid, view.findings[fid],
                                         done.decisions.get(view.findings[fid].id))
                           for fid in view.loose) + "</section>")
    head = (f'<colgroup><col class="c-num"><col><col><col class="c-notes"></colgroup>'
            f'<thead><tr><th scope="col">#</th>'
            f'<th scope="col"{_end(src.lang)}>source · {e(src.lang)}</th>'
            f'<th scope="col"{_end(tgt.lang)}>target · {e(tgt.lang)}</th>'
            f'<th scope="col">findings · link</th></tr></thead>')
    body = "".join(_desk_row(row, report, view, done.decisions, rejected) for row in view.rows)
    page = (f'<div id="desk" data-pair="{pair.id}" data-token="{e(token)}"></div>'
            f'{header}{_filters(view.findings)}{loose}<main><table class="align" id="rows">'
            f'{head}<tbody>{body}</tbody></table></main>{_signature(report.signature)}')
    return _desk_page(f"Review desk: {name}", page)


def serve(out_dir: str | Path, host: str, port: int, reviewer: str,
          announce: Callable[[], None] = lambda: None) -> None:
    """Run the desk until interrupted (uvicorn); ``announce`` once its store is open and its
    port bound, so a damaged store or a busy port is one error line, never after a banner."""
    import socket

    import uvicorn

    # bound to every interface, the desk is reached by names it cannot know: any Host goes
    hosts = () if host in ("0.0.0.0", "::") else ("127.0.0.1", "localhost", "::1", host)
    desk = Desk(out_dir, reviewer, hosts=hosts)
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise AlignerError(f"{host}:{port}", f"cannot listen there ({exc.strerror or exc}); "
                                             "give another --port") from exc
    announce()
    uvicorn.Server(uvicorn.Config(make_app(desk), log_level="warning")).run(sockets=[sock])
