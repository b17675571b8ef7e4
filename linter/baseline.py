"""Baselines: record today's findings so a team can adopt the linter and see only new ones.

A finding is recognised by a fingerprint of its rule, its file and the flagged text with
a little of the line around it, never by its line number, so inserting text above a
known problem does not make it "new". Identical fingerprints are counted (a multiset):
two copies of the same broken sentence in the baseline hide two findings, not all of them.
The same fingerprint feeds SARIF ``partialFingerprints`` and GitLab's ``fingerprint``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from linter.model import Finding
from linter.quote import Line, cut, length

VERSION = 1
BASELINE_MAX_BYTES = 256 * 1024 * 1024  # about a million recorded findings
_CONTEXT = 40  # characters of the line kept on each side of the flagged span


class BaselineError(Exception):
    """An unreadable or invalid baseline file; the message names it."""


def portable_path(path: str) -> str:
    """``path`` relative to the current directory when inside it, with forward slashes,
    so a baseline or SARIF file written on one machine matches on another."""
    if path.startswith("<"):
        return path
    try:
        absolute = Path(path).resolve()
        relative = absolute.relative_to(Path.cwd().resolve())
        return relative.as_posix()
    except (ValueError, OSError):
        return PurePath(path).as_posix()


def _context(finding: Finding, line: Line | None) -> str:
    """The flagged line near the span, white space folded: what makes the spot unique."""
    if not line:
        return ""
    start = max(0, finding.column - 1 - _CONTEXT)
    end = finding.end_column - 1 + _CONTEXT if finding.end_line == finding.line else length(line)
    return " ".join(cut(line, start, end).split())


def fingerprint(finding: Finding, line: Line | None = None) -> str:
    """A hex digest of code, portable path, excerpt and the text around it."""
    parts = (finding.code, portable_path(finding.path), finding.excerpt, _context(finding, line))
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


def fingerprints(results: Iterable[Any]) -> list[tuple[Finding, str]]:
    """Every finding of ``results`` (runner ``FileResult``s) with its fingerprint."""
    return [
        (f, fingerprint(f, result.lines.get(f.line))) for result in results for f in result.findings
    ]


def write_baseline(path: str, results: Iterable[Any]) -> int:
    """Write every finding of ``results`` to ``path`` (see ``linter.output``); returns
    the count."""
    from linter.output import write_safely

    entries = [
        {"code": f.code, "path": portable_path(f.path), "fingerprint": fp, "message": f.message}
        for f, fp in fingerprints(results)
    ]
    payload = {"version": VERSION, "tool": "contentlint", "entries": entries}
    write_safely(path, json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return len(entries)


@dataclass
class Baseline:
    """Entries of a baseline file, counted by ``(path, fingerprint)``."""

    counts: Counter[tuple[str, str]]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def baseline_of(results: Iterable[Any]) -> Baseline:
    """The baseline ``write_baseline`` records for ``results``, without reading it back."""
    return Baseline(Counter((portable_path(f.path), fp) for f, fp in fingerprints(results)))


def load_baseline(path: str) -> Baseline:
    """Read a baseline written by ``write_baseline``; any problem is a ``BaselineError``."""
    from linter.inputs import InputError, read_text

    try:
        data = json.loads(read_text(path, BASELINE_MAX_BYTES))
    except InputError as error:
        if error.reason == "no such file":
            raise BaselineError(f"{path}: baseline file not found") from None
        if error.reason == "not UTF-8 text":
            raise BaselineError(f"{path}: not a contentlint baseline (not UTF-8 text)") from None
        raise BaselineError(f"{path}: cannot read baseline: {error.reason}") from None
    except (json.JSONDecodeError, RecursionError) as error:
        raise BaselineError(f"{path}: not a contentlint baseline (invalid JSON: {error})") from None
    if (
        not isinstance(data, dict)
        or data.get("version") != VERSION
        or not isinstance(data.get("entries"), list)
    ):
        raise BaselineError(f"{path}: not a contentlint baseline (version {VERSION} expected)")
    counts: Counter[tuple[str, str]] = Counter()
    for number, entry in enumerate(data["entries"], 1):
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(key), str) for key in ("fingerprint", "path")
        ):
            raise BaselineError(f"{path}: entry {number} needs a path and a fingerprint")
        counts[(entry["path"], entry["fingerprint"])] += 1
    return Baseline(counts)


def apply_baseline(results: Iterable[Any], baseline: Baseline) -> tuple[int, int]:
    """Drop findings the baseline knows from ``results`` in place.

    Returns ``(hidden, fixed)``: findings hidden, and entries for the files linted this
    run that matched nothing (fixed since). Entries of files not linted are not "fixed".
    """
    remaining = Counter(baseline.counts)
    hidden = 0
    linted = set()
    for result in results:
        linted.add(portable_path(result.path))
        kept = []
        for finding in result.findings:
            key = (
                portable_path(finding.path),
                fingerprint(finding, result.lines.get(finding.line)),
            )
            if remaining[key] > 0:
                remaining[key] -= 1
                hidden += 1
            else:
                kept.append(finding)
        result.findings = kept
    return hidden, sum(n for (path, _), n in remaining.items() if path in linted)
