"""Changed lines: report only what a change touched (``--diff REF``, ``--diff-file PATCH``).

The new side of a unified diff (``git diff --unified=0``) gives, per file, the lines that
were added or changed. A finding is kept when its span overlaps one of them. Findings of
document-level rules (``anchor: document`` in their YAML: a missing title, thin content, reading ease,
a passive-voice share...) are anchored at some representative spot, often one the change
did not touch, although any edit can cause or fix them: they are kept whenever their file
changed at all, as are findings with an empty span. A file git does not track yet is new,
so every line of it counts as changed. Files with no change keep nothing.

Paths in a diff are relative to the repository root (``--diff``) or to the current
directory (``--diff-file``); both sides are resolved before they are compared, so
``docs/a.html``, ``./docs/a.html`` and an absolute path name the same file.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
ALL_LINES = -1


class DiffError(Exception):
    """Not a repository, a bad revision, an unreadable patch: one line for the user."""


@dataclass
class Changes:
    """Changed line numbers (new side) per resolved path; ``ALL_LINES`` marks new files."""

    lines: dict[Path, set[int]] = field(default_factory=dict)
    document_codes: frozenset[str] = frozenset()  # codes of rules anchored at the document

    def touched(self, path: str) -> set[int] | None:
        """Changed lines of ``path``, or None if the file did not change."""
        if path.startswith("<"):
            return None
        return self.lines.get(_resolve(Path(path)))

    def keeps(self, finding: Any) -> bool:
        lines = self.touched(finding.path)
        if lines is None:
            return False
        if ALL_LINES in lines or finding.start == finding.end:
            return True
        if finding.code in self.document_codes:
            return True
        return any(n in lines for n in range(finding.line, finding.end_line + 1))


def _resolve(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return Path(os.path.abspath(path))


def _unquote(name: str) -> str:
    """A path as git prints it: C-quoted when it has special characters."""
    if len(name) >= 2 and name[0] == name[-1] == '"':
        raw = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
        return raw.encode("latin-1").decode("utf-8", "replace")
    return name


def _strip_prefix(name: str) -> str:
    name = name.split("\t")[0]
    name = _unquote(name)
    if name[:2] in ("a/", "b/"):
        return name[2:]
    return name


def parse_diff(text: str, root: Path) -> Changes:
    """Changed lines of the new side of the unified diff ``text``; paths relative to ``root``."""
    changes = Changes()
    current: set[int] | None = None
    number = remaining = 0  # next new-side line number, and new-side lines left in the hunk
    for line in text.splitlines():
        if remaining <= 0 and line.startswith("+++ "):
            name = line[4:].rstrip("\r")
            if name.strip() == "/dev/null":  # a deleted file: nothing to report on
                current = None
                continue
            path = _resolve(root / _strip_prefix(name))
            current = changes.lines.setdefault(path, set())
            continue
        match = _HUNK.match(line)
        if match:
            number = int(match.group(1))
            remaining = 1 if match.group(2) is None else int(match.group(2))
            continue
        if current is None or remaining <= 0:
            continue
        # Walk the hunk body, so patches with context lines mark only the added lines.
        if line.startswith("+"):
            current.add(number)
        if line.startswith(("+", " ")) or line == "":
            number += 1
            remaining -= 1
    return changes


def read_patch(path: str) -> Changes:
    """Changes from a patch file (paths relative to the current directory)."""
    from linter.inputs import PAGE_MAX_BYTES, InputError, read_limited

    try:
        data = read_limited(path, PAGE_MAX_BYTES)
    except InputError as error:
        reason = "No such file or directory" if error.reason == "no such file" else error.reason
        raise DiffError(f"cannot read diff file {path}: {reason}") from None
    text = data.decode("utf-8", "replace")
    if text.strip() and "@@" not in text and "+++ " not in text:
        raise DiffError(f"{path} is not a unified diff")
    return parse_diff(text, Path.cwd())


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False
        )
    except FileNotFoundError:
        raise DiffError("--diff needs git, and git is not installed") from None
    if done.returncode != 0:
        message = (done.stderr.strip().splitlines() or ["git failed"])[-1]
        raise DiffError(f"git {args[0]}: {message.removeprefix('fatal: ')}")
    return done.stdout


def git_changes(ref: str, paths: Iterable[str]) -> Changes:
    """Lines changed since ``ref`` (committed, staged or not) in the files under ``paths``."""
    if ref.startswith("-"):
        raise DiffError(f"--diff: unknown git revision {ref!r}")
    cwd = Path.cwd()
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    except DiffError:
        raise DiffError(
            "--diff needs a git repository (the current directory is not in one)"
        ) from None
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    except DiffError:
        raise DiffError(f"--diff: unknown git revision {ref!r}") from None
    targets = [str(_resolve(Path(p))) for p in paths if p != "-"]
    diff = _git(
        ["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-renames", ref, "--", *targets],
        top,
    )
    changes = parse_diff(diff, top)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z", "--", *targets], top)
    for name in filter(None, untracked.split("\0")):
        changes.lines[_resolve(top / name)] = {ALL_LINES}
    return changes


def filter_results(results: Iterable[Any], changes: Changes, rules: Iterable[Any] = ()) -> None:
    """Keep, in place, only findings on changed lines (see the module docstring)."""
    changes.document_codes = frozenset(r.code for r in rules if r.anchor == "document")
    for result in results:
        result.findings = [f for f in result.findings if changes.keeps(f)]
