"""``audit``'s live inputs: start URLs, ``--sitemap`` and ``--urls``, crawled politely into
a WARC file that the audit then reads like any other archive.

The crawl and the audit are two steps on purpose: everything the audit knows of the
site (pages, status codes, redirects, timings, what robots.txt blocked) is in the WARC,
so ``audit crawl.warc.gz`` later, offline, reports the same findings.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click

from linter.cli.common import UserError, warn
from linter.cli.options import grouped_options
from linter.message import plural


@dataclass
class CrawlArgs:
    """The crawl options of ``audit``, as the command line gave them."""

    sitemaps: tuple[str, ...] = ()
    urls_file: str | None = None
    max_pages: int | None = None
    max_depth: int | None = None
    delay: float = 1.0
    per_host: int = 2
    fetch_timeout: float = 20.0
    retries: int = 3
    subdomains: bool = False
    path_prefixes: tuple[str, ...] = ()
    headers: tuple[str, ...] = ()
    warc_out: str | None = None
    resume: str | None = None
    follow: bool = False


def crawl_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The crawl options of ``audit``, which receives them as ``crawl=CrawlArgs``."""
    options = [
        click.option("--sitemap", "sitemaps", multiple=True, metavar="URL",
                     help="Crawl the pages a sitemap (or sitemap index, .gz too) lists; repeatable."),
        click.option("--urls", "urls_file", type=click.Path(dir_okay=False), metavar="FILE",
                     help="Fetch the URLs in FILE, one a line ('#' starts a comment)."),
        click.option("--max-pages", type=click.IntRange(min=1), metavar="N",
                     help="Crawl at most N HTML pages."),
        click.option("--max-depth", type=click.IntRange(min=0), metavar="N",
                     help="Follow links at most N hops from a start URL."),
        click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
                     metavar="SECONDS",
                     help="Seconds between requests to one host (robots.txt Crawl-delay wins when larger)."),
        click.option("--per-host", type=click.IntRange(1, 16), default=2, show_default=True,
                     help="Requests in flight to one host."),
        click.option("--fetch-timeout", type=click.FloatRange(min=0.1), default=20.0,
                     show_default=True, metavar="SECONDS", help="Time limit of one request."),
        click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
                     help="Tries again after a timeout, a 429 or a 5xx (Retry-After honoured, else 1, 2, 4 s)."),
        click.option("--include-subdomains", "subdomains", is_flag=True,
                     help="Crawl the start hosts' subdomains too."),
        click.option("--path-prefix", "path_prefixes", multiple=True, metavar="PATH",
                     help="Stay under this path (/blog/); repeatable."),
        click.option("--header", "headers", multiple=True, metavar="'NAME: VALUE'",
                     help="Send this header (a cookie, an authorisation) to the start hosts only; repeatable."),
        click.option("--warc-out", metavar="FILE",
                     help="Where the crawl's WARC goes (default: HOST-DATE.warc.gz beside the first report, else here)."),
        click.option("--resume", metavar="FILE",
                     help="Continue the interrupted crawl recorded in this WARC file."),
        click.option("--follow", is_flag=True,
                     help="Follow the links of the --urls pages too (by default they are only fetched)."),
    ]  # fmt: skip
    return grouped_options("crawl", CrawlArgs, options)(command)


def is_url(path: str) -> bool:
    return urlsplit(path).scheme.lower() in ("http", "https") and "://" in path


def _headers(values: tuple[str, ...]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for value in values:
        name, sep, content = value.partition(":")
        if not sep or not name.strip() or any(c in name for c in " \t\r\n"):
            raise UserError(f"--header {value!r}: give it as 'Name: value'")
        if "\n" in content or "\r" in content:
            raise UserError(f"--header {name.strip()!r}: a value on one line")
        headers[name.strip()] = content.strip()
    return headers


def _url_list(path: str) -> list[str]:
    from linter.audit.paths import PathListError, read_path_list

    try:
        urls = read_path_list(path)
    except PathListError as error:
        raise UserError(str(error).replace("path list", "URL list")) from None
    bad = next((u for u in urls if not is_url(u)), None)
    if bad is not None:
        raise UserError(f"{path}: {bad!r} is not an http(s) URL")
    return urls


def default_warc(seed: str, reports: list[str]) -> str:
    """``HOST-YYYYmmdd-HHMMSS.warc.gz`` in the folder of the first report named (the
    audit's output), else the current directory: a new name each crawl, never an old
    crawl overwritten."""
    host = (urlsplit(seed).hostname or "crawl").replace(":", "_")
    folder = next((Path(r).parent for r in reports if r and r != "-"), Path("."))
    return str(folder / f"{host}-{time.strftime('%Y%m%d-%H%M%S')}.warc.gz")


def wants_crawl(named: list[str], args: CrawlArgs) -> bool:
    """Whether the audit starts with a crawl (a URL named, or a crawl option given)."""
    return any(map(is_url, named)) or bool(args.sitemaps or args.urls_file or args.resume)


def acquire(
    named: list[str], args: CrawlArgs, reports: list[str], quiet: bool
) -> tuple[list[str], bool]:
    """``named`` with its URLs (and ``--sitemap``/``--urls``) crawled into a WARC that
    takes their place, and whether Ctrl-C cut the crawl short (the audit then reads what
    was fetched, and exits 130); nothing to crawl leaves ``named`` as it is."""
    if not wants_crawl(named, args):
        return named, False
    seeds = [path for path in named if is_url(path)]
    listed = _url_list(args.urls_file) if args.urls_file else []
    from linter.crawl import CrawlError, CrawlOptions, crawl

    for sitemap in args.sitemaps:
        if not is_url(sitemap):
            raise UserError(f"--sitemap {sitemap!r}: give an http(s) URL")
    options = CrawlOptions(
        seeds=seeds,
        sitemaps=list(args.sitemaps),
        url_list=listed,
        max_pages=args.max_pages,
        max_depth=args.max_depth,
        delay=args.delay,
        per_host=args.per_host,
        timeout=args.fetch_timeout,
        retries=args.retries,
        subdomains=args.subdomains,
        path_prefixes=list(args.path_prefixes),
        headers=_headers(args.headers),
        follow=args.follow,
    )
    first = (seeds or list(args.sitemaps) or listed or [""])[0]
    warc = args.resume or args.warc_out or default_warc(first, reports)
    if not args.resume and Path(warc).exists():
        raise UserError(f"{warc} exists: name another --warc-out, or --resume it")
    progress = None if quiet or not sys.stderr.isatty() else _progress()
    try:
        summary = crawl(options, warc, resume=bool(args.resume), progress=progress, warn=warn)
    except CrawlError as error:  # a seed the crawler refuses (scheme, host), before any request
        raise UserError(str(error)) from None
    finally:
        if progress is not None:
            sys.stderr.write("\n")
    if not quiet:
        warn(
            f"crawled {plural(summary.pages, 'page')} in {summary.seconds:.1f} s"
            f" ({plural(summary.requests, 'request')}, {summary.other_types} not HTML,"
            f" {summary.blocked} blocked by robots.txt, {summary.errors} failed)"
            f"{'; interrupted' if summary.interrupted else ''}: {warc}"
        )
    if not summary.pages and not summary.interrupted and not args.resume:
        reasons = f"{plural(summary.errors, 'URL')} failed, {summary.blocked} blocked by robots.txt"
        raise UserError(f"the crawl fetched no HTML page ({reasons}); its record is {warc}")
    return [path for path in named if not is_url(path)] + [warc], summary.interrupted


def _progress() -> Callable[[Any], None]:
    def show(state: Any) -> None:
        line = (
            f"\rfetched {state.fetched}  parsed {state.parsed}  queued {state.queued}"
            f"  {state.requests_per_second:.1f} req/s "
        )
        sys.stderr.write(line)
        sys.stderr.flush()

    return show
