"""Where an audited page's bytes come from: a local file, or a crawl's WARC.

Pages of a crawl are read by the worker that lints them, straight from the WARC at the
offset of their response record (``linter.crawl.archive``): the page bodies never travel
between processes, and a site of 100,000 pages is never held in memory at once.
"""

from __future__ import annotations

from collections.abc import Mapping

from linter.read import ReadError, format_for, load_bytes
from linter.read.decode import decode

# url -> (WARC file, offset of the page's response record, the charset its header declared)
Sources = Mapping[str, tuple[str, int, str | None]]


def page_bytes(
    sources: Sources, fmt: str | None, path: str
) -> tuple[bytes, str | None, str | None]:
    """A page's bytes, its format when known and the charset its HTTP header declared."""
    source = sources.get(path)
    if source is None:
        return load_bytes(path), fmt, None
    from linter.crawl.archive import ArchiveError, read_payload

    warc, offset, charset = source
    try:
        return read_payload(warc, offset), fmt or "html", charset
    except (ArchiveError, OSError, ValueError) as error:
        raise ReadError(f"cannot read the page from {warc} at byte {offset}: {error}") from None


# A page's bytes, format and HTTP charset as ``page_bytes`` gives them, read before the
# page's task (the Dask engine reads local files on the coordinator), or the error that
# reading them raised; ``None``: the task reads the page itself.
Read = tuple[bytes, str | None, str | None] | Exception | None


def read_before(
    sources: Sources, fmt: str | None, path: str, read: Read
) -> tuple[bytes, str | None, str | None]:
    """``page_bytes`` of the page, or what was ``read`` of it before (its error raised)."""
    if isinstance(read, Exception):
        raise read
    return read or page_bytes(sources, fmt, path)


def page_text(
    sources: Sources,
    fmt: str | None,
    path: str,
    read: tuple[bytes, str | None, str | None] | None = None,
) -> tuple[str, str | None]:
    """A page's decoded text and its format when known (``ReadError`` if unreadable);
    ``read``: what ``page_bytes`` gave for it already."""
    data, fmt, charset = read or page_bytes(sources, fmt, path)
    fmt = fmt or format_for(path)
    return decode(data, is_html=fmt not in ("text", "markdown"), charset=charset)[0], fmt


def source_text(sources: Sources, fmt: str | None, path: str) -> str | None:
    """A page's decoded text, read again for the lines of its site findings; None when
    it is gone since or unreadable (the finding then goes unquoted)."""
    try:
        return page_text(sources, fmt, path)[0]
    except Exception:
        return None
