"""Shareable views through AppTest: a link's sample, options, topic, λ and term come back; bad values are dropped."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from streamlit.testing.v1 import AppTest

from app import result_cache, share_view, state
from tests.app.conftest import open_lda_tab


def _link(at: AppTest) -> str:
    open_lda_tab(at, "downloads")
    return next(c.value for c in at.code if "?" in c.value)


def test_a_link_reproduces_the_same_model_topic_lambda_and_term(app: AppTest) -> None:
    app.session_state[state.SEED] = 3  # a model of our own, then a view within it
    app.sidebar.button(key=state.FIT_BUTTON).click().run()
    while state.PENDING in app.session_state and app.session_state[state.PENDING] is not None:
        app.run()
    exploration = result_cache.get(app.session_state[state.LDA_KEY].key)
    topic = int(exploration.vis.order[2])
    term = exploration.model.vocab[5]
    app.session_state[state.SELECTED_TOPIC] = topic
    app.session_state[state.LAMBDA] = 0.6
    app.session_state[state.SELECTED_TERM] = term
    link = _link(app)
    query = {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}
    assert urlsplit(link).path == "/"  # the default page (Streamlit serves it at /, not /lda)
    assert query["sample"] == "lee-news" and query["seed"] == "3" and query["topic"] == str(topic)
    assert query["lambda"] == "0.60" and query["term"] == term and query["k"] == "10"

    result_cache.clear()  # another machine: nothing cached, the model is fitted again from the link
    fresh = AppTest.from_file(app._script_path, default_timeout=300)
    fresh.query_params.update(query)
    fresh.run()
    while state.PENDING in fresh.session_state and fresh.session_state[state.PENDING] is not None:
        fresh.run()
    assert not fresh.exception, fresh.exception
    again = result_cache.get(fresh.session_state[state.LDA_KEY].key)
    assert fresh.session_state[state.LDA_KEY].key == app.session_state[state.LDA_KEY].key
    assert (again.model.phi == exploration.model.phi).all()  # deterministic for a seed and a number of cores
    assert fresh.session_state[state.SELECTED_TOPIC] == topic
    assert fresh.session_state[state.LAMBDA] == 0.6 and fresh.session_state[state.SELECTED_TERM] == term


def test_bad_values_in_a_link_are_left_out_with_a_note() -> None:
    good, bad = share_view.parse({"k": "0", "seed": "-1", "engine": "gibbs", "lambda": "nan", "term": "x" * 500,
                                  "sample": "../etc/passwd", "topic": "3", "alpha": "auto", "eta": "1e9"})  # fmt: skip
    assert good == {"engine": "gibbs", "topic": 3, "alpha": "auto"}
    assert sorted(bad) == ["eta", "k", "lambda", "sample", "seed", "term"]


def test_an_upload_offers_no_link(fresh_app: AppTest) -> None:
    fresh_app.query_params.update({"k": "abc", "sample": "ko-market", "lang": "ko"})
    fresh_app.run()
    assert not fresh_app.exception
    assert fresh_app.session_state[state.SAMPLE] == "ko-market" and fresh_app.session_state[state.LANG] == "ko"
    assert any("k" in w.value for w in fresh_app.warning)
