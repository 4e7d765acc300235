"""Text from users is text: file, member, column, topic and document names never become Markdown or HTML, and no
CSV download holds a cell that a spreadsheet would run as a formula (issue 9)."""

from __future__ import annotations

import csv
import html
import io
import re
import zipfile
from collections.abc import Callable, Iterator

import numpy as np
import pytest
import streamlit
from streamlit.testing.v1 import AppTest

from app import result_cache, state
from app.plain_text import plain
from models.export_safety import FORMULA_STARTS
from tests.app.conftest import open_lda_tab, plotly_figures

HOSTILE = "**bold** $x^2$ ![img](http://127.0.0.1:9/x.png) <b>x</b>"
TXT_NAME = f"{HOSTILE}.txt"
ZIP_NAME = "**zip** ![z](http://127.0.0.1:9/z.png).zip"
MEMBER = "**member** ![m](http://127.0.0.1:9/m.png) <img src=http://127.0.0.1:9/i.png>.txt"
NESTED = "<b>inner</b> ![n](http://127.0.0.1:9/n.png) :red[red] .zip"
EMPTY_NAME = "![e](http://127.0.0.1:9/e.png) **empty**.txt"
TEXT_COLUMN = "**body** <img src=http://127.0.0.1:9/c.png>"
TOPIC_NAMES = ("=cmd|' /C calc'!A0", "+SUM(1) **bold** <b>b</b>", "-minus ![t](http://127.0.0.1:9/t.png)")
# Markdown or HTML that must never reach the page unescaped.
UNESCAPED = re.compile(r"(?<!\\)(!\[|\]\(http|<img|<b>|\*\*(bold|zip|member|empty|body)|\$x|:red\[)", re.IGNORECASE)
RAW_TAGS = re.compile(r"<img|<b>(x|b|inner)</b>", re.IGNORECASE)

THEMES = (
    "pizza pasta tomato cheese oven basil",
    "football match goal striker league coach",
    "stock market shares investor bank profit",
)


def _lines(prefix: str, n: int) -> str:
    return "".join(f"{prefix}{THEMES[i % 3]} {THEMES[(i + 1) % 3].split()[i % 6]}\n" for i in range(n))


def _zip() -> bytes:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as nested:
        nested.writestr("a.txt", "pizza pasta\n")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(MEMBER, _lines("", 6))
        archive.writestr(NESTED, inner.getvalue())
    return buffer.getvalue()


def _csv() -> bytes:
    rows = [["title", TEXT_COLUMN, "=meta"]]
    for i, start in enumerate(FORMULA_STARTS):
        rows.append([f"{start}title {i}", f"{start}{THEMES[i % 3]}", f"{start}1+{i}"])
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8")


def _files() -> list[tuple[str, bytes]]:
    """A hostile upload: names with Markdown and HTML, names and texts that start like formulas."""
    files = [(TXT_NAME, _lines("", 6).encode()), (ZIP_NAME, _zip()), ("table.csv", _csv()), (EMPTY_NAME, b"")]
    for start in FORMULA_STARTS:
        files.append((f"{start}HYPERLINK(x).txt", (_lines(start, 3) + f"{start}the and of\n").encode()))
    return files


def _upload(at: AppTest, files: list[tuple[str, bytes]]) -> AppTest:
    at.sidebar.radio(key=state.SOURCE).set_value("upload").run()
    # AppTest has no file-uploader element: put the bytes where the uploader's callback copies them.
    at.session_state[state.UPLOADED] = tuple(files)
    at.session_state[state.UPLOAD_DIGEST] = "|".join(f"{name}:{len(data)}:{hash(data)}" for name, data in files)
    at.sidebar.number_input(key=state.N_TOPICS).set_value(3)
    return at.run()


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], bytes]]:
    """Every download button the pages draw: {file name: its data function} (the button itself is still drawn)."""
    seen: dict[str, Callable[[], bytes]] = {}
    real = streamlit.download_button

    def recording(label: str, data: object, file_name: str | None = None, **kwargs: object) -> bool:
        seen[str(file_name)] = data if callable(data) else (lambda: data)
        return real(label, data, file_name=file_name, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", recording)
    return seen


@pytest.fixture
def hostile(fresh_app: AppTest, downloads: dict) -> Iterator[AppTest]:
    """The hostile upload, read, on the Corpus page (English UI)."""
    fresh_app.run()
    fresh_app.switch_page("views/corpus.py").run()
    _upload(fresh_app, _files())
    assert not fresh_app.exception, fresh_app.exception
    yield fresh_app


def _bodies(at: AppTest) -> list[str]:
    """The Markdown source of every element that Streamlit renders as Markdown, sidebar included."""
    kinds = ("title", "header", "subheader", "markdown", "caption", "error", "warning", "info", "success")
    metrics = [text for metric in at.metric for text in (metric.label, metric.value)]  # metric values are Markdown
    return [element.value for kind in kinds for element in getattr(at, kind)] + metrics


def _assert_all_text(at: AppTest) -> None:
    for body in _bodies(at):
        assert not UNESCAPED.search(body), body
    for figure in plotly_figures(at):
        shown = [figure["layout"].get("title", {}).get("text", "")]
        for trace in figure["data"]:
            for field in ("y", "x", "text", "hovertext"):
                values = trace.get(field)
                shown += [v for v in values if isinstance(v, str)] if isinstance(values, list) else []
            shown.append(str(trace.get("name", "")))
        for text in shown:
            assert not RAW_TAGS.search(text), text


def _rows(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _assert_no_formula(rows: list[list[str]]) -> None:
    """No cell starts like a formula unless it is a number (the quote prefix makes text start with ')."""
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS) or _is_number(cell), (cell, row)


def _column(rows: list[list[str]], name: str) -> list[str]:
    j = rows[0].index(name)
    return [row[j] for row in rows[1:]]


def test_names_on_the_corpus_page_are_text(hostile: AppTest) -> None:
    label = hostile.caption[0].value
    assert label.startswith(plain(TXT_NAME)) and plain(ZIP_NAME) in label
    errors = " ".join(e.value for e in hostile.error)
    assert plain(EMPTY_NAME) in errors and "empty" in errors
    warnings = " ".join(w.value for w in hostile.warning)
    assert plain(NESTED) in warnings and plain(f"{ZIP_NAME}") in warnings
    _assert_all_text(hostile)
    files = next(df.value for df in hostile.dataframe if "status" in df.value.columns)
    assert TXT_NAME in list(files["file"]) and f"{ZIP_NAME}/{MEMBER}" in list(files["file"])
    assert TEXT_COLUMN in list(files["text column"])  # tables show the raw names: they are never Markdown
    assert EMPTY_NAME in " ".join(files["status"])
    docs = next(df.value for df in hostile.dataframe if "terms" in df.value.columns)
    assert "=meta" in docs.columns and "=HYPERLINK(x).txt #1" in list(docs["name"])


def test_korean_ui_escapes_the_same_names(hostile: AppTest) -> None:
    hostile.sidebar.radio(key=state.LANG).set_value("ko").run()
    assert hostile.title[0].value == "말뭉치"
    assert plain(EMPTY_NAME) in " ".join(e.value for e in hostile.error)
    _assert_all_text(hostile)


def test_corpus_downloads_neutralise_formulas(hostile: AppTest, downloads: dict) -> None:
    assert {"documents.csv", "vocabulary.csv", "dropped.csv"} <= set(downloads)
    documents = _rows(downloads["documents.csv"]())
    _assert_no_formula(documents)
    header = documents[0]
    assert "'=meta" in header and "tokens" in header
    names = _column(documents, "name")
    for start in FORMULA_STARTS:
        assert f"'{start}HYPERLINK(x).txt #1" in names
    texts = _column(documents, "text")
    assert f"'={THEMES[0]}" in texts and f"'@{THEMES[0]}" in texts
    assert "'=1+0" in _column(documents, "'=meta") and "'-1+2" in _column(documents, "'=meta")
    corpus_docs = next(df.value for df in hostile.dataframe if "terms" in df.value.columns)
    assert [int(n) for n in _column(documents, "tokens")] == list(corpus_docs["tokens"])

    vocabulary = _rows(downloads["vocabulary.csv"]())
    _assert_no_formula(vocabulary)
    assert vocabulary[0] == ["term", "count", "documents"]
    assert {"pizza", "football", "stock"} <= set(_column(vocabulary, "term"))
    assert all(int(c) > 0 for c in _column(vocabulary, "count"))

    dropped = _rows(downloads["dropped.csv"]())
    _assert_no_formula(dropped)
    previews = _column(dropped, "text")
    for start in ("=", "+", "-", "@"):
        assert f"'{start}the and of" in previews
    assert "'=HYPERLINK(x).txt" in _column(dropped, "file")


def _fitted_lda(at: AppTest) -> object:
    at.switch_page("views/lda.py").run()
    if state.LDA_KEY not in at.session_state:
        at.sidebar.button(key=state.FIT_BUTTON).click().run()
    assert not at.exception, at.exception
    return result_cache.get(at.session_state[state.LDA_KEY].key)


def test_topic_names_are_text_and_lda_downloads_are_safe(hostile: AppTest, downloads: dict) -> None:
    exploration = _fitted_lda(hostile)
    model, vis = exploration.model, exploration.vis
    assert model.n_topics == 3
    fit_key = hostile.session_state[state.LDA_KEY].key
    order = [int(k) for k in vis.order]
    open_lda_tab(hostile, "topics")
    # The topic-names editor: rows are topics in display order; seed its edits as a user's typing would.
    hostile.session_state[f"tl_names_editor_{fit_key}"] = {
        "edited_rows": {row: {"name": name} for row, name in enumerate(TOPIC_NAMES)},
        "added_rows": [],
        "deleted_rows": [],
    }
    hostile.run()
    assert not hostile.exception, hostile.exception
    names = hostile.session_state[state.TOPIC_NAMES][fit_key]
    assert [names[k] for k in order] == list(TOPIC_NAMES)

    open_lda_tab(hostile, "explore")
    hostile.button(key="tl_next").click().run()
    first = order[0]
    assert hostile.session_state[state.SELECTED_TOPIC] == first
    assert plain(TOPIC_NAMES[0]) in hostile.subheader[-1].value
    assert plain(TXT_NAME) in hostile.caption[0].value  # the LDA caption names the upload
    _assert_all_text(hostile)
    bars = next(f for f in plotly_figures(hostile) if "title" in f["layout"] and f["data"][0].get("type") == "bar")
    assert "=cmd|&#x27; /C calc&#x27;!A0" in bars["layout"]["title"]["text"]
    labels = {f"#{r} {n} (id {k})" for r, n, k in zip((1, 2, 3), TOPIC_NAMES, order, strict=True)}
    mixture = next(f for f in plotly_figures(hostile) if f["layout"].get("barmode") == "stack")
    legend = {trace["name"] for trace in mixture["data"]}
    assert legend and legend <= {html.escape(label) for label in labels}
    html_bodies = " ".join(h.proto.body for h in hostile.get("html"))
    titles = re.findall(r'title="([^"]*)"', html_bodies)  # the coloured words' tooltips name their topics
    assert titles and {html.unescape(title) for title in titles} <= labels
    assert not RAW_TAGS.search(html_bodies) and "![t](http" not in html_bodies.replace("&#x27;", "'")

    open_lda_tab(hostile, "downloads")
    topic_term = _rows(downloads["topic-term.csv"]())
    _assert_no_formula(topic_term)
    assert topic_term[0][1:] == [f"'{names[k]} (id {k})" for k in range(model.n_topics)]
    phi = np.array([[float(c) for c in row[1:]] for row in topic_term[1:]])
    np.testing.assert_allclose(phi, model.phi.T, rtol=1e-12)

    doc_topic = _rows(downloads["document-topic.csv"]())
    _assert_no_formula(doc_topic)
    k = model.n_topics
    assert doc_topic[0][:3] == ["#", "name", "file"] and doc_topic[0][-k:] == topic_term[0][1:]  # identity first
    assert [row[0] for row in doc_topic[1:]] == [str(d) for d in range(1, len(doc_topic))]
    assert sum(row[1].startswith("'") for row in doc_topic[1:]) == 6 * 3  # six formula files, three documents each
    theta = np.array([[float(c) for c in row[-k:]] for row in doc_topic[1:]])
    np.testing.assert_allclose(theta, model.theta, rtol=1e-12)

    topic_names = _rows(downloads["topic-names.csv"]())
    _assert_no_formula(topic_names)
    assert topic_names[0] == ["topic_id", "rank", "name"]
    assert {row[2] for row in topic_names[1:]} == {f"'{n}" for n in TOPIC_NAMES}
    assert [int(row[0]) for row in topic_names[1:]] == [0, 1, 2]


def test_choose_k_download_keeps_negative_numbers(hostile: AppTest, downloads: dict) -> None:
    _fitted_lda(hostile)
    open_lda_tab(hostile, "quality")
    hostile.number_input(key=state.K_FROM).set_value(2)
    hostile.number_input(key=state.K_TO).set_value(3)
    hostile.number_input(key=state.K_STEP).set_value(1)
    hostile.button(key="tl_run_sweep").click().run()
    assert not hostile.exception, hostile.exception
    rows = _rows(downloads["choose-k.csv"]())
    _assert_no_formula(rows)
    assert [int(k) for k in _column(rows, "k")] == [2, 3]
    u_mass = [float(v) for v in _column(rows, "u_mass")]
    assert all(v < 0 for v in u_mass)  # negative numbers are written as numbers, not as quoted text


def test_lsa_downloads_keep_negative_numbers(hostile: AppTest, downloads: dict) -> None:
    hostile.switch_page("views/lsa.py").run()
    if state.LSA_KEY not in hostile.session_state or result_cache.get(hostile.session_state[state.LSA_KEY].key) is None:
        hostile.sidebar.radio(key=state.METHOD).set_value("lsa").run()
        hostile.sidebar.button(key=state.FIT_BUTTON).click().run()
    assert not hostile.exception, hostile.exception
    lsa = result_cache.get(hostile.session_state[state.LSA_KEY].key)
    _assert_all_text(hostile)
    u_rows = _rows(downloads["lsa-U.csv"]())
    _assert_no_formula(u_rows)
    u = np.array([[float(c) for c in row[1:]] for row in u_rows[1:]])
    np.testing.assert_allclose(u, lsa.U, rtol=1e-12)
    assert (u < 0).any()
    vt_rows = _rows(downloads["lsa-Vt.csv"]())
    _assert_no_formula(vt_rows)
    np.testing.assert_allclose(np.array([[float(c) for c in row[1:]] for row in vt_rows[1:]]), lsa.Vt, rtol=1e-12)
    sigma = _rows(downloads["lsa-sigma.csv"]())
    np.testing.assert_allclose([float(v) for v in _column(sigma, "sigma")], lsa.sigma, rtol=1e-12)


def test_gibbs_classroom_on_the_upload_shows_names_as_text(hostile: AppTest) -> None:
    hostile.switch_page("views/gibbs.py").run()
    hostile.session_state[state.GIBBS_SOURCE] = "corpus"
    hostile.button(key="tl_gibbs_apply").click().run()
    assert not hostile.exception, hostile.exception
    sampler = hostile.session_state[state.GIBBS]
    assert sampler.doc_names[0] == f"{TXT_NAME} #1"
    assert plain(sampler.doc_names[0]) in " ".join(c.value for c in hostile.caption)
    assert any(plain(sampler.doc_names[0]) in m.label for m in hostile.metric)  # "Next token, in <document>"
    _assert_all_text(hostile)
    hostile.button(key="tl_gibbs_step").click().run()  # the step's heading names the word and its document
    assert plain(sampler.doc_names[0]) in hostile.subheader[0].value
    _assert_all_text(hostile)
