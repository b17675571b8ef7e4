"""The report's charts, drawn as inline SVG: bars per category or severity, and the
trend of findings per run."""

from __future__ import annotations

from typing import Any

from linter.message import plural
from linter.report.html.common import esc


def bar_chart(title: str, bars: list[tuple[str, int, str]]) -> str:
    """Horizontal bars, one per ``(label, count, css class)``; counts printed beside them."""
    row, label_width, bar_width = 30, 110, 280
    width, height = label_width + bar_width + 50, row * len(bars)
    top = max((count for _, count, _ in bars), default=0) or 1
    parts = [
        f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{esc(title)}">'
        f"<title>{esc(title)}</title>"
    ]
    for n, (label, count, css) in enumerate(bars):
        y = n * row
        length = round(bar_width * count / top, 1)
        parts.append(
            f'<g class="bar {esc(css)}" data-label="{esc(label)}" data-count="{count}">'
            f'<text x="{label_width - 10}" y="{y + 20}" text-anchor="end">{esc(label)}</text>'
            f'<rect x="{label_width}" y="{y + 6}" width="{length}" height="{row - 12}" rx="3"/>'
            f'<text class="value" x="{label_width + length + 8}" y="{y + 20}">{count}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


# Trend bars stack a run's counts bottom up: (key in a trend entry, CSS class).
_STACK = (("errors", "error"), ("warnings", "warning"), ("info", "info"))


def trend_chart(runs: list[dict[str, Any]]) -> str:
    """Findings per run as bars stacked by severity, oldest on the left."""
    slot, bar, plot, floor = 56, 40, 150, 170
    width, height = max(320, slot * len(runs) + 16), floor + 44
    top = max((int(run["findings"]) for run in runs), default=0) or 1
    parts = [
        f'<svg class="chart trend" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Findings per run"><title>Findings per run</title>'
    ]
    for n, run in enumerate(runs):
        x, y, total = 16 + n * slot, float(floor), int(run["findings"])
        tip = (
            f"{run['label']} ({run['started']}): {plural(total, 'finding')}, "
            f"{plural(int(run['errors']), 'error')}, {plural(int(run['warnings']), 'warning')}, "
            f"{run['info']} info"
        )
        parts.append(
            f'<g class="run" data-run="{esc(run["label"])}" data-findings="{total}">'
            f"<title>{esc(tip)}</title>"
        )
        for key, css in _STACK:
            size = round(plot * int(run[key]) / top, 1)
            y -= size
            parts.append(f'<rect class="{css}" x="{x}" y="{y}" width="{bar}" height="{size}"/>')
        parts.append(
            f'<text class="value" x="{x + bar / 2}" y="{y - 6}" text-anchor="middle">{total}</text>'
            f'<text class="axis" x="{x + bar / 2}" y="{floor + 18}" text-anchor="middle">'
            f"{esc(run['label'])}</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)
