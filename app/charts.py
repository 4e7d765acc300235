"""Plotly figures of the explorer, built from arrays (no Streamlit here, so they can be tested alone)."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.colors import qualitative

from app.plain_text import plotly_text
from models.ldavis.intertopic import SIZE_GUIDE, circle_radii, map_panel_side

MAP_HEIGHT = 540
# The map's plotting area in pixels (about: the browser decides the width), to turn radii into hover distances.
_PLOT_PX = 500.0
BLUE = "#1f77b4"
LIGHT_BLUE = "#a6c8e6"
RED = "#d62728"
GREY = "#b0b0b0"
_FILL = {LIGHT_BLUE: "rgba(166, 200, 230, 0.45)", BLUE: "rgba(31, 119, 180, 0.35)", RED: "rgba(214, 39, 40, 0.6)"}
_MIN_RADIUS = 0.012  # of the panel side: a topic with almost no weight still shows a dot under its number
_GUIDE_TEXT_PX = 34.0  # room for "10%" right of the size guide
_GUIDE_TITLE_PX = 22.0
_LABEL_PX = 12.0  # half the size of a circle's number


def topic_colours(n: int) -> list[str]:
    """A distinct colour per topic id (cycled beyond 24)."""
    palette = qualitative.Dark24 if n > 10 else qualitative.T10
    return [palette[i % len(palette)] for i in range(n)]


def _circle(x: float, y: float, r: float, **style: object) -> dict:
    return {"type": "circle", "xref": "x", "yref": "y", "x0": x - r, "x1": x + r, "y0": y - r, "y1": y + r, **style}


def _guide_box(
    circles: np.ndarray, bounds: tuple[float, float, float, float], size: tuple[float, float]
) -> tuple[float, float]:
    """Bottom-left corner of the size guide's box: a bottom corner free of circles, else a strip below them all."""
    x_lo, x_hi, y_lo, _ = bounds
    width, height = size
    for x0 in (x_lo, x_hi - width):
        nearest_x = np.clip(circles[:, 0], x0, x0 + width)
        nearest_y = np.clip(circles[:, 1], y_lo, y_lo + height)
        if np.all(np.hypot(circles[:, 0] - nearest_x, circles[:, 1] - nearest_y) > circles[:, 2]):
            return x0, y_lo
    return x_lo, y_lo - height


def map_geometry(
    coordinates: np.ndarray, weights: np.ndarray, title_px: float = 160.0
) -> tuple[np.ndarray, tuple[float, float, float, float], tuple[float, float], float]:
    """Where the map draws everything, in layout units: circles, axes, the size guide, and the panel side.

    Circles are sized as LDAvis sizes them (:func:`models.ldavis.intertopic.circle_radii`), so they are as crowded as on
    LDAvis's page; the axes hold every circle at its full radius and the 2/5/10% size guide (in a bottom corner
    that no circle or number touches, or below them all); ``title_px`` is the guide title's width in pixels.

    Returns
    -------
    circles : ndarray of shape (n_topics, 3)
        x, y and radius of each topic's circle.
    axes : (x0, x1, y0, y1)
    guide : (x, y)
        Bottom-left corner of the size guide's box.
    side : float
        LDAvis's panel side (:func:`models.ldavis.intertopic.map_panel_side`).
    """
    xy = np.asarray(coordinates, dtype=np.float64).reshape(-1, 2)
    side = map_panel_side(xy)
    radii = np.maximum(circle_radii(weights, side), _MIN_RADIUS * side)
    circles = np.column_stack([xy, radii])
    per_px = 1.4 * side / _PLOT_PX  # layout units per pixel, about: the axes span the panel plus the big circles
    # A tiny circle still has its number on it: the axes and the guide keep clear of the number too.
    marks = np.column_stack([xy, np.maximum(radii, _LABEL_PX * per_px)])
    x_lo, x_hi = float((xy[:, 0] - marks[:, 2]).min()), float((xy[:, 0] + marks[:, 2]).max())
    y_lo, y_hi = float((xy[:, 1] - marks[:, 2]).min()), float((xy[:, 1] + marks[:, 2]).max())
    big = float(circle_radii(np.array([SIZE_GUIDE[-1], 1 - SIZE_GUIDE[-1]]), side)[0])
    size = (max(2 * big + (_GUIDE_TEXT_PX + 12) * per_px, title_px * per_px), 2 * big + _GUIDE_TITLE_PX * per_px)
    gx, gy = _guide_box(marks, (x_lo, x_hi, y_lo, y_hi), size)
    pad = 0.03 * side  # around circles and guide alike, so no outline touches the frame
    axes = (x_lo - pad, max(x_hi, gx + size[0]) + pad, min(y_lo, gy) - pad, y_hi + pad)
    return circles, axes, (gx, gy), side


def _size_guide(guide: tuple[float, float], side: float, per_px: float, title: str) -> tuple[list[dict], list[dict]]:
    """LDAvis's size guide: dashed circles for 2%, 5% and 10% of the tokens sharing a bottom point, with labels."""
    radii = [float(circle_radii(np.array([p, 1 - p]), side)[0]) for p in SIZE_GUIDE]
    big = radii[-1]
    cx, bottom = guide[0] + big, guide[1]
    line_end = cx + big + 8 * per_px
    shapes, notes = [], []
    for p, r in zip(SIZE_GUIDE, radii, strict=True):
        shapes.append(_circle(cx, bottom + r, r, line={"color": "#999", "width": 1, "dash": "dot"}, name=f"guide {p}"))
        top = bottom + 2 * r
        shapes.append(
            {"type": "line", "xref": "x", "yref": "y", "x0": cx, "x1": line_end, "y0": top, "y1": top,
             "line": {"color": "#bbb", "width": 1}, "name": f"guide line {p}"}
        )  # fmt: skip
        notes.append(
            {"x": line_end, "y": top, "xref": "x", "yref": "y", "text": f"{100 * p:.0f}%", "showarrow": False,
             "xanchor": "left", "yanchor": "middle", "font": {"size": 11, "color": "#555"}}
        )  # fmt: skip
    notes.append(
        {"x": guide[0], "y": bottom + 2 * big + 4 * per_px, "xref": "x", "yref": "y", "text": title,
         "showarrow": False, "xanchor": "left", "yanchor": "bottom", "font": {"size": 11, "color": "#555"}}
    )  # fmt: skip
    return shapes, notes


def _border(selected: bool, stability: float | None) -> dict:
    """A circle's border: red when selected; with a stability, 1 to 4 px wide by stability, dashed below 0.5."""
    line = {"color": "#7a1d1e" if selected else "#33557a", "width": 1.5 if selected else 1}
    if stability is not None:
        line["width"] = 1 + 3 * min(max(stability, 0.0), 1.0)
        if stability < 0.5:
            line["dash"] = "dash"
    return line


def intertopic_map(
    coordinates: np.ndarray,
    prevalence: np.ndarray,
    ranks: np.ndarray,
    labels: Sequence[str],
    selected: int | None = None,
    term_weights: np.ndarray | None = None,
    axis_titles: tuple[str, str] = ("PC1", "PC2"),
    guide_title: str = "Marginal topic distribution",
    stability: Sequence[float] | None = None,
    stability_labels: Sequence[str] | None = None,
) -> go.Figure:
    """The intertopic distance map: a circle per topic, area ∝ prevalence (or ∝ p(topic | term) in term view).

    The circles are layout shapes in axis units (so they scale with the axes, which always hold them whole), drawn
    semi-transparent, biggest first, with the selected topic red. Clicks go to one invisible point per circle at its
    centre, under its number: Plotly gives a click to the nearest such point, so a click on a number (or anywhere
    in a circle) selects the circle whose centre is nearest, never the smallest circle under the pointer.
    ``customdata`` of each point is the model's topic id, so a selection event names the topic; its number turns
    red as soon as it is clicked. ``guide_title`` heads the 2/5/10% size guide (plain text, escaped here).
    ``stability`` (per topic, 0 to 1; issue 15) draws each circle's border thicker the more stable the topic, dashed
    below 0.5, and adds ``stability_labels[i]`` (plain text, escaped here) to the hover.
    """
    k = len(prevalence)
    weights = term_weights if term_weights is not None else prevalence
    title_px = sum(11.0 if "\uac00" <= ch <= "\ud7a3" else 6.2 for ch in guide_title)  # 11 px font
    circles, (x0, x1, y0, y1), guide, side = map_geometry(coordinates, weights, title_px)
    per_px = max(x1 - x0, y1 - y0) / _PLOT_PX
    colour = LIGHT_BLUE if term_weights is None else BLUE
    shapes = [
        _circle(
            *circles[i],
            fillcolor=_FILL[RED if i == selected else colour],
            line=_border(i == selected, None if stability is None else float(stability[i])),
            layer="below",
            name=f"topic {int(i)}",
        )
        for i in np.argsort(-circles[:, 2], kind="stable")  # big circles first, small ones drawn over them
    ]
    guide_shapes, notes = _size_guide(guide, side, per_px, plotly_text(guide_title))
    hover = [
        f"<b>{plotly_text(labels[i])}</b><br>{100 * prevalence[i]:.1f}% of tokens"
        + (f"<br>p(topic | term) = {term_weights[i]:.3f}" if term_weights is not None else "")
        + ("" if stability_labels is None else "<br>" + plotly_text(stability_labels[i]))
        for i in range(k)
    ]
    fig = go.Figure(
        go.Scatter(
            x=circles[:, 0],
            y=circles[:, 1],
            mode="markers+text",
            text=[str(int(r)) for r in ranks],
            textfont={"size": 13, "color": "#222"},
            customdata=list(range(k)),
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            # A radius of 3 px makes Plotly's hover distance the plain distance to the centre (see the docstring).
            marker={"size": 6, "color": "rgba(0, 0, 0, 0)"},
            selected={"textfont": {"color": RED}},
            unselected={"textfont": {"color": "#222"}},
            name="topics",
        )
    )
    fig.update_layout(
        height=MAP_HEIGHT,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        showlegend=False,
        clickmode="event+select",
        dragmode="pan",
        hovermode="closest",
        hoverdistance=math.ceil(float(circles[:, 2].max()) / per_px) + 4,
        plot_bgcolor="white",
        shapes=shapes + guide_shapes,
        annotations=notes,
        xaxis={
            "range": [x0, x1],
            "zeroline": True,
            "zerolinecolor": "#ddd",
            "showgrid": False,
            "showticklabels": False,
            "title": axis_titles[0],
        },
        yaxis={
            "range": [y0, y1],
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


def trace(
    points: Sequence[tuple[int, float]],
    title: str,
    x_title: str,
    height: int = 270,
    mark: tuple[int, str] | None = None,
) -> go.Figure:
    """A line of (iteration, log-likelihood) points recorded during a fit or a Gibbs run.

    ``mark``: an (iteration, label) drawn as a dashed vertical line, e.g. where the chain converged.
    """
    xy = np.array(points, dtype=float).reshape(-1, 2)
    fig = go.Figure(go.Scatter(x=xy[:, 0], y=xy[:, 1], mode="lines+markers"))
    if mark is not None:
        fig.add_vline(x=mark[0], line_dash="dash", line_color=GREY, annotation_text=mark[1])
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
