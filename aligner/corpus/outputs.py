"""The outputs of ``aligner run``, derived from the run store: a report per pair, the corpus,
``pairs.json`` (with the pairing parameters) and the HTML pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from aligner.baseline import mark_accepted, open_findings
from aligner.checks.run import worst_severity
from aligner.corpus.finished import finished, reviewed_report
from aligner.corpus.store import PairRow, RunStore
from aligner.corpus.summary import ExportOptions, PairOutcome, RunSummary
from aligner.export.base import CorpusRow, corpus_rows, export_rows
from aligner.fsutil import atomic_write_text
from aligner.records import Document, Report, Side


def write_outputs(store: RunStore, out: Path, export: ExportOptions,
                  summary: RunSummary) -> list[Path]:
    """Derive every output from the store: reports, corpus, ``pairs.json`` (with the pairing
    parameters) and HTML pages."""
    html = _html_writer(out) if export.html else None
    written: list[Path] = []
    rows: list[CorpusRow] = []
    signature: dict[str, Any] = {}
    for name, pair, report in finished(store):
        accepted = 0
        if report.findings is not None:
            # a baseline's acceptances join those made in the review desk (``finished``)
            if export.accepted:
                report.findings = mark_accepted(report.findings, export.accepted)
            still_open = open_findings(report.findings)
            accepted = len(report.findings) - len(still_open)
            if export.new_only:
                report.findings = still_open
        worst = worst_severity(open_findings(report.findings or []))
        path = out / "reports" / f"{name}.json"
        atomic_write_text(path, json.dumps(report.to_json(), ensure_ascii=False, indent=1))
        written.append(path)
        rows += corpus_rows(reviewed_report(store, pair, report), name,
                            min_score=export.min_score, keep_nulls=export.keep_nulls,
                            keep_chrome=export.keep_chrome)
        signature = signature or report.signature
        share = pair.translated_share
        assert share is not None, "the runner fills every done pair's share"
        found = None if report.findings is None else len(report.findings)
        summary.pairs.append(PairOutcome(name, pair.src_path, pair.tgt_path, pair.score,
                                         pair.evidence, pair.links, found, share,
                                         accepted, worst))
        if html:
            written.append(html.page(name, pair, report, share))
    written += export_rows(rows, out, "corpus", export.formats, signature)
    if html:
        written.append(html.index(store.unpaired(), signature))
    pairs_json = {
        "signature": signature,
        "pairs": [{"id": o.pair_id, "src": o.src, "tgt": o.tgt,
                   "score": None if o.pairing_score is None else round(o.pairing_score, 4),
                   "evidence": o.evidence, "links": o.links, "findings": o.findings,
                   "accepted": o.accepted,
                   "translated_share": round(o.translated_share, 4),
                   "report": f"reports/{o.pair_id}.json"} for o in summary.pairs],
        "unpaired": [{"path": p, "reason": r} for p, r in store.unpaired()],
        "failed": [{"path": p, "error": e} for p, e in store.failures()],
        "not_utf8": [{"path": p, "encoding": e} for p, e in store.legacy_encoded()],
        "cleaned": [{"path": c.path, "folded": c.folded, "dropped": c.dropped,
                     "references": c.references} for c in store.cleaned()],
        "export": {"formats": list(export.formats), "min_score": export.min_score,
                   "keep_nulls": export.keep_nulls, "keep_chrome": export.keep_chrome,
                   "rows": len(rows)},
    }
    stored = store.get_meta("pairing")  # the parameters pairing ran with
    if stored is not None:
        pairs_json["pairing"] = json.loads(stored).get("params")
    path = out / "pairs.json"
    atomic_write_text(path, json.dumps(pairs_json, ensure_ascii=False, indent=1))
    written.append(path)
    return written


class _HtmlPages:
    """The HTML hook: one review page per pair (``reports/<id>.html``) and ``index.html``.

    Only links and findings of each pair are kept for the index, not the document text.
    """

    def __init__(self, out: Path, html: Any) -> None:
        self.out = out
        self.html = html
        self.entries: list[Any] = []

    def page(self, name: str, pair: PairRow, report: Report, share: float) -> Path:
        path = self.out / "reports" / f"{name}.html"
        self.html.write_html(report, path, share)
        light = Report(report.signature, _no_text(report.src), _no_text(report.tgt),
                       report.links, report.findings)
        self.entries.append(self.html.IndexEntry(
            pair.src_path, pair.tgt_path, f"reports/{name}.html", pair.score, light, share))
        return path

    def index(self, unpaired: list[tuple[str, str]], signature: dict[str, Any]) -> Path:
        path = self.out / "index.html"
        atomic_write_text(path, self.html.render_index(self.entries, unpaired, signature))
        return path


def _html_writer(out: Path) -> _HtmlPages | None:
    """None while ``aligner.report.html`` is not part of this installation."""
    try:
        from aligner.report import html
    except ImportError:
        return None
    return _HtmlPages(out, html)


def _no_text(side: Side) -> Side:
    return Side(Document(side.document.path, side.document.lang, ""), ())
