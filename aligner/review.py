"""A reviewer's decisions and link corrections, kept in the run store (``aligner serve``).

A decision accepts or rejects one finding (by its stable id); a correction changes the links
of a pair: ``split`` a link into nulls, ``join`` a null to its neighbour, ``relink`` one
sentence to another link. Corrections name links by their sentence ids, never by position,
and are replayed in order on the aligner's links; one whose links are gone does not apply.

Both are keyed by the pair's two paths and remember the two texts' hashes: where a rerun finds
the text changed they are *stale*. Stale corrections no longer apply (sentence numbers moved);
a stale decision still applies while its finding id (which hashes the texts it concerns) is
among the pair's findings, as a baseline's accepted ids do.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from aligner.baseline import Acceptance
from aligner.corpus.store import PairRow, RunStore
from aligner.records import AlignerError, Finding, Link, Report

ACTIONS = ("accept", "reject")
OPS = ("split", "join", "relink")


class Conflict(Exception):
    """The request was made on a state that has changed since (another tab, another reviewer)."""

    def __init__(self, problem: str, current: dict[str, Any] | None = None) -> None:
        super().__init__(problem)
        self.current = current


@dataclass(frozen=True)
class Decision:
    src_path: str
    tgt_path: str
    finding: str
    action: str  # accept | reject
    comment: str
    reviewer: str
    at: str
    kind: str
    message: str
    rev: int
    stale: bool = False  # the pair's text changed since the decision
    applies: bool = True  # in effect now: its finding is among the pair's findings

    def to_json(self) -> dict[str, Any]:
        return {"type": "decision", "src": self.src_path, "tgt": self.tgt_path,
                "finding": self.finding, "action": self.action, "comment": self.comment,
                "reviewer": self.reviewer, "at": self.at, "kind": self.kind,
                "message": self.message, "rev": self.rev, "stale": self.stale,
                "applies": self.applies}


@dataclass(frozen=True)
class Correction:
    id: int
    src_path: str
    tgt_path: str
    op: dict[str, Any]
    reviewer: str
    at: str
    stale: bool = False
    applies: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"type": "correction", "id": self.id, "src": self.src_path,
                "tgt": self.tgt_path, "op": self.op, "reviewer": self.reviewer, "at": self.at,
                "stale": self.stale, "applies": self.applies}


@dataclass(frozen=True)
class Reviewed:
    """A pair's report as the reviewer left it: corrected links, and the decisions in force."""

    report: Report  # links corrected
    decisions: dict[str, Decision]  # finding id -> decision, for the findings present
    corrections: list[Correction]  # every correction of the pair, with whether it applies
    stale: list[Decision | Correction]  # those made on a text that has changed since

    @property
    def accepted(self) -> set[str]:
        return {fid for fid, d in self.decisions.items() if d.action == "accept"}

    @property
    def rejected(self) -> list[Finding]:
        return [f for f in self.report.findings or []
                if (d := self.decisions.get(f.id)) is not None and d.action == "reject"]

    def kept_links(self, keep_rejected: bool = False) -> list[Link]:
        """The corrected links, less those holding a sentence of a rejected finding."""
        if keep_rejected:
            return list(self.report.links)
        src = {i for f in self.rejected for i in f.src}
        tgt = {j for f in self.rejected for j in f.tgt}
        return [x for x in self.report.links
                if not (src.intersection(x.src) or tgt.intersection(x.tgt))]


def accepted_in_review(store: RunStore, pair: PairRow, report: Report) -> dict[str, Acceptance]:
    """The pair's findings accepted in the desk, as ``baseline.mark_accepted`` takes them."""
    return {fid: Acceptance(d.comment, d.at, d.reviewer)
            for fid, d in review(store, pair, report).decisions.items() if d.action == "accept"}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _shas(store: RunStore, pair: PairRow) -> tuple[str, str]:
    row = store.db.execute("SELECT src_sha, tgt_sha FROM pairs WHERE id = ?",
                           (pair.id,)).fetchone()
    if row is None:
        raise Conflict(f"pair {pair.id} is no longer in the run")
    return str(row[0]), str(row[1])


def _decisions(store: RunStore, where: str = "", args: Sequence[Any] = ()) -> list[Decision]:
    return [Decision(*row) for row in store.db.execute(
        "SELECT src_path, tgt_path, finding, action, comment, reviewer, at, kind, message, rev "
        f"FROM decisions {where} ORDER BY src_path, tgt_path, at, finding", tuple(args))]


def _raw_decisions(store: RunStore, pair: PairRow) -> list[tuple[Decision, bool]]:
    """(decision, made on the current texts) for one pair."""
    shas = _shas(store, pair)
    rows = store.db.execute(
        "SELECT finding, src_sha, tgt_sha FROM decisions WHERE src_path = ? AND tgt_path = ?",
        (pair.src_path, pair.tgt_path))
    fresh = {f: (s, t) == shas for f, s, t in rows}
    return [(d, fresh[d.finding]) for d in _decisions(
        store, "WHERE src_path = ? AND tgt_path = ?", (pair.src_path, pair.tgt_path))]


def _raw_corrections(store: RunStore, pair: PairRow) -> list[tuple[Correction, bool]]:
    shas = _shas(store, pair)
    out = []
    for cid, op, who, at, s, t in store.db.execute(
            "SELECT id, op, reviewer, at, src_sha, tgt_sha FROM corrections WHERE src_path = ? "
            "AND tgt_path = ? ORDER BY id", (pair.src_path, pair.tgt_path)):
        out.append((Correction(cid, pair.src_path, pair.tgt_path, json.loads(op), who, at),
                    (s, t) == shas))
    return out


def review(store: RunStore, pair: PairRow, report: Report) -> Reviewed:
    """Apply the pair's fresh corrections to its links and collect the decisions in force."""
    links = list(report.links)
    corrections: list[Correction] = []
    stale: list[Decision | Correction] = []
    for corr, fresh in _raw_corrections(store, pair):
        applied = False
        if fresh:
            try:
                links = apply_op(links, corr.op, len(report.src.segments),
                                 len(report.tgt.segments))
                applied = True
            except Conflict:
                pass
        corr = dataclasses.replace(corr, stale=not fresh, applies=applied)
        corrections.append(corr)
        if not fresh:
            stale.append(corr)
    present = {f.id for f in report.findings or []}
    decisions: dict[str, Decision] = {}
    for dec, fresh in _raw_decisions(store, pair):
        dec = dataclasses.replace(dec, stale=not fresh, applies=dec.finding in present)
        if dec.applies:
            decisions[dec.finding] = dec
        if not fresh:
            stale.append(dec)
    corrected = Report(report.signature, report.src, report.tgt, links, report.findings)
    return Reviewed(corrected, decisions, corrections, stale)


def _find(links: Sequence[Link], ref: Any) -> int:
    """The position of the link whose sentence ids are ``ref`` ({"src": […], "tgt": […]})."""
    try:
        src = tuple(int(i) for i in ref["src"])
        tgt = tuple(int(j) for j in ref["tgt"])
    except (KeyError, TypeError, ValueError):
        raise AlignerError(None, f"not a link: {ref!r}") from None
    for n, x in enumerate(links):
        if (tuple(x.src), tuple(x.tgt)) == (src, tgt):
            return n
    raise Conflict(f"link {list(src)}:{list(tgt)} is not among the pair's links (changed since?)")


def apply_op(links: Sequence[Link], op: dict[str, Any], n_src: int, n_tgt: int) -> list[Link]:
    """One correction on a list of links; ``Conflict`` when its links are not there,
    ``AlignerError`` when it is malformed."""
    out = list(links)
    name = op.get("op")
    if name == "split":
        n = _find(out, op.get("link"))
        x = out[n]
        if x.is_null:
            raise Conflict("a null link cannot be split further")
        nulls = [Link((i,), (), 0.0) for i in x.src] + [Link((), (j,), 0.0) for j in x.tgt]
        return out[:n] + nulls + out[n + 1:]
    if name == "join":
        n = _find(out, op.get("link"))
        m = _find(out, op.get("with"))
        if abs(n - m) != 1:
            raise AlignerError(None, "join: the two links are not neighbours")
        if not (out[n].is_null or out[m].is_null):
            raise AlignerError(None, "join: one of the two links must be a null link")
        a, b = sorted((n, m))
        joined = Link(tuple(sorted({*out[a].src, *out[b].src})),
                      tuple(sorted({*out[a].tgt, *out[b].tgt})),
                      max(out[a].score, out[b].score))
        return [*out[:a], joined, *out[b + 1:]]
    if name == "relink":
        side, seg = op.get("side"), op.get("seg")
        if side not in ("src", "tgt") or not isinstance(seg, int) or \
                not 0 <= seg < (n_src if side == "src" else n_tgt):
            raise AlignerError(None, f"relink: no {side} sentence {seg!r}")
        to = _find(out, op.get("to"))
        at = next((n for n, x in enumerate(out) if seg in (x.src if side == "src" else x.tgt)),
                  None)
        if at is None or at == to:
            raise Conflict(f"relink: {side} sentence {seg} is not in another link")
        old, new = out[at], out[to]
        if side == "src":
            left = Link(tuple(i for i in old.src if i != seg), old.tgt, old.score)
            moved = Link(tuple(sorted((*new.src, seg))), new.tgt, max(old.score, new.score))
        else:
            left = Link(old.src, tuple(j for j in old.tgt if j != seg), old.score)
            moved = Link(new.src, tuple(sorted((*new.tgt, seg))), max(old.score, new.score))
        out[to] = moved
        if left.src or left.tgt:
            out[at] = left if not left.is_null else Link(left.src, left.tgt, 0.0)
        else:
            del out[at]
        return out
    raise AlignerError(None, f"unknown correction {name!r} (known: {', '.join(OPS)})")


def decide(store: RunStore, pair: PairRow, report: Report, finding: str, action: str,
           comment: str, reviewer: str, seen: int | None) -> Decision:
    """Record (or change) the decision on one finding. ``seen`` is the revision the reviewer's
    page showed (0: none): a different stored revision means someone decided meanwhile, and
    the request is refused with ``Conflict`` carrying the current decision."""
    if action not in ACTIONS:
        raise AlignerError(None, f"unknown action {action!r} (known: {', '.join(ACTIONS)})")
    found = next((f for f in report.findings or [] if f.id == finding), None)
    if found is None:
        raise AlignerError(None, f"no finding {finding!r} in this pair")
    src_sha, tgt_sha = _shas(store, pair)
    with store.transaction() as db:
        row = db.execute("SELECT rev FROM decisions WHERE src_path = ? AND tgt_path = ? "
                         "AND finding = ?", (pair.src_path, pair.tgt_path, finding)).fetchone()
        rev = int(row[0]) if row else 0
        if seen is not None and seen != rev:
            [current] = _decisions(store, "WHERE src_path = ? AND tgt_path = ? AND finding = ?",
                                   (pair.src_path, pair.tgt_path, finding))
            raise Conflict(f"decided meanwhile by {current.reviewer}", current.to_json())
        db.execute("INSERT OR REPLACE INTO decisions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (pair.src_path, pair.tgt_path, finding, action, comment.strip(), reviewer,
                    now(), src_sha, tgt_sha, found.kind, found.message, rev + 1))
    [decision] = _decisions(store, "WHERE src_path = ? AND tgt_path = ? AND finding = ?",
                            (pair.src_path, pair.tgt_path, finding))
    return decision


def correct(store: RunStore, pair: PairRow, report: Report, op: dict[str, Any],
            reviewer: str) -> list[Link]:
    """Check one correction against the pair's links as corrected so far, then record it;
    returns the links after it."""
    op = {k: op[k] for k in ("op", "link", "with", "side", "seg", "to") if k in op}
    src_sha, tgt_sha = _shas(store, pair)
    with store.transaction() as db:  # read and write in one transaction: no lost correction
        links = apply_op(review(store, pair, report).report.links, op,
                         len(report.src.segments), len(report.tgt.segments))
        db.execute("INSERT INTO corrections (src_path, tgt_path, op, reviewer, at, src_sha, "
                   "tgt_sha) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   (pair.src_path, pair.tgt_path, json.dumps(op), reviewer, now(), src_sha,
                    tgt_sha))
    return links


def undo(store: RunStore, pair: PairRow) -> bool:
    """Forget the pair's latest correction; False when it has none."""
    with store.transaction() as db:
        row = db.execute("SELECT MAX(id) FROM corrections WHERE src_path = ? AND tgt_path = ?",
                         (pair.src_path, pair.tgt_path)).fetchone()
        if row[0] is None:
            return False
        db.execute("DELETE FROM corrections WHERE id = ?", (row[0],))
    return True


def all_records(store: RunStore, reports: Iterable[tuple[PairRow, Report]]
                ) -> list[dict[str, Any]]:
    """Every decision and correction in the store, with whether each is stale and applies;
    those of pairs no longer in the run are listed as stale and not applying."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for pair, report in reports:
        seen.add((pair.src_path, pair.tgt_path))
        done = review(store, pair, report)
        fresh_ids = {f.id for f in report.findings or []}
        for dec, fresh in _raw_decisions(store, pair):
            out.append(dataclasses.replace(dec, stale=not fresh,
                                           applies=dec.finding in fresh_ids).to_json())
        out += [c.to_json() for c in done.corrections]
    for dec in _decisions(store):
        if (dec.src_path, dec.tgt_path) not in seen:
            out.append(dataclasses.replace(dec, stale=True, applies=False).to_json())
    for cid, s, t, op, who, at in store.db.execute(
            "SELECT id, src_path, tgt_path, op, reviewer, at FROM corrections ORDER BY id"):
        if (s, t) not in seen:
            out.append(Correction(cid, s, t, json.loads(op), who, at, True, False).to_json())
    return out
