"""Word-processor files: .docx (python-docx, paragraphs and tables) and .hwpx (zip + OWPML XML)."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from models.documents import IngestOptions, RawDocument
from models.errors import InputError
from models.readers.base import FileResult

__all__ = ["hwpx_paragraphs", "read_docx", "read_hwpx"]

_HWPX_SECTION = re.compile(r"^Contents/section(\d+)\.xml$")
_HWPX_SPACES = frozenset({"lineBreak", "tab", "nbSpace", "fwSpace"})


def _docx_text(element: Any) -> str:
    """Text of the ``w:t`` elements under ``element``; a line break or tab inside a run becomes a space."""
    parts = []
    for node in element.iter():
        tag = node.tag.rsplit("}", 1)[-1]
        if tag == "t":
            parts.append(node.text or "")
        elif tag in ("br", "cr", "tab") and node.getparent().tag.endswith("}r"):
            parts.append(" ")
    return "".join(parts)


def _docx_paragraphs(data: bytes, name: str) -> list[str]:
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # a damaged file fails anywhere in python-docx, zipfile, zlib or lxml
        raise InputError("file_unreadable", name=name, kind="Word (.docx)", detail=type(exc).__name__) from None
    paragraphs: list[str] = []
    body = document.element.body
    # Walk the body in order so table text appears where the table stands.
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = _docx_text(child)
            if text.strip():
                paragraphs.append(text.strip())
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row.iter():
                        if cell.tag.endswith("}tc"):
                            cell_text = _docx_text(cell)
                            if cell_text.strip():
                                cells.append(cell_text.strip())
                    if cells:
                        paragraphs.append(" ".join(cells))
    return paragraphs


def _hwpx_text(t: Any) -> str:
    """Text of one ``hp:t``; line breaks, tabs and fixed-width spaces inside it become spaces."""
    parts = [t.text or ""]
    for child in t:
        if child.tag.rsplit("}", 1)[-1] in _HWPX_SPACES:
            parts.append(" ")
        else:
            parts.extend(child.itertext())
        parts.append(child.tail or "")
    return "".join(parts)


def hwpx_paragraphs(data: bytes, name: str) -> list[str]:
    """The text of every paragraph (``hp:p``) of an .hwpx file, section by section."""
    from defusedxml import ElementTree

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        sections = sorted((int(m.group(1)), n) for n in archive.namelist() if (m := _HWPX_SECTION.match(n)))
        if not sections:
            raise KeyError("Contents/section0.xml")
        paragraphs: list[str] = []
        for _, member in sections:
            info = archive.getinfo(member)
            if info.file_size > 200 * 1024 * 1024:
                raise ValueError("section too large")
            root = ElementTree.fromstring(archive.read(member))
            for para in root.iter():
                if para.tag.rsplit("}", 1)[-1] != "p":
                    continue
                # Only the runs directly in this paragraph; nested paragraphs (tables) are visited on their own.
                parts = []
                for run in para:
                    if run.tag.rsplit("}", 1)[-1] != "run":
                        continue
                    for t in run:
                        if t.tag.rsplit("}", 1)[-1] == "t":
                            parts.append(_hwpx_text(t))
                text = "".join(parts).strip()
                if text:
                    paragraphs.append(text)
    except (zipfile.BadZipFile, KeyError, ValueError, ElementTree.ParseError) as exc:
        raise InputError("file_unreadable", name=name, kind="HWPX", detail=type(exc).__name__) from None
    except Exception as exc:  # defusedxml's refusals (entities, DTDs) and other malformed XML
        raise InputError("file_unreadable", name=name, kind="HWPX", detail=type(exc).__name__) from None
    return paragraphs


def _to_result(kind: str, name: str, paragraphs: list[str], options: IngestOptions) -> FileResult:
    if not paragraphs:
        raise InputError("file_empty", name=name)
    result = FileResult(kind=kind)
    if options.doc_mode == "file":
        result.documents.append(RawDocument(text="\n".join(paragraphs), source=name, name=name))
    else:
        for i, text in enumerate(paragraphs, start=1):
            result.documents.append(RawDocument(text=text, source=name, name=f"{name} ¶{i}"))
    return result


def read_docx(name: str, data: bytes, options: IngestOptions) -> FileResult:
    """Read a .docx: one document per paragraph (table rows included), or per file."""
    return _to_result("docx", name, _docx_paragraphs(data, name), options)


def read_hwpx(name: str, data: bytes, options: IngestOptions) -> FileResult:
    """Read an .hwpx (Hancom OWPML): one document per paragraph, or per file."""
    return _to_result("hwpx", name, hwpx_paragraphs(data, name), options)
