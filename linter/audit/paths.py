"""Which pages an audit reads: named paths, directories walked, a list file, globs."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable, Sequence
from pathlib import PurePath

from linter.exclude import FileFilter
from linter.read import Unlisted
from linter.runner import expand_paths

LIST_MAX_BYTES = 64 * 1024 * 1024  # a path list of a very large site still fits


class PathListError(Exception):
    """A ``--from-list`` file that cannot be read; the message names it."""


def read_path_list(list_file: str) -> list[str]:
    """Paths from a file, one per line; blank lines and ``#`` comments are skipped."""
    from linter.inputs import InputError, read_text

    try:
        lines = read_text(list_file, LIST_MAX_BYTES).splitlines()
    except InputError as error:
        raise PathListError(f"{list_file}: cannot read the path list: {error.reason}") from None
    return [s for s in (line.strip() for line in lines) if s and not s.startswith("#")]


def _matches(path: str, patterns: Sequence[str]) -> bool:
    """Whether ``path`` matches a glob, by its whole path or by its file name."""
    posix = PurePath(path).as_posix()
    name = PurePath(path).name
    return any(fnmatch.fnmatch(posix, p) or fnmatch.fnmatch(name, p) for p in patterns)


def audit_paths(
    paths: Iterable[str],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    empty: Callable[[str], None] | None = None,
    keep: FileFilter | None = None,
) -> list[str]:
    """Files to audit, in a stable order, each once: directories are walked for known
    extensions; ``include`` keeps only matching files, ``exclude`` drops matching ones.
    A directory that could not be listed is kept whatever the globs say: it is an error
    the user must see. ``empty`` is told of named directories with nothing to audit;
    ``keep`` applies the exclusion settings and ``.gitignore`` (``linter.exclude``)."""
    seen: set[str] = set()
    chosen: list[str] = []
    for path in expand_paths(paths, empty, keep):
        if path in seen:
            continue
        if not isinstance(path, Unlisted):
            if include and not _matches(path, include):
                continue
            if exclude and _matches(path, exclude):
                continue
        seen.add(path)
        chosen.append(path)
    return chosen
