"""``contentlint check``: lint files, directories or standard input; optionally fix them."""

from __future__ import annotations

import sys

import click

from linter.cli.common import (
    UserError,
    apply_baseline,
    nothing_to_lint,
    prepare,
    run_settings,
    warn,
)
from linter.cli.destinations import check_destinations, emit, pair_outputs
from linter.cli.files import FileOptions, file_filter, file_options, per_file_ignores
from linter.cli.options import OUTPUT_FORMATS, RunOptions, output_options, quiet_option, run_options


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
@click.option("--fix", is_flag=True, help="Apply the safe fixes to the files in place.")
@click.option("--dry-run", is_flag=True, help="With --fix: print a diff and change nothing.")
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
    if fix and "-" in paths:
        raise UserError("--fix cannot change standard input; name the files")
    settings = run_settings(run)
    if warn_unused_suppressions:
        settings["suppress.warn_unused"] = True
    destinations = pair_outputs(output_formats, outputs)
    output_format = destinations[0][0]
    changes = _changed_lines(diff_ref, diff_file, paths)
    paths = paths or (".",)
    setup = prepare(run, settings)
    keep = file_filter(files, setup.config)
    if show_files or show_settings:
        _show(show_files, paths, keep, setup, run)
    written = [path for _, path in destinations]
    check_destinations(written + ([write_baseline_path] if write_baseline_path else []))
    per_file = per_file_ignores(setup.config, setup.catalogue)
    engine = Engine(setup.rules, known=setup.catalogue, model=setup.pipeline, per_file=per_file)
    report = Report(fail_on=run.threshold(setup.config.fail_on), rules=setup.rules)
    fixed = None
    if fix:
        fixed = _run_fixes(paths, engine, run.format_in, dry_run, report, keep)
    else:
        _lint(paths, engine, run.format_in, report, keep)
    make_printable(report)
    if dry_run:
        click.echo(fixed, err=True)
        sys.exit(run.exit_code(report.exit_code()))
    failures = apply_baseline(report, setup.baseline, write_baseline_path)
    if changes is not None:
        from linter.changed import filter_results

        filter_results(report.files, changes, setup.rules)
    color = not run.no_color and sys.stdout.isatty()
    failures += emit(report, destinations, color=color, quiet=quiet)
    if fixed and not quiet:
        click.echo(fixed, err=output_format != "text")
    sys.exit(run.exit_code(2 if failures else report.exit_code()))


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
        show_files(paths, keep, nothing_to_lint)
    else:
        show_settings(setup.config, setup.rules, run.threshold(setup.config.fail_on), keep)
    sys.exit(0)


def _lint(paths, engine, fmt: str | None, report, keep) -> None:
    """Lint ``paths`` into ``report``; each file that could not be read is a warning line."""
    from linter.runner import lint_paths

    for result in lint_paths(paths, engine, fmt, nothing_to_lint, keep):
        report.files.append(result)
        if result.error is not None:
            warn(f"{result.path}: {result.error}")


def _run_fixes(paths, engine, fmt: str | None, dry_run: bool, report, keep) -> str:
    """Apply (or, dry, diff) the safe fixes; fills ``report``; returns the summary line."""
    from linter.fix import fix_paths
    from linter.report import plural

    applied = files = 0
    for outcome in fix_paths(paths, engine, fmt, dry_run, keep):
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
