"""A Spark fit (``python -m models spark-fit``, local mode) opens in the explorer like any saved model: its topics on
the map and in the term bars, no refit, the sidebar saying the document views show a sample; and the engine box
offers Spark only where it is installed.

Marked ``spark``: CI runs them; skip locally with ``-m "not spark"``.
"""

from __future__ import annotations

import csv
import os
import random

import pytest
from streamlit.testing.v1 import AppTest

from app import state
from models.cli.main import main
from models.lda.engines import spark_lda
from models.lda.saved_model import open_saved
from tests.app.conftest import MAIN, count_fits, plotly_figures

THEMES = {
    "sport": "goal match team player league coach score season stadium referee".split(),
    "food": "pizza pasta cheese bread tomato sauce oven recipe kitchen flavour".split(),
    "space": "rocket orbit planet moon launch satellite astronaut telescope galaxy comet".split(),
}


@pytest.fixture(scope="module")
def spark_file(tmp_path_factory) -> bytes:
    if not spark_lda.spark_available():
        if os.environ.get("CI") or os.environ.get("TOPICLENS_REQUIRE_SPARK"):
            pytest.fail(f"Spark is not installed here ({spark_lda.spark_missing()}); .ci/run should install it")
        pytest.skip(f"Spark is not installed ({spark_lda.spark_missing()} missing)")
    folder = tmp_path_factory.mktemp("spark")
    table, out = folder / "themes.csv", folder / "themes.topiclens"
    rng = random.Random(2)
    with table.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["title", "text"])
        for i in range(90):
            theme = list(THEMES)[i % 3]
            writer.writerow([f"{theme} {i}", " ".join(rng.choice(THEMES[theme]) for _ in range(25))])
    code = main(["spark-fit", str(table), "--k", "3", "--optimizer", "em", "--sample-docs", "45",
                 "--master", "local[2]", "--out", str(out)])  # fmt: skip
    assert code == 0
    return out.read_bytes()


@pytest.mark.spark
def test_a_spark_fit_opens_in_the_explorer(spark_file: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    saved = open_saved(spark_file)
    fits = count_fits(monkeypatch)
    at = AppTest.from_file(MAIN, default_timeout=300)
    at.session_state[state.SOURCE] = "saved"
    at.session_state[state.SAVED_FILE] = ("themes.topiclens", spark_file)
    at.run()
    assert not at.exception, at.exception
    assert fits == []  # opened, not refitted
    figures = plotly_figures(at)
    topic_map = next(f for f in figures if f["data"][0].get("name") == "topics")
    assert len(topic_map["data"][0]["x"]) == 3
    shown = str(figures)
    for words in THEMES.values():  # every planted theme's words are on the page (bars of the salient terms)
        assert sum(w in shown for w in words) >= 3, words
    captions = [c.value for c in at.sidebar.caption]
    assert any(c.startswith("Opened themes") for c in captions), captions
    assert any("uniform sample of 45 of them" in c and "90 documents" in c for c in captions), captions
    assert at.session_state[state.ENGINE] == "spark"
    assert saved.model.engine == "spark" and at.sidebar.selectbox(key=state.ENGINE).value == "spark"


def test_the_engine_box_offers_spark_only_where_it_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spark_lda, "spark_missing", lambda: "java")
    from app import model_controls

    monkeypatch.setattr(model_controls, "spark_missing", lambda: "java")
    monkeypatch.setattr(model_controls, "available_engines", lambda: ("gibbs", "gensim", "sklearn"))
    at = AppTest.from_file(MAIN, default_timeout=300)
    at.run()
    assert not at.exception, at.exception
    box = at.sidebar.selectbox(key=state.ENGINE)
    assert list(box.options) == [
        "Collapsed Gibbs (fast)",
        "gensim (variational Bayes)",
        "scikit-learn (variational)",
    ]
    assert "requirements-spark.txt" in box.help and "openjdk-17-jre-headless" in box.help


@pytest.mark.spark
def test_a_spark_fit_runs_as_a_job_on_the_current_corpus(spark_file: bytes) -> None:
    """The app's Spark option: a fit in a worker process (Spark started there), like the other engines' fits."""
    from tests.app.conftest import finish_pending_fit

    at = AppTest.from_file(MAIN, default_timeout=600)
    at.run()
    finish_pending_fit(at)
    at.sidebar.selectbox(key=state.ENGINE).set_value("spark").run()
    at.sidebar.number_input(key=state.N_TOPICS).set_value(3).run()
    at.sidebar.button(key=state.FIT_BUTTON).click().run()
    finish_pending_fit(at, timeout=600)
    assert not at.exception, at.exception
    assert not [e.value for e in at.error], [e.value for e in at.error]
    topic_map = next(f for f in plotly_figures(at) if f["data"][0].get("name") == "topics")
    assert len(topic_map["data"][0]["x"]) == 3
    assert at.session_state[state.LDA_KEY].lda.engine == "spark"
