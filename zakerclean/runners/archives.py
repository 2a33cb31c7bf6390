"""Archives as inputs (SPEC §7): each member of a ``.zip``, ``.tar`` or ``.tar.gz`` is one input,
named ``archive.zip!member``, read in memory — nothing is extracted to disk.

Archives come from strangers, so a member is read only when it is safe to: its name must stay
inside the archive (no ``..`` part, no absolute or drive name), it must be a regular file (no
links or devices), not encrypted, and no larger than ``max_bytes`` — by its declared size *and*
by a bounded read, since declared sizes can lie — and a zip member may not expand more than
:data:`MAX_RATIO` times its compressed size.  Every other member with an input suffix becomes an
:class:`~zakerclean.errors.ArchiveError` record of its own; the rest of the archive is still
read.  Tar archives are read as a stream (``r|*``), one member at a time, so memory holds one
member however large the archive.
"""

from __future__ import annotations

import os
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO

from ..errors import ArchiveError, ZakerCleanError

__all__ = ["ARCHIVE_SUFFIXES", "MAX_RATIO", "Member", "is_archive", "iter_members"]

#: Name endings read as archives (the longest first, so ``.tar.gz`` wins over ``.gz``).
ARCHIVE_SUFFIXES = (".tar.gz", ".tgz", ".tar", ".zip")
#: Member name endings read from an archive (the same as a directory's).
MEMBER_SUFFIXES = frozenset({".md", ".html", ".htm", ".xml"})
#: Largest uncompressed/compressed size ratio accepted for a zip member bigger than
#: :data:`RATIO_FLOOR`: HTML and Markdown compress 5-15 times; bombs compress a thousandfold.
MAX_RATIO = 100
#: Members smaller than this are never called bombs (a tiny file of spaces compresses well).
RATIO_FLOOR = 1 << 20
#: Bytes read per step of a bounded read.
_BLOCK = 1 << 16


@dataclass(frozen=True)
class Member:
    """One member read from an archive: its data, or why it could not be read."""

    name: str
    relative: str
    data: bytes = b""
    error: ZakerCleanError | None = None


def is_archive(path: str) -> bool:
    """Whether ``path`` is read as an archive (by its name)."""
    return path.lower().endswith(ARCHIVE_SUFFIXES)


def _archive_relative(relative: str) -> str:
    """Where an archive's members go below ``-o``: ``news.zip`` → ``news.zip/…``."""
    return relative.replace("\\", "/")


def _safe_member_path(name: str) -> str:
    """The member's path inside the archive, or :class:`ArchiveError` when it would leave it."""
    posix = name.replace("\\", "/")
    parts = PurePosixPath(posix).parts
    if posix.startswith("/") or (len(posix) > 1 and posix[1] == ":") or ".." in parts or not parts:
        raise ArchiveError(f"member name {name!r} leaves the archive (refused)")
    return "/".join(part for part in parts if part != ".")


def _wanted(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in MEMBER_SUFFIXES


def _bounded_read(stream: IO[bytes], limit: int, declared: int, name: str) -> bytes:
    """At most ``limit`` bytes of ``stream``; more is an error, whatever the header said."""
    chunks: list[bytes] = []
    size = 0
    while True:
        block = stream.read(min(_BLOCK, limit + 1 - size))
        if not block:
            break
        chunks.append(block)
        size += len(block)
        if size > limit:
            raise ArchiveError(
                f"member {name!r} holds more than {limit:,} bytes (it declared {declared:,}); "
                "raise CleanOptions.max_bytes to accept it"
            )
    return b"".join(chunks)


def _too_large(name: str, size: int, limit: int) -> ArchiveError:
    return ArchiveError(
        f"member {name!r} is {size:,} bytes, over the limit of {limit:,} bytes "
        "(raise CleanOptions.max_bytes to accept it)"
    )


def iter_members(path: str, relative: str, max_bytes: int) -> Iterator[Member]:
    """The members of the archive at ``path`` with an input suffix, in archive order.

    A corrupt archive yields one error member named after the archive itself (after the
    members read before the damage).
    """
    base = _archive_relative(relative)
    try:
        if path.lower().endswith(".zip"):
            yield from _zip_members(path, base, max_bytes)
        else:
            yield from _tar_members(path, base, max_bytes)
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, zlib.error, OSError) as error:
        message = f"cannot read the archive: {error}" if str(error) else "cannot read the archive"
        yield Member(path, base, error=ArchiveError(message))


def _member(path: str, base: str, name: str) -> tuple[str, str]:
    """The record name and output path of member ``name`` (checked: it stays inside)."""
    inner = _safe_member_path(name)
    return f"{path}!{name}", f"{base}/{inner}"


def _zip_members(path: str, base: str, max_bytes: int) -> Iterator[Member]:
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.is_dir() or not _wanted(info.filename):
                continue
            label = f"{path}!{info.filename}"
            try:
                label, target = _member(path, base, info.filename)
                yield Member(label, target, data=_read_zip_member(archive, info, max_bytes))
            except ArchiveError as error:
                yield Member(label, f"{base}/.refused", error=error)
            except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError) as error:
                refused = ArchiveError(f"corrupt member: {error}")
                yield Member(label, f"{base}/.refused", error=refused)


def _read_zip_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_bytes: int) -> bytes:
    name = info.filename
    if info.flag_bits & 0x1:
        raise ArchiveError(f"member {name!r} is encrypted (not read)")
    if info.file_size > max_bytes:
        raise _too_large(name, info.file_size, max_bytes)
    ratio_limit = max(RATIO_FLOOR, MAX_RATIO * max(info.compress_size, 1))
    if info.file_size > ratio_limit:
        raise ArchiveError(
            f"member {name!r} expands {info.file_size:,} bytes from {info.compress_size:,} "
            f"(over {MAX_RATIO}x: a zip bomb?)"
        )
    with archive.open(info) as stream:
        data = _bounded_read(stream, min(max_bytes, ratio_limit), info.file_size, name)
    return data


def _tar_members(path: str, base: str, max_bytes: int) -> Iterator[Member]:
    with tarfile.open(path, "r|*") as archive:
        for info in archive:
            if info.isdir() or not _wanted(info.name):
                continue
            label = f"{path}!{info.name}"
            try:
                label, target = _member(path, base, info.name)
                if not info.isfile():
                    kind = "link" if info.issym() or info.islnk() else "special file"
                    raise ArchiveError(f"member {info.name!r} is a {kind}, not a file (not read)")
                if info.size > max_bytes:
                    raise _too_large(info.name, info.size, max_bytes)
                stream = archive.extractfile(info)
                if stream is None:
                    raise ArchiveError(f"member {info.name!r} has no data")
                data = _bounded_read(stream, max_bytes, info.size, info.name)
                yield Member(label, target, data=data)
            except ArchiveError as error:
                yield Member(label, f"{base}/.refused", error=error)
