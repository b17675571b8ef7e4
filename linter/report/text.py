"""The human report: ``path:line:col: CODE [severity] message``, the line, a caret.

Lines of minified HTML can be 100,000 characters long, so the quoted line is a window
around the flagged span.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from linter.escape import visible
from linter.model import Finding, Severity, line_label
from linter.quote import Line, cut, length
from linter.report import Report, summary_line

_WINDOW = 100
_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}

Style = Callable[..., str]


def _plain(text: str, **_: object) -> str:
    return text


def _source_line(line: Line, finding: Finding) -> tuple[str, int, int]:
    """The flagged line (windowed), and the caret's start and width within it."""
    total = length(line, "\r")
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else total
    width = max(1, end - start)
    if total > _WINDOW:
        left = max(0, min(start - 20, total - _WINDOW))
        prefix = "…" if left else ""
        shown = cut(line, left, min(left + _WINDOW, total)).replace("\t", " ")
        text = prefix + shown + ("…" if left + _WINDOW < total else "")
        start = start - left + len(prefix)
        width = min(width, _WINDOW - (start - len(prefix)))
    else:
        text = cut(line, 0, total).replace("\t", " ")
    text = text.rstrip()
    if visible(text) != text:  # control characters shown escaped, the caret kept under
        head = len(visible(text[:start]))
        width = len(visible(text[start : start + width]))
        text, start = visible(text), head
    return text, start, max(1, width)


def render_finding(
    finding: Finding, line: Line | None, style: Style = _plain, fmt: str | None = None
) -> str:
    """One finding; ``fmt`` is its file's input format (a Word document's lines are
    paragraphs: ``draft.docx:¶12:30:``)."""
    place = line_label(finding.line, fmt, finding.path)
    head = (
        f"{style(f'{finding.path}:{place}:{finding.column}:', bold=True)} "
        f"{style(finding.code, fg=_COLORS[finding.severity], bold=True)} "
        f"[{style(str(finding.severity), fg=_COLORS[finding.severity])}] {finding.message}"
    )
    out = [head]
    if line is not None:
        text, start, width = _source_line(line, finding)
        gutter = f"{place:>5} | "
        out.append(gutter + text)
        out.append(" " * (len(gutter) - 2) + "| " + " " * start + style("^" * width, fg="red"))
    for related in finding.related:
        where = f"{related.path}, " if related.path else ""
        at = line_label(related.line, None if related.path else fmt, related.path or finding.path)
        at = at if at.startswith("¶") else f"line {at}"
        out.append(f"      = see {where}{at}, column {related.column}: " + visible(related.excerpt))
    if finding.fix is not None:
        shown = visible(finding.fix) if finding.fix.strip() else "(delete)"
        if finding.fix == " ":
            shown = "(one space)"
        out.append(f"      = fix: {shown}")
    return "\n".join(out)


def stream(report: Report, *, color: bool = False, quiet: bool = False) -> Iterator[str]:
    """The text report, a finding at a time; ``quiet`` prints one line per finding and
    nothing else."""
    import click

    style: Style = click.style if color else _plain
    any_found = False
    for result in report.files:
        for finding in result.findings:
            if quiet:
                yield render_finding(finding, None, style, result.format).split("\n")[0] + "\n"
                continue
            line = result.lines.get(finding.line)
            yield ("\n\n" if any_found else "") + render_finding(
                finding, line, style, result.format
            )
            any_found = True
    if not quiet:
        yield ("\n\n" if any_found else "") + summary_line(report) + "\n"


def render(report: Report, *, color: bool = False, quiet: bool = False) -> str:
    """The whole text report as one string."""
    return "".join(stream(report, color=color, quiet=quiet))
