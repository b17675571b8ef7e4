"""``contentlint rules``, ``explain`` and ``init``: the catalogue and a starter config."""

from __future__ import annotations

from pathlib import Path

import click

from linter.cli.common import UserError, load_rules
from linter.cli.options import config_option


@click.command("rules")
@config_option()
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text"
)
def list_rules(config_path: str | None, output_format: str) -> None:
    """List every rule: code, name, category, severity and summary."""
    _, rules, _ = load_rules(config_path, (), ())
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
    _, rules, _ = load_rules(config_path, (), ())
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
