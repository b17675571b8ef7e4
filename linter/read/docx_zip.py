"""Word documents, the archive: what is refused before python-docx reads a byte of it.

A .docx is a zip of XML parts, so a hostile one can be a zip bomb; python-docx reads
every part of the package into memory when it opens it. The central directory declares
each part's unpacked size, and Python's ``zipfile`` never returns more than the declared
size of a part (it truncates there), so capping the declared sizes caps what is read:

- ``MAX_UNPACKED``: all parts together unpack to at most 200 MB (the input file itself is
  at most 50 MB, ``linter.read.decode.MAX_BYTES``);
- ``MAX_RATIO``: a part over ``RATIO_FROM`` (1 MB) unpacks to at most 100 times its packed
  size (Word's XML packs about 5-20 to 1; a bomb packs thousands to 1);
- ``MAX_PARTS``: at most 10,000 parts.

Old binary ``.doc`` files and password-protected ``.docx`` files are both OLE compound
files (they start with ``D0 CF 11 E0``): the error says which it looks like and what to do.
"""

from __future__ import annotations

import io
import os
import zipfile

from linter.read.decode import ReadError

MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 100
RATIO_FROM = 1024 * 1024
MAX_PARTS = 10_000
MAIN_PART = "word/document.xml"

_OLE = b"\xd0\xcf\x11\xe0"
_NOT_DOCX = "not a Word document (.docx): "


def one_line(error: Exception) -> str:
    """A library's message on one line, and not a page long."""
    text = " ".join(str(error).split())
    return text if len(text) <= 200 else text[:199] + "…"


def is_lock_file(path: str) -> bool:
    """Word's owner file ``~$name.docx``, written next to a document while it is open."""
    return os.path.basename(path).startswith("~$")


def _ole_problem(data: bytes) -> str:
    """What an OLE compound file probably is: its stream names are UTF-16 in the file."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        kind = "a password-protected .docx"
        advice = "open it in Word and save it again without a password"
    elif "WordDocument".encode("utf-16-le") in data:
        kind = "an old Word 97-2003 .doc file"
        advice = "open it in Word and save it as .docx"
    else:
        kind = "an old Word 97-2003 .doc file or a password-protected .docx"
        advice = "save it as .docx without a password"
    return f"{_NOT_DOCX}{kind} (an OLE file, not a zip); {advice}"


def open_archive(data: bytes, path: str) -> zipfile.ZipFile:
    """The zip of a .docx, its declared sizes checked; ``ReadError`` for anything else."""
    if is_lock_file(path):
        raise ReadError("a Word lock file, not a document (Word writes ~$ files while it is open)")
    if data.startswith(_OLE):
        raise ReadError(_ole_problem(data))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as error:
        raise ReadError(f"{_NOT_DOCX}not a zip archive ({one_line(error)})") from None
    if len(parts) > MAX_PARTS:
        raise ReadError(f"{_NOT_DOCX}the archive holds {len(parts):,} parts (limit {MAX_PARTS:,})")
    _check_sizes(parts)
    if MAIN_PART not in {p.filename for p in parts}:
        raise ReadError(f"{_NOT_DOCX}the archive holds no {MAIN_PART}")
    return archive


def _check_sizes(parts: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip bomb from its central directory, before anything is unpacked."""
    total = 0
    for part in parts:
        size = part.file_size
        total += size
        if size > RATIO_FROM and size > MAX_RATIO * max(part.compress_size, 1):
            raise ReadError(
                f"refused as a zip bomb: part {part.filename!r} unpacks to {size:,} bytes, "
                f"over {MAX_RATIO} times its packed size"
            )
    if total > MAX_UNPACKED:
        raise ReadError(
            f"refused as a zip bomb: its parts unpack to {total // (1024 * 1024):,} MB "
            f"(limit {MAX_UNPACKED // (1024 * 1024)} MB)"
        )
