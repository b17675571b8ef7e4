"""Which files a directory walk leaves out, and which rules skip which files.

Ruff's names and semantics, so its users need not learn new ones:

- ``exclude`` (replaces the defaults below) and ``extend_exclude`` (adds to them) are
  globs read as ``linter.globs`` reads ``audit --include``/``--exclude`` (so one glob means
  the same everywhere): without a slash they match an entry's name (``node_modules``,
  ``*.min.html``), with one its path below the directory they were written for (the
  config file's directory, or the working directory for the command line); ``*`` stays
  within one directory, ``**`` spans several.
- ``.gitignore`` files are honoured while walking (``respect_gitignore``), as git reads
  them: those of the repository root down to each walked directory, and
  ``.git/info/exclude``; only inside a git repository, as git and ruff do.
- A path named on the command line is linted even if excluded, unless ``force_exclude``;
  ``.gitignore`` never removes a named path.
- ``per_file_ignores`` maps a glob (same anchoring; a leading ``!`` negates it) to rule
  selectors that do not run on matching files.

The gitignore rules come from ``pathspec`` (its ``GitIgnoreSpec`` follows git's own
matching, negations and directory patterns included) rather than a hand-written matcher.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.globs import Glob, relative_to

# Ruff's defaults that can hold content, plus the build output of static site
# generators: version control, dependencies, virtual environments, caches and build
# trees never hold the articles a team writes.
DEFAULT_EXCLUDE = (
    ".bzr",
    ".direnv",
    ".eggs",
    ".git",
    ".hg",
    ".ipynb_checkpoints",
    ".mypy_cache",
    ".nox",
    ".pytest_cache",
    ".ruff_cache",
    ".svn",
    ".tox",
    ".venv",
    "__pypackages__",
    "_build",
    "_site",
    "buck-out",
    "build",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
)


@dataclass(frozen=True)
class Pattern:
    """A glob (read as ``linter.globs`` reads ``--include``/``--exclude`` globs) and the
    directory its anchored form is relative to."""

    glob: Glob
    base: str

    @property
    def text(self) -> str:
        return self.glob.text

    def matches(self, path: str) -> bool:
        """Whether the absolute ``path`` matches: a glob without a slash by the entry's
        name (the walk asks for every entry on its way down, so a directory named on the
        command line is not matched by its own name), one with a slash by its path
        below ``base``."""
        if not self.glob.anchored:
            return self.glob.matches(os.path.basename(path))
        relative = relative_to(path, self.base)
        return relative is not None and self.glob.matches(relative)


def patterns(globs: Iterable[str], base: str | os.PathLike[str]) -> tuple[Pattern, ...]:
    """``globs`` anchored at ``base`` (made absolute)."""
    where = os.path.abspath(base)
    return tuple(Pattern(Glob.parse(glob), where) for glob in globs)


def _repository_root(directory: str) -> str | None:
    """The nearest directory at or above ``directory`` holding ``.git``."""
    current = directory
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def _ignore_file(path: str):
    """The ``GitIgnoreSpec`` of one ignore file, or None when there is none."""
    import pathspec

    from linter.inputs import CONFIG_MAX_BYTES, InputError, read_text

    if not os.path.isfile(path):
        return None
    try:
        lines = read_text(path, CONFIG_MAX_BYTES, "utf-8").splitlines()
    except InputError:
        return None  # git skips an ignore file it cannot read; so does the walk
    return pathspec.GitIgnoreSpec.from_lines(lines)


class GitIgnore:
    """Answers "does git ignore this path?" for paths under one repository."""

    def __init__(self, root: str, skip_above: str | None = None) -> None:
        self.root = root
        # Ignore files above a named directory that git ignores are not read: naming it
        # asks for its files, as ruff lints a named ignored directory.
        self.skip_above = skip_above
        self._specs: dict[str, Any] = {}  # ignore file -> spec, read once per walk

    def _chain(self, directory: str) -> list[tuple[str, str]]:
        """``(directory, ignore file)`` pairs from the root down to ``directory``."""
        chain = [(self.root, os.path.join(self.root, ".git", "info", "exclude"))]
        relative = os.path.relpath(directory, self.root)
        parts = [] if relative == "." else relative.split(os.sep)
        for depth in range(len(parts) + 1):
            folder = os.path.join(self.root, *parts[:depth])
            chain.append((folder, os.path.join(folder, ".gitignore")))
        if self.skip_above:
            chain = [(d, f) for d, f in chain if _within(d, self.skip_above)]
        return chain

    def ignores(self, path: str, is_dir: bool) -> bool:
        """Whether ``path`` (absolute) is ignored; the deepest file that decides wins."""
        for directory, ignore_file in reversed(self._chain(os.path.dirname(path))):
            if ignore_file not in self._specs:
                self._specs[ignore_file] = _ignore_file(ignore_file)
            spec = self._specs[ignore_file]
            if spec is None:
                continue
            relative = os.path.relpath(path, directory).replace(os.sep, "/")
            decided = spec.check_file(relative + "/" if is_dir else relative).include
            if decided is not None:
                return decided
        return False


def _within(path: str, directory: str) -> bool:
    return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)


@dataclass(frozen=True)
class FileFilter:
    """The exclusion settings of one run; see the module docstring."""

    exclude: tuple[Pattern, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False

    def excluded(self, path: str) -> bool:
        """Whether an ``exclude`` glob matches ``path``."""
        absolute = os.path.abspath(path)
        return any(pattern.matches(absolute) for pattern in self.exclude)

    def keeps_named(self, path: str) -> bool:
        """Whether a path named on the command line is linted (or walked): with
        ``force_exclude``, not if it or a directory above it (below the working
        directory) is excluded, as ruff does."""
        if not self.force_exclude:
            return True
        absolute = os.path.abspath(path)
        cwd = os.getcwd()
        while True:
            if self.excluded(absolute):
                return False
            parent = os.path.dirname(absolute)
            if parent in (absolute, cwd) or not _within(parent, cwd):
                return True
            absolute = parent

    def gitignore_for(self, directory: str) -> GitIgnore | None:
        """The ``.gitignore`` matcher for a walk of ``directory``, if it applies."""
        if not self.respect_gitignore:
            return None
        absolute = os.path.abspath(directory)
        root = _repository_root(absolute)
        if root is None:
            return None
        ignore = GitIgnore(root)
        if absolute != root and ignore.ignores(absolute, is_dir=True):
            return GitIgnore(root, skip_above=absolute)
        return ignore

    def keeps_walked(self, path: str, is_dir: bool, ignore: GitIgnore | None) -> bool:
        """Whether a file or directory found while walking is kept."""
        if self.excluded(path):
            return False
        return ignore is None or not ignore.ignores(os.path.abspath(path), is_dir)


@dataclass(frozen=True)
class PerFileIgnores:
    """``per_file_ignores``: rule codes that do not run on files matching a glob."""

    entries: tuple[tuple[Pattern, bool, frozenset[str]], ...] = field(default=())

    def codes_for(self, path: str) -> frozenset[str]:
        """The codes of the rules ignored for ``path``."""
        if not self.entries or path.startswith("<"):
            return frozenset()
        absolute = os.path.abspath(path)
        codes: set[str] = set()
        for pattern, negated, ignored in self.entries:
            if pattern.matches(absolute) != negated:
                codes |= ignored
        return frozenset(codes)


def per_file_ignores(
    table: dict[str, list[str]], base: Path, codes_of: dict[str, frozenset[str]]
) -> PerFileIgnores:
    """Compile ``{glob: selectors}`` with ``codes_of`` (selector → the codes it names)."""
    entries = []
    for glob, selectors in table.items():
        negated = glob.startswith("!")
        (pattern,) = patterns([glob[1:] if negated else glob], base)
        codes = frozenset().union(*(codes_of[s] for s in selectors))
        entries.append((pattern, negated, codes))
    return PerFileIgnores(tuple(entries))
