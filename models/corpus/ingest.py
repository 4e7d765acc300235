"""Read uploaded files of any supported format into documents, with a report per file.

Formats: .txt/.md, .csv/.tsv/.xlsx, .pdf, .docx, .hwpx and .zip archives of these. A file that fails is reported
and skipped when other files succeed; when nothing can be read, the first file's error is raised.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Iterable

from models.corpus.documents import DOC_MODES, Dropped, FileReport, Ingested, IngestOptions
from models.corpus.encoding import looks_binary
from models.corpus.limits import MB, WHOLE_READ_CODES, ReadBudget
from models.corpus.readers.archive import read_zip
from models.corpus.readers.base import FileResult
from models.corpus.readers.office import read_docx, read_hwpx
from models.corpus.readers.pdf import read_pdf
from models.corpus.readers.table import read_delimited, read_xlsx
from models.corpus.readers.text import read_text
from models.errors import InputError, Notice

logger = logging.getLogger(__name__)

__all__ = ["SUPPORTED_EXTENSIONS", "read_file", "read_files"]

SUPPORTED_EXTENSIONS: tuple[str, ...] = ("txt", "md", "csv", "tsv", "xlsx", "pdf", "docx", "hwpx", "zip")
_TEXT_LIKE = {"", "text", "markdown", "log", "rst"}
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"\x7fELF", "elf"),
    (b"MZ", "exe"),
    (b"\xd0\xcf\x11\xe0", "ole"),
)


def _extension(name: str) -> str:
    base = posixpath.basename(name.replace("\\", "/"))
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def read_file(name: str, data: bytes, options: IngestOptions, budget: ReadBudget | None = None) -> FileResult:
    """Read one file (not a zip) by its extension.

    Parameters
    ----------
    name, data : str, bytes
        File name (its extension picks the reader) and content.
    options : IngestOptions
        Splitting options and limits.
    budget : ReadBudget, optional
        What the whole read may still spend (bytes, documents, time); a fresh one from ``options.limits`` if None.

    Raises
    ------
    InputError
        For an empty, oversized, binary, unsupported or malformed file, or one that runs over the budget.
    """
    budget = budget or ReadBudget(options.limits)
    if len(data) > options.limits.max_file_bytes:
        raise InputError(
            "file_too_large", name=name, size_mb=len(data) / MB, limit_mb=options.limits.max_file_bytes / MB
        )
    if not data.strip():
        raise InputError("file_empty", name=name)
    budget.start_file(name)
    ext = _extension(name)
    if ext in ("txt", "md") or ext in _TEXT_LIKE:
        if any(data.startswith(magic) for magic, _ in _MAGIC) or looks_binary(data):
            raise InputError("file_binary", name=name)
        budget.add_bytes(len(data), name)
        return read_text(name, data, options, budget, kind="md" if ext == "md" else "txt")
    if ext in ("csv", "tsv"):
        if looks_binary(data):
            raise InputError("file_binary", name=name)
        budget.add_bytes(len(data), name)
        return read_delimited(name, data, options, budget, ext)
    if ext == "xlsx":
        return read_xlsx(name, data, options, budget)
    if ext == "pdf":
        return read_pdf(name, data, options, budget)
    if ext == "docx":
        return read_docx(name, data, options, budget)
    if ext == "hwpx":
        return read_hwpx(name, data, options, budget)
    raise InputError("file_unsupported", name=name, ext="." + ext if ext else "(none)")


def _read_any(name: str, data: bytes, options: IngestOptions, budget: ReadBudget) -> list[tuple[str, FileResult]]:
    if _extension(name) == "zip":
        if len(data) > options.limits.max_file_bytes:
            raise InputError(
                "file_too_large", name=name, size_mb=len(data) / MB, limit_mb=options.limits.max_file_bytes / MB
            )
        return read_zip(name, data, options, budget, read_file)
    return [(name, read_file(name, data, options, budget))]


def read_files(files: Iterable[tuple[str, bytes]], options: IngestOptions | None = None) -> Ingested:
    """Read several files into documents.

    Parameters
    ----------
    files : iterable of (str, bytes)
        File names (the extension picks the reader) and contents.
    options : IngestOptions, optional
        Document splitting, text column, encoding override and limits.

    Returns
    -------
    Ingested
        All documents in input order, a :class:`FileReport` per file (zip members separately) and the documents
        dropped as empty.

    Raises
    ------
    InputError
        When no file yields a document (the first file's own error when there is one).
    """
    options = options or IngestOptions()
    if options.doc_mode not in DOC_MODES:
        raise InputError("bad_option", option="doc_mode", value=options.doc_mode, why="use line, paragraph or file")
    documents = []
    reports: list[FileReport] = []
    dropped: list[Dropped] = []
    errors: list[InputError] = []
    budget = ReadBudget(options.limits)
    n_files = 0
    for name, data in files:  # one file's bytes at a time when ``files`` is a generator
        n_files += 1
        try:
            results = _read_any(name, data, options, budget)
        except InputError as err:
            if err.code in WHOLE_READ_CODES:
                raise  # a budget spent on one file is spent for the whole read: stop at once
            logger.info("could not read %s: %s", name, err)
            errors.append(err)
            reports.append(FileReport(name=name, kind=_extension(name) or "?", error=Notice(err.code, err.params)))
            continue
        for member, result in results:
            documents.extend(result.documents)
            dropped.extend(result.dropped)
            reports.append(
                FileReport(
                    name=member,
                    kind=result.kind,
                    encoding=result.encoding,
                    n_documents=len(result.documents),
                    columns=result.columns,
                    text_column=result.text_column,
                    notices=tuple(result.notices),
                )
            )
    if not n_files:
        raise InputError("no_files")
    if not documents:
        if errors:
            raise errors[0]
        raise InputError("no_documents")
    return Ingested(documents=tuple(documents), files=tuple(reports), dropped=tuple(dropped))
