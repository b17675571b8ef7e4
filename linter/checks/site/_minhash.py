"""MinHash signatures and LSH buckets: near-duplicate pages without comparing all pairs.

Two pages' Jaccard similarity over word shingles is estimated by the share of equal
signature values; banding the signature puts likely pairs in the same bucket, so the
work grows with the number of pages, not its square. (Broder 1997; Leskovec, Rajaraman
and Ullman, *Mining of Massive Datasets*, ch. 3.)
"""

from __future__ import annotations

import hashlib
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from itertools import combinations

import numpy as np

from linter.lexicon import SHINGLE_WORD

PERMUTATIONS = 128
BANDS = 16  # 16 bands of 8 rows: pairs near 0.7 and above become candidates
SHINGLE = 5
_ALL_PAIRS_LIMIT = 50  # a bucket larger than this is compared with its first member only
_PRIME = np.uint64(4294967311)  # the first prime above 2**32


@cache
def _coefficients() -> tuple[np.ndarray, np.ndarray]:
    """Fixed hash functions, so signatures from different runs and workers compare."""
    rng = np.random.default_rng(20261123)
    a = rng.integers(1, 2**31, size=(PERMUTATIONS, 1), dtype=np.uint64)
    b = rng.integers(0, 2**31, size=(PERMUTATIONS, 1), dtype=np.uint64)
    return a, b


def shingles(words: list[str], size: int = SHINGLE) -> set[int]:
    """CRC-32 of every run of ``size`` words."""
    return {
        zlib.crc32(" ".join(words[i : i + size]).encode())
        for i in range(max(0, len(words) - size + 1))
    }


def body_signature(text: str) -> tuple[int, bytes | None]:
    """The number of words of ``text`` and its MinHash signature (bytes, to travel
    cheaply between processes), or ``None`` for a text shorter than one shingle. A
    rule's own minimum of words applies to the count when the site rules run."""
    words = SHINGLE_WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return len(words), None
    found = shingles(words)
    a, b = _coefficients()
    values = np.fromiter(found, dtype=np.uint64, count=len(found))
    hashed = (a * values + b) % _PRIME
    return len(words), hashed.min(axis=1).astype(np.uint32).tobytes()


def similarity(first: bytes, second: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    x = np.frombuffer(first, dtype=np.uint32)
    y = np.frombuffer(second, dtype=np.uint32)
    return float(np.mean(x == y))


def band_keys(signature: bytes) -> list[int]:
    """The signature's LSH buckets, one per band: a signed 64-bit hash of the band's
    number and values (what the audit groups pages by; two bands colliding by chance,
    about one in 10**7 at 100,000 pages, only adds a pair that similarity then rejects)."""
    width = PERMUTATIONS // BANDS * 4  # bytes of signature per band (uint32 values)
    return [
        int.from_bytes(
            hashlib.blake2b(
                signature[band * width : (band + 1) * width], digest_size=8, salt=bytes([band])
            ).digest(),
            "big",
            signed=True,
        )
        for band in range(BANDS)
    ]


def bucket_pairs(buckets: Iterable[Sequence[int]]) -> set[tuple[int, int]]:
    """Pairs of members of the same bucket (each bucket's members ascending)."""
    pairs: set[tuple[int, int]] = set()
    for members in buckets:
        if len(members) > _ALL_PAIRS_LIMIT:
            # A thousand copies of one page: comparing each with the first finds the
            # cluster without a million comparisons.
            pairs.update((members[0], other) for other in members[1:])
        elif len(members) > 1:
            pairs.update(combinations(members, 2))
    return pairs


def candidate_pairs(signatures: Sequence[bytes | None]) -> Iterable[tuple[int, int]]:
    """Index pairs that share at least one LSH band, each once, in order."""
    buckets: dict[int, list[int]] = defaultdict(list)
    for index, sig in enumerate(signatures):
        if sig is not None:
            for key in band_keys(sig):
                buckets[key].append(index)
    return sorted(bucket_pairs(buckets.values()))


def linked(
    pairs: Iterable[tuple[int, int]], signature: Callable[[int], bytes], threshold: float
) -> list[list[int]]:
    """Groups of pages whose signatures agree on ``threshold`` or more, linked pairwise
    (union-find over the pages of ``pairs`` only); each group sorted, groups in order of
    their first page."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        if similarity(signature(i), signature(j)) >= threshold:
            a, b = root(i), root(j)
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in parent:
        groups[root(index)].append(index)
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])


def clusters(signatures: Sequence[bytes | None], threshold: float) -> list[list[int]]:
    """``linked`` over the candidate pairs of ``signatures``."""
    return linked(candidate_pairs(signatures), signatures.__getitem__, threshold)  # type: ignore[arg-type]
