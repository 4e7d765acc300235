"""Tables (.csv, .tsv, .xlsx): one document per row, from a chosen text column."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from models.corpus.documents import Dropped, IngestOptions, RawDocument
from models.corpus.encoding import decode_text
from models.corpus.limits import ReadBudget
from models.corpus.readers.base import FileResult
from models.corpus.readers.office import check_office_container
from models.errors import InputError, Notice

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


_SNIFF_ROWS = 2000  # rows that choose the text column
_CHECK_EVERY = 4096  # rows between two looks at the budget


def rows_to_documents(
    name: str,
    header: list[str],
    rows: Iterable[list[str]],
    options: IngestOptions,
    kind: str,
    budget: ReadBudget | None = None,
) -> FileResult:
    """Turn table rows into documents; other columns become metadata.

    ``rows`` may be an iterator: the text column is chosen from its first rows, and the documents are counted
    against ``budget`` as they are produced, so a table over the document limit stops early.
    """
    budget = budget or ReadBudget(options.limits)
    header = [h.strip() or f"column{j + 1}" for j, h in enumerate(header)]
    result = FileResult(kind=kind, columns=tuple(header))
    rows = iter(rows)
    head = list(itertools.islice(rows, _SNIFF_ROWS))
    if not head:
        raise InputError("table_no_text", name=name)
    if options.text_column:
        if options.text_column not in header:
            raise InputError("no_text_column", name=name, column=options.text_column, columns=", ".join(header))
        column = options.text_column
    else:
        column = choose_text_column(header, head)
    result.text_column = column
    j_text = header.index(column)
    lower = [h.lower() for h in header]
    j_title = next((lower.index(t) for t in _TITLE_COLUMNS if t in lower and lower.index(t) != j_text), None)
    for i, row in enumerate(itertools.chain(head, rows), start=1):
        if i % _CHECK_EVERY == 0:
            budget.add_documents(_CHECK_EVERY, name, "table")
            budget.check_time()
        row = row + [""] * (len(header) - len(row))
        text = row[j_text].strip()
        title = row[j_title].strip() if j_title is not None else ""
        doc_name = f"{name} #{i}" + (f" · {title}" if title else "")
        if not text:
            result.dropped.append(Dropped(source=name, name=doc_name, reason="dropped_empty"))
            continue
        meta = tuple((h, row[j].strip()) for j, h in enumerate(header) if j != j_text)
        result.documents.append(RawDocument(text=text, source=name, name=doc_name, meta=meta))
    budget.add_documents(i % _CHECK_EVERY, name, "table")  # every row counts, empty ones too
    if not result.documents:
        raise InputError("table_no_text", name=name)
    return result


def read_delimited(
    name: str, data: bytes, options: IngestOptions, budget: ReadBudget | None = None, kind: str = "csv"
) -> FileResult:
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
    rows = (r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in r))
    try:
        header = next(rows, None)
        if header is None:
            raise InputError("file_empty", name=name)
        # An unquoted delimiter in the last, free-text column (hand-made files) makes a row longer than the header:
        # join the surplus fields back instead of dropping the end of the text.
        width = len(header)
        joined = ([*row[: width - 1], delimiter.join(row[width - 1 :])] if len(row) > width else row for row in rows)
        result = rows_to_documents(name, header, joined, options, kind, budget)
    except csv.Error as exc:
        raise InputError("file_unreadable", name=name, kind=kind.upper(), detail=str(exc)) from None
    result.encoding = encoding
    if replaced:
        result.notices.append(Notice("encoding_replaced", {"name": name}))
    return result


def read_xlsx(name: str, data: bytes, options: IngestOptions, budget: ReadBudget | None = None) -> FileResult:
    """Read the first non-empty sheet of an .xlsx workbook; the first row is the header.

    The workbook's parts are checked first (declared sizes against the budget, compression ratios, no DTD), then
    the rows are streamed (openpyxl's read-only mode) and counted as they come.
    """
    from openpyxl import load_workbook

    budget = budget or ReadBudget(options.limits)
    check_office_container(name, data, "Excel", budget)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # a damaged file fails anywhere in openpyxl, zipfile, zlib or the XML parser
        raise InputError("file_unreadable", name=name, kind="Excel", detail=type(exc).__name__) from None
    try:
        for sheet in book.worksheets:
            rows = _text_rows(sheet)
            header = next(rows, None)
            first = next(rows, None)
            if header is not None and first is not None:
                return rows_to_documents(name, header, itertools.chain([first], rows), options, "xlsx", budget)
    except InputError:
        raise
    except Exception as exc:  # damage found while streaming the sheet
        raise InputError("file_unreadable", name=name, kind="Excel", detail=type(exc).__name__) from None
    finally:
        book.close()
    raise InputError("table_no_text", name=name)


def _text_rows(sheet: Any) -> Iterator[list[str]]:
    """The non-blank rows of ``sheet`` as strings, streamed."""
    for row in sheet.iter_rows(values_only=True):
        if any(v is not None and str(v).strip() for v in row):
            yield ["" if v is None else str(v) for v in row]
