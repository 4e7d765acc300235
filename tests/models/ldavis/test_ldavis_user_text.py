"""The offline LDAvis page shows Markdown and HTML in vocabulary terms as text (issue 9)."""

from __future__ import annotations

import json
import re

import numpy as np

from models.lda.topic_model import TopicModel
from models.ldavis.html_page import ldavis_html

TERMS = ("<img src=http://127.0.0.1:9/x.png>", "<b>bold</b>", "**md**", "$x^2$", "=cmd|' /C calc'!A0", "a&amp;b")


def _model() -> TopicModel:
    rng = np.random.default_rng(3)
    k, v, d = 3, 30, 20
    phi = rng.dirichlet(np.full(v, 0.3), size=k)
    phi[:, : len(TERMS)] += 0.2  # the hostile terms are frequent, so they are among the bars
    phi /= phi.sum(axis=1, keepdims=True)
    theta = rng.dirichlet(np.full(k, 0.5), size=d)
    lengths = rng.integers(20, 60, size=d)
    vocab = (*TERMS, *(f"t{i}" for i in range(len(TERMS), v)))
    return TopicModel(phi=phi, theta=theta, vocab=vocab, doc_lengths=lengths, term_frequency=(lengths @ theta) @ phi)


def test_terms_are_data_not_markup() -> None:
    page = ldavis_html(_model())
    assert "<img" not in page and "<b>bold" not in page and "a&amp;b" not in page
    data = re.search(r"var data = (\{.*?\});\n", page, flags=re.DOTALL)
    assert data is not None
    shown = set(json.loads(data.group(1))["tinfo"]["Term"])
    assert set(TERMS) <= shown  # the JSON carries each term exactly as written; LDAvis draws it with d3's .text()
