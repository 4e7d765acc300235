"""Builders for real input files made in memory: PDF, .docx, .xlsx, .hwpx and zip archives (benign and hostile).

Nothing binary is committed; every test builds the bytes it reads. The PDF writer is hand-written (one Helvetica
text object per page) so a test controls exactly which pages carry a text layer. The hostile archives (zip bomb,
too many members, unsafe paths, nested zips, CP949 member names) and damaged copies of good files are built the
same way.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Sequence
from functools import lru_cache

from models.corpus.corpus import Corpus, PreprocessOptions
from models.corpus.documents import RawDocument

__all__ = [
    "HWPX_PARAGRAPH_NS",
    "MB",
    "UNSAFE_PATHS",
    "corrupt",
    "make_docx",
    "make_hwpx",
    "make_pdf",
    "make_xlsx",
    "make_zip",
    "nested_zip",
    "replace_member",
    "wide_corpus",
    "zip_bomb",
    "zip_with_members",
    "zip_with_unsafe_paths",
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


def make_hwpx(sections: Sequence[Sequence[str]], table: Sequence[Sequence[str]] = ()) -> bytes:
    r"""An .hwpx (OWPML zip): ``mimetype`` first and stored, then ``Contents/section{i}.xml`` per section.

    Each paragraph is ``hp:p > hp:run > hp:t``; ``\n`` and ``\t`` in a paragraph become ``hp:lineBreak`` and
    ``hp:tab`` inside the ``hp:t``, and a second run carries no text (as Hancom writes control runs). ``table``
    rows are appended to the first section as ``hp:tbl > hp:tr > hp:tc > hp:subList > hp:p`` cells.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip")
        archive.writestr("version.xml", '<?xml version="1.0" encoding="UTF-8"?><hv:HCFVersion xmlns:hv="x"/>')
        for index, paragraphs in enumerate(sections):
            body = "".join(_hwpx_paragraph(text) for text in paragraphs)
            if table and index == 0:
                rows = "".join(
                    "<hp:tr>"
                    + "".join(f"<hp:tc><hp:subList>{_hwpx_paragraph(c)}</hp:subList></hp:tc>" for c in row)
                    + "</hp:tr>"
                    for row in table
                )
                body += f'<hp:p><hp:run charPrIDRef="0"><hp:tbl rowCnt="{len(table)}">{rows}</hp:tbl></hp:run></hp:p>'
            xml = (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<hs:sec xmlns:hs="{HWPX_SECTION_NS}" xmlns:hp="{HWPX_PARAGRAPH_NS}">{body}</hs:sec>'
            )
            archive.writestr(f"Contents/section{index}.xml", xml.encode("utf-8"))
    return buffer.getvalue()


def _hwpx_paragraph(text: str) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    inner = escaped.replace("\n", "<hp:lineBreak/>").replace("\t", "<hp:tab/>")
    return (
        f'<hp:p paraPrIDRef="0"><hp:run charPrIDRef="0"><hp:t>{inner}</hp:t></hp:run>'
        '<hp:run charPrIDRef="1"><hp:ctrl/></hp:run></hp:p>'
    )


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


def zip_with_members(count: int) -> bytes:
    """A zip of ``count`` small text files ``doc0.txt``, ``doc1.txt``, ..."""
    return make_zip([(f"doc{i}.txt", f"document number {i}".encode()) for i in range(count)])


UNSAFE_PATHS = ("../evil.txt", "/abs.txt", "docs/../../escape.txt", "..\\windows.txt", "C:/boot.txt")


def zip_with_unsafe_paths(safe: Sequence[tuple[str, bytes]] = (("docs/ok.txt", b"pizza and pasta"),)) -> bytes:
    """A zip whose members in :data:`UNSAFE_PATHS` point outside the archive, followed by the ``safe`` members."""
    return make_zip([(path, b"evil words") for path in UNSAFE_PATHS] + list(safe))


def nested_zip(outer: Sequence[tuple[str, bytes]] = (("outer.txt", b"visible words"),)) -> bytes:
    """A zip holding the ``outer`` members and ``more/inner.ZIP``, itself a zip of one text file."""
    inner = make_zip([("inner.txt", b"hidden words")])
    return make_zip([*outer, ("more/inner.ZIP", inner)])


def replace_member(archive: bytes, member: str, content: bytes) -> bytes:
    """``archive`` rewritten with ``member`` holding ``content`` (a well-formed zip whose member is damaged)."""
    source = zipfile.ZipFile(io.BytesIO(archive))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == member else source.read(info))
    return buffer.getvalue()


def corrupt(data: bytes, seed: int, flips: int = 3) -> bytes:
    """``data`` with ``flips`` random bytes overwritten, or (one seed in four) truncated; deterministic per seed."""
    rng = random.Random(seed)
    if seed % 4 == 0:
        return data[: rng.randrange(len(data))]
    damaged = bytearray(data)
    for _ in range(flips):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    return bytes(damaged)


# --- corpora ------------------------------------------------------------------------------------------------------


def wide_corpus(n_docs: int, n_terms: int) -> Corpus:
    """``n_docs`` documents that together use each of ``n_terms`` terms once (cheap: one token per term)."""
    vocab = tuple(f"t{j}" for j in range(n_terms))
    tokens = tuple(vocab[d::n_docs] for d in range(n_docs))
    docs = tuple(RawDocument(text="", source="x", name=f"d{d}") for d in range(n_docs))
    return Corpus.from_tokens(vocab, tokens, docs, language="en", options=PreprocessOptions(language="en"))
