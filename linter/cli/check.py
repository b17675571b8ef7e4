"""``contentlint check``: lint files, directories or standard input; optionally fix them."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from linter.cli.color import color_wanted
from linter.cli.common import (
    EmptyDirectories,
    UserError,
    apply_baseline,
    prepare,
    run_settings,
    warn,
)
from linter.cli.destinations import (
    check_destinations,
    check_statistics,
    emit,
    pair_outputs,
)
from linter.cli.files import FileOptions, file_filter, file_options, per_file_ignores
from linter.cli.options import OUTPUT_FORMATS, RunOptions, output_options, quiet_option, run_options
from linter.runner import STDIN


@click.command()
@click.argument("paths", nargs=-1)
@output_options(OUTPUT_FORMATS, "text")
@run_options
@quiet_option("Only the finding lines, no source or summary.")
@click.option(
    "--write-baseline",
    "write_baseline_path",
    type=click.Path(dir_okay=False),
    help="Record every current finding in this baseline file.",
)
@click.option(
    "--diff",
    "diff_ref",
    metavar="REF",
    help="Only findings on lines changed since this git revision.",
)
@click.option(
    "--diff-file",
    "diff_file",
    type=click.Path(dir_okay=False),
    help="Only findings on lines a unified diff (patch file) adds or changes.",
)
@click.option(
    "--warn-unused-suppressions",
    is_flag=True,
    help="Report contentlint-disable comments that silenced nothing (HY009).",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Apply the safe fixes to the files in place (standard input: print the fixed text).",
)
@click.option("--dry-run", is_flag=True, help="With --fix: print a diff and change nothing.")
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="Read standard input as the file NAME: its format, config and name in reports.",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="One line per rule with its count and whether it is fixable, not the findings.",
)
@file_options()
@click.option("--show-files", is_flag=True, help="Print the files that would be linted, and exit.")
@click.option("--show-settings", is_flag=True, help="Print the resolved settings, and exit.")
def check(
    paths: tuple[str, ...],
    output_formats: tuple[str, ...],
    outputs: tuple[str, ...],
    run: RunOptions,
    quiet: bool,
    write_baseline_path: str | None,
    diff_ref: str | None,
    diff_file: str | None,
    warn_unused_suppressions: bool,
    fix: bool,
    dry_run: bool,
    stdin_filename: str | None,
    statistics: bool,
    files: FileOptions,
    show_files: bool,
    show_settings: bool,
) -> None:
    """Lint PATHS (files, directories, or - for standard input; default: the current
    directory). Directories are walked without the excluded and git-ignored files.

    Exit code 0: nothing at or above the fail threshold; 1: findings at or above it;
    2: a usage, configuration or input error.
    """
    from linter.engine import Engine
    from linter.report import Report, make_printable

    if dry_run and not fix:
        raise UserError("--dry-run only works with --fix")
    paths = _inputs(paths, stdin_filename)
    # Fixing standard input prints the fixed text on stdout: every report goes to stderr.
    fixed_stdin = fix and not dry_run and STDIN in paths
    if fix and STDIN in paths and len(paths) > 1:
        raise UserError("--fix with standard input ('-') takes no other path")
    settings = run_settings(run)
    if warn_unused_suppressions:
        settings["suppress.warn_unused"] = True
    destinations = pair_outputs(output_formats, outputs)
    if statistics:
        check_statistics(destinations)
    output_format = destinations[0][0]
    changes = _changed_lines(diff_ref, diff_file, paths)
    setup = prepare(run, settings, Path(stdin_filename).parent if stdin_filename else None)
    keep = file_filter(files, setup.config)
    if show_files or show_settings:
        _show(show_files, paths, keep, setup, run)
    if STDIN not in paths and not any(keep.keeps_named(path) for path in paths):
        # A pre-commit hook passing only excluded files: nothing to do, as in ruff.
        if not quiet:
            warn("every path named is excluded (force_exclude): nothing to lint")
        sys.exit(0)
    written = [path for _, path in destinations]
    check_destinations(written + ([write_baseline_path] if write_baseline_path else []))
    per_file = per_file_ignores(setup.config, setup.catalogue)
    engine = Engine(setup.rules, known=setup.catalogue, model=setup.pipeline, per_file=per_file)
    report = Report(
        fail_on=run.threshold(setup.config.fail_on),
        rules=engine.reporting,  # the site rules run in audit only
        exit_zero=run.exit_zero,
    )
    fixed = None
    empty = EmptyDirectories()
    if fix:
        fixed = _run_fixes(paths, engine, run.format_in, dry_run, report, stdin_filename, keep)
    else:
        _lint(paths, engine, run.format_in, report, empty, stdin_filename, keep)
    empty.settle(bool(report.files), "lint")
    make_printable(report)
    if dry_run:
        click.echo(fixed, err=True)
        sys.exit(report.exit_code())
    report.problems += apply_baseline(report, setup.baseline, write_baseline_path)
    if changes is not None:
        from linter.changed import filter_results

        filter_results(report.files, changes, setup.rules)
    # A report that could not be written is an exit code 2 the reports written before it
    # cannot state (destinations are checked before the run, so this is rare).
    color = color_wanted(run.no_color, sys.stderr if fixed_stdin else sys.stdout)
    report.problems += emit(
        report, destinations, color=color, quiet=quiet, err=fixed_stdin, statistics=statistics
    )
    if fixed and not quiet:
        click.echo(fixed, err=fixed_stdin or output_format != "text")
    sys.exit(report.exit_code())


def _inputs(paths: tuple[str, ...], stdin_filename: str | None) -> tuple[str, ...]:
    """The inputs to lint: PATHS (the current directory when none is named), or with
    ``--stdin-filename`` standard input alone (as ruff, a path named beside it is ignored
    with a warning)."""
    if stdin_filename is None:
        return paths or (".",)
    if not stdin_filename.strip():
        raise UserError("--stdin-filename needs a file name")
    for path in paths:
        if path != STDIN:
            warn(f"ignoring {path} in favour of standard input (--stdin-filename)")
    return (STDIN,)


def _changed_lines(diff_ref: str | None, diff_file: str | None, paths: tuple[str, ...]):
    """The changed lines ``--diff``/``--diff-file`` name, or None when neither is given."""
    if diff_ref is None and diff_file is None:
        return None
    if diff_ref is not None and diff_file is not None:
        raise UserError("give --diff or --diff-file, not both")
    from linter.changed import DiffError, git_changes, read_patch

    try:
        return git_changes(diff_ref, paths) if diff_ref is not None else read_patch(diff_file)
    except DiffError as error:
        raise UserError(str(error)) from None


def _show(files: bool, paths: tuple[str, ...], keep, setup, run: RunOptions) -> None:
    """``--show-files`` / ``--show-settings``: say what a run would use, exit 0."""
    from linter.cli.files import show_files, show_settings

    if files:
        show_files(paths, keep, EmptyDirectories())
    else:
        show_settings(setup.config, setup.rules, run.threshold(setup.config.fail_on), keep)
    sys.exit(0)


def _lint(paths, engine, fmt: str | None, report, empty, stdin_name: str | None, keep) -> None:
    """Lint ``paths`` into ``report``; each file that could not be read is a warning line."""
    from linter.runner import lint_paths

    for result in lint_paths(paths, engine, fmt, empty, stdin_name, keep):
        report.files.append(result)
        if result.error is not None:
            warn(f"{result.path}: {result.error}")


def _run_fixes(
    paths, engine, fmt: str | None, dry_run: bool, report, stdin_name: str | None, keep
) -> str:
    """Apply (or, dry, diff) the safe fixes; fills ``report``; returns the summary line.
    Standard input's text, fixed or not, is printed on standard output."""
    from linter.fix import fix_paths
    from linter.report import plural

    applied = files = 0
    for outcome in fix_paths(paths, engine, fmt, dry_run, stdin_name, keep):
        if outcome.output is not None:
            sys.stdout.flush()
            sys.stdout.buffer.write(outcome.output)
            sys.stdout.buffer.flush()
        report.files.append(outcome.result)
        if outcome.result.error is not None:
            warn(f"{outcome.result.path}: {outcome.result.error}")
        if outcome.note:
            warn(f"{outcome.result.path}: {outcome.note}")
        if dry_run and outcome.diff:
            click.echo(outcome.diff, nl=False)
        if outcome.applied:
            applied += outcome.applied
            files += 1
    verb = "Would apply" if dry_run else "Applied"
    fixes = f"{applied} fix" if applied == 1 else f"{applied} fixes"
    return f"{verb} {fixes} in {plural(files, 'file')}."
