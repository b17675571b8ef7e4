"""``PageFacts`` as compact, compressed bytes for the site store, and back.

Plain JSON arrays in a fixed field order, zlib-compressed: the database may be kept by
the user, so it holds data any SQLite client and a few lines of Python can read, never a
pickle of this program's classes. The MinHash signature is stored beside it, raw (random
bytes do not compress).
"""

from __future__ import annotations

import json
import zlib

from linter.audit.codec import line_data, line_of
from linter.checks.site._facts import FaqItem, Located, PageFacts, PageLink

VERSION = 1  # first element of every record: a reader can tell an old layout


def _place(at: Located | None) -> list | None:
    if at is None:
        return None
    return [at.text, at.line, at.column, at.end_line, at.end_column]


def _located(data: list | None) -> Located | None:
    return None if data is None else Located(*data)


def _link(link: PageLink | None) -> list | None:
    return None if link is None else [link.url, _place(link.at)]


def _unlink(data: list | None) -> PageLink | None:
    return None if data is None else PageLink(data[0], _located(data[1]))  # type: ignore[arg-type]


def encode(facts: PageFacts) -> bytes:
    """Everything of ``facts`` but the signature, compressed."""
    record = [
        VERSION,
        facts.path,
        facts.format,
        facts.words,
        _place(facts.title),
        _place(facts.description),
        _place(facts.h1),
        [[_place(item.question), item.answer_text] for item in facts.faq],
        facts.body_words,
        [[key, _place(at)] for key, at in facts.template],
        [[name, _place(at)] for name, at in facts.template_images],
        [[number, line_data(line)] for number, line in facts.lines.items()],
        [_link(link) for link in facts.links],
        _link(facts.canonical),
        facts.noindex,
    ]
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    # A file name that is not UTF-8 arrives with lone surrogates (os.fsdecode): kept.
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 6)


def decode(blob: bytes, signature: bytes | None) -> PageFacts:
    """The ``PageFacts`` ``encode`` stored, with its signature."""
    record = json.loads(zlib.decompress(blob).decode("utf-8", "surrogatepass"))
    (_, path, fmt, words, title, description, h1, faq, body_words) = record[:9]
    template, images, lines, links, canonical, noindex = record[9:]
    return PageFacts(
        path,
        fmt,
        words=words,
        title=_located(title),
        description=_located(description),
        h1=_located(h1),
        faq=[FaqItem(_located(q), answer) for q, answer in faq],  # type: ignore[arg-type]
        body_words=body_words,
        signature=signature,
        template=[(key, _located(at)) for key, at in template],  # type: ignore[misc]
        template_images=[(name, _located(at)) for name, at in images],  # type: ignore[misc]
        lines={number: line_of(line) for number, line in lines},
        links=[_unlink(link) for link in links],  # type: ignore[misc]
        canonical=_unlink(canonical),
        noindex=noindex,
    )
