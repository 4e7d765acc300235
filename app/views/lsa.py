"""LSA page: the term-document matrix and its SVD, laid out as in the lecture, with a k slider."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

from app import charts, fitting, slide_export, state
from app.i18n import subscript, t
from app.model_controls import FitSpec
from app.plain_text import plain, plotly_text
from app.session import fit_spec_now, pending
from app.widgets import csv_download, require_corpus
from models.lsa.svd import LsaResult, lecture_view

MAX_TERMS = 40  # rows of A, U and A_k shown for a large corpus
MAX_DOCS = 24  # columns of A, Vᵀ and A_k shown for a large corpus
MAX_SCATTER = 400
MAX_COMPONENTS = 5  # columns of U and rows of Σ and Vᵀ shown (all of them in the downloads)
MAX_EQ_DOCS = 6  # documents in the Vᵀ and Σ_k V_kᵀ tables, so each row of matrices fits a 1280 px screen
FULL_SIGMA_K = 3  # above this k, Σ_k shows as its diagonal (one column), so Σ_k V_kᵀ = Σ_k × V_kᵀ fits one row


def _grouped_labels(xy: np.ndarray, names: list[str], tolerance: float) -> list[str]:
    """One label per point; points closer than ``tolerance`` share one label ("pizza / hamburger") on the first."""
    labels = [""] * len(names)
    owner: list[int] = []
    for i in range(len(names)):
        near = next((j for j in owner if np.hypot(*(xy[i] - xy[j])) < tolerance), None)
        if near is None:
            owner.append(i)
            labels[i] = names[i]
        else:
            labels[near] += f" / {names[i]}"
    return labels


def _grey_beyond(k: int, axis: str):
    """A Styler function greying out the columns (or rows) past the first k components."""

    def style(frame: pd.DataFrame) -> pd.DataFrame:
        styles = pd.DataFrame("", index=frame.index, columns=frame.columns)
        if axis == "columns":
            styles.iloc[:, k:] = "color: #bbb; background-color: #f6f6f6"
        else:
            styles.iloc[k:, :] = "color: #bbb; background-color: #f6f6f6"
        return styles

    return style


def _table(
    values: np.ndarray,
    rows: list[str],
    cols: list[str],
    digits: int,
    grey_k: int | None = None,
    axis: str = "columns",
    width: str = "stretch",
) -> None:
    frame = pd.DataFrame(np.round(values, digits) + 0.0, index=rows, columns=cols)
    fmt = f"{{:.{digits}f}}"
    styler = frame.style.format(fmt)
    if grey_k is not None:
        styler = styler.apply(_grey_beyond(grey_k, axis), axis=None)
    config = None
    if width == "content":  # columns as narrow as their numbers, so a row of matrices fits the screen
        numbers = [f"{v:.{digits}f}" for v in frame.to_numpy().ravel()]
        cell = _text_px(max([*numbers, *cols], key=_text_px)) + 16
        config = {"_index": st.column_config.Column(width=_text_px(max(rows, key=_text_px)) + 18)}
        config.update({col: st.column_config.NumberColumn(width=cell) for col in cols})
    st.dataframe(styler, height=min(38 * (len(rows) + 1), 560), width=width, column_config=config)


_CHAR_PX = {".": 3.6, "-": 4.6, ",": 3.6}


def _text_px(text: str) -> int:
    """Rough width of ``text`` in the data grid's 14 px font (digits 7.7 px, a Hangul syllable about 14 px)."""
    return round(sum(14.0 if "\uac00" <= ch <= "\ud7a3" else _CHAR_PX.get(ch, 7.7) for ch in text))


def _matrix(title: str, *table: object, **options: object) -> None:
    """One matrix of a row of matrices: its short title over a table exactly as wide as its columns."""
    with st.container(width="content", gap="xsmall"):
        st.markdown(title, width="content")
        _table(*table, width="content", **options)


def _operator(sign: str) -> None:
    st.markdown(f'<span style="font-size:1.7rem">{sign}</span>', unsafe_allow_html=True, width="content")


st.title(t("page_lsa"))
result, corpus = require_corpus()
fitting.show_message()
lsa: LsaResult | None = fitting.current("lsa", result.request.key)
if lsa is None:
    if pending():
        st.stop()
    spec = fit_spec_now()
    auto = None
    if spec is not None:
        auto = spec if spec.method == "lsa" else FitSpec(method="lsa", corpus_key=spec.corpus_key)
    if fitting.may_auto_fit(auto, "lsa", corpus):
        fitting.schedule(auto)
        st.rerun()
    st.info(t("press_fit_lsa"))
    st.stop()

n_terms, n_docs = lsa.A.shape
r = lsa.n_components
st.caption(
    t(
        "lsa_caption",
        weighting=t(f"weighting_{lsa.weighting}"),
        terms=n_terms,
        docs=n_docs,
        r=r,
        svd=t("svd_full") if lsa.full else t("svd_truncated"),
        label=plain(result.request.label),
    )
)
ss = st.session_state
# One k slider per fit: its range follows the fit, so a new fit gets a new widget rather than a remounted one.
k_key = f"{state.LSA_SHOW_K}|{ss[state.LSA_KEY].key}"
ss[k_key] = ss[k_key] if 1 <= ss.get(k_key, 0) <= r else min(2, r)
left, right = st.columns([3, 1])
with left:
    k = st.slider(
        t("lsa_show_k"),
        min_value=1,
        max_value=max(r, 2),
        key=k_key,
        disabled=r < 2,
        help=t("lsa_show_k_help"),
    )
    k = min(int(k), r)
with right:
    rounding = st.toggle(t("lecture_rounding"), key=state.LECTURE_ROUNDING, help=t("lecture_rounding_help"))

big = n_terms > MAX_TERMS or n_docs > MAX_DOCS
tf = np.asarray(lsa.A.sum(axis=1)).ravel()
term_rows = np.sort(np.argsort(-tf, kind="stable")[:MAX_TERMS]) if n_terms > MAX_TERMS else np.arange(n_terms)
doc_cols = np.arange(min(n_docs, MAX_DOCS))
terms = [lsa.terms[i] for i in term_rows]
docs = [f"d{j + 1}" for j in doc_cols]
topics = [f"t{i + 1}" for i in range(r)]
if big:
    st.info(t("lsa_large_note", terms=len(term_rows), docs=len(doc_cols), n_terms=n_terms, n_docs=n_docs))

# --- A -------------------------------------------------------------------------------------------------------------
st.subheader(t("lsa_A"))
A_dense = lsa.A[term_rows][:, doc_cols].toarray()
a_left, a_right = st.columns([1, 1])
with a_left:
    _table(A_dense, terms, docs, 0 if lsa.weighting == "count" else 3)
with a_right:
    heat = px.imshow(A_dense, x=docs, y=[plotly_text(w) for w in terms], color_continuous_scale="Blues", aspect="auto")
    heat.update_layout(height=max(260, 22 * len(terms) + 80), margin={"l": 10, "r": 10, "t": 10, "b": 10})
    st.plotly_chart(heat, key="tl_lsa_heat")
with st.expander(t("lsa_doc_legend")):
    st.dataframe(
        pd.DataFrame(
            {
                "": docs,
                t("col_name"): [corpus.documents[j].name for j in doc_cols],
                t("col_text"): [corpus.documents[j].text[:200] for j in doc_cols],
            }
        ),
        hide_index=True,
    )

# --- U Σ Vᵀ --------------------------------------------------------------------------------------------------------
st.subheader(t("lsa_svd"))
st.latex(r"A \doteq U \Sigma V^T")
view = lecture_view(lsa, k) if rounding else None
digits = 1 if rounding else 3
U = view.U if view is not None else lsa.U
Vt = view.Vt if view is not None else lsa.Vt
if view is not None:
    Sigma = view.Sigma
else:
    Sigma = np.zeros((r, r))
    Sigma[np.arange(r), np.arange(r)] = lsa.sigma
# At most MAX_COMPONENTS components and MAX_EQ_DOCS documents, each table as wide as its columns, in a row that wraps
# rather than scrolls: side by side where they fit (the lecture's 5 × 5, 5 × 5 and 5 × 6 at 1280 px), never cut off.
c = min(r, MAX_COMPONENTS)
eq_docs = doc_cols[:MAX_EQ_DOCS]
u_cols = [f"t{i + 1}" for i in range(c)]
st.markdown(f"**U**: {t('lsa_U')} · **Σ**: {t('lsa_Sigma')} · **Vᵀ**: {t('lsa_Vt')}")
with st.container(horizontal=True, gap="small"):
    _matrix("**U**", U[term_rows][:, :c], terms, u_cols, digits, grey_k=k, axis="columns")
    _matrix("**Σ**", Sigma[:c, :c], u_cols, u_cols, digits, grey_k=k, axis="rows")
    _matrix("**Vᵀ**", Vt[:c, eq_docs], u_cols, docs[: len(eq_docs)], digits, grey_k=k, axis="rows")
if c < r or len(eq_docs) < n_docs:
    st.caption(t("lsa_svd_shown", c=c, r=r, docs=len(eq_docs), n_docs=n_docs))
if lsa.full and len(set(np.round(lsa.sigma, 6))) < r:
    st.caption(t("lsa_repeated_sigma"))

# --- Σ_k V_kᵀ ------------------------------------------------------------------------------------------------------
st.subheader(t("lsa_doc_concepts", ks=subscript(k)))
concepts = view.document_concepts if view is not None else lsa.document_concepts(k)
# One row that wraps rather than scrolls; beyond FULL_SIGMA_K, Σ_k is shown as its diagonal, so it stays one row.
eq_names = docs[: len(eq_docs)]
sig_k = view.Sigma[:k, :k] if view is not None else np.diag(lsa.sigma[:k])
with st.container(horizontal=True, gap="small", vertical_alignment="center"):
    _matrix(f"**Σ{subscript(k)}V{subscript(k)}ᵀ**", concepts[:, eq_docs], topics[:k], eq_names, 2)
    _operator("=")
    if k <= FULL_SIGMA_K:
        _matrix(f"**Σ{subscript(k)}**", sig_k, topics[:k], topics[:k], digits)
    else:
        _matrix(f"**Σ{subscript(k)}** (diag)", np.diag(sig_k)[:, None], topics[:k], ["σ"], digits)
    _operator("×")
    _matrix(f"**V{subscript(k)}ᵀ**", Vt[:k, eq_docs], topics[:k], eq_names, digits)
if view is not None:
    st.caption(t("lecture_rounding_note", exact=", ".join(f"{x:.2f}" for x in view.document_concepts_exact[0, :3])))

# --- A_k -----------------------------------------------------------------------------------------------------------
st.subheader(t("lsa_Ak", k=k, ks=subscript(k)))
error = lsa.reconstruction_error(k)
m1, m2, m3 = st.columns(3)
m1.metric(t("lsa_error_abs"), f"{error.absolute:.4f}")
m2.metric(t("lsa_error_rel"), f"{100 * error.relative:.1f}%")
m3.metric(t("lsa_energy"), f"{100 * float(lsa.explained_variance_ratio[:k].sum()):.1f}%")
# Only the shown block of A_k = U_k Σ_k V_kᵀ: the full matrix of a large corpus would not fit in memory.
A_k_shown = (lsa.U[term_rows, :k] * lsa.sigma[:k]) @ lsa.Vt[:k, doc_cols]
_table(A_k_shown, terms, docs, 2)

# --- scree and concept space ---------------------------------------------------------------------------------------
st.subheader(t("lsa_scree"))
st.plotly_chart(charts.scree(lsa.sigma, k, (t("component"), t("singular_value"))), key="tl_scree")
if r >= 2:
    st.subheader(t("lsa_space"))
    a, b = st.columns(2)
    cx = a.selectbox(t("lsa_x"), list(range(r)), index=0, format_func=lambda i: f"t{i + 1}", key="tl_lsa_cx")
    cy = b.selectbox(t("lsa_y"), list(range(r)), index=1, format_func=lambda i: f"t{i + 1}", key="tl_lsa_cy")
    kk = max(cx, cy) + 1
    term_xy = lsa.term_loadings(kk)
    doc_xy = lsa.document_concepts(kk).T
    show_terms = np.argsort(-tf, kind="stable")[:MAX_SCATTER]
    show_docs = np.arange(min(n_docs, MAX_SCATTER))
    # Labels of points drawn at (about) the same place are joined, so they are not printed on top of each other.
    spread = np.ptp(np.vstack([term_xy[show_terms][:, [cx, cy]], doc_xy[show_docs][:, [cx, cy]]]), axis=0).max()
    tol = 0.03 * float(spread) if spread > 0 else 1e-9
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=term_xy[show_terms, cx],
            y=term_xy[show_terms, cy],
            mode="markers+text",
            text=_grouped_labels(term_xy[show_terms][:, [cx, cy]], [plotly_text(lsa.terms[i]) for i in show_terms], tol)
            if len(show_terms) <= 60
            else None,
            textposition="top center",
            name=t("terms_label"),
            hovertext=[plotly_text(lsa.terms[i]) for i in show_terms],
            hovertemplate="%{hovertext}<extra></extra>",
            marker={"color": charts.RED, "size": 8, "symbol": "diamond"},
        )
    )
    fig.add_trace(
        go.Scatter(
            x=doc_xy[show_docs, cx],
            y=doc_xy[show_docs, cy],
            mode="markers+text",
            text=_grouped_labels(doc_xy[show_docs][:, [cx, cy]], [f"d{j + 1}" for j in show_docs], tol)
            if len(show_docs) <= 60
            else None,
            textposition="bottom center",
            name=t("documents"),
            hovertext=[f"d{j + 1}: {plotly_text(corpus.documents[j].text[:120])}" for j in show_docs],
            hovertemplate="%{hovertext}<extra></extra>",
            marker={"color": charts.BLUE, "size": 9},
        )
    )
    fig.update_layout(
        height=480,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        plot_bgcolor="white",
        xaxis_title=f"t{cx + 1}",
        yaxis_title=f"t{cy + 1}",
        legend={"orientation": "h"},
    )
    st.plotly_chart(fig, key="tl_lsa_space")

with st.expander(t("downloads")):
    csv_download(
        pd.DataFrame(lsa.U, index=lsa.terms, columns=topics).reset_index(names="term"), "lsa-U.csv", key="tl_dl_u"
    )
    csv_download(
        pd.DataFrame({"sigma": lsa.sigma}, index=topics).reset_index(names="topic"), "lsa-sigma.csv", key="tl_dl_s"
    )
    csv_download(
        pd.DataFrame(lsa.Vt, index=topics, columns=[f"d{j + 1}" for j in range(n_docs)]).reset_index(names="topic"),
        "lsa-Vt.csv",
        key="tl_dl_vt",
    )
slide_export.export_panel(
    {
        t("export_lsa"): lambda: slide_export.matrix_figure(
            [
                ("U", lsa.U[:, :k], lsa.terms, topics[:k]),
                ("Σ", np.diag(lsa.sigma[:k]), topics[:k], topics[:k]),
                ("Vᵀ", lsa.Vt[:k], topics[:k], [f"d{j + 1}" for j in range(n_docs)]),
            ],
            title=t("export_lsa_title", k=k),
        )
    },
    key="tl_export_lsa",
)
