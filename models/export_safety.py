"""Tables made safe to open in a spreadsheet: no cell written from user text can run as a formula.

OWASP, "CSV Injection": a spreadsheet treats a cell that starts with ``=``, ``+``, ``-``, ``@``, tab (0x09) or
carriage return (0x0D) as a formula (``=HYPERLINK(...)``, ``@SUM(...)``, DDE payloads). Such text cells get a leading
single quote, which spreadsheets show as text. Numbers (a log lift of -0.5, a share) are not text and stay numbers.
Rows end in CRLF (RFC 4180), so a carriage return inside a cell is quoted and cannot start a new row whose first cell
would escape the quote.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = ["FORMULA_STARTS", "neutralise_cell", "safe_csv", "safe_table"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(text: str) -> str:
    """``text`` with a leading ``'`` if a spreadsheet would read it as a formula, else ``text`` unchanged.

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    Examples
    --------
    >>> neutralise_cell("=1+1"), neutralise_cell("-opinion"), neutralise_cell("pizza")
    ("'=1+1", "'-opinion", 'pizza')
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(value: Any) -> Any:
    return neutralise_cell(value) if isinstance(value, str) else value


def safe_table(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` for export with every text cell and column name passed through :func:`neutralise_cell`.

    Columns of numbers, booleans and dates are left as they are, and so is every non-text value in a column of mixed
    values; the index is not changed (write the table with ``index=False``, or reset the index first).

    Parameters
    ----------
    frame : pandas.DataFrame

    Returns
    -------
    pandas.DataFrame
        The same shape, dtypes of non-text columns and row order.
    """
    out = frame.copy()
    for i, dtype in enumerate(out.dtypes):
        if pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_datetime64_any_dtype(dtype):
            continue
        if isinstance(dtype, pd.CategoricalDtype):
            out.isetitem(i, out.iloc[:, i].astype(object))
        out.isetitem(i, out.iloc[:, i].map(_cell))
    out.columns = [_cell(c) for c in out.columns]
    return out


def safe_csv(frame: pd.DataFrame) -> str:
    """``frame`` as CSV text, without its index, made safe by :func:`safe_table`, rows ending in CRLF (RFC 4180).

    With ``"\\n"`` as the row end, pandas leaves a bare carriage return inside a cell unquoted, and a spreadsheet
    would start a new row there; with CRLF every cell holding a CR or LF is quoted.

    Parameters
    ----------
    frame : pandas.DataFrame

    Returns
    -------
    str
    """
    return safe_table(frame).to_csv(index=False, lineterminator="\r\n")
