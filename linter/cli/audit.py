"""``contentlint audit``: a whole site on every core, then the site-level rules."""

from __future__ import annotations

import sys
from typing import Any

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
from linter.cli.crawl import CrawlArgs, acquire, crawl_options, wants_crawl
from linter.cli.destinations import check_destinations, echo, emit, pair_outputs, write
from linter.cli.engine import chosen_engine, engine_options, open_engine
from linter.cli.files import FileOptions, file_filter, file_options, per_file_ignores
from linter.cli.history import compare_history, open_history, record_history
from linter.cli.options import AUDIT_FORMATS, RunOptions, output_options, quiet_option, run_options


def _page_timeout(seconds: float) -> float | None:
    """``--page-timeout``: a number of seconds, or 0 for no limit (``None``)."""
    if not 0 <= seconds < float("inf"):
        raise UserError(f"--page-timeout must be 0 (no limit) or more seconds, not {seconds:g}")
    return seconds or None


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--include", multiple=True, metavar="GLOB", help="Only files matching GLOB.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Leave out files matching GLOB.")
@file_options(exclude=False)
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
@output_options(AUDIT_FORMATS, "summary")
@click.option("--csv", "csv_path", metavar="FILE", help="Write one CSV row per finding.")
@click.option("--pages-csv", "pages_csv_path", metavar="FILE", help="Write one CSV row per page.")
@click.option("--html", "html_path", metavar="FILE", help="Write a self-contained HTML report.")
@click.option("--db", "db_path", metavar="FILE", help="Record this audit in a SQLite history.")
@click.option(
    "--store",
    "store_path",
    metavar="FILE",
    help="Keep the result store (SQLite, every page's results) at FILE; default: a"
    " temporary file that is gone when the audit ends.",
)
@click.option(
    "--compare",
    metavar="last|ID",
    help="With --db: report new, fixed and unchanged findings since that audit.",
)
@engine_options
@crawl_options
@run_options
@quiet_option("No progress bar; only findings, no summary.")
def audit(
    paths: tuple[str, ...],
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    files: FileOptions,
    list_file: str | None,
    jobs: int | None,
    page_timeout: float | None,
    output_formats: tuple[str, ...],
    outputs: tuple[str, ...],
    csv_path: str | None,
    pages_csv_path: str | None,
    html_path: str | None,
    db_path: str | None,
    store_path: str | None,
    compare: str | None,
    run: RunOptions,
    quiet: bool,
    crawl: CrawlArgs,
    engine: str | None,
    scheduler: str | None,
) -> None:
    """Audit a site: PATHS (files, directories, a crawl's .warc/.warc.gz, or start URLs
    to crawl) on every core, then site-level rules.

    Same rules, config and exit codes as check, plus duplicate titles, descriptions and
    H1s across pages, template text, near-duplicate pages and FAQ gaps between sibling
    pages. Ctrl-C stops early and still writes the reports for the pages done (exit 130).
    """
    import time

    from linter.audit.run import AuditPlan, default_jobs, run_audit
    from linter.audit.store import StoreError
    from linter.engine import Engine
    from linter.report import Report

    if compare and not db_path:
        raise UserError("--compare needs --db FILE, the history to compare with")
    named = _named_pages(paths, list_file, wants_crawl(list(paths), crawl))
    destinations = pair_outputs(output_formats or ("summary",), outputs)
    destinations += [
        (fmt, path)
        for fmt, path in (("csv", csv_path), ("pages-csv", pages_csv_path), ("html", html_path))
        if path
    ]
    setup = prepare(run, run_settings(run))
    engine, scheduler = chosen_engine(engine, scheduler, setup.config)
    check_destinations([path for _, path in destinations])
    _check_store_path(store_path, [path for _, path in destinations] + [db_path or ""])
    history = open_history(db_path)
    keep = file_filter(files, setup.config)
    named, cut_short = acquire(named, crawl, [path for _, path in destinations], quiet)
    archive = _crawl(named)
    local = [path for path in named if path not in archive.files]
    pages = _pages(local, include, exclude, keep) if local else []
    pages += archive.input.pages
    workers = min(jobs or default_jobs(), max(len(pages), 1))
    per_file = per_file_ignores(setup.config, setup.catalogue)
    page_rules = Engine(setup.rules, known=setup.catalogue, model=setup.pipeline, per_file=per_file)
    site_rules = [r for r in setup.rules if r.scope == "corpus"]
    plan = AuditPlan(page_rules, site_rules, run.format_in, sources=archive.input.sources)
    progress = _progress_bar(len(pages), quiet)
    store = _open_store(store_path)
    answers = _Answers(archive.input.answers if archive.files else {})
    started = time.time()
    try:
        try:
            with open_engine(engine, scheduler, workers) as pool:
                workers = pool.workers if pool is not None else workers
                outcome = run_audit(
                    pages,
                    plan,
                    jobs=workers,
                    progress=progress,
                    page_timeout=page_timeout,
                    crawl=archive.input.facts if archive.files else None,
                    results=store,
                    finish=answers.finish,
                    pool=pool,
                )
        finally:
            if progress is not None:
                progress.close()
        seconds = time.time() - started
        report = Report(
            store,
            fail_on=run.threshold(setup.config.fail_on),
            rules=page_rules.reporting + site_rules,
            interrupted=outcome.interrupted or cut_short,
            exit_zero=run.exit_zero,
            crawled=answers.others(),
        )
        for result in report.failed_files:
            warn(f"{result.path}: {result.error}")
        for problem in outcome.errors:
            warn(str(problem))
        apply_baseline(report, setup.baseline, None)
        # Reports first, each on its own, then history: a locked database loses no report.
        readable = history is not None and compare_history(history, compare, report)
        report.problems += history is not None and not readable
        report.problems += _emit_audit(
            report,
            destinations,
            seconds,
            (workers, "Dask worker" if engine == "dask" else "worker"),
            color=color_wanted(run.no_color, sys.stdout),
            quiet=quiet,
        )
        if readable:
            recorded = record_history(
                history, db_path, report, started, seconds, named, quiet, compare
            )
            report.problems += not recorded
        elif history is not None:
            history.close()
        code = report.exit_code()
    except StoreError as error:
        raise UserError(str(error)) from None
    finally:
        store.close()
    sys.exit(code)


def _check_store_path(path: str | None, others: list[str]) -> None:
    """``--store FILE`` is written over: refuse a report's or the history's own file,
    and a file that is not a result store of an earlier audit."""
    import os

    from linter.audit.store import not_a_store

    if path is None:
        return
    check_destinations([path])
    if any(other and os.path.realpath(other) == os.path.realpath(path) for other in others):
        raise UserError(f"--store {path}: the same file as a report or the history database")
    problem = not_a_store(path)
    if problem:
        raise UserError(f"--store {path}: {problem}; not replacing it")


def _open_store(path: str | None):
    """The result store: at ``--store FILE``, else a temporary file."""
    from linter.audit.store import ResultStore, StoreError

    try:
        return ResultStore(path)
    except StoreError as error:
        raise UserError(str(error)) from None


class _Answers:
    """How each URL of a crawl answered: given to each page's result as it arrives
    (``finish``, which also makes the result printable), the rest listed at the end."""

    def __init__(self, answers: dict[str, Any]) -> None:
        self.answers = answers
        self.audited: set[str] = set()

    def finish(self, result: Any) -> None:
        from linter.report import make_result_printable

        answer = self.answers.get(result.path)
        if answer is not None:
            result.fetch = answer
            self.audited.add(result.path)
        make_result_printable(result)

    def others(self) -> list[tuple[str, Any]]:
        """The crawl's URLs no page stands for, in crawl order (redirects, errors,
        skipped URLs, other files)."""
        return [(url, a) for url, a in self.answers.items() if url not in self.audited]


def _named_pages(
    paths: tuple[str, ...], list_file: str | None, crawling: bool = False
) -> list[str]:
    """PATHS and the paths ``--from-list`` names; standard input is not a page. None at
    all is an error, unless the pages come from a crawl (``--sitemap``, ``--urls``)."""
    from linter.audit.paths import PathListError, read_path_list

    named = list(paths)
    if list_file:
        try:
            named += read_path_list(list_file)
        except PathListError as error:
            raise UserError(str(error)) from None
    if not named and not crawling:
        raise UserError(
            "name the pages to audit: PATH..., a start URL, --from-list FILE, --sitemap URL"
            " or --urls FILE"
        )
    if "-" in named:
        raise UserError("audit reads files and directories; lint standard input with 'check -'")
    return named


class _Crawl:
    """The WARC files among the paths named, and what the audit takes from them."""

    def __init__(self, files: list[str], crawl_input: Any) -> None:
        self.files = files
        self.input = crawl_input


def _crawl(named: list[str]) -> _Crawl:
    """Read the WARC files named (``.warc``, ``.warc.gz``); one that cannot be read is
    the run's one error line (exit 2); a cut-short last record is a warning."""
    from linter.audit.crawled import CrawlInput, open_crawl
    from linter.crawl.archive import ArchiveError, is_warc

    files = [path for path in named if is_warc(path)]
    if not files:
        return _Crawl([], CrawlInput())
    try:
        crawl_input = open_crawl(files)
    except ArchiveError as error:
        raise UserError(str(error)) from None
    for problem in crawl_input.warnings:
        warn(problem)
    return _Crawl(files, crawl_input)


def _pages(named: list[str], include: tuple[str, ...], exclude: tuple[str, ...], keep) -> list[str]:
    """The files to audit (``keep``: the exclusion settings and ``.gitignore``); none at
    all is the run's one error line (exit 2)."""
    from linter.audit.paths import NothingSelected, audit_paths

    empty = EmptyDirectories()
    try:
        pages = audit_paths(named, include, exclude, empty, keep)
    except NothingSelected as error:
        raise UserError(str(error)) from None
    empty.settle(bool(pages), "audit")
    return pages


def _progress_bar(total: int, quiet: bool):
    """A progress bar when standard error is a terminal; none in pipes, CI or --quiet."""
    if quiet or total < 2 or not sys.stderr.isatty():
        return None
    from linter.audit.progress import Progress

    return Progress(total)


def _emit_audit(report, destinations, seconds, workers: tuple[int, str], *, color, quiet) -> int:
    """The summary and the other reports; CSV of pages and the summary are audit-only.
    Returns how many could not be written."""
    from linter.audit.summary import render_summary

    rest = []
    failures = 0
    for fmt, destination in destinations:
        if fmt not in ("summary", "pages-csv"):
            rest.append((fmt, destination))
            continue
        if fmt == "summary" and quiet:  # one line per finding, as check -q prints them
            rest.append(("text", destination))
            continue
        if fmt == "summary":
            pieces = [render_summary(report, seconds, *workers)]
        else:
            from linter.report.csv import stream_pages

            pieces = stream_pages(report)
        if destination == "-":
            echo(pieces)
            continue
        failures += not write(destination, pieces)
    return failures + emit(report, rest, color=color, quiet=quiet)
