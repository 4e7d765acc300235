"""Zip archives: checked for size, member count, compression ratio and unsafe paths before any member is read.

Korean Windows tools store member names in CP949 without the UTF-8 flag; those names are decoded as CP949.
Members are read into memory, never extracted to disk.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Callable

from models.corpus.documents import IngestOptions
from models.corpus.limits import MB, WHOLE_READ_CODES, ReadBudget
from models.corpus.readers.base import FileResult
from models.errors import InputError, Notice

__all__ = ["read_zip"]

ReadOne = Callable[[str, bytes, IngestOptions, ReadBudget], FileResult]
# An archive unpacking to more than this is judged by its overall compression ratio too (many members of 1 MB
# each, every one under the per-member check, are still a bomb).
_ARCHIVE_RATIO_FROM = 10 * MB
# How reading a damaged or unsupported member fails (a broken deflate stream raises zlib.error or EOFError).
_MEMBER_ERRORS = (zipfile.BadZipFile, OSError, RuntimeError, ValueError, NotImplementedError, EOFError, zlib.error)


def _open(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data), metadata_encoding="cp949")
    except UnicodeDecodeError:
        pass
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        raise InputError("zip_bad", name=name) from None
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        raise InputError("zip_bad", name=name) from None


def _unsafe(member: str) -> bool:
    path = member.replace("\\", "/")
    if path.startswith("/") or (len(path) > 1 and path[1] == ":"):
        return True
    return ".." in posixpath.normpath(path).split("/") or ".." in path.split("/")


def read_zip(
    name: str, data: bytes, options: IngestOptions, budget: ReadBudget, read_one: ReadOne
) -> list[tuple[str, FileResult]]:
    """Read every supported file inside a zip archive.

    Parameters
    ----------
    name : str
        The archive's file name.
    data : bytes
        The archive.
    options : IngestOptions
        Splitting options and limits.
    budget : ReadBudget
        What the whole read may still spend; members count against it as they are read.
    read_one : callable
        ``read_one(member_name, member_bytes, options, budget)`` reads one member (the format dispatcher).

    Returns
    -------
    list of (str, FileResult)
        One entry per member read, named ``archive.zip/member``; members that failed carry their error as the
        result's only notice and no documents.
    """
    limits = options.limits
    archive = _open(data, name)
    infos = [i for i in archive.infolist() if not i.is_dir()]
    if len(infos) > limits.max_zip_members:
        raise InputError("zip_too_many_files", name=name, count=len(infos), limit=limits.max_zip_members)
    total = sum(i.file_size for i in infos)
    if total > limits.max_zip_total_bytes:
        raise InputError("zip_too_large", name=name, size_mb=total / MB, limit_mb=limits.max_zip_total_bytes / MB)
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1 * MB and ratio > limits.max_zip_ratio:
            raise InputError("zip_bomb", name=name, member=info.filename, ratio=ratio, limit=limits.max_zip_ratio)
    packed = sum(i.compress_size for i in infos)
    if total > _ARCHIVE_RATIO_FROM and total / max(packed, 1) > limits.max_zip_ratio:
        raise InputError(
            "zip_bomb_archive", name=name, ratio=total / max(packed, 1), limit=limits.max_zip_ratio, size_mb=total / MB
        )

    results: list[tuple[str, FileResult]] = []
    skipped: list[Notice] = []
    for info in infos:
        member = info.filename
        base = posixpath.basename(member.replace("\\", "/"))
        if base.startswith(".") or member.startswith("__MACOSX/"):
            continue
        if _unsafe(member):
            skipped.append(Notice("zip_unsafe_path", {"name": name, "member": member}))
            continue
        if member.lower().endswith(".zip"):
            skipped.append(Notice("zip_nested", {"name": name, "member": member}))
            continue
        if info.file_size > limits.max_file_bytes:
            skipped.append(
                Notice(
                    "file_too_large",
                    {
                        "name": f"{name}/{member}",
                        "size_mb": info.file_size / MB,
                        "limit_mb": limits.max_file_bytes / MB,
                    },
                )
            )
            continue
        try:
            with archive.open(info) as handle:
                content = handle.read(info.file_size + 1)
        except _MEMBER_ERRORS as exc:
            skipped.append(Notice("zip_member_skipped", {"name": name, "member": member, "reason": type(exc).__name__}))
            continue
        if len(content) > info.file_size:
            raise InputError("zip_bomb", name=name, member=member, ratio=float("inf"), limit=limits.max_zip_ratio)
        full = f"{name}/{member}"
        try:
            results.append((full, read_one(full, content, options, budget)))
        except InputError as err:
            if err.code in WHOLE_READ_CODES:
                raise
            skipped.append(Notice(err.code, err.params))
    if not any(r.documents for _, r in results):
        if skipped:
            raise InputError(skipped[0].code, **skipped[0].params)
        raise InputError("zip_empty", name=name)
    if skipped:
        results[0][1].notices.extend(skipped)
    return results
