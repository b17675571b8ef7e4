"""Baselines: record today's findings so a team can adopt the linter and see only new ones.

A finding is recognised by a fingerprint of its rule, its file and the flagged text with
a little of the line around it, never by its line number, so inserting text above a
known problem does not make it "new". A whole-document finding (``anchor: document``)
is recognised by its rule and file alone: the spot it is shown at (the first paragraph,
say) is not what it is about, and moves when text is added above. Identical
fingerprints are counted (a multiset): two copies of the same broken sentence in the
baseline hide two findings, not all of them. The same fingerprint feeds SARIF
``partialFingerprints`` and GitLab's ``fingerprint``.

Version 2 stores each path relative to the baseline file's directory, so a baseline
works from any working directory; version 1 stored them relative to the working
directory of the run that wrote it, and is still read that way.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from linter.model import Finding
from linter.quote import Line, cut, length

VERSION = 2
READABLE = (1, 2)  # version 1: paths relative to the working directory, old fingerprints
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


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


def fingerprint(finding: Finding, line: Line | None = None, path: str | None = None) -> str:
    """A hex digest of code, ``path`` (default: the portable path), excerpt and the text
    around it; of code and path only for a whole-document finding."""
    where = portable_path(finding.path) if path is None else path
    if finding.anchor == "document":
        return _digest(finding.code, where, "document")
    return _digest(finding.code, where, finding.excerpt, _context(finding, line))


def legacy_fingerprint(finding: Finding, line: Line | None = None) -> str:
    """The fingerprint version 1 baselines hold (whole-document findings included)."""
    return _digest(
        finding.code, portable_path(finding.path), finding.excerpt, _context(finding, line)
    )


def base_path(path: str, base: Path) -> str:
    """``path`` relative to the directory ``base``, with forward slashes (``..`` when
    outside it): how a version 2 baseline names a file, whatever the working directory."""
    if path.startswith("<"):
        return path
    try:
        return Path(os.path.relpath(Path(path).resolve(), base)).as_posix()
    except (ValueError, OSError):  # another drive on Windows
        return PurePath(path).as_posix()


def _base_of(baseline_file: str) -> Path:
    return Path(baseline_file).resolve().parent


def write_baseline(path: str, results: Iterable[Any]) -> int:
    """Write every finding of ``results`` to ``path`` (see ``linter.output``); returns
    the count."""
    from linter.jsonstream import document, stream_here
    from linter.output import write_safely

    base = _base_of(path)
    written = 0

    def entries() -> Iterator[dict[str, str]]:
        nonlocal written
        for result in results:
            for f in result.findings:
                where = base_path(f.path, base)
                fp = fingerprint(f, result.lines.get(f.line), where)
                written += 1
                yield {"code": f.code, "path": where, "fingerprint": fp, "message": f.message}

    payload = {"version": VERSION, "tool": "contentlint", "entries": stream_here("entries")}
    write_safely(path, document(payload, {"entries": entries()}))
    return written


@dataclass
class Baseline:
    """Entries of a baseline file, counted by ``(path, fingerprint)``; ``base`` is the
    directory its paths are relative to, None for a version 1 file (the working directory,
    old fingerprints)."""

    counts: Counter[tuple[str, str]]
    base: Path | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def key(self, finding: Finding, line: Line | None) -> tuple[str, str]:
        """The ``(path, fingerprint)`` this baseline would hold for ``finding``."""
        if self.base is None:
            return portable_path(finding.path), legacy_fingerprint(finding, line)
        where = base_path(finding.path, self.base)
        return where, fingerprint(finding, line, where)

    def path_of(self, path: str) -> str:
        """``path`` as this baseline's entries name it."""
        return portable_path(path) if self.base is None else base_path(path, self.base)


def baseline_of(results: Iterable[Any], baseline_file: str) -> Baseline:
    """The baseline ``write_baseline`` records for ``results`` in ``baseline_file``,
    without reading it back."""
    baseline = Baseline(Counter(), _base_of(baseline_file))
    for result in results:
        for f in result.findings:
            baseline.counts[baseline.key(f, result.lines.get(f.line))] += 1
    return baseline


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
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise BaselineError(f"{path}: not a contentlint baseline (no version and entries)")
    version = data.get("version")
    if version not in READABLE:
        raise BaselineError(
            f"{path}: not a contentlint baseline this version reads (version {version!r}; "
            f"it reads {' and '.join(map(str, READABLE))}): write it again with --write-baseline"
        )
    counts: Counter[tuple[str, str]] = Counter()
    for number, entry in enumerate(data["entries"], 1):
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(key), str) for key in ("fingerprint", "path")
        ):
            raise BaselineError(f"{path}: entry {number} needs a path and a fingerprint")
        counts[(entry["path"], entry["fingerprint"])] += 1
    return Baseline(counts, _base_of(path) if version >= 2 else None)


def apply_baseline(results: Iterable[Any], baseline: Baseline) -> tuple[int, int]:
    """Drop findings the baseline knows from ``results`` in place.

    Returns ``(hidden, fixed)``: findings hidden, and entries for the files linted this
    run that matched nothing (fixed since). Entries of files not linted are not "fixed".
    """
    remaining = Counter(baseline.counts)
    hidden = 0
    linted = set()
    for result in results:
        linted.add(baseline.path_of(result.path))
        kept = []
        for finding in result.findings:
            key = baseline.key(finding, result.lines.get(finding.line))
            if remaining[key] > 0:
                remaining[key] -= 1
                hidden += 1
            else:
                kept.append(finding)
        result.findings = kept
    return hidden, sum(n for (path, _), n in remaining.items() if path in linted)
