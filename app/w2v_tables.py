"""HTML tables of the Word2vec page: labelled grids with highlighted rows or cells (text escaped; no Streamlit)."""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np

HIGHLIGHT = "#fff3b0"  # the selected row (lookup), the true word (CBOW)
CHANGED = "#d4f5d4"  # a cell a training step changed
NEGATIVE = "#ffe4e1"  # a label-0 row

_STYLE = (
    "<style>.tl-ww{max-width:100%;overflow-x:auto}"
    ".tl-w{border-collapse:collapse;margin:2px 0 8px 0;font-size:0.9rem}"
    ".tl-w th,.tl-w td{border:1px solid #cfd8e3;padding:3px 7px;text-align:center;white-space:nowrap}"
    ".tl-w th{background:#eaf1fb;color:#1f3b63;font-weight:600}"
    ".tl-w td.lbl{background:#eaf1fb;color:#1f3b63;font-weight:600;text-align:left}</style>"
)


def _cell(value: object, digits: int) -> str:
    if isinstance(value, float | np.floating):
        return f"{float(value):.{digits}f}"
    return html.escape(str(value))


def grid(
    values: Sequence[Sequence[object]] | np.ndarray,
    columns: Sequence[str],
    rows: Sequence[str] | None = None,
    *,
    digits: int = 3,
    row_colours: dict[int, str] | None = None,
    cell_colours: np.ndarray | None = None,
    corner: str = "",
) -> str:
    """An HTML table: optional row labels, column headers, numbers with ``digits`` decimals.

    Parameters
    ----------
    values : 2-D sequence of shape (n_rows, n_columns)
    columns : sequence of str
        Column headers (user text allowed: escaped).
    rows : sequence of str, optional
        Row labels, shown first in each row.
    row_colours : dict of int to str, optional
        Background colour of whole rows.
    cell_colours : ndarray of object, shape (n_rows, n_columns), optional
        Background colour per cell ("" for none); wins over the row colour.
    """
    row_colours = row_colours or {}
    out = [_STYLE, '<div class="tl-ww"><table class="tl-w"><tr>']
    if rows is not None:
        out.append(f"<th>{html.escape(corner)}</th>")
    out.extend(f"<th>{html.escape(str(c))}</th>" for c in columns)
    out.append("</tr>")
    for i, row in enumerate(values):
        colour = row_colours.get(i, "")
        style = f' style="background:{colour}"' if colour else ""
        out.append(f"<tr{style}>")
        if rows is not None:
            out.append(f'<td class="lbl">{html.escape(str(rows[i]))}</td>')
        for j, value in enumerate(row):
            cell = "" if cell_colours is None else str(cell_colours[i][j] or "")
            cell_style = f' style="background:{cell}"' if cell else ""
            out.append(f"<td{cell_style}>{_cell(value, digits)}</td>")
        out.append("</tr>")
    out.append("</table></div>")
    return "".join(out)


def changed_cells(before: np.ndarray, after: np.ndarray, colour: str = CHANGED) -> np.ndarray:
    """A colour per cell where ``after`` differs from ``before`` (for :func:`grid`'s ``cell_colours``)."""
    return np.where(before != after, colour, "").astype(object)
