"""The Word2vec page's "Your corpus" tab through AppTest: training in a worker, cached views, tools, errors."""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from app import job_tasks, job_ui, result_cache, state
from models.embeddings.embedding_model import EmbeddingModel


def _count_trainings(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    calls: list[Any] = []
    real = job_ui.submit

    def recording(key: str, fn: Any, args: tuple, kind: str, keep_file: bool = False) -> Any:
        if fn is job_tasks.train_word2vec and job_ui.runner().find(key) is None:
            calls.append(args[1])
        return real(key, fn, args, kind, keep_file)

    monkeypatch.setattr(job_ui, "submit", recording)
    return calls


def _open_corpus_tab(at: AppTest, epochs: int = 5, dim: int = 20) -> AppTest:
    at.session_state[state.W2V_EPOCHS] = epochs
    at.session_state[state.W2V_C_DIM] = dim
    at.switch_page("views/word2vec.py").run()
    at.session_state[f"{state.W2V_TAB}|en"] = "Your corpus"
    at.run()
    assert not at.exception, at.exception
    return at


def _model(at: AppTest) -> EmbeddingModel:
    return result_cache.get(at.session_state[state.W2V_TRAINED])


def test_trains_once_and_views_never_retrain(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_trainings(monkeypatch)
    _open_corpus_tab(app)
    assert len(calls) == 1 and calls[0].epochs == 5 and calls[0].dim == 20
    model = _model(app)
    assert model.dim == 20 and len(model.loss) == 6 and model.loss[-1] < model.loss[0]
    assert any("× 20 dimensions" in c.value for c in app.caption)
    app.radio(key=state.W2V_PROJECTION).set_value("tsne").run()
    app.number_input(key=state.W2V_MAP_WORDS).set_value(100).run()
    app.text_input(key=state.W2V_PROBE).set_value("police").run()
    assert not app.exception and len(calls) == 1  # only the view changed
    neighbours = app.dataframe[0].value
    assert len(neighbours) == 10 and "police" not in set(neighbours.iloc[:, 0])


def test_words_are_coloured_by_the_lda_fit_and_a_topic_can_be_highlighted(app: AppTest) -> None:
    _open_corpus_tab(app)  # the LDA page fitted the Lee sample on the first run
    box = app.selectbox(key=state.W2V_MAP_TOPIC)
    assert box.value == -1 and len(box.options) == 11  # all topics, then the 10 topics by rank
    box.set_value(box.options[2]).run()
    assert not app.exception and app.session_state[state.W2V_MAP_TOPIC] != -1


def test_unknown_words_and_tools_answer_with_messages(app: AppTest) -> None:
    _open_corpus_tab(app)
    app.text_input(key=state.W2V_PROBE).set_value("<b>zzqx</b>").run()
    assert not app.exception and app.error
    assert "<b>" not in app.error[0].value  # user text is shown as text
    for key, word in (
        (state.W2V_ANALOGY_A, "israel"),
        (state.W2V_ANALOGY_B, "israeli"),
        (state.W2V_ANALOGY_C, "palestinian"),
    ):
        app.text_input(key=key).set_value(word)
    app.text_input(key=state.W2V_BLANK).set_value("prime minister").run()
    assert not app.exception
    frames = [f.value for f in app.dataframe]
    assert len(frames) == 2  # no neighbours for the unknown word; the analogy and the blank
    assert all(len(f) == 10 for f in frames[-2:])


def test_bad_options_are_refused_before_training(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_trainings(monkeypatch)
    app.session_state[state.W2V_MIN_COUNT] = 1000  # no word of the Lee sample occurs 1000 times
    _open_corpus_tab(app)
    assert app.error and not calls
