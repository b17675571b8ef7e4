"""``contentlint serve`` refusing to start unsafely or on a bad config, and the guard's
token check, without starting workers (the server tests in test_serve_api do that)."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

from linter.serve.guard import Guard, Policy

TOKEN = "s3cret-token-for-tests"


def test_listening_beyond_loopback_needs_a_token(cli) -> None:
    result = cli("serve", "--host", "0.0.0.0", "--port", "0")
    assert result.exit_code == 2
    assert "listening on 0.0.0.0 opens the server to the network: give --token" in result.output


def test_a_short_token_is_refused(cli) -> None:
    result = cli("serve", "--port", "0", "--token", "short")
    assert result.exit_code == 2
    assert "--token must be at least 16 characters" in result.output


def test_a_bad_config_stops_the_server_before_it_starts(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".contentlint.toml").write_text("select = 3\n")
    result = cli("serve", "--port", "0")
    assert result.exit_code == 2
    assert ".contentlint.toml" in result.output and "Traceback" not in result.output


def test_a_port_in_use_is_a_one_line_error(cli) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = cli("serve", "--port", str(port))
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.output


class Guarded:
    """A trivial app behind the guard, called in-process over ASGI."""

    def __init__(self, policy: Policy) -> None:
        async def answer(request) -> JSONResponse:
            return JSONResponse({"ok": True})

        app = Starlette(routes=[Route("/v1/rules", answer), Route("/", answer)])
        self.app = Guard(app, policy)

    def request(
        self, method: str, path: str, headers: dict[str, str] | None = None
    ) -> httpx.Response:
        async def call() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://127.0.0.1:8737"
            ) as client:
                return await client.request(method, path, headers=headers)

        return asyncio.run(call())

    def get(self, path: str, headers: dict[str, str] | None = None) -> httpx.Response:
        return self.request("GET", path, headers)


def test_with_a_token_the_api_needs_it_and_the_page_does_not() -> None:
    client = Guarded(Policy.for_bind("127.0.0.1", TOKEN, (), 1000))
    missing = client.get("/v1/rules")
    assert missing.status_code == 401 and missing.json()["error"]["code"] == "unauthorized"
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = client.get("/v1/rules", headers={"authorization": "Bearer not-the-token-at-all"})
    assert wrong.status_code == 401
    right = client.get("/v1/rules", headers={"authorization": f"Bearer {TOKEN}"})
    assert right.status_code == 200 and right.json() == {"ok": True}
    assert client.get("/").status_code == 200  # the page holds no data


@pytest.mark.parametrize(
    ("bind", "allow", "host", "status"),
    [
        ("127.0.0.1", (), "localhost:8737", 200),
        ("127.0.0.1", (), "[::1]:8737", 200),
        ("127.0.0.1", (), "lint.example:8737", 421),
        ("127.0.0.1", ("lint.example",), "lint.example:8737", 200),
        ("0.0.0.0", (), "lint.example", 200),  # bound everywhere: the token guards it
        ("10.1.2.3", (), "10.1.2.3:8737", 200),
        ("10.1.2.3", (), "other.example", 421),
        ("127.0.0.1", (), "bad host/", 400),
    ],
)
def test_the_host_names_a_server_answers_to(
    bind: str, allow: tuple[str, ...], host: str, status: int
) -> None:
    client = Guarded(Policy.for_bind(bind, TOKEN, allow, 1000))
    answer = client.get("/v1/rules", headers={"host": host, "authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == status


CMS = "https://cms.example.org"


def test_an_allowed_site_gets_cors_answers_and_others_do_not() -> None:
    client = Guarded(Policy.for_bind("127.0.0.1", TOKEN, (), 1000, origins=[CMS]))
    preflight = client.request(
        "OPTIONS",
        "/v1/rules",
        {"origin": CMS, "access-control-request-method": "POST", "sec-fetch-site": "cross-site"},
    )
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == CMS
    assert "Authorization" in preflight.headers["access-control-allow-headers"]
    call = client.get(
        "/v1/rules",
        {"origin": CMS, "sec-fetch-site": "cross-site", "authorization": f"Bearer {TOKEN}"},
    )
    assert call.status_code == 200 and call.headers["access-control-allow-origin"] == CMS
    assert call.headers["vary"] == "Origin"
    no_token = client.get("/v1/rules", {"origin": CMS})
    assert no_token.status_code == 401  # the site still needs the token, and can read why
    assert no_token.headers["access-control-allow-origin"] == CMS
    other = client.get(
        "/v1/rules", {"origin": "https://elsewhere.example", "authorization": f"Bearer {TOKEN}"}
    )
    assert other.status_code == 403 and "access-control-allow-origin" not in other.headers
    other_preflight = client.request(
        "OPTIONS", "/v1/rules", {"origin": "https://elsewhere.example"}
    )
    assert "access-control-allow-origin" not in other_preflight.headers


@pytest.mark.parametrize(
    "bad", ["cms.example.org", "ftp://cms.example.org", "https://cms.example.org/editor"]
)
def test_an_allowed_origin_must_be_a_site(cli, bad: str) -> None:
    result = cli("serve", "--port", "0", "--allow-origin", bad)
    assert result.exit_code == 2
    assert "--allow-origin" in result.output and "scheme://host[:port]" in result.output
