"""Builders for real input files made in memory: PDF, .docx, .xlsx, .hwpx and zip archives (benign and hostile).

Nothing binary is committed; every test builds the bytes it reads. The PDF writer is hand-written (one Helvetica
text object per page) so a test controls exactly which pages carry a text layer.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from functools import lru_cache

__all__ = [
    "HWPX_PARAGRAPH_NS",
    "MB",
    "make_docx",
    "make_hwpx",
    "make_pdf",
    "make_xlsx",
    "make_zip",
    "zip_bomb",
]

MB = 1024 * 1024
HWPX_PARAGRAPH_NS = "http://www.hancom.co.kr/hwpml/2011/paragraph"
HWPX_SECTION_NS = "http://www.hancom.co.kr/hwpml/2011/section"


# --- PDF -----------------------------------------------------------------------------------------------------------


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def _page_stream(lines: Sequence[str]) -> bytes:
    """A content stream: the lines in Helvetica 12 pt, or (no lines) a filled rectangle standing in for a scan."""
    if not lines:
        return b"0.5 g 72 72 468 648 re f"
    ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
    for i, line in enumerate(lines):
        ops.append(("" if i == 0 else "T* ") + _pdf_string(line) + " Tj")
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def make_pdf(pages: Sequence[Sequence[str]]) -> bytes:
    """A valid PDF with one page per entry of ``pages``; an empty entry is a page with no text layer.

    Parameters
    ----------
    pages : sequence of sequence of str
        The text lines of each page (Latin-1 text: Helvetica has no Hangul).
    """
    objects: list[bytes] = [b"", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for lines in pages:
        stream = _page_stream(lines)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content_id = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_id
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# --- Office files --------------------------------------------------------------------------------------------------


def make_docx(paragraphs: Sequence[str], table: Sequence[Sequence[str]] = ()) -> bytes:
    """A .docx with ``paragraphs`` followed by a table of ``table`` rows (python-docx)."""
    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, value in enumerate(row):
                grid.cell(i, j).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_xlsx(rows: Sequence[Sequence[object]], sheets_before: int = 0) -> bytes:
    """An .xlsx whose first sheet holds ``rows`` (header first), after ``sheets_before`` empty sheets (openpyxl)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for i in range(sheets_before):
        sheet.title = f"empty{i}"
        sheet = book.create_sheet()
    sheet.title = "data"
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def make_hwpx(sections: Sequence[Sequence[str]]) -> bytes:
    """An .hwpx (OWPML zip): ``mimetype`` first and stored, then ``Contents/section{i}.xml`` per section.

    Each paragraph is ``hp:p > hp:run > hp:t``; a second run per paragraph carries no text (as Hancom writes
    control runs), so the reader must join only the ``hp:t`` text.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip")
        archive.writestr("version.xml", '<?xml version="1.0" encoding="UTF-8"?><hv:HCFVersion xmlns:hv="x"/>')
        for index, paragraphs in enumerate(sections):
            body = "".join(
                f'<hp:p id="{i}" paraPrIDRef="0"><hp:run charPrIDRef="0"><hp:t>{_xml_escape(text)}</hp:t></hp:run>'
                '<hp:run charPrIDRef="1"><hp:ctrl/></hp:run></hp:p>'
                for i, text in enumerate(paragraphs)
            )
            xml = (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<hs:sec xmlns:hs="{HWPX_SECTION_NS}" xmlns:hp="{HWPX_PARAGRAPH_NS}">{body}</hs:sec>'
            )
            archive.writestr(f"Contents/section{index}.xml", xml.encode("utf-8"))
    return buffer.getvalue()


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- zip archives --------------------------------------------------------------------------------------------------


class _LegacyNameInfo(zipfile.ZipInfo):
    """A member whose name is stored as CP949 bytes without the UTF-8 flag, as Korean Windows tools write it."""

    __slots__ = ()

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:
        return self.filename.encode("cp949"), self.flag_bits & ~0x800


def make_zip(
    members: Sequence[tuple[str, bytes]],
    *,
    cp949_names: bool = False,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A zip archive of ``members`` (name, bytes); with ``cp949_names`` the names are raw CP949 bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members:
            info = _LegacyNameInfo(name) if cp949_names else zipfile.ZipInfo(name)
            info.compress_type = compression
            archive.writestr(info, data)
    return buffer.getvalue()


@lru_cache(maxsize=2)
def zip_bomb(size_mb: int = 50) -> bytes:
    """A zip holding ``size_mb`` MB of zeros (compressed about 1000:1) beside a harmless text file."""
    return make_zip([("readme.txt", b"nothing to see here\n"), ("zeros.txt", bytes(size_mb * MB))])
