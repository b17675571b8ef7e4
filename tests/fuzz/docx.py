"""Word documents for the fuzzer: mutants of ``samples/draft.docx``.

A third are the archive's bytes mutated (flips, truncation: most stop at the zip reader);
the rest are the archive rebuilt with ``word/document.xml`` changed, so the XML reader
and the paragraph walk get inputs: valid-XML edits (doubled words, tabs and breaks in
runs, tracked insertions and deletions, hidden runs, empty and huge paragraphs, deep
content controls, a DOCTYPE with entities) and, now and then, the text mutator's byte
edits, which mostly break the XML. The same seed and index give the same input.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from functools import cache

from tests.fuzz.mutate import MUTATIONS, SAMPLES

SAMPLE = SAMPLES / "draft.docx"
MAIN = "word/document.xml"
_P = b"<w:p>"
_RUN = b'<w:r><w:t xml:space="preserve">%s</w:t></w:r>'


@cache
def _parts() -> tuple[tuple[zipfile.ZipInfo, bytes], ...]:
    with zipfile.ZipFile(SAMPLE) as archive:
        return tuple((info, archive.read(info)) for info in archive.infolist())


def _para(body: bytes) -> Callable[[random.Random, bytes], bytes]:
    """Insert a paragraph holding ``body`` before a random paragraph of the body."""

    def mutation(rng: random.Random, xml: bytes) -> bytes:
        starts = [i for i in range(len(xml)) if xml.startswith(_P, i)] or [len(xml)]
        at = rng.choice(starts)
        return xml[:at] + b"<w:p>" + body + b"</w:p>" + xml[at:]

    return mutation


def _doctype(rng: random.Random, xml: bytes) -> bytes:
    head = xml.find(b"?>") + 2
    dtd = (b'<!DOCTYPE w:document [<!ENTITY a "the the "><!ENTITY b "&a;&a;&a;&a;">'
           b'<!ENTITY c SYSTEM "file:///etc/passwd">]>')  # fmt: skip
    return _para(_RUN % b"&b;&c;")(rng, xml[:head] + dtd + xml[head:])


XML_EDITS: list[Callable[[random.Random, bytes], bytes]] = [
    _para(_RUN % b"and the the plan"),
    _para(_RUN % b"two  spaces\there<w:tab/>" + b"<w:r><w:br/><w:cr/><w:t>after</w:t></w:r>"),
    _para(
        b"<w:ins><w:r><w:t>inserted words</w:t></w:r></w:ins>"
        b"<w:del><w:r><w:delText>deleted words</w:delText></w:r></w:del>"
    ),
    _para(b"<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>"),
    _para(b""),
    _para(_RUN % (b"word " * 20000)),
    _para(b"<w:sdt><w:sdtContent>" * 300 + _RUN % b"deep" + b"</w:sdtContent></w:sdt>" * 300),
    _para(b'<w:hyperlink w:anchor="x"><w:r><w:t>here</w:t></w:r></w:hyperlink>'),
    _para(b'<w:hyperlink r:id="rId999"><w:r><w:t>broken link</w:t></w:r></w:hyperlink>'),
    _para(_RUN % "\u2028 line\u2029sep\u0085 x".encode()),
    _doctype,
]


def _rezip(parts: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            archive.writestr(info.filename, data)
    return out.getvalue()


def docx_mutant(seed: int, index: int) -> tuple[str, bytes]:
    """``(file name, bytes)`` of the ``index``-th Word mutant for ``seed``."""
    rng = random.Random(f"{seed}:{index}:docx")
    parts = list(_parts())
    if rng.random() < 0.33:
        data = _rezip(parts)
        for _ in range(rng.randint(1, 3)):
            data = rng.choice(MUTATIONS[:2])(rng, data)  # byte flips, truncation
        return f"mutant{index}.docx", data
    at = next(i for i, (info, _) in enumerate(parts) if info.filename == MAIN)
    xml = parts[at][1]
    for _ in range(rng.randint(1, 4)):
        edit = rng.choice(XML_EDITS) if rng.random() < 0.85 else rng.choice(MUTATIONS)
        xml = edit(rng, xml)
    parts[at] = (parts[at][0], xml)
    return f"mutant{index}.docx", _rezip(parts)
