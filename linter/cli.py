"""The ``contentlint`` command: parse options, call the engine, pick a reporter.

Kept thin on purpose: everything it does can be done from Python without it. Heavy
modules (spaCy, lxml, textstat) are imported only when a command needs them, so
``contentlint --version`` and ``contentlint rules`` answer at once.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from linter import __version__
from linter.model import Severity

SEVERITIES = ["error", "warning", "info"]
OUTPUT_FORMATS = ["text", "json"]
INPUT_FORMATS = ["html", "text"]


class UserError(click.ClickException):
    """A usage, configuration or input problem: one line, exit code 2."""

    exit_code = 2

    def format_message(self) -> str:
        return self.message

    def show(self, file=None) -> None:  # type: ignore[override]
        click.echo(f"contentlint: error: {self.message}", err=True)


def _load_rules(
    config_path: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    settings: dict[str, Any] | None = None,
):
    """The rules this run uses, after config, command-line settings and selection."""
    from linter.config import ConfigError, apply_overrides, discover, load_config_file
    from linter.config import select_rules as choose
    from linter.rulepack import RuleError, load_rules

    try:
        config = load_config_file(Path(config_path)) if config_path else discover()
        config.settings.update(settings or {})
        rules = load_rules(config.rule_packs)
        where = str(config.path) if config.path else "config"
        rules = choose(rules, config.select, config.ignore, where)
        rules = choose(rules, list(select), list(ignore), "command line")
        rules = apply_overrides(rules, config)
    except (ConfigError, RuleError) as error:
        raise UserError(str(error)) from None
    return config, rules


def _choose_pipeline(model: str | None) -> None:
    """Select the spaCy pipeline; a model that is not installed is a usage error."""
    from linter import nlp

    nlp.configure(model)
    if model:
        import importlib.util

        if importlib.util.find_spec(model) is None:
            raise UserError(f"spaCy pipeline {model!r} is not installed (see the README)")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="contentlint")
def main() -> None:
    """Lint articles (HTML or plain text) for boilerplate, hygiene and readability problems."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(OUTPUT_FORMATS),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--format-in",
    type=click.Choice(INPUT_FORMATS),
    help="Input format, instead of guessing from the file extension.",
)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    help="Lowest severity that makes the exit code 1 (default: error, or fail_on in config).",
)
@click.option("--select", multiple=True, help="Only these rules (codes, names, categories, globs).")
@click.option("--ignore", multiple=True, help="Leave out these rules (codes, names, categories).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
@click.option(
    "--questions",
    "questions_file",
    type=click.Path(dir_okay=False),
    help="Questions the FAQ should answer: one a line, or a CSV with a 'question' column.",
)
@click.option("--keyphrase", help="The search phrase the page should rank for.")
@click.option(
    "--model",
    help="An installed spaCy pipeline (e.g. en_core_web_sm) instead of the blank English one.",
)
@click.option("--no-color", is_flag=True, help="Plain text, even on a terminal.")
@click.option("--quiet", "-q", is_flag=True, help="Only the finding lines, no source or summary.")
def check(
    paths: tuple[str, ...],
    output_format: str,
    format_in: str | None,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: str | None,
    questions_file: str | None,
    keyphrase: str | None,
    model: str | None,
    no_color: bool,
    quiet: bool,
) -> None:
    """Lint PATHS (files, directories, or - for standard input).

    Exit code 0: nothing at or above the fail threshold; 1: findings at or above it;
    2: a usage, configuration or input error.
    """
    from linter.engine import Engine
    from linter.report import Report
    from linter.runner import lint_paths

    settings: dict[str, Any] = {}
    if questions_file:
        from linter.questions import QuestionsError, load_questions

        try:
            settings["faq.questions"] = load_questions(questions_file)
        except QuestionsError as error:
            raise UserError(str(error)) from None
    if keyphrase:
        settings["seo.keyphrase"] = keyphrase
    if model:
        settings["nlp.model"] = model
    config, rules = _load_rules(config_path, _split(select), _split(ignore), settings)
    _choose_pipeline(config.settings.get("nlp.model") or None)
    threshold = Severity.parse(fail_on) if fail_on else (config.fail_on or Severity.ERROR)
    engine = Engine(rules)
    report = Report(fail_on=threshold)
    for result in lint_paths(paths, engine, format_in):
        report.files.append(result)
        if result.error is not None:
            click.echo(f"contentlint: {result.path}: {result.error}", err=True)
    if output_format == "json":
        from linter.report.json import render as render_json

        click.echo(render_json(report), nl=False)
    else:
        from linter.report.text import render as render_text

        color = not no_color and sys.stdout.isatty()
        click.echo(render_text(report, color=color, quiet=quiet), nl=False, color=color)
    sys.exit(report.exit_code())


@main.command("rules")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text"
)
def list_rules(config_path: str | None, output_format: str) -> None:
    """List every rule: code, name, category, severity and summary."""
    _, rules = _load_rules(config_path, (), ())
    if output_format == "markdown":
        click.echo(rules_markdown(rules), nl=False)
        return
    if output_format == "json":
        import json

        rows = [
            {
                "code": r.code,
                "name": r.name,
                "category": r.category,
                "severity": str(r.severity),
                "summary": r.summary,
            }
            for r in rules
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    width = max((len(r.name) for r in rules), default=4)
    click.echo(f"{'CODE':<7} {'NAME':<{width}} {'CATEGORY':<13} {'SEVERITY':<8} SUMMARY")
    for r in rules:
        click.echo(f"{r.code:<7} {r.name:<{width}} {r.category:<13} {r.severity!s:<8} {r.summary}")


def rules_markdown(rules) -> str:
    """The rule table of the README, generated from the YAML so it cannot drift."""
    lines = ["| code | name | category | severity | what it finds |", "|---|---|---|---|---|"]
    for r in rules:
        lines.append(f"| {r.code} | `{r.name}` | {r.category} | {r.severity} | {r.summary} |")
    return "\n".join(lines) + "\n"


@main.command()
@click.argument("rule")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
def explain(rule: str, config_path: str | None) -> None:
    """Explain a rule (by CODE or NAME): what it finds, why it matters, examples."""
    _, rules = _load_rules(config_path, (), ())
    match = next((r for r in rules if rule in (r.code, r.name)), None)
    if match is None:
        raise UserError(f"no rule named {rule!r} (see 'contentlint rules')")
    click.echo(f"{match.code} {match.name}  [{match.category}, {match.severity}]")
    click.echo("")
    click.echo(match.description)
    if match.params:
        click.echo("")
        click.echo("Parameters (set under [params.CODE] in config):")
        for key, value in match.params.items():
            click.echo(f"  {key} = {value!r}")
    for label in ("fail", "pass"):
        examples = [e for e in match.examples if label in e]
        if examples:
            click.echo("")
            click.echo("Flagged:" if label == "fail" else "Not flagged:")
            for example in examples:
                click.echo("  " + str(example[label]).strip().replace("\n", "\n  "))
