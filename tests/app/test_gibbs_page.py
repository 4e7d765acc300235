"""The Gibbs classroom through AppTest: the lecture's tables, the first step's numbers, controls and the story."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from app import state
from tests.app.conftest import metrics


@pytest.fixture
def classroom(fresh_app: AppTest) -> AppTest:
    fresh_app.run()
    fresh_app.switch_page("views/gibbs.py").run()
    assert not fresh_app.exception, fresh_app.exception
    return fresh_app


def _cells(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", html)]


def _tables(at: AppTest) -> list[str]:
    return [h.proto.body for h in at.get("html") if "tl-g" in h.proto.body]


def test_initial_state_is_the_lecture(classroom: AppTest) -> None:
    assignment, doc_table, word_table = _tables(classroom)
    cells = _cells(assignment)
    assert cells[1:10] == ["문고리", "거래", "가방", "나눔", "문고리", "드림", "비대면", "거래", "택배"]
    assert cells[11:20] == ["topic1", "topic2", "topic1", "topic1", "topic2", "topic2", "topic3", "topic2", "topic3"]
    assert _cells(doc_table) == [
        "topic1",
        "1.01",
        "2.01",
        "0.01",
        "topic2",
        "1.01",
        "2.01",
        "1.01",
        "topic3",
        "0.01",
        "0.01",
        "2.01",
    ]
    assert _cells(word_table)[:8] == ["topic1", "1.001", "0.001", "1.001", "1.001", "0.001", "0.001", "0.001"]
    assert re.findall(r"<th>(.*?)</th>", word_table) == ["문고리", "거래", "가방", "나눔", "드림", "비대면", "택배"]
    shown = metrics(classroom)
    assert shown["Token"] == "1 / 9" and shown["Next token, in 1번문서"] == "문고리"


def test_first_step_of_the_lecture(classroom: AppTest) -> None:
    classroom.button(key="tl_gibbs_step").click().run()
    assert not classroom.exception
    step, docs, words = _tables(classroom)[:3]  # one screen: each changed count shows before→after
    assert _cells(step)[11] == "topic1 → topic2"  # 문고리 was topic1, is now topic2
    # 문고리 leaves topic1 in 1번문서 (1.01→0.01) and goes back into topic2 (1.01→2.01).
    assert _cells(docs)[:8] == ["topic1", "1.01→0.01", "2.01", "0.01", "topic2", "1.01→2.01", "2.01", "1.01"]
    assert _cells(words)[:2] == ["topic1", "1.001→0.001"]
    assert _cells(words)[8:10] == ["topic2", "1.001→2.001"]  # 문고리 counted twice in topic2 now
    conditional = classroom.dataframe[0].value
    assert list(conditional["probability"]) == ["0.00002", "0.99996", "0.00002"]
    assert conditional.iloc[1, 1] == "(1 + 0.01) · (1 + 0.001) / (4 + 7·0.001)"
    assert metrics(classroom)["Token"] == "2 / 9"


def test_undo_finish_sweep_run_and_reset(classroom: AppTest) -> None:
    classroom.button(key="tl_gibbs_step").click().run()
    classroom.button(key="tl_gibbs_undo").click().run()
    assert metrics(classroom)["Token"] == "1 / 9"
    classroom.button(key="tl_gibbs_finish").click().run()
    assert metrics(classroom)["Sweep"] == "2" and metrics(classroom)["Token"] == "1 / 9"
    classroom.slider(key=state.GIBBS_SPEED).set_value(0.0).run()
    classroom.number_input(key=state.GIBBS_SWEEPS).set_value(3).run()
    classroom.button(key="tl_gibbs_run").click().run()
    assert metrics(classroom)["Sweep"] == "5"
    assert len(classroom.session_state[state.GIBBS].log_likelihood_trace) == 5
    classroom.button(key="tl_gibbs_reset").click().run()
    assert metrics(classroom)["Sweep"] == "1"
    assert _cells(_tables(classroom)[1])[1:4] == ["1.01", "2.01", "0.01"]


def test_you_be_the_sampler(classroom: AppTest) -> None:
    classroom.button(key="tl_gibbs_choose_2").click().run()  # put 문고리 in topic3 by hand
    sampler = classroom.session_state[state.GIBBS]
    assert sampler.assignments[0][0] == 2
    assert sampler.last_record.chosen_by == "user"
    assert any("chosen by you" in c.value for c in classroom.caption)


def test_generative_story(classroom: AppTest) -> None:
    classroom.button(key="tl_gibbs_story_go").click().run()
    story = classroom.session_state[state.GIBBS_STORY]
    assert len(story.words) == 8
    assert set(story.words) <= {"문고리", "거래", "가방", "나눔", "드림", "비대면", "택배"}


def test_current_corpus_with_other_k(classroom: AppTest) -> None:
    classroom.session_state[state.GIBBS_SOURCE] = "corpus"
    classroom.run()
    classroom.number_input(key=state.GIBBS_K).set_value(4).run()
    classroom.button(key="tl_gibbs_apply").click().run()
    assert not classroom.exception
    sampler = classroom.session_state[state.GIBBS]
    assert sampler.n_topics == 4 and sampler.n_tokens == 300
    assert any("first 300" in i.value for i in classroom.info)


def test_korean_text(classroom: AppTest) -> None:
    classroom.sidebar.radio(key=state.LANG).set_value("ko").run()
    classroom.button(key="tl_gibbs_step").click().run()
    assert classroom.title[0].value == "깁스 샘플링 교실"
    assert any("미분류" in c.value for c in classroom.caption)
    assert any("미분류" in c.value for c in classroom.caption)
    assert "<b>topic1 → topic2</b>" in _tables(classroom)[0]
