"""The Word2vec page through AppTest: the lecture's lookup and tables, the CBOW numbers, the training step."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from app import state
from models.embeddings.classroom import Word2VecClassroom


def _html(at: AppTest) -> str:
    return " ".join(h.proto.body for h in at.get("html"))


def _open(at: AppTest, tab: str) -> AppTest:
    labels = {
        "lookup": "One-hot lookup",
        "cbow": "CBOW forward pass",
        "pairs": "Skip-gram pairs",
        "negative": "Negative sampling",
        "train": "Watch a training step",
        "paper": "The paper's table",
    }
    at.session_state[f"{state.W2V_TAB}|en"] = labels[tab]
    return at.run()


@pytest.fixture
def w2v(app: AppTest) -> AppTest:
    app.switch_page("views/word2vec.py").run()
    assert not app.exception, app.exception
    return app


def _text(at: AppTest) -> str:
    """The markdown of the page as read (Markdown escapes removed)."""
    return " ".join(m.value for m in at.markdown).replace("\\", "")


def _cells(html: str) -> list[str]:
    return re.findall(r"<td[^>]*>([^<]*)</td>", html)


def test_lookup_picks_the_fourth_row_and_follows_the_choice(w2v: AppTest) -> None:
    assert w2v.title[0].value == "Word2vec"
    assert any("row 4 of W = [10 12 19]" in " ".join(m.value.split()) for m in w2v.markdown)
    assert "#fff3b0" in _html(w2v)  # the selected row lights up
    w2v.radio(key=state.W2V_ONE_POS).set_value(2).run()
    assert any("row 2 of W = [23 5 7]" in " ".join(m.value.split()) for m in w2v.markdown)


def test_skipgram_table_has_the_lectures_rows_and_refuses_an_empty_sentence(w2v: AppTest) -> None:
    _open(w2v, "pairs")
    cells = _cells(_html(w2v))
    rows = [tuple(cells[i : i + 3]) for i in range(0, len(cells), 3)]
    assert rows[5:13] == [
        ("cat", "The", "1"), ("cat", "fat", "1"), ("cat", "sat", "1"), ("cat", "on", "1"),
        ("sat", "fat", "1"), ("sat", "cat", "1"), ("sat", "on", "1"), ("sat", "the", "1"),
    ]  # fmt: skip
    assert any("identical" in i.value for i in w2v.info)
    w2v.slider(key=state.W2V_PAIRS_WINDOW).set_value(1).run()
    assert len(_cells(_html(w2v))) == 12 * 3
    w2v.text_input(key=state.W2V_PAIRS_TEXT).set_value("<b>**x**</b> <script>").run()
    assert not w2v.exception
    table = _html(w2v).split("</style>", 1)[1]
    assert "<script" not in table and "<b>" not in table and "<td>script</td>" in table  # words, never markup
    w2v.text_input(key=state.W2V_PAIRS_TEXT).set_value("!!! ...").run()
    assert w2v.error and "no words" in w2v.error[0].value


def test_negative_sampling_shows_the_lecture_table_and_a_seeded_draw(w2v: AppTest) -> None:
    _open(w2v, "negative")
    html = _html(w2v)
    for word in ("pizza", "computer", "mighty", "cute"):
        assert f">{word}<" in html
    first = _html(w2v)
    w2v.number_input(key=state.W2V_NEG_SEED).set_value(7).run()
    assert _html(w2v) != first
    w2v.number_input(key=state.W2V_NEG_SEED).set_value(0).run()
    assert _html(w2v) == first  # the same seed, the same draws


def test_cbow_loss_is_written_with_its_numbers(w2v: AppTest) -> None:
    _open(w2v, "cbow")
    assert not w2v.exception
    latex = [e.value for e in w2v.latex]
    assert latex and "H(\\hat y, y)" in latex[0]
    loss = float(latex[0].rsplit("=", 1)[1].strip().strip("$"))
    room: Word2VecClassroom = w2v.session_state[state.W2V_ROOM]
    from models.embeddings.cbow import cbow_forward

    words = room.sentences[0]
    f = cbow_forward(room.W, room.U, [room.index[w] for w in ("The", "fat", "sat", "on")], room.index["cat"])
    assert loss == pytest.approx(f.loss, abs=1e-4)
    assert words[2] == "cat"


def test_training_steps_undo_run_and_reset(w2v: AppTest) -> None:
    _open(w2v, "train")
    assert any("Next step" in i.value for i in w2v.info)
    w2v.button(key="tl_w2v_step").click().run()
    room: Word2VecClassroom = w2v.session_state[state.W2V_ROOM]
    assert room.steps_done == 1 and not w2v.exception
    assert "Step 1: centre 'The' → context 'fat'" in _text(w2v)
    assert "#d4f5d4" in _html(w2v)  # changed cells highlighted
    w2v.button(key="tl_w2v_undo").click().run()
    assert w2v.session_state[state.W2V_ROOM].steps_done == 0
    w2v.number_input(key=state.W2V_STEPS).set_value(5)
    w2v.slider(key=state.W2V_SPEED).set_value(0.0)
    w2v.button(key="tl_w2v_run").click().run()
    assert w2v.session_state[state.W2V_ROOM].steps_done == 5 and not w2v.exception
    w2v.button(key="tl_w2v_reset").click().run()
    assert w2v.session_state[state.W2V_ROOM].steps_done == 0


def test_cbow_mode_and_the_korean_ui(w2v: AppTest) -> None:
    _open(w2v, "train")
    w2v.radio(key=state.W2V_MODE).set_value("cbow")
    w2v.button(key="tl_w2v_apply").click().run()
    w2v.button(key="tl_w2v_step").click().run()
    assert not w2v.exception
    assert "Step 1: context (fat, cat) → centre 'The'" in _text(w2v)
    _open(w2v, "paper")
    assert w2v.dataframe, "the paper's table"
    w2v.radio(key=state.LANG).set_value("ko").run()
    assert w2v.title[0].value == "워드투벡" and not w2v.exception
