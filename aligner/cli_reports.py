"""The commands over saved reports, 'accept' and 'show', registered on the CLI's app."""

from __future__ import annotations

from pathlib import Path

import typer

from aligner.cli import app, console, err_console, user_errors
from aligner.records import AlignerError


@app.command()
@user_errors
def accept(
    reports: list[Path] = typer.Argument(..., metavar="REPORT.json...",
                                         help="Reports saved by 'aligner check --json' (or a "
                                              "run's OUT/reports/*.json)."),
    ids: list[str] | None = typer.Option(None, "--id", help="A finding id to accept "
                                                            "(repeatable)."),
    accept_all: bool = typer.Option(False, "--all", help="Accept every finding of the reports."),
    to: Path = typer.Option(..., "--to", metavar="BASELINE.json",
                            help="Baseline file to record them in (merged if it exists)."),
    comment: str = typer.Option("", "--comment", help="Why they are accepted."),
    by: str | None = typer.Option(None, "--by", help="Who accepts them (default: login name)."),
) -> None:
    """Record findings as accepted, so that 'check' and 'run' with --baseline show them as
    accepted and --fail-on no longer counts them.

    \b
    Example:
      aligner accept report.json --id 3f2a9c1b7e04 --to baseline.json --comment "house style"
    """
    from aligner.baseline import Acceptance, accept_findings, read_baseline, write_baseline
    from aligner.report.terminal import read_report

    if bool(ids) == accept_all:
        raise AlignerError(None, "give the findings to accept: --id ID (repeatable) or --all")
    acceptance = Acceptance.now(comment, by)
    found = []
    for path in reports:
        report = read_report(path)
        if report.findings is None:
            raise AlignerError(str(path), "holds no findings (write one with 'aligner check "
                                          "--json')")
        found += report.findings
    source = str(reports[0]) + (f" (and {len(reports) - 1} more)" if len(reports) > 1 else "")
    new = accept_findings(found, None if accept_all else ids, acceptance, source)
    merged = read_baseline(to) if to.exists() else {}
    added = sum(1 for fid in new if fid not in merged)
    merged.update(new)
    write_baseline(to, merged)
    console.print(f"accepted {len(new)} finding(s), {added} new; {to} holds {len(merged)}",
                  highlight=False)


@app.command()
@user_errors
def show(
    report_path: Path = typer.Argument(..., metavar="REPORT.json",
                                       help="A report saved by 'aligner check --json'."),
    show_all: bool = typer.Option(False, "--all",
                                  help="Every row, not only rows with findings."),
    context: int = typer.Option(1, "--context", "-C", min=0,
                                help="Rows shown around each row with findings."),
    html: Path | None = typer.Option(None, "--html",
                                     help="Also write the self-contained HTML review page."),
    baseline: Path | None = typer.Option(None, "--baseline",
                                         help="Accepted findings (a file written by 'aligner "
                                              "accept'): shown as accepted."),
    new_only: bool = typer.Option(False, "--new-only",
                                  help="Leave accepted findings out of the view and the page."),
) -> None:
    """Show a saved report side by side in the terminal (stacked when the terminal is narrow).

    With --baseline, the findings accepted there are shown as accepted, as 'check' shows them.

    Only what is new since: aligner show report.json --baseline baseline.json --new-only
    """
    from aligner.baseline import apply_baseline, read_baseline
    from aligner.report.terminal import read_report, render_terminal

    accepted = read_baseline(baseline) if baseline else {}
    report = read_report(report_path)
    if report.findings is not None:  # an unchecked report stays "not checked"
        apply_baseline(report, accepted, new_only)
    if html:
        from aligner.report.html import write_html

        write_html(report, html)
        err_console.print(f"wrote {html}")
    render_terminal(report, console, show_all=show_all, context=context)
