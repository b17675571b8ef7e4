"""Options the commands declare; those ``check`` and ``audit`` share are declared here once.

``run_options`` adds the shared options to a command and hands their values to it as one
``RunOptions`` (keyword ``run``); ``output_options`` and ``quiet_option`` are declared once
with the words that differ between the two commands as arguments.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

import click

from linter.model import Severity

SEVERITIES = ["error", "warning", "info"]
OUTPUT_FORMATS = [
    "text",
    "json",
    "jsonl",
    "sarif",
    "github",
    "junit",
    "gitlab",
    "csv",
    "html",
]
INPUT_FORMATS = ["html", "text", "markdown", "docx"]
AUDIT_FORMATS = ["summary", *OUTPUT_FORMATS]


@dataclass(frozen=True)
class RunOptions:
    """The values of the options ``check`` and ``audit`` share: input, rules, settings,
    threshold."""

    format_in: str | None
    fail_on: str | None
    select: tuple[str, ...]
    extend_select: tuple[str, ...]
    ignore: tuple[str, ...]
    extend_ignore: tuple[str, ...]
    config_path: str | None
    questions_file: str | None
    keyphrase: str | None
    model: str | None
    baseline_path: str | None
    no_color: bool
    exit_zero: bool

    def threshold(self, configured: Severity | None) -> Severity:
        """The lowest severity that fails the run: --fail-on, else the config's, else error."""
        return Severity.parse(self.fail_on) if self.fail_on else (configured or Severity.ERROR)


def _shared_options() -> list[Callable[[Any], Any]]:
    """The click options behind ``RunOptions``, in the order ``--help`` lists them."""
    return [
        click.option(
            "--format-in",
            type=click.Choice(INPUT_FORMATS),
            help="Input format, instead of guessing from the file extension.",
        ),
        click.option(
            "--fail-on",
            type=click.Choice(SEVERITIES),
            help="Lowest severity that makes the exit code 1 (default: error, or config).",
        ),
        *selection_options(),
        config_option(),
        click.option(
            "--questions",
            "questions_file",
            type=click.Path(dir_okay=False),
            help="Questions the FAQ should answer: one a line, or a CSV with a 'question' column.",
        ),
        click.option("--keyphrase", help="The search phrase the page should rank for."),
        click.option(
            "--model",
            help="An installed spaCy pipeline (e.g. en_core_web_sm) instead of the blank one.",
        ),
        click.option(
            "--baseline",
            "baseline_path",
            type=click.Path(dir_okay=False),
            help="Hide the findings recorded in this baseline file; show only new ones.",
        ),
        click.option("--no-color", is_flag=True, help="Plain text, even on a terminal."),
        click.option(
            "--exit-zero",
            is_flag=True,
            help="Exit 0 even with findings (input errors still exit 2).",
        ),
    ]


def grouped_options(
    keyword: str, group: type, options: list[Callable[[Any], Any]]
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A decorator adding ``options`` to a command, which receives their values as one
    ``group`` dataclass (its fields are the options' names) under ``keyword``."""
    names = tuple(field.name for field in fields(group))

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(command)
        def collected(*args: Any, **values: Any) -> Any:
            grouped = group(**{name: values.pop(name) for name in names})
            return command(*args, **{keyword: grouped}, **values)

        for option in reversed(options):
            collected = option(collected)
        return collected

    return decorate


def run_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the shared options to ``command``, which receives them as ``run=RunOptions``."""
    return grouped_options("run", RunOptions, _shared_options())(command)


def selection_options() -> list[Callable[[Any], Any]]:
    """``--select``, ``--extend-select``, ``--ignore``, ``--extend-ignore``, named as ruff's."""
    words = "codes, code prefixes (BP, SEO01), names, categories, tags, globs or ALL"
    return [
        click.option(
            "--select",
            multiple=True,
            metavar="RULES",
            help=f"Run these rules instead of the config's select: {words}.",
        ),
        click.option(
            "--extend-select",
            multiple=True,
            metavar="RULES",
            help="Like --select, but add these rules to those already selected.",
        ),
        click.option("--ignore", multiple=True, metavar="RULES", help="Leave out these rules."),
        click.option(
            "--extend-ignore",
            multiple=True,
            metavar="RULES",
            help="Like --ignore (both add to the config's ignore).",
        ),
    ]


def config_option() -> Callable[[Any], Any]:
    return click.option(
        "--config", "config_path", type=click.Path(dir_okay=False), help="Config file."
    )


def output_options(formats: list[str], default: str) -> Callable[[Any], Any]:
    """``--format`` (one of ``formats``, ``default`` when none is given) and ``--output``,
    both repeatable and paired in order."""
    output_format = click.option(
        "--format",
        "output_formats",
        type=click.Choice(formats),
        multiple=True,
        help=f"Report format (default {default}); repeatable, paired in order with --output.",
    )
    output = click.option(
        "--output",
        "outputs",
        multiple=True,
        metavar="FILE",
        help="Write the report to FILE ('-' is stdout); repeatable, paired with --format.",
    )
    return lambda command: output_format(output(command))


def quiet_option(help_text: str) -> Callable[[Any], Any]:
    return click.option("--quiet", "-q", is_flag=True, help=help_text)
