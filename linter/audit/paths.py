"""Which pages an audit reads: named paths, directories walked, a list file, globs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

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


class NothingSelected(Exception):
    """Named paths and globs that leave no file to audit; the message says why, in one line."""


def audit_paths(
    paths: Iterable[str],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    empty: Callable[[str], None] | None = None,
    keep: FileFilter | None = None,
) -> list[str]:
    """Files to audit, in a stable order, each once: directories are walked for known
    extensions; ``include`` keeps only matching files, ``exclude`` drops matching ones
    (globs as ``linter.globs`` reads them, relative to each named directory). A directory
    that could not be listed is kept whatever the globs say: it is an error the user must
    see. ``empty`` is told of named directories with nothing to audit; ``keep`` applies
    the exclusion settings and ``.gitignore`` (``linter.exclude``). ``NothingSelected``
    when the globs leave no file at all."""
    from linter.globs import Glob, matches_any

    includes = [Glob.parse(p) for p in include]
    excludes = [Glob.parse(p) for p in exclude]
    seen: set[str] = set()
    chosen: list[str] = []
    found = 0
    for named in paths:
        for path in expand_paths([named], empty, keep):
            found += 1
            if path in seen:
                continue
            if not isinstance(path, Unlisted):
                if includes and not matches_any(path, named, includes):
                    continue
                if excludes and matches_any(path, named, excludes):
                    continue
            seen.add(path)
            chosen.append(path)
    if found and not chosen:
        globs = [f"--include {p!r}" for p in include] + [f"--exclude {p!r}" for p in exclude]
        raise NothingSelected(
            f"nothing to audit: {' and '.join(globs)} left none of the {found} files found"
            " (a glob with a slash is relative to the directory named, or to the current one)"
        )
    return chosen
