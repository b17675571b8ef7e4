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
OUTPUT_FORMATS = ["text", "json", "sarif", "github", "junit", "gitlab", "csv", "html"]
INPUT_FORMATS = ["html", "text", "markdown"]


class UserError(click.ClickException):
    """A usage, configuration or input problem: one line, exit code 2."""

    exit_code = 2

    def format_message(self) -> str:
        return self.message

    def show(self, file=None) -> None:  # type: ignore[override]
        _warn(f"error: {self.message}")


def _warn(line: str) -> None:
    """One ``contentlint: ...`` line on standard error, control characters escaped."""
    from linter.escape import visible

    click.echo(f"contentlint: {visible(line)}", err=True)


def _load_rules(
    config_path: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    settings: dict[str, Any] | None = None,
):
    """The config, the rules this run uses (after settings and selection), and the whole
    catalogue of its packs (what suppression comments may name)."""
    from linter.config import ConfigError, apply_overrides, discover, load_config_file
    from linter.config import select_rules as choose
    from linter.rulepack import RuleError, load_rules

    try:
        config = load_config_file(Path(config_path)) if config_path else discover()
        config.settings.update(settings or {})
        catalogue = load_rules(config.rule_packs)
        where = str(config.path) if config.path else "config"
        rules = choose(catalogue, config.select, config.ignore, where)
        rules = choose(rules, list(select), list(ignore), "command line")
        rules = apply_overrides(rules, config)
    except (ConfigError, RuleError) as error:
        raise UserError(str(error)) from None
    return config, rules, catalogue


def _choose_pipeline(model: str | None) -> None:
    """Select the spaCy pipeline; a model that is not installed is a usage error."""
    from linter import nlp

    if model:
        from linter.config import pipeline_problem

        problem = pipeline_problem(model)
        if problem:
            raise UserError(problem)
    nlp.configure(model)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="contentlint")
def main() -> None:
    """Lint articles (HTML, Markdown or plain text): boilerplate, FAQ, contradictions,
    readability, on-page SEO and hygiene, each finding at its exact line and column."""


def _pair_outputs(formats: tuple[str, ...], outputs: tuple[str, ...]) -> list[tuple[str, str]]:
    """``(format, destination)`` pairs: in order; a format without an output goes to stdout."""
    formats = formats or ("text",)
    if len(outputs) > len(formats):
        raise UserError(
            f"{len(outputs)} --output given for {len(formats)} --format; "
            "give one --format per --output"
        )
    return [(fmt, outputs[n] if n < len(outputs) else "-") for n, fmt in enumerate(formats)]


def _check_destinations(paths: list[str]) -> None:
    """Refuse, before any work, a destination whose directory is missing or unwritable:
    finding out after an hour-long audit would lose the audit."""
    from linter.output import destination_problem

    for path in paths:
        problem = destination_problem(path)
        if problem:
            raise UserError(f"cannot write {path}: {problem}")


def _write(destination: str, text: str) -> bool:
    """Write one report; a failure is its own error line (False), not the end of the run."""
    from linter.output import write_safely

    try:
        write_safely(destination, text)
    except OSError as error:
        _warn(f"cannot write {destination}: {error.strerror or error}")
        return False
    return True


def _emit(report, destinations: list[tuple[str, str]], *, color: bool, quiet: bool) -> int:
    """Render each report to its destination (each on its own: one that fails loses no
    other); returns how many could not be written."""
    from linter.report import render

    failures = 0
    for fmt, destination in destinations:
        if destination == "-":
            text = render(report, fmt, color=color and fmt == "text", quiet=quiet)
            click.echo(text, nl=False, color=color and fmt == "text")
            continue
        failures += not _write(destination, render(report, fmt, quiet=quiet))
    return failures


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


def _load_baseline(baseline_path: str | None):
    """The ``--baseline`` to apply, read before the run so a bad one costs no work."""
    if baseline_path is None:
        return None
    from linter.baseline import BaselineError, load_baseline

    try:
        return load_baseline(baseline_path)
    except BaselineError as error:
        raise UserError(str(error)) from None


def _apply_baseline(report, baseline, write_path: str | None) -> int:
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
            _warn(f"cannot write {write_path}: {error.strerror or error}")
            failed = 1
        else:
            _warn(f"wrote {count} finding(s) to baseline {write_path}")
        baseline = baseline_of(report.files)
    report.baseline_hidden, report.baseline_fixed = apply_baseline(report.files, baseline)
    return failed


def _settings(questions_file: str | None, keyphrase: str | None, model: str | None):
    """Run-wide settings from command-line options (they win over the config file)."""
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
    return settings


def rule_options(command):
    """The options ``check`` and ``audit`` share: input, rules, settings, threshold."""
    options = [
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
        click.option(
            "--select", multiple=True, help="Only these rules (codes, names, categories, globs)."
        ),
        click.option(
            "--ignore", multiple=True, help="Leave out these rules (codes, names, categories)."
        ),
        click.option(
            "--config", "config_path", type=click.Path(dir_okay=False), help="Config file."
        ),
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
    for option in reversed(options):
        command = option(command)
    return command


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_formats",
    type=click.Choice(OUTPUT_FORMATS),
    multiple=True,
    help="Report format (default text); repeatable, paired in order with --output.",
)
@click.option(
    "--output",
    "outputs",
    multiple=True,
    metavar="FILE",
    help="Write the report to FILE ('-' is stdout); repeatable, paired with --format.",
)
@rule_options
@click.option("--quiet", "-q", is_flag=True, help="Only the finding lines, no source or summary.")
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
def check(
    paths: tuple[str, ...],
    output_formats: tuple[str, ...],
    outputs: tuple[str, ...],
    baseline_path: str | None,
    write_baseline_path: str | None,
    diff_ref: str | None,
    diff_file: str | None,
    warn_unused_suppressions: bool,
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
    fix: bool,
    dry_run: bool,
    exit_zero: bool,
) -> None:
    """Lint PATHS (files, directories, or - for standard input).

    Exit code 0: nothing at or above the fail threshold; 1: findings at or above it;
    2: a usage, configuration or input error.
    """
    from linter.engine import Engine
    from linter.report import Report, make_printable
    from linter.runner import lint_paths

    if dry_run and not fix:
        raise UserError("--dry-run only works with --fix")
    if fix and "-" in paths:
        raise UserError("--fix cannot change standard input; name the files")
    settings = _settings(questions_file, keyphrase, model)
    if warn_unused_suppressions:
        settings["suppress.warn_unused"] = True
    destinations = _pair_outputs(output_formats, outputs)
    output_format = destinations[0][0]
    changes = _changed_lines(diff_ref, diff_file, paths)
    config, rules, catalogue = _load_rules(config_path, _split(select), _split(ignore), settings)
    _choose_pipeline(config.settings.get("nlp.model") or None)
    baseline = _load_baseline(baseline_path)
    written = [path for _, path in destinations]
    _check_destinations(written + ([write_baseline_path] if write_baseline_path else []))
    threshold = Severity.parse(fail_on) if fail_on else (config.fail_on or Severity.ERROR)
    engine = Engine(rules, known=catalogue)
    report = Report(fail_on=threshold, rules=rules)
    fixed = _run_fixes(paths, engine, format_in, dry_run, report) if fix else None
    for result in [] if fix else lint_paths(paths, engine, format_in, _nothing_to_lint):
        report.files.append(result)
        if result.error is not None:
            _warn(f"{result.path}: {result.error}")
    make_printable(report)
    if dry_run:
        click.echo(fixed, err=True)
        sys.exit(0 if exit_zero and report.exit_code() == 1 else report.exit_code())
    failures = _apply_baseline(report, baseline, write_baseline_path)
    if changes is not None:
        from linter.changed import filter_results

        filter_results(report.files, changes, rules)
    color = not no_color and sys.stdout.isatty()
    failures += _emit(report, destinations, color=color, quiet=quiet)
    if fixed and not quiet:
        click.echo(fixed, err=output_format != "text")
    code = 2 if failures else report.exit_code()
    sys.exit(0 if exit_zero and code == 1 else code)


def _nothing_to_lint(directory: str) -> None:
    """A named directory without a single file to lint: said, not an error."""
    from linter.read import EXTENSIONS

    _warn(f"{directory}: no files to lint (looked for {', '.join(EXTENSIONS)})")


def _run_fixes(paths, engine, fmt: str | None, dry_run: bool, report) -> str:
    """Apply (or, dry, diff) the safe fixes; fills ``report``; returns the summary line."""
    from linter.fix import fix_paths
    from linter.report import plural

    applied = files = 0
    for outcome in fix_paths(paths, engine, fmt, dry_run):
        report.files.append(outcome.result)
        if outcome.result.error is not None:
            _warn(f"{outcome.result.path}: {outcome.result.error}")
        if outcome.note:
            _warn(f"{outcome.result.path}: {outcome.note}")
        if dry_run and outcome.diff:
            click.echo(outcome.diff, nl=False)
        if outcome.applied:
            applied += outcome.applied
            files += 1
    verb = "Would apply" if dry_run else "Applied"
    fixes = f"{applied} fix" if applied == 1 else f"{applied} fixes"
    return f"{verb} {fixes} in {plural(files, 'file')}."


AUDIT_FORMATS = ["summary", *OUTPUT_FORMATS]


def _page_timeout(seconds: float) -> float | None:
    """``--page-timeout``: a number of seconds, or 0 for no limit (``None``)."""
    if not 0 <= seconds < float("inf"):
        raise UserError(f"--page-timeout must be 0 (no limit) or more seconds, not {seconds:g}")
    return seconds or None


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--include", multiple=True, metavar="GLOB", help="Only files matching GLOB.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Leave out files matching GLOB.")
@click.option(
    "--from-list",
    "list_file",
    type=click.Path(dir_okay=False),
    help="Also audit the paths in FILE, one a line ('#' starts a comment).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Worker processes (default: one per CPU core).",
)
@click.option(
    "--page-timeout",
    type=float,
    default=60.0,
    show_default=True,
    metavar="SECONDS",
    callback=lambda ctx, param, value: _page_timeout(value),
    help="Report a page still running after SECONDS as not audited, and go on (0: no limit).",
)
@click.option(
    "--format",
    "output_formats",
    type=click.Choice(AUDIT_FORMATS),
    multiple=True,
    help="Report format (default summary); repeatable, paired in order with --output.",
)
@click.option(
    "--output",
    "outputs",
    multiple=True,
    metavar="FILE",
    help="Write the report to FILE ('-' is stdout); repeatable, paired with --format.",
)
@click.option("--csv", "csv_path", metavar="FILE", help="Write one CSV row per finding.")
@click.option("--pages-csv", "pages_csv_path", metavar="FILE", help="Write one CSV row per page.")
@click.option("--html", "html_path", metavar="FILE", help="Write a self-contained HTML report.")
@click.option("--db", "db_path", metavar="FILE", help="Record this audit in a SQLite history.")
@click.option(
    "--compare",
    metavar="last|ID",
    help="With --db: report new, fixed and unchanged findings since that audit.",
)
@rule_options
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; only findings, no summary.")
def audit(
    paths: tuple[str, ...],
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    list_file: str | None,
    jobs: int | None,
    page_timeout: float | None,
    output_formats: tuple[str, ...],
    outputs: tuple[str, ...],
    csv_path: str | None,
    pages_csv_path: str | None,
    html_path: str | None,
    db_path: str | None,
    compare: str | None,
    format_in: str | None,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: str | None,
    questions_file: str | None,
    keyphrase: str | None,
    model: str | None,
    baseline_path: str | None,
    no_color: bool,
    quiet: bool,
    exit_zero: bool,
) -> None:
    """Audit a site: PATHS (files or directories) on every core, then site-level rules.

    Same rules, config and exit codes as check, plus duplicate titles, descriptions and
    H1s across pages, template text, near-duplicate pages and FAQ gaps between sibling
    pages. Ctrl-C stops early and still writes the reports for the pages done (exit 130).
    """
    import time

    from linter.audit.paths import PathListError, audit_paths, read_path_list
    from linter.audit.run import AuditPlan, default_jobs, run_audit
    from linter.engine import Engine
    from linter.report import Report, make_printable

    if compare and not db_path:
        raise UserError("--compare needs --db FILE, the history to compare with")
    named = list(paths)
    if list_file:
        try:
            named += read_path_list(list_file)
        except PathListError as error:
            raise UserError(str(error)) from None
    if not named:
        raise UserError("name the pages to audit: PATH... or --from-list FILE")
    if "-" in named:
        raise UserError("audit reads files and directories; lint standard input with 'check -'")
    destinations = _pair_outputs(output_formats or ("summary",), outputs)
    destinations += [
        (fmt, path)
        for fmt, path in (("csv", csv_path), ("pages-csv", pages_csv_path), ("html", html_path))
        if path
    ]
    settings = _settings(questions_file, keyphrase, model)
    config, rules, catalogue = _load_rules(config_path, _split(select), _split(ignore), settings)
    pipeline = config.settings.get("nlp.model") or None
    _choose_pipeline(pipeline)
    baseline = _load_baseline(baseline_path)
    _check_destinations([path for _, path in destinations])
    history = _open_history(db_path)
    pages = audit_paths(named, include, exclude, _nothing_to_lint)
    workers = min(jobs or default_jobs(), max(len(pages), 1))
    page_rules = Engine(rules, known=catalogue)
    site_rules = [r for r in rules if r.scope == "corpus"]
    plan = AuditPlan(page_rules, site_rules, format_in, model=pipeline)
    progress = _progress_bar(len(pages), quiet)
    started = time.time()
    try:
        outcome = run_audit(pages, plan, jobs=workers, progress=progress, page_timeout=page_timeout)
    finally:
        if progress is not None:
            progress.close()
    seconds = time.time() - started
    threshold = Severity.parse(fail_on) if fail_on else (config.fail_on or Severity.ERROR)
    report = Report(outcome.files, fail_on=threshold, rules=rules, interrupted=outcome.interrupted)
    make_printable(report)
    for result in report.failed_files:
        _warn(f"{result.path}: {result.error}")
    for problem in outcome.errors:
        _warn(str(problem))
    _apply_baseline(report, baseline, None)
    # Reports first, each on its own, then history: a locked database loses no report.
    failures = 0
    readable = history is not None and _compare_history(history, compare, report)
    failures += history is not None and not readable
    failures += _emit_audit(report, destinations, seconds, workers, color=not no_color, quiet=quiet)
    if readable:
        failures += not _record_history(history, db_path, report, started, seconds, named, quiet)
    elif history is not None:
        history.close()
    if outcome.interrupted:
        sys.exit(130)
    code = 2 if failures else report.exit_code()
    sys.exit(0 if exit_zero and code == 1 else code)


def _progress_bar(total: int, quiet: bool):
    """A progress bar when standard error is a terminal; none in pipes, CI or --quiet."""
    if quiet or total < 2 or not sys.stderr.isatty():
        return None
    from linter.audit.progress import Progress

    return Progress(total)


def _open_history(db_path: str | None):
    if db_path is None:
        return None
    from linter.history import HistoryError, open_db

    try:
        return open_db(db_path)
    except HistoryError as error:
        raise UserError(str(error)) from None


def _compare_history(conn, compare: str | None, report) -> bool:
    """Fill ``report.comparison`` and ``report.trend`` from the history (the reports show
    them); False, after its error line, when the database cannot be read."""
    from linter.history import HistoryError, NoEarlierRun, resolve_run, trend
    from linter.history import compare as compare_runs

    try:
        if compare:
            try:
                report.comparison = compare_runs(conn, resolve_run(conn, compare), report)
            except NoEarlierRun:
                _warn("nothing to compare yet: this is the first audit in the history")
        report.trend = trend(conn)  # earlier audits; the HTML report adds this one
    except HistoryError as error:
        _warn(str(error))
        return False
    return True


def _record_history(conn, db_path, report, started, seconds, named, quiet) -> bool:
    """Record this audit (after its reports are written); False after its error line."""
    from datetime import UTC, datetime

    from linter.history import HistoryError, config_hash, record_run, render_comparison

    try:
        run = record_run(
            conn,
            report,
            started=datetime.fromtimestamp(started, UTC),
            duration=seconds,
            config_hash=config_hash(report.rules),
            paths=named,
        )
    except HistoryError as error:
        _warn(str(error))
        return False
    finally:
        conn.close()
    if not quiet:
        _warn(f"recorded audit {run} in {db_path}")
        if report.comparison is not None:
            click.echo(render_comparison(report.comparison), err=True, nl=False)
    return True


def _emit_audit(report, destinations, seconds: float, workers: int, *, color, quiet) -> int:
    """The summary and the other reports; CSV of pages and the summary are audit-only.
    Returns how many could not be written."""
    from linter.audit.summary import render_summary

    rest = []
    failures = 0
    for fmt, destination in destinations:
        if fmt not in ("summary", "pages-csv"):
            rest.append((fmt, destination))
            continue
        if fmt == "summary" and quiet:
            continue
        if fmt == "summary":
            text = render_summary(report, seconds, workers)
        else:
            from linter.report.csv import render_pages

            text = render_pages(report)
        if destination == "-":
            click.echo(text, nl=False)
            continue
        failures += not _write(destination, text)
    return failures + _emit(report, rest, color=color and sys.stdout.isatty(), quiet=quiet)


@main.command()
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


@main.command("rules")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text"
)
def list_rules(config_path: str | None, output_format: str) -> None:
    """List every rule: code, name, category, severity and summary."""
    _, rules, _ = _load_rules(config_path, (), ())
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
    _, rules, _ = _load_rules(config_path, (), ())
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


@main.command()
@click.option(
    "--db",
    "db_path",
    required=True,
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="The history database 'contentlint audit --db' writes.",
)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def history(db_path: str, output_format: str) -> None:
    """List the audits recorded in a history database, newest first, with their totals."""
    from linter.history import HistoryError, list_runs, open_db, render_runs

    # Checked here, not left to SQLite: a typo must not leave an empty database behind.
    if not Path(db_path).exists():
        raise UserError(f"{db_path}: no such history database")
    try:
        conn = open_db(db_path)
        try:
            runs = list_runs(conn)
        finally:
            conn.close()
    except HistoryError as error:
        raise UserError(str(error)) from None
    if output_format == "json":
        import json

        click.echo(json.dumps(runs, indent=2, ensure_ascii=False))
        return
    click.echo(render_runs(runs, db_path), nl=False)
