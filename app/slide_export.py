"""Pictures for slides: the map, the bars, the LSA matrices and the Gibbs tables as PNG or SVG at projector
resolution (1280 × 720), Hangul and topic names kept.

Plotly figures are drawn by kaleido, which drives a headless Chromium (Debian's ``/usr/bin/chromium``, the one the
browser tests use; nothing is downloaded) in a worker process; the LSA matrices and the Gibbs tables become
annotated heatmaps first. Fonts come from the system (``fonts-noto-cjk`` for Hangul).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np
import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

from app import job_tasks, job_ui
from app.i18n import message, t
from app.plain_text import plotly_text
from models.errors import InputError

ss = st.session_state
WIDTH, HEIGHT = 1280, 720
FORMATS = ("png", "svg")
MAX_ROWS, MAX_COLUMNS = 14, 12  # a slide's matrix: the first rows and columns


def _stem(label: str) -> str:
    return re.sub(r"[^\w]+", "-", label, flags=re.UNICODE).strip("-").lower() or "figure"


def remember(name: str, fig: go.Figure) -> None:
    """Keep the figure this run drew under ``name`` (its JSON), for a later export."""
    ss[f"_tl_fig|{name}"] = fig.to_json()


def remembered(name: str) -> str | None:
    """The JSON of the last figure drawn under ``name``, or None."""
    return ss.get(f"_tl_fig|{name}")


def matrix_figure(panels: Sequence[tuple[str, np.ndarray, Sequence[str], Sequence[str]]], title: str = "") -> str:
    """Matrices side by side as annotated heatmaps (the first ``MAX_ROWS`` × ``MAX_COLUMNS`` of each), as JSON.

    Parameters
    ----------
    panels : sequence of (title, matrix of shape (m, n), row labels, column labels)
    """
    fig = make_subplots(rows=1, cols=len(panels), subplot_titles=[plotly_text(p[0]) for p in panels],
                        horizontal_spacing=0.08)  # fmt: skip
    for i, (_, matrix, rows, cols) in enumerate(panels, start=1):
        m = np.atleast_2d(np.asarray(matrix, dtype=float))[:MAX_ROWS, :MAX_COLUMNS]
        fig.add_trace(
            go.Heatmap(
                z=m,
                x=[plotly_text(c) for c in list(cols)[: m.shape[1]]],
                y=[plotly_text(r) for r in list(rows)[: m.shape[0]]],
                text=[[f"{v:.3g}" for v in row] for row in m],
                texttemplate="%{text}",
                colorscale="Blues",
                showscale=False,
            ),
            row=1,
            col=i,
        )
        fig.update_yaxes(autorange="reversed", row=1, col=i)
        fig.update_xaxes(side="top", row=1, col=i)
    fig.update_layout(title=plotly_text(title), margin={"l": 10, "r": 10, "t": 90, "b": 10}, plot_bgcolor="white",
                      font={"size": 14})  # fmt: skip
    return fig.to_json()


def export_panel(choices: dict[str, Callable[[], str | None]], key: str) -> None:
    """Pick a picture and a format, prepare it in a worker, then download it.

    ``choices`` maps a label to a function giving the figure's JSON (None: not drawn yet).
    """
    with st.expander(t("export_title"), expanded=False):
        st.caption(t("export_help"))
        c1, c2, c3 = st.columns([2, 1, 1])
        what = c1.selectbox(t("export_what"), list(choices), key=f"{key}|what")
        fmt = c2.radio(t("export_format"), FORMATS, key=f"{key}|format", horizontal=True, format_func=str.upper)
        prepare = c3.button(t("export_prepare"), key=f"{key}|prepare")
        ready_key = f"{key}|ready"
        if prepare:
            figure = choices[what]()
            if figure is None:
                st.info(t("export_not_drawn"))
                return
            job_key = f"export|{fmt}|{hash(figure)}"
            job = job_ui.submit(job_key, job_tasks.export_image, (figure, fmt, WIDTH, HEIGHT), "export")
            job_ui.wait(job, label=t("export_preparing"), cancel_key=f"{key}|cancel")
            try:
                ss[ready_key] = (what, fmt, job_ui.outcome(job, "export"))
            except InputError as err:
                st.error(message(err))
                return
            finally:
                job_ui.release(job_key)
        ready = ss.get(ready_key)
        if ready is not None:
            name, kind, data = ready
            st.download_button(
                t("export_download", what=name, fmt=kind.upper()),
                data=data,
                file_name=f"topiclens-{_stem(name)}.{kind}",
                mime="image/png" if kind == "png" else "image/svg+xml",
                key=f"{key}|download",
                on_click="ignore",
            )
