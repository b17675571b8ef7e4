"""Turns input bytes into text, or says in one line why it cannot.

HTML declares its charset in many ways (BOM, ``<meta charset>``, ``http-equiv``, an XML
prologue) and real pages often lie; bs4's ``EncodingDetector`` knows those declarations.
Valid UTF-8 with non-ASCII bytes is taken as UTF-8 whatever the page declares: a
multi-byte UTF-8 sequence is vanishingly rare in genuine Latin-1 text, while pages that
declare Latin-1 and serve UTF-8 are common.

A declaration is only believed when it names a text encoding that reads the ASCII of the
declaration itself as ASCII: a page whose ``<meta charset>`` was readable as ASCII cannot
be EBCDIC or UTF-16, and ``rot13``, ``base64``, ``zlib`` or ``undefined`` are codecs
Python knows but no text encoding. Such a declaration counts as unknown (windows-1252).
"""

from __future__ import annotations

import codecs
import re
import string

MAX_BYTES = 50 * 1024 * 1024


class ReadError(Exception):
    """An input that cannot be read; the message is one line for the user."""


# Byte-order marks: (mark, the codec that reads the file with its mark, the codec of
# the text after the mark, which ``--fix`` writes back behind the same mark). UTF-32 LE
# comes before UTF-16 LE, whose mark is its prefix.
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)


# Every byte but the control characters that do not occur in text (below 9, 14-31).
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = len(head.translate(None, _NOT_CONTROL))  # counted in C, not byte by byte
    return bool(head) and control / len(head) > 0.1


# What a charset declaration is written in: an encoding that does not read these bytes
# as ASCII cannot be the one the declaration was written in.
_DECLARATION_BYTES = (string.ascii_letters + string.digits + "<>=\"'-_/ :;!?.,\t\n\r").encode()
# Text codecs that decode ASCII as ASCII but are never a page's encoding (escape syntaxes,
# domain-name codecs, UTF-7 whose "+" starts an escape, the codec that always fails).
_NOT_PAGE_ENCODINGS = frozenset(
    {"undefined", "idna", "punycode", "unicode-escape", "raw-unicode-escape", "utf-7"}
)


def _declared_encoding(data: bytes, is_html: bool) -> str | None:
    from bs4.dammit import EncodingDetector

    declared = EncodingDetector.find_declared_encoding(data[:4096], is_html=is_html)
    if not declared:
        return None
    return usable_encoding(declared)


def usable_encoding(name: str) -> str | None:
    """The codec name for a declared charset ``name``, or ``None`` when it cannot be one."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_ENCODINGS:
        return None
    try:
        if _DECLARATION_BYTES.decode(info.name) != _DECLARATION_BYTES.decode("ascii"):
            return None
    except (UnicodeDecodeError, LookupError, ValueError, TypeError):
        return None
    return info.name


def lone_cr(text: str) -> str:
    """Old Mac line ends (a lone CR) become LF, so lines count as editors count them."""
    return re.sub(r"\r(?!\n)", "\n", text) if "\r" in text else text


def decode(data: bytes, *, is_html: bool, charset: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` of ``data``; raises ``ReadError`` for binary or oversized input.
    ``charset``: what the HTTP ``Content-Type`` of a crawled page declared; it comes
    before the page's own declaration, after a byte-order mark and valid UTF-8."""
    text, encoding = _decode(data, is_html=is_html, charset=charset)
    return lone_cr(text), encoding


def _decode(data: bytes, *, is_html: bool, charset: str | None = None) -> tuple[str, str]:
    if len(data) > MAX_BYTES:
        raise ReadError(f"file is too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})")
    for bom, encoding, _ in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise ReadError(
                    f"not valid {encoding} after its byte-order mark: {error}"
                ) from None
    if _looks_binary(data):
        raise ReadError("binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return text, "utf-8"
    declared = _declared_encoding(data, is_html)
    sent = usable_encoding(charset) if charset else None
    for encoding in (sent, declared, "windows-1252"):
        if encoding and encoding not in ("utf-8", "utf_8"):
            try:
                return data.decode(encoding), encoding
            except (UnicodeDecodeError, LookupError, ValueError, TypeError):
                continue  # a codec that fails some other way is no better a guess
    return data.decode("windows-1252", errors="replace"), "windows-1252"
