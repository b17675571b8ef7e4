"""The history as text: the table of ``contentlint history`` and the comparison lines."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from linter.history.runs import Comparison
from linter.message import plural

_LISTED = 20  # findings shown per list in ``render_comparison``


def _display_time(iso: str) -> str:
    """``2026-11-20T10:00:00+00:00`` as ``2026-11-20 10:00 UTC``."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


_COLUMNS = (
    ("ID", "id"),
    ("STARTED", "started"),
    ("PAGES", "pages"),
    ("FAILED", "pages_failed"),
    ("FINDINGS", "findings"),
    ("ERRORS", "errors"),
    ("WARNINGS", "warnings"),
    ("INFO", "info"),
    ("CONFIG", "config_hash"),
)


def _cells(run: dict[str, Any]) -> list[str]:
    cells = [_display_time(run[key]) if key == "started" else str(run[key]) for _, key in _COLUMNS]
    if run.get("interrupted"):
        cells[-1] += " (interrupted)"
    return cells


def render_runs(runs: Sequence[dict[str, Any]], path: str = "this database") -> str:
    """The runs of ``list_runs`` as an aligned table; text columns left, numbers right."""
    if not runs:
        return f"No audits recorded in {path}.\n"
    rows = [[title for title, _ in _COLUMNS]] + [_cells(run) for run in runs]
    widths = [max(len(row[n]) for row in rows) for n in range(len(_COLUMNS))]
    left = {"started", "config_hash"}
    lines = []
    for row in rows:
        cells = [
            cell.ljust(width) if key in left else cell.rjust(width)
            for cell, width, (_, key) in zip(row, widths, _COLUMNS, strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def _capped(lines: list[str]) -> list[str]:
    """At most ``_LISTED`` lines, then how many were left out."""
    if len(lines) <= _LISTED:
        return lines
    return [*lines[:_LISTED], f"  … and {len(lines) - _LISTED} more"]


def render_comparison(c: Comparison) -> str:
    """A few lines a person reads: the counts, then the new and the fixed findings."""
    lines = [
        f"Compared with run {c.against} ({_display_time(c.started)}): {len(c.new)} new,"
        f" {len(c.fixed)} fixed, {c.unchanged} unchanged."
    ]
    if c.not_compared:
        pages = plural(c.not_compared, "page")
        lines.append(f"{pages} checked in only one of the two runs left out of the comparison.")
    if c.new:
        lines.append("New:")
        lines += _capped([f"  {f.path}:{f.line}:{f.column}: {f.code} {f.message}" for f in c.new])
    if c.fixed:
        lines.append("Fixed:")
        lines += _capped(
            [f"  {f['path']}:{f['line']}: {f['code']} {f['message']}" for f in c.fixed]
        )
    return "\n".join(lines) + "\n"
