"""Word-processor files: .docx (WordprocessingML) and .hwpx (Hancom OWPML), both zip packages of XML parts.

The XML is streamed (``lxml.etree.iterparse``) out of a decompressor that counts every byte against the read's
budget, and each paragraph is dropped from the tree once its text is taken, so memory stays near the text itself
however large the part unpacks. Parts whose declared compression ratio is a bomb's, and XML that declares a DTD or
entities (never written by Word or Hancom Office), are refused before parsing.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import IO, Any

from models.corpus.documents import IngestOptions, RawDocument
from models.corpus.limits import MB, ReadBudget
from models.corpus.readers.base import FileResult
from models.errors import InputError

__all__ = ["check_office_container", "hwpx_paragraphs", "read_docx", "read_hwpx"]

_HWPX_SECTION = re.compile(r"^Contents/section(\d+)\.xml$")
_HWPX_SPACES = frozenset({"lineBreak", "tab", "nbSpace", "fwSpace"})
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCX_MAIN = "word/document.xml"
_CHUNK = 1 << 20
_CHECK_EVERY = 4096
# How a damaged package fails while it is opened or streamed.
_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError, NotImplementedError)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _open_package(name: str, data: bytes, kind: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except _DAMAGE as exc:
        raise InputError("file_unreadable", name=name, kind=kind, detail=type(exc).__name__) from None


def check_office_container(name: str, data: bytes, kind: str, budget: ReadBudget) -> zipfile.ZipFile:
    """Open an office package and check every part before anything is parsed.

    The parts' declared sizes must fit the remaining budget and no part over 1 MB may be compressed more than
    ``max_zip_ratio`` times (zipfile never returns more bytes than a part declares, so the declared sizes bound the
    work; :class:`_CountingStream` counts what really comes out).

    Returns
    -------
    zipfile.ZipFile
        The open package.

    Raises
    ------
    InputError
        ``file_unreadable`` (not a zip), ``office_bomb`` or ``unpacked_too_large``.
    """
    package = _open_package(name, data, kind)
    limits = budget.limits
    total = 0
    for info in package.infolist():
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1 * MB and ratio > limits.max_zip_ratio:
            raise InputError("office_bomb", name=name, part=info.filename, ratio=ratio, limit=limits.max_zip_ratio)
        total += info.file_size
    if budget.unpacked_bytes + total > limits.max_unpacked_bytes:
        raise InputError("unpacked_too_large", name=name, limit_mb=limits.max_unpacked_bytes / MB)
    return package


class _CountingStream(io.RawIOBase):
    """A part's decompressed bytes, counted against the budget chunk by chunk; refuses a DTD in the prolog."""

    def __init__(self, handle: IO[bytes], name: str, budget: ReadBudget) -> None:
        self._handle = handle
        self._name = name
        self._budget = budget
        self._start = True

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._handle.read(min(len(buffer), _CHUNK))
        if self._start:
            self._start = False
            if b"<!DOCTYPE" in data[:65536] or b"<!ENTITY" in data[:65536]:
                raise InputError("xml_entities", name=self._name)
        self._budget.add_bytes(len(data), self._name)
        self._budget.check_time()
        buffer[: len(data)] = data
        return len(data)


def _iterparse(package: zipfile.ZipFile, part: str, name: str, budget: ReadBudget, tags: tuple[str, ...]) -> Any:
    """``lxml`` iterparse over ``part`` with entities, DTDs and the network off; start and end events of ``tags``."""
    from lxml import etree

    stream = io.BufferedReader(_CountingStream(package.open(part), name, budget), buffer_size=_CHUNK)
    return etree.iterparse(
        stream,
        events=("start", "end"),
        tag=tags,
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
    )


def _parse_errors() -> tuple[type[BaseException], ...]:
    from lxml import etree

    return (etree.XMLSyntaxError, *_DAMAGE)


def _forget(element: Any) -> None:
    """Free a finished element and the siblings parsed before it (iterparse keeps the tree otherwise)."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _docx_text(element: Any) -> str:
    """Text of the ``w:t`` elements under ``element``; a line break or tab inside a run becomes a space."""
    parts = []
    for node in element.iter():
        tag = _local(node.tag)
        if tag == "t":
            parts.append(node.text or "")
        elif tag in ("br", "cr", "tab") and _local(node.getparent().tag) == "r":
            parts.append(" ")
    return "".join(parts)


def _docx_paragraphs(package: zipfile.ZipFile, name: str, budget: ReadBudget) -> Iterator[str]:
    """Body paragraphs in order; a top-level table gives one paragraph per row (its cells joined by spaces)."""
    for event, element in _iterparse(package, _DOCX_MAIN, name, budget, (_W + "p", _W + "tr", _W + "tbl")):
        if event != "end":
            continue
        parent = element.getparent()
        parent_tag = _local(parent.tag) if parent is not None else ""
        tag = _local(element.tag)
        if tag == "p" and parent_tag == "body":
            text = _docx_text(element).strip()
            if text:
                yield text
            _forget(element)
        elif tag == "tr" and parent_tag == "tbl" and _local(parent.getparent().tag) == "body":
            cells = [_docx_text(cell).strip() for cell in element if _local(cell.tag) == "tc"]
            row = " ".join(c for c in cells if c)
            if row:
                yield row
            _forget(element)
        elif tag == "tbl" and parent_tag == "body":
            _forget(element)


def _hwpx_text(t: Any) -> str:
    """Text of one ``hp:t``; line breaks, tabs and fixed-width spaces inside it become spaces."""
    parts = [t.text or ""]
    for child in t:
        if _local(child.tag) in _HWPX_SPACES:
            parts.append(" ")
        else:
            parts.extend(child.itertext())
        parts.append(child.tail or "")
    return "".join(parts)


def _hwpx_section(package: zipfile.ZipFile, part: str, name: str, budget: ReadBudget) -> Iterator[str]:
    """The paragraphs (``hp:p``) of one section in document order, each from the runs directly in it.

    A table's cells hold paragraphs of their own inside a run of the outer paragraph; they come after it, as in the
    document. A paragraph's slot is reserved when it starts and filled when it ends.
    """
    slots: list[str | None] = []
    open_slots: list[int] = []
    for event, element in _iterparse(package, part, name, budget, ("{*}p",)):
        if event == "start":
            open_slots.append(len(slots))
            slots.append(None)
            continue
        parts = []
        for run in element:
            if _local(run.tag) == "run":
                parts.extend(_hwpx_text(t) for t in run if _local(t.tag) == "t")
        slots[open_slots.pop()] = "".join(parts).strip()
        if not open_slots:  # a top-level paragraph ended: everything reserved so far is final
            yield from (text for text in slots if text)
            slots.clear()
            _forget(element)


def _hwpx_paragraphs(package: zipfile.ZipFile, name: str, budget: ReadBudget) -> Iterator[str]:
    sections = sorted((int(m.group(1)), n) for n in package.namelist() if (m := _HWPX_SECTION.match(n)))
    if not sections:
        raise KeyError("Contents/section0.xml")
    for _, part in sections:
        yield from _hwpx_section(package, part, name, budget)


def _collect(
    kind: str,
    label: str,
    name: str,
    data: bytes,
    options: IngestOptions,
    budget: ReadBudget,
    paragraphs: Callable[[zipfile.ZipFile, str, ReadBudget], Iterator[str]],
) -> FileResult:
    package = check_office_container(name, data, label, budget)
    result = FileResult(kind=kind)
    whole = options.doc_mode == "file"
    texts: list[str] = []
    try:
        for i, text in enumerate(paragraphs(package, name, budget), start=1):
            if whole:
                texts.append(text)
                continue
            result.documents.append(RawDocument(text=text, source=name, name=f"{name} ¶{i}"))
            if i % _CHECK_EVERY == 0:
                budget.add_documents(_CHECK_EVERY, name, options.doc_mode)
    except InputError:
        raise
    except _parse_errors() as exc:
        raise InputError("file_unreadable", name=name, kind=label, detail=type(exc).__name__) from None
    if whole and texts:
        result.documents.append(RawDocument(text="\n".join(texts), source=name, name=name))
    if not result.documents:
        raise InputError("file_empty", name=name)
    budget.add_documents(len(result.documents) % _CHECK_EVERY if not whole else 1, name, options.doc_mode)
    return result


def hwpx_paragraphs(data: bytes, name: str, budget: ReadBudget | None = None) -> list[str]:
    """The text of every paragraph (``hp:p``) of an .hwpx file, section by section."""
    from models.corpus.limits import Limits

    budget = budget or ReadBudget(Limits())
    package = check_office_container(name, data, "HWPX", budget)
    try:
        return list(_hwpx_paragraphs(package, name, budget))
    except InputError:
        raise
    except _parse_errors() as exc:
        raise InputError("file_unreadable", name=name, kind="HWPX", detail=type(exc).__name__) from None


def read_docx(name: str, data: bytes, options: IngestOptions, budget: ReadBudget | None = None) -> FileResult:
    """Read a .docx: one document per paragraph (table rows included), or per file."""
    budget = budget or ReadBudget(options.limits)
    return _collect("docx", "Word (.docx)", name, data, options, budget, _docx_paragraphs)


def read_hwpx(name: str, data: bytes, options: IngestOptions, budget: ReadBudget | None = None) -> FileResult:
    """Read an .hwpx (Hancom OWPML): one document per paragraph, or per file."""
    budget = budget or ReadBudget(options.limits)
    return _collect("hwpx", "HWPX", name, data, options, budget, _hwpx_paragraphs)
