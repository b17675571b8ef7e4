"""File globs as ruff and ``.gitignore`` read them, for ``--include`` and ``--exclude``.

A glob without a slash (``*.md``, ``drafts``) matches a file name, or the name of any
directory the file is in, at any depth below the directory named on the command line. A
glob with a slash (``blog/*.md``, ``/drafts``, ``posts/**/index.html``) is anchored: it
matches the path relative to that named directory, or relative to the current directory
(where ruff anchors its command-line globs), so ``audit /abs/site --include 'site/*.md'``
run from ``/abs`` and ``audit site --include '*.md'`` agree. ``*`` and ``?`` stay within one
path segment, ``**`` spans any number of them; a glob that matches a directory matches
every file under it, and a trailing slash (``drafts/``) matches directories only.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


def _segment(part: str) -> str:
    """The regular expression of one path segment of a glob."""
    out = []
    i = 0
    while i < len(part):
        char = part[i]
        close = part.find("]", i + 2) if char == "[" else -1
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif close != -1:
            inside = part[i + 1 : close]
            inside = "^" + inside[1:] if inside.startswith("!") else inside
            out.append("[" + inside.replace("\\", "\\\\") + "]")
            i = close
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


def _regex(pattern: str) -> re.Pattern[str]:
    parts = pattern.split("/")
    out = []
    for n, part in enumerate(parts):
        last = n == len(parts) - 1
        if part == "**":
            out.append(".*" if last else "(?:[^/]*/)*")
        else:
            out.append(_segment(part) + ("" if last else "/"))
    return re.compile("".join(out))


@dataclass(frozen=True)
class Glob:
    """One ``--include``/``--exclude`` glob, compiled."""

    text: str
    regex: re.Pattern[str]
    anchored: bool
    directories_only: bool

    @classmethod
    def parse(cls, text: str) -> Glob:
        body = text[2:] if text.startswith("./") else text
        directories_only = body.endswith("/") and body != "/"
        body = body.rstrip("/") if directories_only else body
        anchored = "/" in body
        return cls(text, _regex(body.lstrip("/")), anchored, directories_only)

    def matches(self, relative: str) -> bool:
        """Whether the file at ``relative`` (a path with forward slashes below a root)
        matches: the file itself, or a directory it is in."""
        parts = relative.split("/")
        if self.anchored:
            candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))]
        else:
            candidates = parts
        if self.directories_only:
            candidates = candidates[:-1]
        return any(self.regex.fullmatch(c) for c in candidates)


def relative_to(path: str, root: str) -> str | None:
    """``path`` below ``root`` with forward slashes; None when it is not below it."""
    try:
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:  # another drive on Windows
        return None
    relative = Path(relative).as_posix()
    return None if relative == ".." or relative.startswith("../") else relative


def matches_any(path: str, named: str, globs: Sequence[Glob]) -> bool:
    """Whether ``path``, found under (or named as) ``named``, matches one of ``globs``."""
    root = named if os.path.isdir(named) else os.path.dirname(named) or "."
    below = relative_to(path, root) or Path(path).name
    from_cwd = relative_to(path, os.curdir)
    for glob in globs:
        if glob.matches(below):
            return True
        if glob.anchored and from_cwd is not None and glob.matches(from_cwd):
            return True
    return False
