"""The server's gate: which requests reach the app, and the headers every answer carries.

- ``Host`` must name this server (127.0.0.1, localhost or ::1 on loopback, plus the
  names given with ``--allow-host``): a page on another site whose name resolves to
  127.0.0.1 (DNS rebinding) is refused.
- A request with an ``Origin`` of another site, or that the browser marks cross-site, is
  refused, so no web page the editor visits can post to the API or read its answers;
  only the sites named with ``--allow-origin`` (a CMS whose editor page calls the API)
  get CORS answers.
- With ``--token``, every API call needs ``Authorization: Bearer <token>``.
- A body larger than the limit is refused before it is read.
- Every answer carries a strict Content-Security-Policy and no-sniff, no-referrer and
  no-framing headers, so even text that slipped into markup could not run.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from linter.serve.errors import ApiError, too_large

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


def is_loopback(host: str) -> bool:
    return host.strip("[]") in LOOPBACK or host.startswith("127.")


def host_name(value: str) -> str | None:
    """The host of a ``Host`` header without its port, lower case; None if malformed."""
    value = value.strip().lower()
    if not value or any(c in value for c in "/@?# \\"):
        return None
    try:
        parts = urlsplit("//" + value)
        _ = parts.port  # raises on a port that is not a number
    except ValueError:
        return None
    return (parts.hostname or "").strip("[]") or None


@dataclass
class Policy:
    """Who may talk to the server."""

    hosts: frozenset[str] | None  # None: any Host (bound to every address, with a token)
    token: str | None = None
    max_bytes: int = 50 * 1024 * 1024
    protected: tuple[str, ...] = ("/v1/",)
    origins: frozenset[str] = frozenset()  # other sites allowed to call the API (CORS)

    @classmethod
    def for_bind(
        cls,
        bind: str,
        token: str | None,
        allow_hosts: Iterable[str],
        max_bytes: int,
        origins: Iterable[str] = (),
    ) -> Policy:
        allowed = {h.strip().lower().strip("[]") for h in allow_hosts if h.strip()}
        if is_loopback(bind):
            hosts: frozenset[str] | None = frozenset(LOOPBACK | allowed | {bind.strip("[]")})
        elif bind in ("0.0.0.0", "::", ""):
            hosts = frozenset(allowed | LOOPBACK) if allowed else None
        else:
            hosts = frozenset(allowed | LOOPBACK | {bind.strip("[]").lower()})
        return cls(hosts, token, max_bytes, origins=frozenset(origins))

    def cross_origin(self, headers: dict[str, str]) -> str | None:
        """The request's ``Origin`` when it is one of the allowed other sites."""
        origin = headers.get("origin")
        return origin if origin is not None and origin.lower() in self.origins else None

    def refusal(self, scope: Scope, headers: dict[str, str]) -> ApiError | None:
        """Why this request may not go on, or None."""
        host = headers.get("host", "")
        name = host_name(host)
        if name is None or (self.hosts is not None and name not in self.hosts):
            return ApiError(
                421 if name else 400,
                "bad_host",
                f"this server does not answer to the host {host!r}"
                + (" (start it with --allow-host to add a name)" if name else ""),
            )
        origin = headers.get("origin")
        scheme = scope.get("scheme", "http")
        allowed = self.cross_origin(headers) is not None
        if origin is not None and origin != f"{scheme}://{host.lower()}" and not allowed:
            return ApiError(403, "cross_origin", f"requests from {origin!r} are not allowed")
        if headers.get("sec-fetch-site") == "cross-site" and not allowed:
            return ApiError(403, "cross_origin", "cross-site requests are not allowed")
        path = scope.get("path", "")
        if self.token and path.startswith(self.protected) and not self._authorised(headers):
            return ApiError(
                401, "unauthorized", "this server needs its token: Authorization: Bearer <token>"
            )
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return ApiError(400, "bad_request", "Content-Length is not a number")
            if int(length) > self.max_bytes:
                return too_large(self.max_bytes)
        return None

    def _authorised(self, headers: dict[str, str]) -> bool:
        given = headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        assert self.token is not None
        return scheme.lower() == "bearer" and hmac.compare_digest(
            value.strip().encode(), self.token.encode()
        )


def cors_headers(origin: str | None) -> list[tuple[bytes, bytes]]:
    """What lets the allowed site ``origin`` read an answer (nothing for no origin)."""
    if origin is None:
        return []
    return [(b"access-control-allow-origin", origin.encode("latin-1")), (b"vary", b"Origin")]


PREFLIGHT = [
    (b"access-control-allow-methods", b"GET, POST"),
    (b"access-control-allow-headers", b"Authorization, Content-Type"),
    (b"access-control-max-age", b"600"),
]


async def send_error(send: Send, error: ApiError, origin: str | None = None) -> None:
    body = json.dumps(error.body()).encode()
    await send(
        {
            "type": "http.response.start",
            "status": error.status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *HEADERS,
                *cors_headers(origin),
                *((b"www-authenticate", b"Bearer") for _ in range(error.status == 401)),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware applying a ``Policy`` before the app and headers after it."""

    def __init__(self, app: Callable[..., Awaitable[None]], policy: Policy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        origin = self.policy.cross_origin(headers)
        if origin is not None and scope["method"] == "OPTIONS":  # a browser's preflight
            start = {"type": "http.response.start", "status": 204}
            await send(start | {"headers": [*HEADERS, *cors_headers(origin), *PREFLIGHT]})
            await send({"type": "http.response.body", "body": b""})
            return
        refusal = self.policy.refusal(scope, headers)
        if refusal is not None:
            await send_error(send, refusal, origin)
            return

        async def secured(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in [*HEADERS, *cors_headers(origin)] if n not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, secured)
