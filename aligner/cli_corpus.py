"""The corpus commands, 'align', 'run' and 'export', registered on the CLI's app."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.table import Table
from rich.text import Text

from aligner.cli import (
    BASELINE_OPT,
    BEADS_OPT,
    EMBEDDER_OPT,
    GLOSSARY_OPT,
    JSON_OPT,
    KEEP_CHROME_OPT,
    NEW_ONLY_OPT,
    NO_CACHE_OPT,
    PRESEGMENTED_OPT,
    SRC_ARG,
    SRC_LANG_OPT,
    TGT_LANG_OPT,
    VERIFIER_OPT,
    FailOn,
    align_pair,
    align_params,
    app,
    bilingual_pair,
    console,
    err_console,
    language_code,
    note_cleaning,
    note_encoding,
    note_page,
    read_pair,
    spinner,
    user_errors,
    verify_with,
    warn_if_report_unrelated,
    warn_if_unrelated,
    write_report_json,
)
from aligner.cli_options import KEEP_NULLS_OPT, format_opt, min_score_opt
from aligner.records import Report

if TYPE_CHECKING:
    from aligner.corpus import RunSummary


@app.command()
@user_errors
def align(
    src: str = SRC_ARG,
    tgt: str | None = typer.Argument(None, help="Its translation, in the other language "
                                                "(none with a bilingual file: its units are "
                                                "the links)."),
    presegmented: bool = PRESEGMENTED_OPT,
    embedder: str = EMBEDDER_OPT,
    json_out: str | None = JSON_OPT,
    out: Path | None = typer.Option(None, "--out", help="Directory for corpus exports."),
    formats: str = format_opt(lead="Export formats for --out:"),
    min_score: float | None = min_score_opt(),
    keep_nulls: bool = KEEP_NULLS_OPT,
    keep_chrome: bool = KEEP_CHROME_OPT,
    beads: str | None = BEADS_OPT,
    verifier: str = VERIFIER_OPT,
    no_cache: bool = NO_CACHE_OPT,
    src_lang: str | None = SRC_LANG_OPT,
    tgt_lang: str | None = TGT_LANG_OPT,
) -> None:
    """Align the sentences of two articles and export the links.

    \b
    Example (a TMX and an XLIFF 2.1 file for a CAT tool):
      aligner align ar.txt en.txt --out corpus/ --format tmx,xliff"""
    from aligner.export.base import corpus_rows, export_rows, parse_formats
    from aligner.fsutil import ensure_writable_dir

    docs = read_pair(src, tgt, src_lang, tgt_lang) if tgt is not None else None
    params = align_params(beads, verifier)
    format_names = parse_formats(formats) if out else []
    if out:
        ensure_writable_dir(out)
    if docs is None:
        report, _ = bilingual_pair(src, embedder, no_cache)
    else:
        report, _ = align_pair(*docs, embedder, params, presegmented, no_cache,
                               bool(src_lang or tgt_lang))
    warn_if_report_unrelated(report)
    if json_out:
        write_report_json(report, json_out)
    if out:
        rows = corpus_rows(report, "aligned", min_score=min_score, keep_nulls=keep_nulls,
                           keep_chrome=keep_chrome)
        for path in export_rows(rows, out, "aligned", format_names, report.signature):
            err_console.print(f"wrote {path}")
    _print_link_summary(report)


def _print_link_summary(report: Report) -> None:
    kinds = Counter(f"{len(link.src)}-{len(link.tgt)}" for link in report.links)
    shape = ", ".join(f"{k}: {v}" for k, v in sorted(kinds.items()))
    err_console.print(f"{len(report.src.segments)} {report.src.document.lang} / "
                      f"{len(report.tgt.segments)} {report.tgt.document.lang} segments → "
                      f"{len(report.links)} links ({shape})")
    err_console.print(f"signature: {report.signature['string']}", style="dim")


@app.command()
@user_errors
def run(
    inputs: Path = typer.Argument(..., help="Directory of articles (searched recursively), or "
                                            "a manifest (.csv or .jsonl: ar,en pairs or paths)."),
    out: Path = typer.Option(..., "--out", help="Output directory; holds the resumable run "
                                                "store (run.sqlite)."),
    embedder: str = EMBEDDER_OPT,
    formats: str = format_opt(),
    min_score: float | None = min_score_opt(),
    keep_nulls: bool = KEEP_NULLS_OPT,
    keep_chrome: bool = KEEP_CHROME_OPT,
    check: bool = typer.Option(True, help="Run the translation checks on every pair."),
    html: bool = typer.Option(True, help="Write an HTML review page per pair and index.html."),
    workers: int | None = typer.Option(None, "--workers", "-j", min=1,
                                       help="Worker processes (default: number of cores; "
                                            "1 = in this process)."),
    engine: str = typer.Option("local", "--engine",
                               help="local (process pool) or ray ($RAY_ADDRESS, else a local "
                                    "Ray)."),
    fail_on: FailOn | None = typer.Option(None, "--fail-on", case_sensitive=False,
                                          help="Exit 1 when a finding not accepted in "
                                               "--baseline reaches this severity, in any pair."),
    baseline: Path | None = BASELINE_OPT,
    new_only: bool = NEW_ONLY_OPT,
    glossary: Path | None = GLOSSARY_OPT,
    verifier: str = VERIFIER_OPT,
    no_cache: bool = NO_CACHE_OPT,
    src_lang: str | None = typer.Option(
        None, "--src-lang", help="Language of each pair's src side (its Arabic file, or a "
                                 "manifest pair's first) instead of the guess."),
    tgt_lang: str | None = typer.Option(
        None, "--tgt-lang", help="Language of each pair's other side instead of the guess."),
) -> None:
    """Pair translated articles, align and check each pair, export a corpus — resumably.

    Killed and started again with the same command, the run goes on where it stopped.
    Exit code 3 when some inputs failed (the rest is still processed), else 1 when
    --fail-on is reached.

    \b
    Examples (a folder may hold text files, saved pages and bilingual files):
      aligner run articles/ --out out/ --format jsonl,xliff
      aligner run articles/ --out out/ --baseline baseline.json --fail-on major
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from aligner.baseline import read_baseline
    from aligner.corpus import ExportOptions, WorkConfig, load_inputs, make_engine, run_corpus
    from aligner.export.base import parse_formats
    from aligner.fsutil import ensure_writable_dir
    from aligner.glossary import read_glossary
    from aligner.records import SEVERITIES

    format_names = tuple(parse_formats(formats))
    accepted = read_baseline(baseline) if baseline else {}
    terms = read_glossary(glossary) if glossary else None
    wanted = load_inputs(inputs)  # read once, here, so that a bad input fails before start-up
    _note_skipped_tsv(inputs, wanted.skipped_tsv)
    ensure_writable_dir(out)
    config = WorkConfig(embedder=embedder, cache=not no_cache, check=check,
                        params=(("verify_with", verify_with(verifier)),), glossary=terms,
                        src_lang=language_code(src_lang, "--src-lang") or "",
                        tgt_lang=language_code(tgt_lang, "--tgt-lang") or "")
    with spinner(f"starting {engine} engine"):
        runner = make_engine(engine, config, workers)
    try:
        with Progress(TextColumn("{task.description:>8}"), BarColumn(), MofNCompleteColumn(),
                      console=err_console, transient=True) as bars:
            tasks: dict[str, Any] = {}

            def tick(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    tasks[stage] = bars.add_task(stage, total=total)
                bars.update(tasks[stage], completed=done, total=total)

            summary = run_corpus(wanted, out, config, runner, progress=tick, export=ExportOptions(
                formats=format_names, min_score=min_score, keep_nulls=keep_nulls, html=html,
                keep_chrome=keep_chrome, accepted=accepted, new_only=new_only))
    finally:
        runner.close()
    _print_run_summary(summary, out, f"{runner.name} × {runner.workers}")
    if summary.failed:
        sys.exit(3)
    floor = SEVERITIES.index(fail_on.value) if fail_on else len(SEVERITIES)
    if any(o.worst_open and SEVERITIES.index(o.worst_open) >= floor for o in summary.pairs):
        sys.exit(1)


def _print_run_summary(summary: RunSummary, out: Path, engine: str) -> None:
    """The pairs (first 20), then what was not paired, failed or not UTF-8, and the totals."""
    shown = summary.pairs[:20]
    table = Table("pair", "score", "links", "findings", title=f"{len(summary.pairs)} pair(s)")
    for outcome in shown:
        score = "manifest" if outcome.pairing_score is None else f"{outcome.pairing_score:.2f}"
        found = "—" if outcome.findings is None else str(outcome.findings)
        if outcome.accepted:
            found += f" ({outcome.accepted} accepted)"
        table.add_row(f"{Path(outcome.src).name} ↔ {Path(outcome.tgt).name}", score,
                      str(outcome.links), found)
    console.print(table)
    if len(summary.pairs) > len(shown):
        console.print(f"… and {len(summary.pairs) - len(shown)} more in {out / 'pairs.json'}",
                      highlight=False)
    for outcome in summary.pairs:  # a manifest's pairs are not verified by pairing
        warn_if_unrelated(outcome.src, outcome.tgt, outcome.translated_share)
    for path, reason in summary.unpaired[:20]:
        console.print(f"unpaired: {path} ({reason})", highlight=False)
    if len(summary.unpaired) > 20:
        console.print(f"… and {len(summary.unpaired) - 20} more unpaired", highlight=False)
    for path, error in summary.failed[:20]:
        err_console.print(Text.assemble(("failed:", "red"), f" {path}: {error}"))
    if len(summary.failed) > 20:
        err_console.print(f"… and {len(summary.failed) - 20} more failed "
                          f"(see {out / 'pairs.json'})")
    for path, encoding in summary.legacy_encoded[:20]:
        note_encoding(path, encoding)
    if len(summary.legacy_encoded) > 20:
        err_console.print(f"… and {len(summary.legacy_encoded) - 20} more not UTF-8 "
                          f"(see {out / 'pairs.json'})")
    for path, url in summary.pages[:20]:
        note_page(path, url)
    if len(summary.pages) > 20:
        err_console.print(f"… and {len(summary.pages) - 20} more web pages read as their "
                          "main text")
    for cleaned in summary.cleaned[:20]:
        note_cleaning(cleaned.path, cleaned.folded, cleaned.references, cleaned.dropped)
    if len(summary.cleaned) > 20:
        err_console.print(f"… and {len(summary.cleaned) - 20} more cleaned as they were read "
                          f"(see {out / 'pairs.json'})")
    console.print(f"aligned {summary.aligned} pair(s), reused {summary.reused} from earlier "
                  f"runs, read {summary.read} file(s) in {summary.seconds:.1f}s with "
                  f"{engine}", highlight=False)
    err_console.print("time: " + ", ".join(f"{k} {v:.1f}s" for k, v in summary.stages.items()),
                      style="dim")
    console.print(f"wrote {out / 'pairs.json'} and {len(summary.files) - 1} more file(s)",
                  highlight=False)


@app.command()
@user_errors
def export(
    run_dir: Path = typer.Argument(..., metavar="OUT", help="Output directory of 'aligner run'."),
    formats: str = format_opt("jsonl"),
    dest: Path | None = typer.Option(None, "--to", help="Directory for the files (default OUT)."),
    stem: str = typer.Option("train", "--stem", help="File name stem: STEM.jsonl, …"),
    min_score: float | None = min_score_opt("Drop links scoring below this."),
    drop_nulls: bool = typer.Option(True, "--drop-nulls/--keep-nulls",
                                    help="Drop 1-0 / 0-1 links (one side empty)."),
    min_ratio: float | None = typer.Option(None, min=0.0,
                                           help="Drop rows whose character length ratio "
                                                "src/tgt is below this (e.g. 0.5)."),
    max_ratio: float | None = typer.Option(None, min=0.0,
                                           help="Drop rows whose length ratio is above "
                                                "this (e.g. 2.0)."),
    min_script: float | None = typer.Option(None, min=0.0, max=1.0,
                                            help="Language check: drop rows where less than "
                                                 "this share (0 to 1) of a side's letters is "
                                                 "in its language's script (e.g. 0.8)."),
    dedup: str = typer.Option("exact", help="Duplicate removal: none, exact, or near (ignores "
                                            "case, punctuation, digits, Arabic diacritics)."),
    keep_chrome: bool = KEEP_CHROME_OPT,
    keep_rejected: bool = typer.Option(False, "--keep-rejected",
                                       help="Keep the sentence pairs of findings a reviewer "
                                            "rejected in 'aligner serve' (left out by "
                                            "default)."),
) -> None:
    """Export a run's aligned pairs as training data, filtered; settings go into the signature.

    Reads the run store, so it works on a finished run and, for the pairs done so far, on one
    still in progress.
    """
    from aligner.corpus import export_corpus
    from aligner.export.base import parse_formats
    from aligner.export.filters import Filters

    filters = Filters(min_score=min_score, drop_nulls=drop_nulls, min_ratio=min_ratio,
                      max_ratio=max_ratio, min_script=min_script, dedup=dedup,
                      keep_chrome=keep_chrome)
    result = export_corpus(run_dir, dest or run_dir, stem, parse_formats(formats), filters,
                           keep_rejected)
    dropped = ", ".join(f"{k}: {v}" for k, v in sorted(result.dropped.items())) or "none"
    console.print(f"{result.rows} row(s) kept; dropped {dropped}", highlight=False)
    for path in result.files:
        err_console.print(f"wrote {path}")
    err_console.print(f"signature: {result.signature['string']}", style="dim")


def _note_skipped_tsv(inputs: Path, skipped: list[str]) -> None:
    """One line naming the .tsv files a folder held (a count after 20), which run passes over
    since a TSV there may be anything: the user can list them in a manifest."""
    if not skipped:
        return
    names = ", ".join(str(Path(p).relative_to(inputs)) for p in skipped[:20])
    more = f" and {len(skipped) - 20} more" if len(skipped) > 20 else ""
    err_console.print(f"note: {inputs}: skipped {len(skipped)} .tsv file"
                      f"{'s' if len(skipped) > 1 else ''} ({names}{more}); a TSV in a folder "
                      "may be anything: name a bilingual one in a manifest's path column")
