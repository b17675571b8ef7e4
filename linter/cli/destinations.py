"""Where reports go: ``--format``/``--output`` pairs, checked before the run, written after."""

from __future__ import annotations

from collections.abc import Iterable

import click

from linter.cli.common import UserError, warn


def pair_outputs(formats: tuple[str, ...], outputs: tuple[str, ...]) -> list[tuple[str, str]]:
    """``(format, destination)`` pairs: in order; a format without an output goes to stdout."""
    formats = formats or ("text",)
    if len(outputs) > len(formats):
        raise UserError(
            f"{len(outputs)} --output given for {len(formats)} --format; "
            "give one --format per --output"
        )
    return [(fmt, outputs[n] if n < len(outputs) else "-") for n, fmt in enumerate(formats)]


def check_destinations(paths: list[str]) -> None:
    """Refuse, before any work, a destination whose directory is missing or unwritable:
    finding out after an hour-long audit would lose the audit."""
    from linter.output import destination_problem

    for path in paths:
        problem = destination_problem(path)
        if problem:
            raise UserError(f"cannot write {path}: {problem}")


def write(destination: str, text: str | Iterable[str]) -> bool:
    """Write one report (text, or its pieces as they are made); a failure is its own
    error line (False), not the end of the run."""
    from linter.output import write_safely

    try:
        write_safely(destination, text)
    except OSError as error:
        warn(f"cannot write {destination}: {error.strerror or error}")
        return False
    return True


def emit(
    report,
    destinations: list[tuple[str, str]],
    *,
    color: bool,
    quiet: bool,
    err: bool = False,
    statistics: bool = False,
) -> int:
    """Render each report to its destination (each on its own: one that fails loses no
    other); returns how many could not be written. ``err``: '-' means standard error
    (standard output carries the fixed text of standard input). ``statistics``: the
    counts per rule of ``--statistics`` in place of each report."""
    from linter.report import stream
    from linter.report.statistics import render as render_statistics

    def pieces(fmt: str, colored: bool) -> Iterable[str]:
        if statistics:
            return [render_statistics(report, fmt, quiet=quiet)]
        return stream(report, fmt, color=colored, quiet=quiet)

    failures = 0
    for fmt, destination in destinations:
        colored = color and fmt == "text" and not statistics
        if destination == "-":
            echo(pieces(fmt, colored), colored, err)
            continue
        failures += not write(destination, pieces(fmt, False))
    return failures


def echo(pieces: Iterable[str], colored: bool = False, err: bool = False) -> None:
    """Print a report's pieces as they are made, batched a little: one write per piece of
    a 100,000-page report would be slow."""
    batch: list[str] = []
    size = 0
    for piece in pieces:
        batch.append(piece)
        size += len(piece)
        if size > 1 << 16:
            click.echo("".join(batch), nl=False, color=colored, err=err)
            batch, size = [], 0
    if batch:
        click.echo("".join(batch), nl=False, color=colored, err=err)


def check_statistics(destinations: list[tuple[str, str]]) -> None:
    """``--statistics`` has a text and a JSON form only (as ruff): any other format is a
    usage error, found before any work."""
    from linter.report.statistics import FORMATS

    for fmt, _ in destinations:
        if fmt not in FORMATS:
            raise UserError(f"--statistics prints text or json, not --format {fmt}")
