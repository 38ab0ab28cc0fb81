"""The ``aligner`` command line: argument parsing, progress and exit codes; logic lives in the
library. Errors are one red line and exit code 2."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from aligner.records import AlignerError

app = typer.Typer(
    help="Pair, align and check Arabic–English articles; build parallel corpora.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)
console = Console()

F = TypeVar("F", bound=Callable[..., Any])


@app.callback()
def main() -> None:
    """Pair, align and check Arabic–English articles; build parallel corpora."""


def user_errors(func: F) -> F:
    """Turn AlignerError (bad input, bad output dir, unknown name) into one red line, exit 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AlignerError as exc:
            err_console.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


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
