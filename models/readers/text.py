"""Plain text and Markdown: one document per line, per paragraph, or per file."""

from __future__ import annotations

import re

from models.documents import IngestOptions, RawDocument
from models.encoding import decode_text
from models.errors import InputError, Notice
from models.readers.base import FileResult

__all__ = ["read_text", "split_documents"]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


def split_documents(text: str, doc_mode: str) -> list[str]:
    """Split ``text`` into document strings by ``doc_mode`` ("line", "paragraph" or "file").

    Blank lines separate documents in "line" and "paragraph" modes and are not documents themselves.
    """
    if doc_mode == "file":
        return [text.strip()] if text.strip() else []
    if doc_mode == "paragraph":
        parts = _PARAGRAPH_BREAK.split(text)
        return [" ".join(p.split()) for p in parts if p.strip()]
    if doc_mode == "line":
        return [line.strip() for line in text.split("\n") if line.strip()]
    raise InputError("bad_option", option="doc_mode", value=doc_mode, why="use line, paragraph or file")


def read_text(name: str, data: bytes, options: IngestOptions, kind: str = "txt") -> FileResult:
    """Read a .txt or .md file."""
    text, encoding, replaced = decode_text(data, name, options.encoding)
    result = FileResult(kind=kind, encoding=encoding)
    if replaced:
        result.notices.append(Notice("encoding_replaced", {"name": name}))
    if not text.strip():
        raise InputError("file_empty", name=name)
    parts = split_documents(text, options.doc_mode)
    for i, part in enumerate(parts, start=1):
        doc_name = name if options.doc_mode == "file" else f"{name} #{i}"
        result.documents.append(RawDocument(text=part, source=name, name=doc_name))
    return result
