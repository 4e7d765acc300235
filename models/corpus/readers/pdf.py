"""PDF via its text layer (pypdf); pages without text (scans) are reported."""

from __future__ import annotations

import io
import logging
from typing import Any

from models.corpus.documents import IngestOptions, RawDocument
from models.corpus.limits import ReadBudget
from models.corpus.readers.base import FileResult
from models.errors import InputError, Notice

logger = logging.getLogger(__name__)

__all__ = ["read_pdf"]


def _declared_pages(reader: Any) -> int:
    """The page count the document's page tree declares (``/Count``), read without walking the tree (pypdf's
    ``len(reader.pages)`` flattens it: 7 s for 100,000 pages); 0 when absent. The walk checks it again."""
    try:
        count = reader.trailer["/Root"]["/Pages"]["/Count"]
        return int(count)
    except (KeyError, TypeError, ValueError):
        return 0


def read_pdf(name: str, data: bytes, options: IngestOptions, budget: ReadBudget | None = None) -> FileResult:
    """Read a .pdf: one document per page, or per file when ``doc_mode == "file"``.

    The page count is checked against ``max_pdf_pages`` before any page is read, and the clock and the budget are
    checked after every page.
    """
    from pypdf import PdfReader

    budget = budget or ReadBudget(options.limits)
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    limit = budget.limits.max_pdf_pages
    try:
        reader = PdfReader(io.BytesIO(data))
        count = _declared_pages(reader)
        if count > limit:
            raise InputError("pdf_too_many_pages", name=name, pages=count, limit=limit)
        pages = []
        for page in reader.pages:
            text = (page.extract_text() or "").strip()
            budget.add_bytes(len(text), name)
            budget.check_time()
            pages.append(text)
            if len(pages) > limit:  # a page tree whose /Count lies
                raise InputError("pdf_too_many_pages", name=name, pages=len(pages), limit=limit)
    except InputError:
        raise
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
    budget.add_documents(len(result.documents), name, options.doc_mode)
    return result
