"""Tables (.csv, .tsv, .xlsx): one document per row, from a chosen text column."""

from __future__ import annotations

import csv
import io
from typing import Any

from models.documents import Dropped, IngestOptions, RawDocument
from models.encoding import decode_text
from models.errors import InputError, Notice
from models.readers.base import FileResult

__all__ = ["choose_text_column", "read_delimited", "read_xlsx", "rows_to_documents"]

_TITLE_COLUMNS = ("title", "name", "subject", "headline", "제목", "이름", "상품명")


def _is_number(value: str) -> bool:
    try:
        float(value.replace(",", ""))
    except ValueError:
        return False
    return True


def choose_text_column(header: list[str], rows: list[list[str]]) -> str:
    """The column with the longest text on average, ignoring columns that are mostly numbers."""
    best, best_len = header[0], -1.0
    for j, column in enumerate(header):
        values = [r[j] for r in rows if j < len(r) and r[j].strip()]
        if not values:
            continue
        numeric = sum(_is_number(v) for v in values) / len(values)
        mean_len = sum(len(v) for v in values) / len(values)
        if numeric < 0.5 and mean_len > best_len:
            best, best_len = column, mean_len
    return best


def rows_to_documents(
    name: str, header: list[str], rows: list[list[str]], options: IngestOptions, kind: str
) -> FileResult:
    """Turn table rows into documents; other columns become metadata."""
    header = [h.strip() or f"column{j + 1}" for j, h in enumerate(header)]
    result = FileResult(kind=kind, columns=tuple(header))
    if not rows:
        raise InputError("table_no_text", name=name)
    if options.text_column:
        if options.text_column not in header:
            raise InputError("no_text_column", name=name, column=options.text_column, columns=", ".join(header))
        column = options.text_column
    else:
        column = choose_text_column(header, rows)
    result.text_column = column
    j_text = header.index(column)
    lower = [h.lower() for h in header]
    j_title = next((lower.index(t) for t in _TITLE_COLUMNS if t in lower and lower.index(t) != j_text), None)
    for i, row in enumerate(rows, start=1):
        row = row + [""] * (len(header) - len(row))
        text = row[j_text].strip()
        title = row[j_title].strip() if j_title is not None else ""
        doc_name = f"{name} #{i}" + (f" · {title}" if title else "")
        if not text:
            result.dropped.append(Dropped(source=name, name=doc_name, reason="dropped_empty"))
            continue
        meta = tuple((h, row[j].strip()) for j, h in enumerate(header) if j != j_text)
        result.documents.append(RawDocument(text=text, source=name, name=doc_name, meta=meta))
    if not result.documents:
        raise InputError("table_no_text", name=name)
    return result


def read_delimited(name: str, data: bytes, options: IngestOptions, kind: str) -> FileResult:
    """Read a .csv (comma, semicolon or pipe, sniffed) or .tsv file; the first row is the header."""
    text, encoding, replaced = decode_text(data, name, options.encoding)
    if not text.strip():
        raise InputError("file_empty", name=name)
    if kind == "tsv":
        delimiter = "\t"
    else:
        try:
            delimiter = csv.Sniffer().sniff(text[:65536], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    try:
        table = [r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in r)]
    except csv.Error as exc:
        raise InputError("file_unreadable", name=name, kind=kind.upper(), detail=str(exc)) from None
    if not table:
        raise InputError("file_empty", name=name)
    # An unquoted delimiter in the last, free-text column (hand-made files) makes a row longer than the header:
    # join the surplus fields back instead of dropping the end of the text.
    width = len(table[0])
    table = [[*row[: width - 1], delimiter.join(row[width - 1 :])] if len(row) > width else row for row in table]
    result = rows_to_documents(name, table[0], table[1:], options, kind)
    result.encoding = encoding
    if replaced:
        result.notices.append(Notice("encoding_replaced", {"name": name}))
    return result


def read_xlsx(name: str, data: bytes, options: IngestOptions) -> FileResult:
    """Read the first non-empty sheet of an .xlsx workbook; the first row is the header."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            table = _first_table(book)
        finally:
            book.close()
    except Exception as exc:  # a damaged file fails anywhere in openpyxl, zipfile, zlib or the XML parser
        raise InputError("file_unreadable", name=name, kind="Excel", detail=type(exc).__name__) from None
    if table is None:
        raise InputError("table_no_text", name=name)
    return rows_to_documents(name, table[0], table[1:], options, "xlsx")


def _first_table(book: Any) -> list[list[str]] | None:
    """The non-blank rows of the first sheet with a header and at least one row, as strings."""
    for sheet in book.worksheets:
        table = [
            ["" if v is None else str(v) for v in row]
            for row in sheet.iter_rows(values_only=True)
            if any(v is not None and str(v).strip() for v in row)
        ]
        if len(table) >= 2:
            return table
    return None
