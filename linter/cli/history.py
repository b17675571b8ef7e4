"""``contentlint history`` and the audit's use of the history database (``--db``)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import click

from linter.cli.common import UserError, warn


def open_history(db_path: str | None):
    if db_path is None:
        return None
    from linter.history import HistoryError, open_db

    try:
        return open_db(db_path)
    except HistoryError as error:
        raise UserError(str(error)) from None


def compare_history(conn, compare: str | None, report) -> bool:
    """Fill ``report.comparison`` and ``report.trend`` from the history (the reports show
    them); False, after its error line, when the database cannot be read."""
    from linter.history import HistoryError, NoEarlierRun, resolve_run, trend
    from linter.history import compare as compare_runs

    try:
        # No earlier run: the first audit, which record_history says in its one line.
        with contextlib.suppress(NoEarlierRun):
            if compare:
                report.comparison = compare_runs(conn, resolve_run(conn, compare), report)
        report.trend = trend(conn)  # earlier audits; the HTML report adds this one
    except HistoryError as error:
        warn(str(error))
        return False
    return True


def record_history(conn, db_path, report, started, seconds, named, quiet, compare=None) -> bool:
    """Record this audit (after its reports are written); False after its error line.
    With ``compare`` and no earlier audit, the same line says there was nothing to compare."""
    from datetime import UTC, datetime

    from linter.history import HistoryError, config_hash, record_run, render_comparison

    try:
        run = record_run(
            conn,
            report,
            started=datetime.fromtimestamp(started, UTC),
            duration=seconds,
            config_hash=config_hash(report.rules),
            paths=named,
        )
    except HistoryError as error:
        warn(str(error))
        return False
    finally:
        conn.close()
    if not quiet:
        first = compare and report.comparison is None
        nothing = "; nothing to compare yet: this is the first audit in the history"
        warn(f"recorded audit {run} in {db_path}{nothing if first else ''}")
        if report.comparison is not None:
            click.echo(render_comparison(report.comparison), err=True, nl=False)
    return True


@click.command()
@click.option(
    "--db",
    "db_path",
    required=True,
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="The history database 'contentlint audit --db' writes.",
)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def history(db_path: str, output_format: str) -> None:
    """List the audits recorded in a history database, newest first, with their totals."""
    from linter.history import HistoryError, list_runs, open_db, render_runs

    # Checked here, not left to SQLite: a typo must not leave an empty database behind.
    if not Path(db_path).exists():
        raise UserError(f"{db_path}: no such history database")
    try:
        conn = open_db(db_path)
        try:
            runs = list_runs(conn)
        finally:
            conn.close()
    except HistoryError as error:
        raise UserError(str(error)) from None
    if output_format == "json":
        import json

        click.echo(json.dumps(runs, indent=2, ensure_ascii=False))
        return
    click.echo(render_runs(runs, db_path), nl=False)
