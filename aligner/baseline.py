"""Accepted findings: a baseline file of finding ids a reviewer has accepted, and how a report's
findings are marked with them.

A baseline is JSON, ``{"accepted": {ID: {"comment": …, "at": ISO time, "by": …}}}``, keyed by
the stable finding id (``checks.run.finding_id``), so an accepted finding stays accepted across
reruns while a new one is not. Review decisions kept elsewhere (the review desk's run store)
count through the same ``mark_accepted`` with their own mapping of ids.
"""

from __future__ import annotations

import dataclasses
import getpass
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from aligner.fsutil import atomic_write_text
from aligner.records import SEVERITIES, AlignerError, Finding, Report


@dataclass(frozen=True)
class Acceptance:
    """Why, when and by whom a finding was accepted."""

    comment: str = ""
    at: str = ""  # ISO 8601 time, UTC
    by: str = ""

    def to_json(self) -> dict[str, str]:
        return {"comment": self.comment, "at": self.at, "by": self.by}

    @classmethod
    def now(cls, comment: str = "", by: str | None = None) -> Acceptance:
        """An acceptance made now, by ``by`` (default: the login name)."""
        return cls(comment, datetime.now(timezone.utc).isoformat(timespec="seconds"),
                   by if by is not None else _login())


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return ""


def read_baseline(path: str | Path) -> dict[str, Acceptance]:
    """The accepted ids of a baseline file; any problem is one error naming the file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AlignerError(str(path), "no such baseline file (make one with "
                                      "'aligner accept REPORT.json --all --to FILE')") from None
    except OSError as exc:
        raise AlignerError(str(path), f"cannot read baseline: {exc.strerror or exc}") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise AlignerError(str(path), f"damaged baseline (not JSON: {exc})") from exc
    accepted = data.get("accepted") if isinstance(data, dict) else None
    if not isinstance(accepted, dict):
        raise AlignerError(str(path), 'damaged baseline (expected {"accepted": {ID: {...}}})')
    out: dict[str, Acceptance] = {}
    for fid, entry in accepted.items():
        if not isinstance(entry, dict) or not all(
                isinstance(entry.get(k, ""), str) for k in ("comment", "at", "by")):
            raise AlignerError(str(path), f"damaged baseline (entry {fid!r} is not "
                                          '{"comment": …, "at": …, "by": …})')
        out[fid] = Acceptance(entry.get("comment", ""), entry.get("at", ""), entry.get("by", ""))
    return out


def write_baseline(path: str | Path, accepted: Mapping[str, Acceptance]) -> None:
    """Write a baseline atomically, ids sorted so that diffs stay small."""
    payload = {"accepted": {fid: accepted[fid].to_json() for fid in sorted(accepted)}}
    atomic_write_text(path, json.dumps(payload, ensure_ascii=False, indent=1) + "\n")


def accept_findings(findings: Sequence[Finding], ids: Iterable[str] | None,
                    acceptance: Acceptance, source: str) -> dict[str, Acceptance]:
    """``acceptance`` for each of ``ids`` (every finding when None); an id no finding has is an
    error naming ``source``, the report it should have come from."""
    known = [f.id for f in findings if f.id]
    if ids is None:
        return dict.fromkeys(known, acceptance)
    wanted = list(dict.fromkeys(ids))
    unknown = [i for i in wanted if i not in set(known)]
    if unknown:
        raise AlignerError(source, f"no finding with id {', '.join(unknown)} in this report")
    return dict.fromkeys(wanted, acceptance)


def mark_accepted(findings: Sequence[Finding],
                  accepted: Mapping[str, Acceptance]) -> list[Finding]:
    """``findings`` with ``accepted`` set on those whose id is in ``accepted``."""
    return [dataclasses.replace(f, accepted=accepted[f.id].to_json())
            if f.id in accepted else f for f in findings]


def open_findings(findings: Sequence[Finding]) -> list[Finding]:
    """The findings nobody accepted: what ``--fail-on`` and ``--new-only`` look at."""
    return [f for f in findings if f.accepted is None]


def apply_baseline(report: Report, accepted: Mapping[str, Acceptance],
                   new_only: bool) -> list[Finding]:
    """Mark the report's accepted findings (dropped with ``new_only``); its findings after."""
    findings = mark_accepted(report.findings or [], accepted)
    report.findings = open_findings(findings) if new_only else findings
    return report.findings


def fails(findings: Sequence[Finding], fail_on: str | None) -> bool:
    """Whether a non-accepted finding reaches the ``fail_on`` severity."""
    if fail_on is None:
        return False
    floor = SEVERITIES.index(fail_on)
    return any(SEVERITIES.index(f.severity) >= floor for f in open_findings(findings))

