"""``contentlint rules``, ``explain`` and ``init``: the catalogue and a starter config."""

from __future__ import annotations

from pathlib import Path

import click

from linter.cli.common import UserError, load_rules, split
from linter.cli.options import config_option, selection_options


def _with_selection_options(command):
    for option in reversed(selection_options()):
        command = option(command)
    return command


@click.command("rules")
@config_option()
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text"
)
@_with_selection_options
def list_rules(
    config_path: str | None,
    output_format: str,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_ignore: tuple[str, ...],
) -> None:
    """List the rules a check would run: code, name, category, severity and summary.

    Every rule, or the config's selection; --select and the others change it as they
    change a check's, so 'rules --select BP00' shows what that selector picks."""
    _, rules, _ = load_rules(
        config_path, split(select), split(ignore), None, split(extend_select), split(extend_ignore)
    )
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
                "tags": list(r.tags),
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


@click.command()
@click.argument("rule")
@config_option()
def explain(rule: str, config_path: str | None) -> None:
    """Explain a rule (by CODE or NAME): what it finds, why it matters, examples."""
    _, rules, _ = load_rules(config_path, ("ALL",), ())  # a rule the config leaves out too
    match = next((r for r in rules if rule in (r.code, r.name)), None)
    if match is None:
        raise UserError(f"no rule named {rule!r} (see 'contentlint rules')")
    click.echo(f"{match.code} {match.name}  [{match.category}, {match.severity}]")
    click.echo("")
    click.echo(match.description)
    if match.params:
        click.echo("")
        click.echo("Parameters, as TOML to paste into .contentlint.toml and change")
        click.echo(f"(in pyproject.toml the table is [tool.contentlint.params.{match.code}]):")
        click.echo("")
        click.echo(f"[params.{match.code}]")
        for key, value in match.params.items():
            click.echo(f"{toml_key(key)} = {toml_value(value)}")
    for label in ("fail", "pass"):
        examples = [e for e in match.examples if label in e]
        if examples:
            click.echo("")
            click.echo("Flagged:" if label == "fail" else "Not flagged:")
            for example in examples:
                click.echo("  " + str(example[label]).strip().replace("\n", "\n  "))


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _toml_string(text: str) -> str:
    """A TOML string: a literal one ('\\bword') for a pattern with backslashes, as a user
    would write it; else a basic one with quotes and control characters escaped."""
    plain = all(ord(c) >= 32 and ord(c) != 127 for c in text)
    if "\\" in text and "'" not in text and plain:
        return f"'{text}'"
    chars = (
        _ESCAPES.get(c) or (f"\\u{ord(c):04X}" if ord(c) < 32 or ord(c) == 127 else c) for c in text
    )
    return '"' + "".join(chars) + '"'


def toml_key(key: str) -> str:
    """A bare TOML key, or a quoted one when it has other characters."""
    if key and all(c.isascii() and (c.isalnum() or c in "_-") for c in key):
        return key
    return _toml_string(key)


def toml_value(value: object) -> str:
    """``value`` written as TOML, so ``explain``'s parameters paste into a config as they
    are (``false``, ``["a", "b"]``), not as Python's reprs (``False``, ``['a', 'b']``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)  # inf, nan and 1e-05 are TOML floats too
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{toml_key(str(k))} = {toml_value(v)}" for k, v in value.items())
        return "{" + ", ".join(pairs) + "}"
    return _toml_string(str(value))


@click.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .contentlint.toml.")
def init(force: bool) -> None:
    """Write a commented starter .contentlint.toml in the current directory."""
    from importlib import resources

    target = Path(".contentlint.toml")
    if target.exists() and not force:
        raise UserError(f"{target} already exists (use --force to overwrite it)")
    starter = resources.files("linter").joinpath("data", "starter.contentlint.toml")
    try:
        target.write_text(starter.read_text(encoding="utf-8"), encoding="utf-8")
    except OSError as error:
        raise UserError(f"cannot write {target}: {error.strerror or error}") from None
    click.echo(f"Wrote {target}; edit it, then run 'contentlint check'.")
