"""``contentlint serve``: the editor's web app and the HTTP API, on this machine.

Binds to 127.0.0.1 unless told otherwise; binding beyond loopback needs ``--token``, so
the API is never open to a network by accident. The config is found as ``check`` finds
it (``--config``, else the nearest one above the working directory) and loaded before
anything starts, so a bad config is a one-line error, not a server that fails later.
"""

from __future__ import annotations

import os
import socket
import sys
from urllib.parse import quote, urlsplit

import click

from linter.cli.common import UserError, warn
from linter.cli.options import config_option

DEFAULT_PORT = 8737


def _default_workers() -> int:
    """The cores, at most 4, and at least 2 even on one core: with a single worker one
    slow document holds up every editor (benchmarks/serve_load.py shows it)."""
    return max(2, min(4, os.cpu_count() or 1))


def _origin(url: str) -> str:
    """``scheme://host[:port]`` of ``--allow-origin``, as browsers send it in ``Origin``."""
    parts = urlsplit(url.strip())
    try:
        port = parts.port
    except ValueError:
        port = None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        raise UserError(f"--allow-origin {url!r}: give a site as scheme://host[:port], no path")
    if parts.query or parts.fragment or parts.username:
        raise UserError(f"--allow-origin {url!r}: give a site as scheme://host[:port], no path")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{parts.scheme}://{host}" + (f":{port}" if port else "")


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket (port 0: a free one), opened before the workers start so a
    port in use is an error at once."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as error:
        sock.close()
        raise UserError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    sock.listen(128)
    return sock


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=DEFAULT_PORT,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0: any free port; the URL line says which).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the app in the web browser.")
@config_option()
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes checking documents (default: the cores, 2 to 4).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(1, 3600),
    default=60.0,
    show_default=True,
    help="Seconds one document may take before its check is stopped.",
)
@click.option(
    "--token",
    envvar="CONTENTLINT_TOKEN",
    default=None,
    help="Require 'Authorization: Bearer TOKEN' on API calls (env CONTENTLINT_TOKEN); "
    "needed to listen beyond loopback.",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Another host name the server answers to (a proxy's); repeatable.",
)
@click.option(
    "--allow-origin",
    "allow_origins",
    multiple=True,
    metavar="URL",
    help="A web site whose pages may call the API (a CMS: https://cms.example.org); repeatable.",
)
def serve(
    host: str,
    port: int,
    open_browser: bool,
    config_path: str | None,
    workers: int | None,
    timeout: float,
    token: str | None,
    allow_hosts: tuple[str, ...],
    allow_origins: tuple[str, ...],
) -> None:
    """Run the editor's web app and the HTTP API (POST /v1/check, /v1/review, /v1/fix;
    GET /v1/rules, /healthz; the OpenAPI document at /openapi.json)."""
    from linter.config import ConfigError
    from linter.read.decode import MAX_BYTES
    from linter.serve.guard import Policy, is_loopback
    from linter.serve.job import ServeSettings, load_config
    from linter.serve.rules import RuleBook
    from linter.serve.workers import WorkerError, WorkerPool

    if token is not None and len(token) < 16:
        raise UserError("--token must be at least 16 characters")
    if not is_loopback(host) and not token:
        raise UserError(
            f"listening on {host} opens the server to the network: give --token "
            "(or CONTENTLINT_TOKEN) too"
        )
    settings = ServeSettings(config_path=config_path, start=os.getcwd())
    try:
        config, catalogue = load_config(settings)
    except ConfigError as error:
        raise UserError(str(error)) from None
    sock = _listen(host, port)
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{sock.getsockname()[1]}/"
    pool = WorkerPool(workers or _default_workers(), settings, timeout)
    try:
        started = pool.start()
    except WorkerError as error:
        sock.close()
        raise UserError(str(error)) from None
    pool.attach(started)
    policy = Policy.for_bind(host, token, allow_hosts, MAX_BYTES, map(_origin, allow_origins))
    # The page reads a token from its address's fragment, which never reaches a server
    # or its logs: --open hands it over so the editor is not asked for it.
    opened = url + (f"#token={quote(token, safe='')}" if token else "")
    _run(pool, RuleBook(config, catalogue), policy, sock, url, opened if open_browser else None)


def _run(pool, book, policy, sock: socket.socket, url: str, opened: str | None) -> None:
    """Serve until Ctrl-C, then stop the workers."""
    import uvicorn

    from linter.serve.app import build_app

    app = build_app(pool, book, policy)
    click.echo(f"contentlint serve: {url}")
    warn(f"{pool.size} worker(s) ready; Ctrl-C stops the server")
    sys.stdout.flush()
    if opened:
        import webbrowser

        webbrowser.open(opened)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    finally:
        pool.close()
        sock.close()
