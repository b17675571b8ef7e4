"""One URL fetched: through its host's gate, streamed, retried, timed.

httpx never follows redirects here (each hop is the crawler's to record) and keeps no
cookies. 429 and 5xx answers, connection errors and timeouts are retried up to
``retries`` times: after ``Retry-After`` when the answer gives one (seconds or an HTTP
date, capped at 120 s so one server cannot park the crawl), else after 1, 2, 4 s
(``backoff`` doubled). Only the last attempt is kept.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from http.cookiejar import CookieJar, DefaultCookiePolicy

import httpx

from linter.crawl import options as limits
from linter.crawl.hosts import Host
from linter.crawl.warc import Exchange

RETRY_STATUSES = {429, 500, 502, 503, 504}
RETRY_AFTER_CAP = 120.0
# What counts as "no answer": transport errors, timeouts, a URL httpx cannot send, a body
# that does not decode (bad gzip).
FAILURES = (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, TimeoutError, OSError, ValueError)


class FetchFailed(Exception):
    """No answer after every attempt; the message is one line ("timeout after 20 s")."""

    def __init__(self, message: str, attempts: int) -> None:
        super().__init__(message)
        self.attempts = attempts


def no_cookies() -> CookieJar:
    """A jar that refuses every cookie, so nothing a site sets is ever sent back."""
    return CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), capped."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), RETRY_AFTER_CAP)
    try:
        when = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return min(max(0.0, when - (now if now is not None else time.time())), RETRY_AFTER_CAP)


def _describe(error: BaseException, timeout: float) -> str:
    if isinstance(error, TimeoutError | httpx.TimeoutException):
        return f"timeout after {timeout:g} s"
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return f"{type(error).__name__}: {text}"


async def _attempt(
    client: httpx.AsyncClient,
    url: str,
    headers: dict[str, str],
    wants_body: Callable[[httpx.Response], bool],
    timeout: float,
) -> Exchange:
    started = time.perf_counter()
    async with asyncio.timeout(timeout):
        request = client.build_request("GET", url, headers=headers)
        response = await client.send(request, stream=True)
        try:
            body, truncated = b"", None
            if wants_body(response):
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > limits.BODY_LIMIT:
                        truncated = "length"
                        break
                body = b"".join(chunks)[: limits.BODY_LIMIT]
            else:
                truncated = "unspecified"
        finally:
            await response.aclose()
    return Exchange(
        url=url,
        request_headers=[
            (k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw
        ],
        http_version=response.http_version or "HTTP/1.1",
        status=response.status_code,
        reason=response.reason_phrase or "",
        headers=[(k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers.raw],
        body=body,
        truncated=truncated,
        elapsed_ms=round((time.perf_counter() - started) * 1000, 1),
        attempts=1,
    )


class Fetcher:
    """Fetches through the hosts' gates; counts every request it sends."""

    def __init__(self, client: httpx.AsyncClient, timeout: float, retries: int, backoff: float):
        self.client = client
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.requests = 0

    async def fetch(
        self,
        host: Host,
        url: str,
        headers: dict[str, str],
        wants_body: Callable[[httpx.Response], bool],
    ) -> Exchange:
        attempts = 0
        while True:
            attempts += 1
            exchange: Exchange | None = None
            failure: BaseException | None = None
            async with host.slot():
                self.requests += 1
                try:
                    exchange = await _attempt(self.client, url, headers, wants_body, self.timeout)
                except FAILURES as error:
                    failure = error
            last = attempts > self.retries
            if exchange is not None and (exchange.status not in RETRY_STATUSES or last):
                exchange.attempts = attempts
                return exchange
            if exchange is None and last:
                raise FetchFailed(_describe(failure, self.timeout), attempts)
            wait = retry_after(exchange.header("retry-after")) if exchange else None
            if wait is None:
                wait = self.backoff * 2 ** (attempts - 1)
            await asyncio.sleep(wait)
