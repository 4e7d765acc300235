"""Plotly figures of the explorer, built from arrays (no Streamlit here, so they can be tested alone)."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.colors import qualitative

from app.plain_text import plotly_text

MAP_HEIGHT = 540
# LDAvis: all circles together cover about a quarter of the panel; sizes are diameters in pixels here.
_PANEL_AREA = MAP_HEIGHT * MAP_HEIGHT * 1.1
# The map's shorter side in pixels in a half-width column (about; the browser decides).
_PLOT_PX = 420.0
BLUE = "#1f77b4"
LIGHT_BLUE = "#a6c8e6"
RED = "#d62728"
GREY = "#b0b0b0"


def topic_colours(n: int) -> list[str]:
    """A distinct colour per topic id (cycled beyond 24)."""
    palette = qualitative.Dark24 if n > 10 else qualitative.T10
    return [palette[i % len(palette)] for i in range(n)]


def _diameters(weights: np.ndarray) -> np.ndarray:
    """Circle diameters in pixels: area ∝ weight, at least 6 px (clickable), at most 45% of the map's shorter side."""
    share = np.clip(weights, 0.0, None)
    total = share.sum()
    share = share / total if total > 0 else share
    return np.clip(np.sqrt(share * 0.25 * _PANEL_AREA * 4 / math.pi), 6.0, 0.45 * _PLOT_PX)


def _map_frame(coordinates: np.ndarray, diameters: np.ndarray) -> tuple[float, float, float]:
    """Centre (x, y) and half-width of square axes in which every circle fits (drawn at ``diameters`` pixels).

    A centre at distance c from the middle with diameter d pixels fits if c + (d / 2)·(2·span / P) ≤ span, i.e.
    span ≥ c / (1 − d / P) for a panel of P pixels. Layouts such as t-SNE are not centred on 0, so the axes follow
    the circles' own middle.
    """
    if not coordinates.size:
        return 0.0, 0.0, 1.0
    middle = (coordinates.max(axis=0) + coordinates.min(axis=0)) / 2
    reach = np.abs(coordinates - middle).max(axis=1)
    need = reach / np.maximum(1.0 - diameters / _PLOT_PX, 0.25)
    span = float(need.max()) * 1.08
    return float(middle[0]), float(middle[1]), span if span > 0 else 1.0


def intertopic_map(
    coordinates: np.ndarray,
    prevalence: np.ndarray,
    ranks: np.ndarray,
    labels: Sequence[str],
    selected: int | None = None,
    term_weights: np.ndarray | None = None,
    axis_titles: tuple[str, str] = ("PC1", "PC2"),
) -> go.Figure:
    """The intertopic distance map: a circle per topic, area ∝ prevalence (or ∝ p(topic | term) in term view).

    ``customdata`` of each point is the model's topic id, so a selection event names the topic. The selected topic is
    drawn red; a circle the user clicks turns red at once in the browser (Plotly's ``selected`` style, the others take
    the ``unselected`` one), so a click needs no redraw of the figure.
    """
    k = len(prevalence)
    sizes = _diameters(term_weights if term_weights is not None else prevalence)
    colour = LIGHT_BLUE if term_weights is None else BLUE
    colours = [RED if i == selected else colour for i in range(k)]
    hover = [
        f"<b>{plotly_text(labels[i])}</b><br>{100 * prevalence[i]:.1f}% of tokens"
        + (f"<br>p(topic | term) = {term_weights[i]:.3f}" if term_weights is not None else "")
        for i in range(k)
    ]
    order = np.argsort(-sizes)  # big circles first so small ones stay clickable on top
    fig = go.Figure(
        go.Scatter(
            x=coordinates[order, 0],
            y=coordinates[order, 1],
            mode="markers+text",
            text=[str(int(ranks[i])) for i in order],
            textfont={"size": 13, "color": "#222"},
            customdata=[int(i) for i in order],
            hovertext=[hover[i] for i in order],
            hovertemplate="%{hovertext}<extra></extra>",
            marker={
                "size": sizes[order],
                "color": [colours[i] for i in order],
                "opacity": 0.65,
                "line": {"width": 1.5, "color": "#33557a"},
                "sizemode": "diameter",
            },
            selected={"marker": {"color": RED, "opacity": 0.9}, "textfont": {"color": "#222"}},
            unselected={"marker": {"color": colour, "opacity": 0.65}, "textfont": {"color": "#222"}},
            name="topics",
        )
    )
    cx, cy, span = _map_frame(coordinates, _diameters(prevalence))
    fig.update_layout(
        height=MAP_HEIGHT,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        showlegend=False,
        clickmode="event+select",
        dragmode="pan",
        plot_bgcolor="white",
        xaxis={
            "range": [cx - span, cx + span],
            "zeroline": True,
            "zerolinecolor": "#ddd",
            "showgrid": False,
            "showticklabels": False,
            "title": axis_titles[0],
        },
        yaxis={
            "range": [cy - span, cy + span],
            "zeroline": True,
            "zerolinecolor": "#ddd",
            "showgrid": False,
            "showticklabels": False,
            "title": axis_titles[1],
            "scaleanchor": "x",
            "scaleratio": 1,
        },
    )
    return fig


def term_bars(
    terms: Sequence[str],
    overall: np.ndarray,
    in_topic: np.ndarray | None,
    title: str,
    hover: Sequence[str] | None = None,
    labels: tuple[str, str] = ("Overall term frequency", "Estimated term frequency within the selected topic"),
) -> go.Figure:
    """Horizontal bars: overall term frequency (blue-grey) and, for a topic, its estimated frequency (red).

    ``customdata`` of each bar is its term, so a click selects the term; the shown label is the term escaped for
    Plotly's HTML. ``title`` and ``hover`` are Plotly HTML: escape user text in them with ``plotly_text``.
    """
    terms = list(terms)
    y = [plotly_text(w) for w in terms]
    data = [
        go.Bar(
            x=overall,
            y=y,
            orientation="h",
            marker_color=LIGHT_BLUE,
            name=labels[0],
            customdata=terms,
            hovertext=list(hover) if hover else None,
            hovertemplate="%{hovertext}<extra></extra>" if hover else "%{y}: %{x:,.0f}<extra></extra>",
        )
    ]
    if in_topic is not None:
        data.append(
            go.Bar(
                x=in_topic,
                y=y,
                orientation="h",
                marker_color=RED,
                name=labels[1],
                customdata=terms,
                hovertext=list(hover) if hover else None,
                hovertemplate="%{hovertext}<extra></extra>" if hover else "%{y}: %{x:,.1f}<extra></extra>",
            )
        )
    fig = go.Figure(data)
    fig.update_layout(
        title={"text": title, "font": {"size": 14}},
        barmode="overlay",
        height=max(360, 19 * len(y) + 110),
        margin={"l": 10, "r": 10, "t": 64, "b": 10},
        yaxis={"autorange": "reversed", "type": "category", "tickfont": {"size": 12}},
        xaxis={"side": "top", "showgrid": True, "gridcolor": "#eee"},
        legend={"orientation": "h", "y": -0.02, "yanchor": "top", "x": 0},
        plot_bgcolor="white",
        clickmode="event+select",
        bargap=0.15,
    )
    return fig


def mixture_bar(theta_d: np.ndarray, labels: Sequence[str], colours: Sequence[str]) -> go.Figure:
    """A document's topic mixture as one stacked horizontal bar."""
    fig = go.Figure(
        [
            go.Bar(
                x=[100 * float(theta_d[i])],
                y=[""],
                orientation="h",
                name=plotly_text(labels[i]),
                marker_color=colours[i],
                hovertext=[plotly_text(labels[i])],  # a value, not part of the template: '%{' in a name stays text
                hovertemplate="%{hovertext}: %{x:.1f}%<extra></extra>",
            )
            for i in np.argsort(-theta_d)
            if theta_d[i] >= 0.005
        ]
    )
    fig.update_layout(
        barmode="stack",
        height=180,
        margin={"l": 0, "r": 0, "t": 36, "b": 60},  # room above the bar for Plotly's toolbar, below for the legend
        xaxis={"range": [0, 100], "ticksuffix": "%"},
        legend={"orientation": "h", "y": -0.45, "yanchor": "top"},
        plot_bgcolor="white",
    )
    return fig


def coloured_text(
    text: str,
    spans: Sequence[tuple[int, int, int]],
    topics: Sequence[int],
    colours: Sequence[str],
    labels: Sequence[str],
) -> str:
    """HTML of ``text`` with each span's word highlighted in its topic colour (text escaped)."""
    out: list[str] = []
    pos = 0
    for start, end, i in spans:
        k = int(topics[i])
        out.append(html.escape(text[pos:start]))
        out.append(
            f'<span title="{html.escape(labels[k])}" style="background:{colours[k]}33;border-bottom:3px solid '
            f'{colours[k]};padding:0 2px;border-radius:3px">{html.escape(text[start:end])}</span>'
        )
        pos = end
    out.append(html.escape(text[pos:]))
    return '<div style="line-height:2.0;font-size:1.02rem;white-space:pre-wrap">' + "".join(out) + "</div>"


def trace(points: Sequence[tuple[int, float]], title: str, x_title: str, height: int = 270) -> go.Figure:
    """A line of (iteration, log-likelihood) points recorded during a fit or a Gibbs run."""
    xy = np.array(points, dtype=float).reshape(-1, 2)
    fig = go.Figure(go.Scatter(x=xy[:, 0], y=xy[:, 1], mode="lines+markers"))
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 30 if title else 10, "b": 10},
        title=title,
        xaxis_title=x_title,
        plot_bgcolor="white",
    )
    return fig


def scree(sigma: np.ndarray, k: int, labels: tuple[str, str]) -> go.Figure:
    """Singular values by component; those beyond ``k`` greyed out."""
    idx = np.arange(1, len(sigma) + 1)
    fig = go.Figure(
        go.Bar(
            x=idx,
            y=sigma,
            marker_color=[BLUE if i <= k else GREY for i in idx],
            hovertemplate="σ%{x} = %{y:.3f}<extra></extra>",
        )
    )
    fig.update_layout(
        height=300,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        xaxis_title=labels[0],
        yaxis_title=labels[1],
        plot_bgcolor="white",
    )
    return fig
