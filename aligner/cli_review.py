"""The review commands, 'serve' and 'decisions', registered on the CLI's app."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.table import Table

from aligner.cli import app, console, err_console, user_errors
from aligner.records import AlignerError


def _run_dir(run_dir: Path) -> Path:
    from aligner.corpus.store import STORE_NAME

    if not (run_dir / STORE_NAME).is_file():
        raise AlignerError(str(run_dir), f"not a run directory (no {STORE_NAME}); make one "
                                         "with 'aligner run'")
    return run_dir


def _default_reviewer() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container's bare uid)
        return "reviewer"


@app.command()
@user_errors
def serve(
    run_dir: Path = typer.Argument(..., metavar="OUT", help="Output directory of 'aligner run'."),
    port: int = typer.Option(8765, "--port", min=1, max=65535, help="Port to listen on."),
    host: str = typer.Option("127.0.0.1", "--host",
                             help="Address to bind (default: this machine only)."),
    reviewer: str | None = typer.Option(None, "--reviewer",
                                        help="Name recorded with every decision (default: "
                                             "your login name)."),
) -> None:
    """The review desk: accept or reject findings and correct links in the browser.

    Decisions and corrections are stored in OUT/run.sqlite; 'aligner export' writes the
    corrected links, 'aligner decisions' lists them, and a rerun of 'aligner run' keeps them.
    """
    try:
        from aligner.serve import serve as serve_desk
    except ImportError as exc:
        raise AlignerError(None, f"aligner serve needs starlette and uvicorn ({exc}); "
                                 "pip install 'aligner[serve]'") from None

    _run_dir(run_dir)
    who = reviewer or _default_reviewer()
    shown = f"[{host}]" if ":" in host else host
    err_console.print(f"review desk for {run_dir} at http://{shown}:{port}/ (reviewer {who}; "
                      "Ctrl-C to stop)")
    serve_desk(run_dir, host, port, who)


@app.command()
@user_errors
def decisions(
    run_dir: Path = typer.Argument(..., metavar="OUT", help="Output directory of 'aligner run'."),
    json_out: str | None = typer.Option(None, "--json",
                                        help="Write the decisions as JSON to FILE, or '-' "
                                             "for stdout."),
) -> None:
    """List the reviewer's decisions and link corrections stored in a run (aligner serve),
    with whether each is stale (made on a text that has changed since) and still applies."""
    from aligner.corpus import finished
    from aligner.corpus.store import RunStore
    from aligner.fsutil import atomic_write_text
    from aligner.review import all_records

    with RunStore(_run_dir(run_dir)) as store:
        records = all_records(store, [(pair, report) for _, pair, report in finished(store)])
    if json_out:
        payload = json.dumps({"decisions": records}, ensure_ascii=False, indent=1) + "\n"
        if json_out == "-":
            sys.stdout.write(payload)
        else:
            atomic_write_text(json_out, payload)
        return
    table = Table("pair", "what", "by", "at", "state", title=f"{len(records)} record(s)")
    for r in records:
        op = {k: v for k, v in r.get("op", {}).items() if k != "op"}
        what = (f"{r['action']} {r['finding']} ({r['kind']})" if r["type"] == "decision"
                else f"{r['op'].get('op')} {json.dumps(op)}")
        state = ("stale, " if r["stale"] else "") + ("applies" if r["applies"] else "not applied")
        table.add_row(f"{Path(r['src']).name} ↔ {Path(r['tgt']).name}", what, r["reviewer"],
                      r["at"], state)
    console.print(table)
