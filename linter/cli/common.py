"""What every command needs: the error it exits with, warning lines, the rules a run uses."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from linter.cli.options import RunOptions


class UserError(click.ClickException):
    """A usage, configuration or input problem: one line, exit code 2."""

    exit_code = 2

    def format_message(self) -> str:
        return self.message

    def show(self, file=None) -> None:  # type: ignore[override]
        warn(f"error: {self.message}")


def warn(line: str) -> None:
    """One ``contentlint: ...`` line on standard error, control characters escaped."""
    from linter.escape import visible

    click.echo(f"contentlint: {visible(line)}", err=True)


def load_rules(
    config_path: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    settings: dict[str, Any] | None = None,
    extend_select: tuple[str, ...] = (),
    extend_ignore: tuple[str, ...] = (),
    start: Path | None = None,
):
    """The config, the rules this run uses (after settings and selection), and the whole
    catalogue of its packs (what suppression comments may name). Without ``--config``
    the config is the nearest one above ``start`` (default: the current directory).

    The command line's selectors are layered on the config's as ruff layers them: its
    ``--select`` replaces the config's ``select``, the others add to or take from it.
    """
    from linter.config import (
        ConfigError,
        Selection,
        apply_overrides,
        config_selection,
        discover,
        load_config_file,
        resolve_selection,
    )
    from linter.rulepack import RuleError, load_rules

    command_line = Selection(
        select, extend_select, ignore, extend_ignore, where="command line", options=True
    )
    try:
        config = load_config_file(Path(config_path)) if config_path else discover(start)
        config.settings.update(settings or {})
        catalogue = load_rules(config.rule_packs)
        rules = resolve_selection(catalogue, [config_selection(config), command_line])
        rules = apply_overrides(rules, config, catalogue)
    except (ConfigError, RuleError) as error:
        raise UserError(str(error)) from None
    return config, rules, catalogue


def check_pipeline(model: str | None) -> None:
    """A spaCy pipeline that is not installed is a usage error, found before any work."""
    if model:
        from linter.config import pipeline_problem

        problem = pipeline_problem(model)
        if problem:
            raise UserError(problem)


def split(values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select a,b --select c`` as ``("a", "b", "c")``."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def run_settings(run: RunOptions) -> dict[str, Any]:
    """Run-wide settings from command-line options (they win over the config file)."""
    settings: dict[str, Any] = {}
    if run.questions_file:
        from linter.questions import QuestionsError, load_questions

        try:
            settings["faq.questions"] = load_questions(run.questions_file)
        except QuestionsError as error:
            raise UserError(str(error)) from None
    if run.keyphrase:
        settings["seo.keyphrase"] = run.keyphrase
    if run.model:
        settings["nlp.model"] = run.model
    return settings


@dataclass
class Setup:
    """What ``check`` and ``audit`` load before any work: a bad one costs no work."""

    config: Any
    rules: list[Any]
    catalogue: list[Any]
    pipeline: str | None
    baseline: Any


def prepare(run: RunOptions, settings: dict[str, Any], start: Path | None = None) -> Setup:
    """Load the config (found from ``start``: see ``load_rules``) and rules, check the
    pipeline, read the ``--baseline``."""
    config, rules, catalogue = load_rules(
        run.config_path,
        split(run.select),
        split(run.ignore),
        settings,
        split(run.extend_select),
        split(run.extend_ignore),
        start,
    )
    pipeline = config.settings.get("nlp.model") or None
    check_pipeline(pipeline)
    return Setup(config, rules, catalogue, pipeline, load_baseline(run.baseline_path))


def load_baseline(baseline_path: str | None):
    """The ``--baseline`` to apply, read before the run so a bad one costs no work."""
    if baseline_path is None:
        return None
    from linter.baseline import BaselineError, load_baseline

    try:
        return load_baseline(baseline_path)
    except BaselineError as error:
        raise UserError(str(error)) from None


def apply_baseline(report, baseline, write_path: str | None) -> int:
    """Write and/or apply a baseline; writing one hides everything it just recorded.
    Returns 1 when the baseline could not be written (the reports are still written)."""
    if baseline is None and write_path is None:
        return 0
    from linter.baseline import apply_baseline, baseline_of, write_baseline

    failed = 0
    if write_path is not None:
        try:
            count = write_baseline(write_path, report.files)
        except OSError as error:
            warn(f"cannot write {write_path}: {error.strerror or error}")
            failed = 1
        else:
            warn(f"wrote {count} finding(s) to baseline {write_path}")
        baseline = baseline_of(report.files, write_path)
    # A result store gives fresh results each time: what the baseline hides is put back.
    results = getattr(report.files, "updating", lambda: report.files)()
    report.baseline_hidden, report.baseline_fixed = apply_baseline(results, baseline)
    return failed


class EmptyDirectories(list[str]):
    """Named directories without a single file to lint, told by the walk (call it with
    one). Said once the run knows whether anything was linted: a note when other files
    were, the run's one error line (exit 2) when nothing was."""

    def __call__(self, directory: str) -> None:
        self.append(directory)

    def settle(self, anything: bool, verb: str) -> None:
        """Warn of each empty directory, or raise the error of a run with no file."""
        from linter.read import EXTENSIONS

        looked = f"no files to lint (looked for {', '.join(EXTENSIONS)})"
        if not anything:
            where = f"{', '.join(self)}: {looked}" if self else "no file named"
            raise UserError(f"nothing to {verb}: {where}")
        for directory in self:
            warn(f"{directory}: {looked}")
