"""Duplicate articles (SPEC §9): exact by ``fingerprint``, near by MinHash + LSH.

News corpora repeat themselves: one story under several feeds, mirrors, republications with a
new title, a trailer added or a paragraph cut.  Two articles are *exact* duplicates when their
``fingerprint`` (the text with whitespace and quote marks made alike) is the same, and *near*
duplicates when the estimated Jaccard similarity of their character shingles is at least
``threshold``.  Character shingles suit Chinese, which has no spaces between words; the text is
first reduced to its letters and digits (case-folded), so typography, punctuation and
spacing changes do not count.  No NFKC or width folding, here as anywhere in zakerclean: the
comparison key keeps the characters as written.

MinHash signatures and locality-sensitive hashing come from ``datasketch`` (an optional
dependency: ``pip install 'zakerclean[dedup]'``).  :class:`DuplicateIndex` works in one pass
over a stream: it keeps one fixed-size signature per *first* article of a group (the originals),
never the texts, so memory grows with the number of distinct stories, not their length.
"""

from __future__ import annotations

import functools
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from .errors import InvalidOptionsError
from .models import Article, Failure

__all__ = [
    "DuplicateGroup",
    "DuplicateIndex",
    "Signature",
    "find_duplicates",
    "shingles",
    "signature",
]

#: Characters per shingle.  Five Han characters are about two or three words: short enough that
#: an edit disturbs few shingles, long enough that unrelated news rarely shares them.
SHINGLE_SIZE = 5
#: Hash functions per signature: the estimate's standard error is about 1/sqrt(128) ≈ 0.09.
NUM_PERM = 128
#: The seed of the hash functions; fixed so that runs (and processes) agree.
SEED = 1
#: datasketch's hash scheme (named, since datasketch 2.0 changed its default once already).
SCHEME = "affine32"

_DEDUP_MISSING = (
    "duplicate detection needs datasketch, an optional dependency: pip install 'zakerclean[dedup]'"
)


def _datasketch() -> Any:
    try:
        import datasketch
    except ImportError as error:
        raise ImportError(_DEDUP_MISSING, name="datasketch") from error
    return datasketch


@dataclass(frozen=True)
class Signature:
    """What deduplication keeps of one article: small, picklable (Dask ships it between
    processes).  ``hashvalues`` is empty when the text has no letters or digits."""

    fingerprint: str
    hashvalues: tuple[int, ...]


@dataclass(frozen=True)
class DuplicateGroup:
    """The articles of one story: the first seen (``original``) and the later ones, by key."""

    original: Hashable
    duplicates: tuple[Hashable, ...]


def _normalized(text: str) -> str:
    """Letters and digits only, case-folded: curly and straight quotes, full-width and ASCII
    punctuation, one space or three all read alike."""
    return "".join(char for char in text.casefold() if char.isalnum())


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[str]:
    """The character ``size``-grams of the normalized text (the whole text when shorter)."""
    chars = _normalized(text)
    if len(chars) <= size:
        return {chars} if chars else set()
    return {chars[start : start + size] for start in range(len(chars) - size + 1)}


def _check(threshold: float, num_perm: int, shingle_size: int) -> None:
    if isinstance(threshold, bool) or not 0.0 < threshold <= 1.0:
        raise InvalidOptionsError(f"threshold must be in (0, 1], got {threshold!r}")
    if num_perm < 16:
        raise InvalidOptionsError(f"num_perm must be at least 16, got {num_perm!r}")
    if shingle_size < 1:
        raise InvalidOptionsError(f"shingle_size must be at least 1, got {shingle_size!r}")


@functools.lru_cache(maxsize=4)
def _permutations(num_perm: int) -> Any:
    """The hash functions' parameters, drawn once per process: drawing them is most of the cost
    of a new ``MinHash``."""
    return _datasketch().MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations


def signature(
    article: Article, *, num_perm: int = NUM_PERM, shingle_size: int = SHINGLE_SIZE
) -> Signature:
    """The MinHash signature of an article's text (and its fingerprint), with the fixed seed."""
    grams = shingles(article.text, shingle_size)
    if not grams:
        return Signature(article.fingerprint, ())
    minhash = _datasketch().MinHash(
        num_perm=num_perm, seed=SEED, scheme=SCHEME, permutations=_permutations(num_perm)
    )
    minhash.update_batch(gram.encode("utf-8") for gram in sorted(grams))
    return Signature(article.fingerprint, tuple(int(value) for value in minhash.hashvalues))


class DuplicateIndex:
    """One pass over a stream of articles: :meth:`add` says which earlier article each one
    duplicates.  Only originals are indexed; a duplicate is always named against the first
    article of its group."""

    def __init__(
        self,
        *,
        threshold: float = 0.8,
        num_perm: int = NUM_PERM,
        shingle_size: int = SHINGLE_SIZE,
    ) -> None:
        _check(threshold, num_perm, shingle_size)
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self._datasketch = _datasketch()
        self._lsh = self._datasketch.MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._exact: dict[str, Hashable] = {}
        self._minhashes: dict[Hashable, Any] = {}

    def signature(self, article: Article) -> Signature:
        """The signature this index compares (its ``num_perm`` and ``shingle_size``)."""
        return signature(article, num_perm=self.num_perm, shingle_size=self.shingle_size)

    def add(self, key: Hashable, article: Article) -> Hashable | None:
        """Index ``article`` under ``key``; return the key of the original it duplicates, or
        ``None`` when it is the first of its story (or has no text to compare)."""
        return self.add_signature(key, self.signature(article))

    def add_signature(self, key: Hashable, sig: Signature) -> Hashable | None:
        """:meth:`add` for a signature computed elsewhere (another process, a Dask worker)."""
        if not sig.hashvalues:  # no text: nothing to call it a duplicate of
            return None
        original = self._exact.get(sig.fingerprint)
        if original is not None:
            return original
        minhash = self._datasketch.LeanMinHash(
            seed=SEED, hashvalues=list(sig.hashvalues), scheme=SCHEME
        )
        original = self._nearest(minhash)
        if original is not None:
            return original
        self._exact[sig.fingerprint] = key
        self._lsh.insert(key, minhash)
        self._minhashes[key] = minhash
        return None

    def _nearest(self, minhash: Any) -> Hashable | None:
        """The most similar indexed original at or above the threshold (LSH candidates are
        checked against the estimate: LSH alone lets through pairs well below it)."""
        best: tuple[float, Hashable] | None = None
        for candidate in self._lsh.query(minhash):
            similarity = float(self._minhashes[candidate].jaccard(minhash))
            if similarity >= self.threshold and (best is None or similarity > best[0]):
                best = (similarity, candidate)
        return None if best is None else best[1]


def find_duplicates(
    articles: Iterable[Article | Failure],
    *,
    threshold: float = 0.8,
    num_perm: int = NUM_PERM,
    shingle_size: int = SHINGLE_SIZE,
) -> list[DuplicateGroup]:
    """The groups of duplicate articles, keyed by position in ``articles`` (0-based).

    Exact duplicates share a ``fingerprint``; near duplicates have an estimated Jaccard
    similarity of character shingles ≥ ``threshold``.  Each group keeps its first article as
    ``original``; groups come in the order of their originals.  Failures and articles without
    text are skipped (their positions still count).  One pass; ``articles`` may be lazy.

        >>> groups = zakerclean.find_duplicates(zakerclean.parse_many(paths))
        >>> [(paths[g.original], [paths[d] for d in g.duplicates]) for g in groups]
    """
    index = DuplicateIndex(threshold=threshold, num_perm=num_perm, shingle_size=shingle_size)
    members: dict[Hashable, list[Hashable]] = {}
    for position, article in enumerate(articles):
        if not isinstance(article, Article):
            continue
        original = index.add(position, article)
        if original is not None:
            members.setdefault(original, []).append(position)
    return [DuplicateGroup(original, tuple(rest)) for original, rest in sorted(members.items())]
