"""Safe writes for reports, baselines and fixed files.

``os.replace`` of a temporary file is right for a regular file (a reader or a crash
never sees half of it) and wrong for everything else: it would turn a symlink into a
regular file, and ``--output /dev/null`` run as root would replace the device itself.
So the path is resolved through symlinks first; a device or FIFO is written straight
into; only a regular file (or a new one) is replaced atomically, keeping its mode.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable

STDOUT = "-"


def _target(path: str) -> tuple[str, os.stat_result | None]:
    """The file ``path`` finally names (symlinks followed), and its stat if it exists."""
    target = os.path.realpath(path)
    try:
        return target, os.stat(target)
    except (FileNotFoundError, NotADirectoryError):
        return target, None


def _encode(data: str | bytes) -> bytes:
    # backslashreplace: a stray surrogate (an undecodable file name) must not lose a report.
    return data if isinstance(data, bytes) else data.encode("utf-8", "backslashreplace")


def write_safely(path: str, data: str | bytes | Iterable[str]) -> None:
    """Write ``data`` (text as UTF-8; or pieces of text, written as they come, so a
    large report is never whole in memory) to ``path`` without replacing what it names.

    Symlinks are written through to their target; character devices, FIFOs and sockets
    are opened and written as they are; regular files are replaced atomically. Raises
    ``OSError`` (``IsADirectoryError`` for a directory).
    """
    pieces = [data] if isinstance(data, (str, bytes)) else data
    target, info = _target(path)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", path)
    if info is not None and not stat.S_ISREG(info.st_mode):
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "wb") as stream:
            for piece in pieces:
                stream.write(_encode(piece))
        return
    _replace(target, pieces, stat.S_IMODE(info.st_mode) if info else _new_file_mode())


def _replace(target: str, pieces: Iterable[str | bytes], mode: int) -> None:
    """A temporary file in the target's directory, fsynced, then ``os.replace``."""
    directory = os.path.dirname(target) or "."
    name = os.path.basename(target)
    fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as stream:
            for piece in pieces:
                stream.write(_encode(piece))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)  # mkstemp makes 0600; a report is an ordinary file
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _new_file_mode() -> int:
    """What a plain ``open`` would give a new file: 0666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def destination_problem(path: str) -> str | None:
    """Why ``path`` cannot take a report, checked before any work is done; None if it can.

    A missing or unwritable directory found after a long audit would lose the audit.
    """
    if path == STDOUT:
        return None
    target, info = _target(path)
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            return "is a directory"
        if not stat.S_ISREG(info.st_mode):
            return None if os.access(target, os.W_OK) else "permission denied"
    directory = os.path.dirname(target) or "."
    if not os.path.exists(directory):
        return f"directory {os.path.dirname(path) or directory} does not exist"
    if not os.path.isdir(directory):
        return f"{os.path.dirname(path) or directory} is not a directory"
    if not os.access(directory, os.W_OK | os.X_OK):
        return f"directory {os.path.dirname(path) or directory} is not writable"
    return None
