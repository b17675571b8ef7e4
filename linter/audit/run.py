"""Runs an audit: a first pass counts template passages, a second lints every page.

Both passes run on worker processes when ``jobs > 1``, forked from a fork server that
has loaded spaCy once. Each worker handles one page at a time and is replaced after 500,
so its memory stays flat however large the site is; results come back in the order of
the paths whatever the number of workers, so the report of an audit is the same at
``--jobs 1`` and ``--jobs 8``.

With a page time limit, pages always run on workers (one at ``--jobs 1``): a worker whose
page goes over the limit is killed (``linter.audit.watchdog``), so the limit holds even
when the page is stuck in C code. Without a fork server the pages run in this process and
the limit does not apply.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.context
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from linter.audit.results import KeyCounts, ResultList, Results
from linter.audit.site import attach_to
from linter.audit.site_store import SiteStore, emit_keys
from linter.audit.sources import Read, page_text, read_before, source_text
from linter.audit.watchdog import Board, PageLimit, wait_for
from linter.checks.site._crawl import CrawlFacts
from linter.checks.site._facts import PageFacts, page_facts
from linter.engine import Engine
from linter.model import Document
from linter.read import ReadError, read_bytes, sniff_format
from linter.rulepack import Rule
from linter.runner import FileResult, result_for

T = TypeVar("T")
R = TypeVar("R")

_CHUNK = 2  # pages a worker takes at a time: small, so order costs little waiting
# Workers are replaced after about this many pages each (the pages go to the pool in
# segments of this many per worker, each segment on fresh workers). spaCy's vocabulary
# keeps every new word it meets (about 140 a page here), so a worker that lived through
# 100,000 pages would grow without end; a fresh fork of the fork server starts from the
# pipeline as loaded. (Not ``max_tasks_per_child``: in Python 3.11 to 3.13 a pool that
# replaces its workers that way can stop for good, CPython issue gh-115634.)
_PAGES_PER_WORKER = 500


@dataclass
class AuditPlan:
    """What every worker needs: the page rules, the site rules' settings, the template."""

    engine: Engine
    site_rules: list[Rule]
    fmt: str | None = None
    template_keys: frozenset[int] = frozenset()
    # Pages of a crawl, read by the workers from the WARC (``linter.audit.sources``).
    sources: dict[str, tuple[str, int, str | None]] = field(default_factory=dict)

    @property
    def template_rule(self) -> Rule | None:
        """The site rule whose kind runs the template pass (it defines ``scan_keys``,
        ``template_keys`` and ``mark_page``); without one there is no template pass."""
        return next((r for r in self.site_rules if hasattr(r.module, "template_keys")), None)


@dataclass
class AuditResult:
    """How the run ended; every page's result is in ``files``, in path order."""

    files: Any = field(default_factory=ResultList)  # a Results
    interrupted: bool = False
    errors: list[str] = field(default_factory=list)


_PLAN: AuditPlan | None = None  # the plan of this worker process
_SEAT: tuple[Board, int] | None = None  # where this worker posts the page it is on


def _start_worker(plan: AuditPlan, board: Board) -> None:
    """Worker setup: Ctrl-C is the parent's to handle (it stops the pool)."""
    global _PLAN, _SEAT
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _PLAN = plan
    seat = board.take_seat()
    _SEAT = None if seat is None else (board, seat)


def _run_chunk(function: Callable[[T], R], chunk: list[tuple[int, T]]) -> list[R]:
    """In a worker: ``function`` over a few items, each posted on the board while it runs."""
    if _SEAT is None:
        return [function(item) for _, item in chunk]
    board, seat = _SEAT
    results = []
    for index, item in chunk:
        board.started(seat, index)
        results.append(function(item))
        board.finished(seat)
    return results


def scan_page(path: str) -> set[int] | None:
    """Pass 1: keys of the page's passages (``None`` when it cannot be read)."""
    assert _PLAN is not None
    return scan_read(_PLAN, path)


def scan_read(plan: AuditPlan, path: str, read: Read = None) -> set[int] | None:
    """``scan_page`` with the plan given, and the page's bytes if already ``read``."""
    rule = plan.template_rule
    assert rule is not None
    try:
        text, fmt = page_text(
            plan.sources, plan.fmt, path, read_before(plan.sources, plan.fmt, path, read)
        )
        return rule.module.scan_keys(text, fmt or sniff_format(text), rule.params)
    except Exception:  # reported by the lint pass, which reads the page again
        return None


Page = tuple[FileResult, PageFacts | None, dict[str, Any] | None]


def lint_page(path: str) -> Page:
    """Pass 2: the page's findings, the facts the site rules need and the keys they
    group it by (the map step of ``linter.audit.site_store``)."""
    assert _PLAN is not None
    return lint_read(_PLAN, path)


def lint_read(plan: AuditPlan, path: str, read: Read = None) -> Page:
    """``lint_page`` with the plan given, and the page's bytes if already ``read``."""
    try:
        data, fmt, charset = read_before(plan.sources, plan.fmt, path, read)
        doc = read_bytes(data, path, fmt, charset)
    except ReadError as error:
        return FileResult(path, plan.fmt, error=str(error)), None, None
    except Exception as error:  # a parser bug must not end the audit
        message = f"could not parse: {type(error).__name__}: {error}"
        return FileResult(path, plan.fmt, error=message), None, None
    found = strip_template(plan, doc)
    result = result_for(path, doc, plan.engine)
    if not plan.site_rules:
        return result, None, None
    facts = page_facts(doc, found)
    return result, facts, emit_keys(plan.site_rules, facts)


_WORKER_DIED = (
    "could not audit: the worker process reading it died (out of memory, or a crash in a parser)"
)


def strip_template(plan: AuditPlan, doc: Document) -> list[tuple[int, int, str]]:
    """Takes the template passages out of ``doc``'s body (none without a template pass)."""
    rule = plan.template_rule
    return rule.module.mark_page(doc, plan.template_keys, rule.params) if rule else []


def _lost_page(plan: AuditPlan, path: str) -> Page:
    """The result of a page whose worker died on it."""
    return FileResult(path, plan.fmt, error=_WORKER_DIED), None, None


def _slow_page(plan: AuditPlan, limit: PageLimit, path: str) -> Page:
    """The result of a page that went over the time limit (in either pass)."""
    return FileResult(path, plan.fmt, error=limit.message), None, None


def _no_keys(path: str) -> set[int] | None:
    """The template keys of a page whose worker died on it: none (the lint pass tells)."""
    return None


def _mapped(
    function: Callable[[T], R],
    items: Sequence[T],
    plan: AuditPlan,
    jobs: int,
    lost: Callable[[T], R],
    limit: PageLimit | None = None,
    slow: Callable[[T], R] | None = None,
) -> Iterator[R]:
    """``function`` over ``items`` in order, on ``jobs`` worker processes.

    The items go to fresh workers in segments of ``_PAGES_PER_WORKER`` per worker. A
    worker that dies (killed for memory, a crash in a parser) breaks the pool; the
    items not done go to a fresh pool. If it breaks twice at the same item, that item is
    tried alone, and if that breaks too, ``lost(item)`` stands for its result: one page
    that kills its worker costs that page, never the audit.

    With a ``limit``, a worker still on one item after that many seconds is killed; the
    item's index goes into ``limit.over`` and ``slow(item)`` stands for its result, with
    no retry. Items in ``limit.over`` already (over it in an earlier pass) are not run.
    """
    limit = limit or PageLimit()
    if limit.seconds is None and (jobs <= 1 or len(items) <= 1):
        yield from _here(function, items, plan, 0, limit, slow)
        return
    from concurrent.futures.process import BrokenProcessPool

    start, last_break, alone = 0, -1, False
    while start < len(items):
        if start in limit.over:
            assert slow is not None
            yield slow(items[start])
            start, alone = start + 1, False
            continue
        end = min(len(items), start + (1 if alone else _PAGES_PER_WORKER * jobs))
        todo = [index for index in range(start, end) if index not in limit.over]
        stopped = len(limit.over)
        try:
            workers = 1 if alone else jobs
            for index, result in _on_workers(function, items, todo, plan, workers, limit):
                for skipped in range(start, index):  # over the limit in an earlier pass
                    assert slow is not None
                    yield slow(items[skipped])
                yield result
                start = index + 1
            alone = False
        except BrokenProcessPool:
            if len(limit.over) > stopped:  # a worker stopped for the time limit, not a crash
                continue
            if alone:
                yield lost(items[start])
                start += 1
                alone = False
            else:
                alone, last_break = start == last_break, start
        except OSError:  # no fork server here (no socket, no process): the rest in one
            yield from _here(function, items[start:], plan, start, limit, slow)
            return


def _here(
    function: Callable[[T], R],
    items: Sequence[T],
    plan: AuditPlan,
    first: int,
    limit: PageLimit,
    slow: Callable[[T], R] | None,
) -> Iterator[R]:
    """``function`` over ``items`` in this process (no time limit can stop it here);
    ``first`` is the index of ``items[0]`` among all the items."""
    global _PLAN
    _PLAN = plan
    for index, item in enumerate(items, first):
        if index in limit.over and slow is not None:
            yield slow(item)
        else:
            yield function(item)


def _on_workers(
    function: Callable[[T], R],
    items: Sequence[T],
    todo: list[int],
    plan: AuditPlan,
    jobs: int,
    limit: PageLimit,
) -> Iterator[tuple[int, R]]:
    """``(index, function(items[index]))`` for each index of ``todo``, in order, on a
    pool of ``jobs`` fresh workers; a worker over ``limit`` on one item is killed."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = _context()
    board = Board(context, min(jobs, len(todo)))
    pool = ProcessPoolExecutor(
        board.workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(plan, board),
    )
    try:
        chunks = [todo[n : n + _CHUNK] for n in range(0, len(todo), _CHUNK)]
        futures = deque(
            pool.submit(_run_chunk, function, [(i, items[i]) for i in c]) for c in chunks
        )
        for chunk in chunks:  # each future let go once read: its pages' results with it
            yield from zip(chunk, wait_for(futures.popleft(), board, limit), strict=True)
    except BrokenProcessPool:  # a worker died: the pool has ended the others already
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    except BaseException:  # Ctrl-C, the caller stopping: end the workers, no waiting
        board.stop_all()
        # A worker still starting has no seat on the board yet: end it too, or the
        # pool's manager thread (joined when the command exits) waits for it.
        for pid in list(getattr(pool, "_processes", None) or {}):
            _kill_process(pool, pid)
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _kill_process(pool: Any, pid: int) -> None:
    """SIGKILL worker ``pid`` of ``pool`` if it is still there."""
    process = (getattr(pool, "_processes", None) or {}).get(pid)
    if process is not None:
        with contextlib.suppress(OSError, ValueError):
            process.kill()


def _context() -> multiprocessing.context.BaseContext:
    """Workers are forked from a fork server that has loaded spaCy and the checks once
    (``linter.audit.preload``), not from this process: a worker forked from here late in
    a long audit would start with the results of every page done so far in its memory."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["linter.audit.preload"])
    return context


def can_fork() -> bool:
    """Workers are forked from a fork server; where there is none, the audit runs in one
    process."""
    return "forkserver" in multiprocessing.get_all_start_methods()


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_audit(
    paths: Sequence[str],
    plan: AuditPlan,
    *,
    jobs: int = 1,
    progress: Callable[[str, int], None] | None = None,
    page_timeout: float | None = None,
    crawl: CrawlFacts | None = None,
    results: Results | None = None,
    finish: Callable[[FileResult], None] | None = None,
    pool: Any = None,
) -> AuditResult:
    """Audit ``paths``: template pass, lint pass, site rules. Ctrl-C ends it early with
    the pages done so far (``interrupted``). A page still running after ``page_timeout``
    seconds (in either pass) is reported as not audited (see ``linter.audit.watchdog``).
    ``crawl``: what a crawl learnt of the site, for the crawl's site rules. Each page's
    result goes into ``results`` (the result store; a list by default) as it comes back,
    once ``finish`` has been applied to it, and again with its site findings. ``pool``:
    a pool whose ``mapped`` runs the passes instead of ``_mapped`` (``DaskPool``).
    """
    mapped = _mapped if pool is None else pool.mapped
    limit = PageLimit(page_timeout if can_fork() or pool is not None else None)
    jobs = jobs if can_fork() else 1
    outcome = AuditResult() if results is None else AuditResult(results)
    finish = finish or (lambda result: None)
    sites = SiteStore(outcome.files.site_connection(), plan.site_rules)
    tick = progress or (lambda phase, done: None)
    try:
        if plan.template_rule is not None and len(paths) > 1:
            counts = outcome.files.key_counts()
            plan.template_keys = _template_keys(paths, plan, jobs, tick, limit, counts, mapped)
        lost, slow = partial(_lost_page, plan), partial(_slow_page, plan, limit)
        pages = mapped(lint_page, paths, plan, jobs, lost, limit, slow)
        for index, (result, page, keys) in enumerate(pages):
            finish(result)
            outcome.files.put(index, result)
            if page is not None:
                sites.add(index, page, keys)
            tick("lint", index + 1)
    except KeyboardInterrupt:
        outcome.interrupted = True
    source = partial(source_text, plan.sources, plan.fmt)
    add_site_findings(outcome, sites, crawl, source, finish)
    if results is None:  # the facts' own temporary file
        sites.db.close()
    return outcome


def _template_keys(
    paths: Sequence[str],
    plan: AuditPlan,
    jobs: int,
    tick: Callable[[str, int], None],
    limit: PageLimit,
    counts: KeyCounts,
    mapped: Callable[..., Iterator[Any]] = _mapped,
) -> frozenset[int]:
    """Pass 1: every page's passage keys counted (in the store: a site has millions of
    distinct passages and only a few hundred template ones), then those on enough pages."""
    pages = 0
    scans = mapped(scan_page, paths, plan, jobs, _no_keys, limit, _no_keys)
    for done, keys in enumerate(scans, 1):
        if keys is not None:
            counts.add(keys)
            pages += 1
        tick("scan", done)
    rule = plan.template_rule
    assert rule is not None
    return counts.at_least(rule.module.needed_pages(pages, rule.params))


def add_site_findings(
    outcome: AuditResult,
    store: SiteStore,
    crawl: CrawlFacts | None,
    source: Callable[[str], str | None],
    finish: Callable[[FileResult], None] | None = None,
) -> None:
    """Reduce the site rules and hand each finding to the page it is reported on (lines
    the facts did not keep are read through ``source``); a sitemap with findings gets a
    result of its own, after the pages. ``finish`` is applied to a sitemap's result."""
    results = outcome.files
    total = results.next_index()
    found, errors = store.findings(crawl, total)
    outcome.errors.extend(errors)
    for index in sorted(found):
        if index < total:
            page, result = store.facts(index), results.get(index)
            assert result is not None
        else:
            page = crawl.sitemaps[index - total].page  # type: ignore[union-attr]
            result = FileResult(page.path, page.format)
            if finish is not None:
                finish(result)
        attach_to(result, found[index], page, source)
        results.put(index, result)


def audit_documents(
    docs: Iterable[Any], plan: AuditPlan, crawl: CrawlFacts | None = None
) -> AuditResult:
    """The audit of already-parsed documents, in this process: for rule examples and
    tests, where pages are strings rather than files (``linter.audit.documents``)."""
    from linter.audit.documents import audit_parsed

    return audit_parsed(docs, plan, crawl)
