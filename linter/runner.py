"""Turns the paths a user names into file results, one file at a time.

Every input ends up in exactly one ``FileResult``: with findings, or with a one-line
error. Nothing is skipped silently.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from linter.engine import Engine
from linter.escape import visible
from linter.exclude import FileFilter
from linter.model import Document, Finding
from linter.quote import Line, keep_line
from linter.read import ReadError, Unlisted, format_for, load_bytes, read_bytes, walked

STDIN = "-"
STDIN_NAME = "<stdin>"


@dataclass(slots=True)
class FetchInfo:
    """How a crawled URL answered (audits of a crawl; ``None`` for local files)."""

    status: int | None = None
    redirect_to: str | None = None
    depth: int | None = None
    response_ms: float | None = None
    skipped: str | None = None  # robots, error, max-pages, max-depth: never answered
    kind: str | None = None  # page, sitemap, robots, other

    @property
    def status_class(self) -> str:
        """``2xx`` to ``5xx``, or ``skipped`` for a URL that got no answer."""
        if self.status is None or not 100 <= self.status < 600:
            return "skipped"
        return f"{self.status // 100}xx"


@dataclass
class FileResult:
    """What linting one input produced."""

    path: str
    format: str | None
    words: int = 0
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)
    scores: dict[str, Any] = field(default_factory=dict)
    lines: dict[int, Line] = field(default_factory=dict)
    fetch: FetchInfo | None = None  # a crawled page's answer (status, time, depth)

    def to_dict(self) -> dict[str, Any]:
        """The file's entry in the JSON report; a crawled page adds how it answered."""
        entry: dict[str, Any] = {
            "path": self.path,
            "format": self.format,
            "words": self.words,
            "error": self.error,
            "scores": self.scores,
        }
        if self.fetch is not None:
            fetch = self.fetch
            entry["fetch"] = {
                "status": fetch.status,
                "redirect_to": fetch.redirect_to,
                "depth": fetch.depth,
                "response_ms": fetch.response_ms,
                "skipped": fetch.skipped,
            }
        return entry


def _unlisted(error: OSError) -> Unlisted:
    """The directory a walk could not list, carrying the reason for its file result."""
    path = Unlisted(error.filename if error.filename is not None else "?")
    reason = "permission denied" if isinstance(error, PermissionError) else error.strerror
    path.problem = f"cannot list the directory: {reason or error}"
    return path


def expand_paths(
    paths: Iterable[str],
    empty: Callable[[str], None] | None = None,
    keep: FileFilter | None = None,
) -> Iterator[str]:
    """Files named directly, and files with a known extension under named directories.

    A directory that cannot be listed is yielded as an ``Unlisted`` path (reading it
    reports why), so it counts as a file error instead of vanishing; ``empty`` is told
    of a named directory that holds no file to lint. ``keep`` leaves out what the
    exclusion settings and ``.gitignore`` exclude (``linter.exclude``).
    """
    keep = keep or FileFilter(respect_gitignore=False)
    for path in paths:
        if path != STDIN and not keep.keeps_named(path):
            continue
        if path == STDIN or not os.path.isdir(path):
            yield path
            continue
        found = failed = False
        problems: list[OSError] = []
        ignore = keep.gitignore_for(path)
        for root, dirs, files in os.walk(path, onerror=problems.append):
            failed = failed or bool(problems)
            while problems:
                yield _unlisted(problems.pop(0))
            dirs[:] = sorted(
                d
                for d in dirs
                if not d.startswith(".") and keep.keeps_walked(os.path.join(root, d), True, ignore)
            )
            for name in sorted(files):
                if walked(name) and keep.keeps_walked(os.path.join(root, name), False, ignore):
                    found = True
                    yield os.path.join(root, name)
        failed = failed or bool(problems)
        for problem in problems:
            yield _unlisted(problem)
        if not (found or failed) and empty is not None:
            empty(path)


def _read_input(path: str) -> bytes:
    return load_bytes(path)  # standard input too, with the same size limit


def _quoted_lines(doc: Document, findings: list[Finding]) -> dict[int, Line]:
    """The source lines findings point at, kept so reports can quote them later (a long
    line only around its findings: see ``linter.quote``)."""
    spans: dict[int, list[tuple[int, int | None]]] = {}
    for f in findings:
        end = f.end_column - 1 if f.end_line == f.line else None
        spans.setdefault(f.line, []).append((f.column - 1, end))
    return {n: keep_line(doc.line_text(n), line_spans) for n, line_spans in spans.items()}


def lint_one(
    path: str, engine: Engine, fmt: str | None = None, name: str | None = None
) -> FileResult:
    """Read, parse and check one input; errors become ``FileResult.error``. ``name``
    (``--stdin-filename``) is the path reports show and the format is guessed from."""
    shown = visible(name or (STDIN_NAME if path == STDIN else path))
    result = FileResult(shown, fmt or format_for(name or path))
    try:
        doc = read_bytes(_read_input(path), shown, fmt)
    except ReadError as error:
        result.error = str(error)
        return result
    except Exception as error:  # a parser bug must not end the run for every other file
        result.error = f"could not parse: {type(error).__name__}: {error}"
        return result
    return result_for(shown, doc, engine)


def result_for(path: str, doc: Document, engine: Engine) -> FileResult:
    """Check a parsed document and keep what the reports need of it."""
    checked = engine.check(doc)
    result = FileResult(path, doc.format)
    result.findings = checked.findings
    result.scores = checked.scores
    result.words = doc.word_count
    result.lines = _quoted_lines(doc, result.findings)
    if checked.errors:
        result.error = "; ".join(checked.errors)
    return result


def lint_paths(
    paths: Iterable[str],
    engine: Engine,
    fmt: str | None = None,
    empty: Callable[[str], None] | None = None,
    stdin_name: str | None = None,
    keep: FileFilter | None = None,
) -> Iterator[FileResult]:
    """Results for every input under ``paths``, in order (``empty``, ``keep``: see
    expand_paths; standard input is shown as ``stdin_name`` when given)."""
    for path in expand_paths(paths, empty, keep):
        yield lint_one(path, engine, fmt, stdin_name if path == STDIN else None)
