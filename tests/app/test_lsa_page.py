"""The LSA page through AppTest: the lecture's matrices, exact and with the lecture's rounding."""

from __future__ import annotations

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from app import state
from tests.app.conftest import frame_with, metrics


@pytest.fixture
def lsa_page(fresh_app: AppTest) -> AppTest:
    fresh_app.session_state[state.SAMPLE] = "lecture-lsa"
    fresh_app.run()
    fresh_app.switch_page("views/lsa.py").run()
    assert not fresh_app.exception, fresh_app.exception
    return fresh_app


def _tables(at: AppTest) -> list:
    return [df.value.data if hasattr(df.value, "data") else df.value for df in at.dataframe]


def test_lecture_matrices_exact(lsa_page: AppTest) -> None:
    tables = _tables(lsa_page)
    A = tables[0]
    assert list(A.index) == ["pizza", "hamburger", "cookie", "ramen", "sushi"]
    assert A.to_numpy().tolist() == [
        [1, 1, 0, 0, 0, 0],
        [0, 1, 1, 0, 0, 0],
        [0, 1, 0, 0, 0, 0],
        [0, 0, 0, 1, 0, 1],
        [0, 0, 0, 0, 1, 1],
    ]
    sigma = next(t for t in tables if list(t.index) == ["t1", "t2", "t3", "t4", "t5"] and t.shape == (5, 5))
    np.testing.assert_allclose(np.diag(sigma.to_numpy()), [1.932, 1.732, 1.0, 1.0, 0.518], atol=1e-3)
    concepts = next(t for t in tables if t.shape == (2, 6))
    np.testing.assert_allclose(
        concepts.to_numpy(), [[0.63, 1.72, 0.63, 0, 0, 0], [0, 0, 0, 0.71, 0.71, 1.41]], atol=1e-9
    )
    assert "full SVD with 5 components" in lsa_page.caption[0].value
    headings = [h.value for h in lsa_page.subheader]
    assert "Document matrix for topic: Σ₂V₂ᵀ" in headings  # subscripts, not Markdown underscores
    assert "Rank-2 reconstruction A₂ = U₂Σ₂V₂ᵀ" in headings


def test_lecture_rounding_shows_the_slide_values(lsa_page: AppTest) -> None:
    lsa_page.toggle(key=state.LECTURE_ROUNDING).set_value(True).run()
    tables = _tables(lsa_page)
    concepts = next(t for t in tables if t.shape == (2, 6))
    np.testing.assert_allclose(
        concepts.to_numpy(), [[0.57, 1.71, 0.57, 0, 0, 0], [0, 0, 0, 0.68, 0.68, 1.36]], atol=1e-9
    )
    sigma_k = next(t for t in tables if t.shape == (2, 2))
    assert sigma_k.to_numpy().tolist() == [[1.9, 0.0], [0.0, 1.7]]
    vt_k = [t for t in tables if t.shape == (2, 6)][1]
    assert vt_k.to_numpy().tolist() == [[0.3, 0.9, 0.3, 0, 0, 0], [0, 0, 0, 0.4, 0.4, 0.8]]
    assert any("0.63, 1.72, 0.63" in c.value for c in lsa_page.caption)


def test_k_slider_truncates(lsa_page: AppTest) -> None:
    k_key = f"{state.LSA_SHOW_K}|{lsa_page.session_state[state.LSA_KEY].key}"
    lsa_page.slider(key=k_key).set_value(1).run()
    shown = metrics(lsa_page)
    # Eckart-Young: ‖A − A_1‖ = sqrt(σ2² + σ3² + σ4² + σ5²) = sqrt(3 + 1 + 1 + 0.268) = 2.295
    assert shown["‖A − A_k‖ (Frobenius)"] == "2.2952"
    concepts = next(t for t in _tables(lsa_page) if t.shape == (1, 6))
    np.testing.assert_allclose(concepts.to_numpy(), [[0.63, 1.72, 0.63, 0, 0, 0]], atol=1e-9)


def test_tfidf_weighting_refits_on_fit(lsa_page: AppTest) -> None:
    lsa_page.sidebar.radio(key=state.METHOD).set_value("lsa").run()
    lsa_page.sidebar.radio(key=state.LSA_WEIGHTING).set_value("tfidf").run()
    lsa_page.sidebar.button(key=state.FIT_BUTTON).click().run()
    assert not lsa_page.exception
    assert "TF-IDF" in lsa_page.caption[0].value
    A = frame_with(lsa_page, "d1", "d6")
    assert A.loc["cookie", "d2"] > A.loc["pizza", "d2"]  # cookie is rarer, so it weighs more


def test_korean_labels(lsa_page: AppTest) -> None:
    lsa_page.sidebar.radio(key=state.LANG).set_value("ko").run()
    assert lsa_page.title[0].value == "LSA 행렬"
    assert any("토픽별 단어 행렬" in m.value for m in lsa_page.markdown)
