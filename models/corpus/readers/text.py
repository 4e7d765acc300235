"""Plain text and Markdown: one document per line, per paragraph, or per file."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.corpus.documents import IngestOptions, RawDocument
from models.corpus.encoding import decode_text
from models.corpus.limits import ReadBudget
from models.corpus.readers.base import FileResult
from models.errors import InputError, Notice

__all__ = ["iter_documents", "read_text", "split_documents"]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
_LINE = re.compile(r"[^\n]+")
_CHECK_EVERY = 4096  # documents between two looks at the clock


def iter_documents(text: str, doc_mode: str) -> Iterator[str]:
    """The document strings of ``text`` by ``doc_mode`` ("line", "paragraph" or "file"), one at a time.

    Blank lines separate documents in "line" and "paragraph" modes and are not documents themselves. Nothing
    holds all the pieces at once, so a caller can stop (a document limit) before the whole text is split.
    """
    if doc_mode == "file":
        if text.strip():
            yield text.strip()
    elif doc_mode == "paragraph":
        start = 0
        for match in _PARAGRAPH_BREAK.finditer(text):
            part = " ".join(text[start : match.start()].split())
            if part:
                yield part
            start = match.end()
        part = " ".join(text[start:].split())
        if part:
            yield part
    elif doc_mode == "line":
        for match in _LINE.finditer(text):
            line = match.group().strip()
            if line:
                yield line
    else:
        raise InputError("bad_option", option="doc_mode", value=doc_mode, why="use line, paragraph or file")


def split_documents(text: str, doc_mode: str) -> list[str]:
    """All document strings of ``text`` by ``doc_mode`` (see :func:`iter_documents`)."""
    return list(iter_documents(text, doc_mode))


def read_text(
    name: str, data: bytes, options: IngestOptions, budget: ReadBudget | None = None, kind: str = "txt"
) -> FileResult:
    """Read a .txt or .md file; documents are counted against ``budget`` as they are produced."""
    budget = budget or ReadBudget(options.limits)
    text, encoding, replaced = decode_text(data, name, options.encoding)
    result = FileResult(kind=kind, encoding=encoding)
    if replaced:
        result.notices.append(Notice("encoding_replaced", {"name": name}))
    if not text.strip():
        raise InputError("file_empty", name=name)
    documents = result.documents
    for i, part in enumerate(iter_documents(text, options.doc_mode), start=1):
        doc_name = name if options.doc_mode == "file" else f"{name} #{i}"
        documents.append(RawDocument(text=part, source=name, name=doc_name))
        if i % _CHECK_EVERY == 0:
            budget.add_documents(_CHECK_EVERY, name, options.doc_mode)
            budget.check_time()
    budget.add_documents(len(documents) % _CHECK_EVERY, name, options.doc_mode)
    return result
