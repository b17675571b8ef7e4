"""A mutator over real pages: the benchmark corpus (``../shared/corpus/bench`` next to
the repository, when it is there) and the project's own ``samples/``.

Each input is a whole page or a 2-40 KB window of one starting at a tag or line
boundary (windows keep throughput up), with one to four mutations of the kinds that
broke the tool before: byte flips, truncation, NUL bytes, BOMs, invalid UTF-8, CR-only
line ends, tabs, punctuation runs, huge words and attributes, deep nesting, odd entities,
plus doubled words, space runs and blank lines so that ``--fix`` has work to do. The
same seed and index always give the same input.
"""

from __future__ import annotations

import codecs
import random
from collections.abc import Callable
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "bench"
SAMPLES = REPO / "samples"
EXTENSIONS = (".html", ".htm", ".md", ".txt")


def sources(corpus: Path | None = None) -> list[Path]:
    """The pages to mutate: the corpus (if present) and the samples, sorted."""
    found: list[Path] = []
    for folder in (corpus or CORPUS, SAMPLES):
        if folder.is_dir():
            found += sorted(p for p in folder.rglob("*") if p.suffix.lower() in EXTENSIONS)
    return found


@cache
def _read(path: Path) -> bytes:
    return path.read_bytes()


def _window(rng: random.Random, data: bytes) -> bytes:
    """The whole page now and then, else a 2-40 KB slice starting at a ``<`` or line."""
    if len(data) <= 2048 or rng.random() < 0.25:
        return data
    start = rng.randrange(len(data))
    boundary = min((i for i in (data.find(b"<", start), data.find(b"\n", start)) if i >= 0),
                   default=0)  # fmt: skip
    size = rng.randint(2048, 40 * 1024)
    return data[boundary : boundary + size]


def _at(rng: random.Random, data: bytes) -> int:
    return rng.randint(0, len(data))


def _insert(piece: bytes) -> Callable[[random.Random, bytes], bytes]:
    def mutation(rng: random.Random, data: bytes) -> bytes:
        at = _at(rng, data)
        return data[:at] + piece + data[at:]

    return mutation


def _flip(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: _at(rng, data)]


def _cr_only(rng: random.Random, data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r")


def _crlf(rng: random.Random, data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def _bom(rng: random.Random, data: bytes) -> bytes:
    mark = rng.choice([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
    return mark + data if rng.random() < 0.7 else _insert(mark)(rng, data)


def _huge_attribute(rng: random.Random, data: bytes) -> bytes:
    at = data.find(b"<", _at(rng, data))
    if at < 0:
        return data + b'<p title="' + b"a" * 100_000 + b'">x</p>'
    end = at + 1
    while end < len(data) and data[end : end + 1].isalnum():
        end += 1
    return data[:end] + b' data-x="' + b"a" * rng.choice([1000, 100_000]) + b'"' + data[end:]


def _deep(rng: random.Random, data: bytes) -> bytes:
    open_, close = rng.choice([(b"<div>", b"</div>"), (b"<ul><li>", b""), (b"> ", b""),
                               (b"<b>", b""), (b"  - ", b"\n")])  # fmt: skip
    depth = rng.choice([100, 500, 2000])
    return _insert(open_ * depth + b"deep" + close * depth)(rng, data)


def _utf16(rng: random.Random, data: bytes) -> bytes:
    return data.decode("utf-8", "replace").encode("utf-16")


MUTATIONS: list[Callable[[random.Random, bytes], bytes]] = [
    _flip,
    _truncate,
    _insert(b"\x00"),
    _bom,
    _insert(b"\xff\xfe\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x90\x28\xbc"),  # invalid UTF-8
    _insert(b"\xc3"),
    _cr_only,
    _crlf,
    _insert(b"\t\t"),
    _insert(b"!!!!!!!!!!!!!!!!?????????....,,,,,;;;;"),
    _insert(b"x" * 100_000),
    _insert(b" " + b"word" * 5000 + b" "),
    _huge_attribute,
    _deep,
    _insert(b"&#" + b"9" * 300 + b";"),
    _insert(b"&#x110000;&#0;&#xD800;&bogus;&amp"),
    _insert(b"<p"),
    _insert(b"</div></div></p></li>"),
    _insert(b"<script>"),
    _insert(b"<!--"),
    _insert(b" the the "),
    _insert(b"     "),
    _insert(b"\n\n\n\n\n"),
    _insert(b"\xc3\xa2\xc2\x80\xc2\x99"),  # mojibake
    _insert(b"\xe2\x80\xa8\xe2\x80\xa9\xc2\x85\x0b\x0c"),  # unusual line separators
    _insert(b"<!-- contentlint-disable HY001 -->"),
    _utf16,
]


def mutate(path: Path, seed: int, index: int) -> tuple[str, bytes]:
    """``(file name, bytes)`` of the ``index``-th mutant of ``path`` for ``seed``."""
    rng = random.Random(f"{seed}:{index}:{path.name}")
    data = _window(rng, _read(path))
    for _ in range(rng.randint(1, 4)):
        data = rng.choice(MUTATIONS)(rng, data)
    suffix = path.suffix.lower()
    if rng.random() < 0.1:
        suffix = rng.choice([".html", ".md", ".txt"])  # the same bytes read as another format
    return f"mutant{index}{suffix}", data
