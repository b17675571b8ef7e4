"""Bounded reads of the files a user names: pages, config, rule packs, lists.

``Path.read_bytes()`` on ``/dev/zero`` grows until the kernel kills the process, and
on a FIFO it waits forever. Here a file is opened without blocking, checked to be a
regular file (only standard input may be a pipe), and read in chunks up to one byte
past its limit, so an oversized input is refused after reading ``limit + 1`` bytes.
"""

from __future__ import annotations

import os
import stat
import sys
from typing import BinaryIO

CHUNK = 1024 * 1024
CONFIG_MAX_BYTES = 1024 * 1024  # config, rule pack YAML, questions, baselines, lists
PAGE_MAX_BYTES = 50 * 1024 * 1024  # the readers' own limit (``linter.read.decode``)


class InputError(Exception):
    """A file that cannot be read: ``reason`` is the one-line problem, without the path."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in a word a user recognises; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def _reason(path: str, error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "broken symbolic link" if os.path.islink(path) else "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return error.strerror or str(error)


def _too_large(limit: int, size: int | None = None) -> InputError:
    told = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return InputError(f"file is too large ({told}; the limit is {limit:,})")


def read_stream(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes of ``stream``; ``InputError`` if there are more."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise _too_large(limit)


def read_limited(path: str, limit: int) -> bytes:
    """The bytes of the regular file ``path`` (``-``: standard input), at most ``limit``.

    Raises ``InputError`` for a missing, unreadable, non-regular or oversized file.
    """
    if path == "-":
        return read_stream(sys.stdin.buffer, limit)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer before we can refuse it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise InputError(_reason(path, error)) from None
    try:
        info = os.fstat(fd)
        problem = _kind(info.st_mode)
        if problem:
            raise InputError(problem)
        if info.st_size > limit:
            raise _too_large(limit, info.st_size)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as stream:
            return read_stream(stream, limit)
    except OSError as error:
        raise InputError(_reason(path, error)) from None
    finally:
        os.close(fd)


def read_text(path: str, limit: int = CONFIG_MAX_BYTES, encoding: str = "utf-8") -> str:
    """``read_limited`` decoded; not-UTF-8 text is an ``InputError``."""
    try:
        return read_limited(path, limit).decode(encoding)
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text") from None
