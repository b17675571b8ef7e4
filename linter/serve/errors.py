"""The API's errors: one JSON shape, ``{"error": {"code": ..., "message": ...}}``, with
the HTTP status that says whose fault it is. Messages are one line a person can act on;
nothing of a traceback reaches a client."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """A request the API refuses or could not complete."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def body(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message}}


def too_large(limit: int) -> ApiError:
    return ApiError(413, "too_large", f"the request is larger than the limit of {limit:,} bytes")
