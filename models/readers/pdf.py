"""PDF via its text layer (pypdf); pages without text (scans) are reported."""

from __future__ import annotations

import io
import logging

from models.documents import IngestOptions, RawDocument
from models.errors import InputError, Notice
from models.readers.base import FileResult

logger = logging.getLogger(__name__)

__all__ = ["read_pdf"]


def read_pdf(name: str, data: bytes, options: IngestOptions) -> FileResult:
    """Read a .pdf: one document per page, or per file when ``doc_mode == "file"``."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
    except Exception as exc:  # a damaged file fails anywhere in pypdf (AttributeError, zlib.error, ...)
        raise InputError("file_unreadable", name=name, kind="PDF", detail=type(exc).__name__) from None
    result = FileResult(kind="pdf")
    blank = sum(1 for p in pages if not p)
    if not pages or blank == len(pages):
        raise InputError("pdf_no_text", name=name)
    if blank:
        result.notices.append(Notice("pdf_pages_without_text", {"name": name, "count": blank, "total": len(pages)}))
    if options.doc_mode == "file":
        text = "\n".join(p for p in pages if p)
        result.documents.append(RawDocument(text=text, source=name, name=name))
    else:
        for i, text in enumerate(pages, start=1):
            if text:
                result.documents.append(RawDocument(text=text, source=name, name=f"{name} p.{i}"))
    return result
