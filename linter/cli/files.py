"""The options that choose which files a run reads, as ruff names them, and the two that
show what a run would use (``--show-files``, ``--show-settings``) without running it."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import click

from linter.cli.common import UserError, split


@dataclass(frozen=True)
class FileOptions:
    """The values of the file-selection options (None: the config decides)."""

    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool | None = None
    force_exclude: bool | None = None


def file_options(*, exclude: bool = True) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Add the file-selection options; the command receives them as ``files=FileOptions``.
    ``exclude=False`` leaves ``--exclude`` to a command that has its own (``audit``)."""
    options = [
        click.option(
            "--extend-exclude",
            multiple=True,
            metavar="GLOB",
            help="Also leave out files and directories matching GLOB (adds to exclude).",
        ),
        click.option(
            "--respect-gitignore/--no-respect-gitignore",
            default=None,
            help="Leave out what .gitignore files ignore while walking (default: on).",
        ),
        click.option(
            "--force-exclude/--no-force-exclude",
            default=None,
            help="Apply the excludes to paths named on the command line too.",
        ),
    ]
    if exclude:
        options.insert(
            0,
            click.option(
                "--exclude",
                multiple=True,
                metavar="GLOB",
                help="Leave out files and directories matching GLOB (replaces the default "
                "excludes and the config's exclude).",
            ),
        )

    names = ["extend_exclude", "respect_gitignore", "force_exclude"] + ["exclude"] * exclude

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(command)
        def collected(*args: Any, **values: Any) -> Any:
            given = {name: values.pop(name) for name in names}
            return command(*args, files=FileOptions(**given), **values)

        for option in reversed(options):
            collected = option(collected)
        return collected

    return decorate


def file_filter(files: FileOptions, config: Any):
    """The ``FileFilter`` of a run: the command line wins over the config, and
    ``--exclude`` replaces the default excludes as the config's ``exclude`` does."""
    from linter.exclude import DEFAULT_EXCLUDE, FileFilter, patterns

    cwd = os.getcwd()
    if files.exclude:
        exclude = patterns(split(files.exclude), cwd)
    elif config.exclude is not None:
        exclude = patterns(config.exclude, config.base)
    else:
        exclude = patterns(DEFAULT_EXCLUDE, cwd)
    exclude += patterns(config.extend_exclude, config.base)
    exclude += patterns(split(files.extend_exclude), cwd)
    respect = (
        config.respect_gitignore if files.respect_gitignore is None else files.respect_gitignore
    )
    force = config.force_exclude if files.force_exclude is None else files.force_exclude
    return FileFilter(exclude, respect_gitignore=respect, force_exclude=force)


def per_file_ignores(config: Any, catalogue: list[Any]):
    """The config's ``per_file_ignores``, compiled; an unknown selector is a usage error."""
    from linter.config import ConfigError
    from linter.config import per_file_ignores as compile_table

    try:
        return compile_table(config, catalogue)
    except ConfigError as error:
        raise UserError(str(error)) from None


def show_files(paths, keep, empty) -> None:
    """``--show-files``: every file the run would read, one a line."""
    from linter.escape import visible
    from linter.runner import expand_paths

    for path in expand_paths(paths, empty, keep):
        click.echo(visible(path))


def show_settings(config: Any, rules: list[Any], threshold: Any, keep: Any) -> None:
    """``--show-settings``: the config file and the settings resolved from it and the
    command line, as TOML a user can paste back into the config."""

    def value(item: Any) -> str:
        return json.dumps(item, ensure_ascii=False)

    origin = str(config.path) if config.path else "none (built-in defaults)"
    lines = [
        f"# config file: {origin}",
        f"select = {value(config.select)}",
        f"ignore = {value(config.ignore)}",
        f"# rules that run ({len(rules)}): {', '.join(r.code for r in rules)}",
        f"fail_on = {value(threshold.name.lower())}",
        f"exclude = {value([p.text for p in keep.exclude])}",
        f"respect_gitignore = {value(keep.respect_gitignore)}",
        f"force_exclude = {value(keep.force_exclude)}",
        f"rule_packs = {value([str(p) for p in config.rule_packs])}",
        "",
        "[per_file_ignores]",
        *(f"{value(glob)} = {value(codes)}" for glob, codes in config.per_file_ignores.items()),
    ]
    click.echo("\n".join(lines))
