"""Where reports go: ``--format``/``--output`` pairs, checked before the run, written after."""

from __future__ import annotations

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


def write(destination: str, text: str) -> bool:
    """Write one report; a failure is its own error line (False), not the end of the run."""
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
    from linter.report import render
    from linter.report.statistics import render as render_statistics

    def text_of(fmt: str, colored: bool) -> str:
        if statistics:
            return render_statistics(report, fmt, quiet=quiet)
        return render(report, fmt, color=colored, quiet=quiet)

    failures = 0
    for fmt, destination in destinations:
        colored = color and fmt == "text" and not statistics
        if destination == "-":
            click.echo(text_of(fmt, colored), nl=False, color=colored, err=err)
            continue
        failures += not write(destination, text_of(fmt, False))
    return failures


def check_statistics(destinations: list[tuple[str, str]]) -> None:
    """``--statistics`` has a text and a JSON form only (as ruff): any other format is a
    usage error, found before any work."""
    from linter.report.statistics import FORMATS

    for fmt, _ in destinations:
        if fmt not in FORMATS:
            raise UserError(f"--statistics prints text or json, not --format {fmt}")
