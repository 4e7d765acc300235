"""HTML tables of the Gibbs classroom, laid out as in the lecture (text escaped; no Streamlit here)."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import numpy as np

REMOVED = "#ffd6d6"  # a count taken out
ADDED = "#d4f5d4"  # a count put back
CURRENT = "#fff3b0"  # the token being resampled

_STYLE = (
    "<style>.tl-gw{max-width:100%;overflow-x:auto}"
    ".tl-g{border-collapse:collapse;margin:2px 0 6px 0;font-size:0.85rem}"
    ".tl-g th,.tl-g td{border:1px solid #cfd8e3;padding:3px 5px;text-align:center;white-space:nowrap}"
    ".tl-g th.corner{white-space:normal;font-size:0.8rem;line-height:1.15}"
    ".tl-g th{background:#eaf1fb;color:#1f3b63;font-weight:600}"
    ".tl-g td.lbl{background:#eaf1fb;color:#1f3b63;font-weight:600}</style>"
)


def decimals_for(prior: float) -> int:
    """Digits needed to show counts + prior exactly as the lecture does (α = 0.01 → 2, β = 0.001 → 3)."""
    if prior <= 0:
        return 0
    return int(min(6, max(1, math.ceil(-math.log10(prior) - 1e-9))))


def _cell(text: str, colour: str | None = None, bold: bool = False) -> str:
    style = f' style="background:{colour}"' if colour else ""
    body = f"<b>{html.escape(text)}</b>" if bold else html.escape(text)
    return f"<td{style}>{body}</td>"


def assignment_table(
    documents: Sequence[Sequence[str]],
    doc_names: Sequence[str],
    topics: Sequence[Sequence[int]],
    topic_label: Sequence[str],
    labels: tuple[str, str, str],
    current: tuple[int, int] | None = None,
    current_colour: str = CURRENT,
    current_text: str | None = None,
) -> str:
    """The word / topic rows per document (the lecture's first table).

    ``labels`` are the row headers (word, topic) and the text for an unassigned topic; ``current`` is the
    (document, index) to highlight, shown with ``current_text`` instead of its topic when given.
    """
    head = ['<th class="lbl"></th>']
    words = [f'<td class="lbl">{html.escape(labels[0])}</td>']
    assigned = [f'<td class="lbl">{html.escape(labels[1])}</td>']
    for d, tokens in enumerate(documents):
        head.append(f'<th colspan="{len(tokens)}">{html.escape(doc_names[d])}</th>')
        for i, word in enumerate(tokens):
            here = current == (d, i)
            colour = current_colour if here else None
            words.append(_cell(word, colour, bold=here))
            k = int(topics[d][i])
            text = current_text if (here and current_text) else (topic_label[k] if k >= 0 else labels[2])
            assigned.append(_cell(text, colour, bold=here))
    rows = "".join(f"<tr>{''.join(r)}</tr>" for r in (head, words, assigned))
    return _wrap(rows)


def count_table(
    values: np.ndarray,
    row_labels: Sequence[str],
    col_labels: Sequence[str],
    corner: str,
    digits: int,
    highlight: dict[tuple[int, int], str] | None = None,
    texts: dict[tuple[int, int], str] | None = None,
    note: str = "",
) -> str:
    """A labelled table of counts + prior (topic × document or topic × word), some cells highlighted.

    ``texts`` replaces the number shown in some cells (e.g. ``1.01→0.01`` for a count that changed); ``note`` is a
    second line in the corner (e.g. ``n + α``).
    """
    highlight = highlight or {}
    texts = texts or {}
    below = f"<br>{html.escape(note)}" if note else ""
    head = (
        f'<tr><th class="lbl corner">{html.escape(corner)}{below}</th>'
        + "".join(f"<th>{html.escape(c)}</th>" for c in col_labels)
        + "</tr>"
    )
    body = []
    for r, name in enumerate(row_labels):
        cells = "".join(
            _cell(texts.get((r, c), f"{values[r, c]:.{digits}f}"), highlight.get((r, c)), bold=(r, c) in highlight)
            for c in range(len(col_labels))
        )
        body.append(f'<tr><td class="lbl">{html.escape(name)}</td>{cells}</tr>')
    return _wrap(head + "".join(body))


def _wrap(rows: str) -> str:
    """The table in a box as wide as its column: never drawn over its neighbour (it scrolls if it must)."""
    return f'{_STYLE}<div class="tl-gw"><table class="tl-g">{rows}</table></div>'
