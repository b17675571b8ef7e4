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


def emit(report, destinations: list[tuple[str, str]], *, color: bool, quiet: bool) -> int:
    """Render each report to its destination (each on its own: one that fails loses no
    other); returns how many could not be written."""
    from linter.report import render

    failures = 0
    for fmt, destination in destinations:
        if destination == "-":
            text = render(report, fmt, color=color and fmt == "text", quiet=quiet)
            click.echo(text, nl=False, color=color and fmt == "text")
            continue
        failures += not write(destination, render(report, fmt, quiet=quiet))
    return failures
