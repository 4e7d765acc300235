"""Pictures for slides: the map, the bars, the LSA matrices and the Gibbs tables as PNG and SVG, drawn by kaleido
with the system's Chromium in a worker (Hangul kept)."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from app import job_tasks, slide_export
from models.errors import InputError
from tests.app.conftest import decode_arrays, open_lda_tab

needs_chromium = pytest.mark.skipif(shutil.which("chromium") is None, reason="kaleido draws with Chromium")


def _prepare(at: AppTest, key: str, what: str, fmt: str) -> bytes:
    at.selectbox(key=f"{key}|what").set_value(what)
    at.radio(key=f"{key}|format").set_value(fmt)
    at.button(key=f"{key}|prepare").click().run()
    assert not at.exception, at.exception
    name, kind, data = at.session_state[f"{key}|ready"]
    assert name == what and kind == fmt
    return data


@needs_chromium
def test_map_and_bars_as_png_and_svg(app: AppTest) -> None:
    open_lda_tab(app, "downloads")
    png = _prepare(app, "tl_export_lda", "Intertopic distance map", "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(png[16:20], "big") == 2 * slide_export.WIDTH  # projector width, twice the pixels
    svg = _prepare(app, "tl_export_lda", "Term bars", "svg")
    assert b"<svg" in svg[:500] and b"Top-30" in svg  # the bars' own title, as text


@needs_chromium
def test_hangul_survives_in_the_gibbs_tables(app: AppTest) -> None:
    app.switch_page("views/gibbs.py").run()
    svg = _prepare(app, "tl_export_gibbs", "The two count tables", "svg")
    assert "문고리".encode() in svg and "거래".encode() in svg  # the lecture's Korean words, as text


def test_matrix_figure_keeps_the_first_rows_and_columns() -> None:
    labels = [chr(ord("a") + i) for i in range(20)]
    fig = json.loads(slide_export.matrix_figure([("U", np.arange(400.0).reshape(20, 20), labels, labels)]))
    z = np.array(decode_arrays(fig["data"][0]["z"]))
    assert z.shape == (slide_export.MAX_ROWS, slide_export.MAX_COLUMNS) and z[1, 0] == 20.0


def test_an_export_without_a_browser_is_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    figure = slide_export.matrix_figure([("x", np.ones((1, 1)), ["a"], ["b"])])
    with pytest.raises(InputError) as err:
        job_tasks.export_image(figure, "png", 100, 100, progress=lambda *a: None)
    assert err.value.code == "export_no_browser"
