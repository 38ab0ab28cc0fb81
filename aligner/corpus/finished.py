"""The finished pairs of a run, as every output reads them: their names, their reports with
the reviewer's acceptances, and the links a corpus is made of."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from aligner.corpus.manifest import pair_name
from aligner.corpus.store import PairRow, RunStore
from aligner.records import Report


def pair_names(pairs: list[PairRow]) -> dict[int, str]:
    """Readable unique names: file stems, with a path hash only where two pairs would clash."""
    names = {p.id: pair_name(p.src_path, p.tgt_path) for p in pairs}
    seen: dict[str, int] = {}
    for name in names.values():
        seen[name] = seen.get(name, 0) + 1
    for p in pairs:
        if seen[names[p.id]] > 1:
            digest = hashlib.sha1(f"{p.src_path}\0{p.tgt_path}".encode()).hexdigest()[:8]
            names[p.id] = f"{names[p.id]}-{digest}"
    return names


def finished(store: RunStore) -> Iterator[tuple[str, PairRow, Report]]:
    """(name, pair, report) of every finished pair, in output order; findings a reviewer
    accepted in ``aligner serve`` are marked accepted (``baseline.mark_accepted``), so that
    reports, pages and ``--fail-on`` count them as a baseline's are counted."""
    from aligner.baseline import mark_accepted
    from aligner.review import accepted_in_review

    pairs = store.pairs()
    names = pair_names(pairs)
    for pair in pairs:
        if pair.status == "done":
            report = store.report(pair)
            if report.findings:
                accepted = accepted_in_review(store, pair, report)
                if accepted:
                    report.findings = mark_accepted(report.findings, accepted)
            yield names[pair.id], pair, report


def reviewed_report(store: RunStore, pair: PairRow, report: Report,
                    keep_rejected: bool = False) -> Report:
    """The report with the reviewer's corrected links (``aligner serve``), less the links of
    findings the reviewer rejected unless ``keep_rejected``: what a corpus is made of."""
    from aligner.review import review

    done = review(store, pair, report)
    return Report(report.signature, report.src, report.tgt, done.kept_links(keep_rejected),
                  report.findings)

