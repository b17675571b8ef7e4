"""The routes: the editor's page and its files, the API, the OpenAPI document.

Starlette, the ASGI toolkit FastAPI is built on: small, async, tested, with a test
client; the API's few routes do not need FastAPI's model layer, and its OpenAPI
document (``openapi.json``) is written by hand and checked against real answers by the
tests. Checking runs in the worker pool, never in the event loop, so a slow document
does not hold up the page, the rules list or another editor's check.
"""

from __future__ import annotations

import asyncio
import json
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from linter import __version__
from linter.serve.errors import ApiError, too_large
from linter.serve.guard import Guard, Policy
from linter.serve.inputs import DocumentInput, from_json, from_query
from linter.serve.rules import RuleBook
from linter.serve.workers import WorkerPool

_STATIC_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}


def _package_files() -> dict[str, tuple[bytes, str]]:
    """The page's files, read once at start: a name outside this list is a 404, so no
    path from a request ever reaches the file system."""
    files: dict[str, tuple[bytes, str]] = {}
    folder = resources.files("linter.serve") / "static"
    if folder.is_dir():
        for entry in folder.iterdir():
            suffix = "." + entry.name.rsplit(".", 1)[-1] if "." in entry.name else ""
            if entry.is_file() and suffix in _STATIC_TYPES:
                files[entry.name] = (entry.read_bytes(), _STATIC_TYPES[suffix])
    return files


def openapi_document() -> dict[str, Any]:
    """The API's OpenAPI 3.1 document, with this version's number."""
    text = (resources.files("linter.serve") / "openapi.json").read_text(encoding="utf-8")
    document = json.loads(text)
    document["info"]["version"] = __version__
    return document


def error_response(error: ApiError, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error.body(), status_code=error.status, headers=headers)


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused as soon as it passes ``limit`` (a chunked upload has no length)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


async def document_input(request: Request, limit: int) -> DocumentInput:
    """The document of a POST: JSON, or the file's bytes with options in the query."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind.startswith("multipart/"):
        raise ApiError(
            415,
            "unsupported_media_type",
            "send the file's bytes as the body with ?filename=NAME, "
            'or JSON {"text": ...}; multipart forms are not read',
        )
    body = await read_body(request, limit)
    if kind == "application/json":
        # A 50 MB body takes a moment to parse: off the event loop, so other requests go on.
        return await asyncio.to_thread(from_json, body, request.query_params)
    return from_query(request.query_params, body)


def build_app(pool: WorkerPool, book: RuleBook, policy: Policy) -> Guard:
    """The whole ASGI app: routes behind the guard."""
    files = _package_files()
    schema = openapi_document()

    async def page(request: Request) -> Response:
        name = request.path_params.get("name", "index.html")
        if name not in files:
            raise ApiError(404, "not_found", f"no file {name!r}")
        body, kind = files[name]
        return Response(body, media_type=kind)

    async def healthz(request: Request) -> Response:
        status = "ok" if pool.alive else "degraded"
        return JSONResponse(
            {"status": status, "version": __version__, "workers": pool.alive, "idle": pool.idle},
            status_code=200 if pool.alive else 503,
        )

    async def openapi(request: Request) -> Response:
        return JSONResponse(schema)

    async def rules(request: Request) -> Response:
        return JSONResponse({"rules": book.listing()})

    async def rule(request: Request) -> Response:
        return JSONResponse(book.explain(request.path_params["code"]))

    def action(name: str):
        async def endpoint(request: Request) -> Response:
            inp = await document_input(request, policy.max_bytes)
            body = await pool.run(name, inp)  # JSON the worker already encoded
            return Response(body, media_type="application/json")

        return endpoint

    async def api_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, ApiError)
        return error_response(error)

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        codes = {404: "not_found", 405: "method_not_allowed"}
        message = {404: "no such page or endpoint", 405: "this endpoint does not take that method"}
        return error_response(
            ApiError(
                error.status_code,
                codes.get(error.status_code, "http_error"),
                message.get(error.status_code, str(error.detail)),
            ),
            headers=dict(error.headers or {}),  # a 405's Allow
        )

    async def internal_error(request: Request, error: Exception) -> Response:
        return error_response(ApiError(500, "internal", "the server failed on this request"))

    app = Starlette(
        routes=[
            Route("/", page),
            Route("/static/{name}", page),
            Route("/healthz", healthz),
            Route("/openapi.json", openapi),
            Route("/v1/rules", rules),
            Route("/v1/rules/{code}", rule),
            Route("/v1/check", action("check"), methods=["POST"]),
            Route("/v1/review", action("review"), methods=["POST"]),
            Route("/v1/fix", action("fix"), methods=["POST"]),
        ],
        exception_handlers={
            ApiError: api_error,
            HTTPException: http_error,
            Exception: internal_error,
        },
    )
    return Guard(app, policy)
