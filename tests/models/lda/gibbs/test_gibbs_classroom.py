"""The step-by-step sampler: the lecture's numbers, reproducible draws, undo, and count bookkeeping."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.corpus.samples import gibbs_example
from models.errors import InputError
from models.lda.gibbs.classroom import ClassroomSampler, draw_uniform, generate_document
from models.lda.gibbs.counts import check_counts

ALPHA, BETA, V = 0.01, 0.001, 7


@pytest.fixture
def lecture() -> ClassroomSampler:
    return ClassroomSampler.from_example(gibbs_example(), seed=0)


def test_lecture_tables(lecture: ClassroomSampler) -> None:
    assert lecture.vocab == ("문고리", "거래", "가방", "나눔", "드림", "비대면", "택배")
    assert lecture.doc_names == ("1번문서", "2번문서", "3번문서")
    np.testing.assert_allclose(
        lecture.topic_document_table, [[1.01, 2.01, 0.01], [1.01, 2.01, 1.01], [0.01, 0.01, 2.01]], atol=1e-12
    )
    np.testing.assert_allclose(
        lecture.topic_word_table,
        [
            [1.001, 0.001, 1.001, 1.001, 0.001, 0.001, 0.001],
            [1.001, 2.001, 0.001, 0.001, 1.001, 0.001, 0.001],
            [0.001, 0.001, 0.001, 0.001, 0.001, 1.001, 1.001],
        ],
        atol=1e-12,
    )
    assert (lecture.sweep, lecture.position, lecture.current_token) == (0, 0, (0, 0))


def test_first_lecture_step_by_hand(lecture: ClassroomSampler) -> None:
    peeked = lecture.peek()
    record = lecture.step()
    assert (record.word, record.doc, record.index, record.old_topic) == ("문고리", 0, 0, 0)
    # counts with 문고리 of 1번문서 removed
    np.testing.assert_array_equal(record.ndz[0], [0, 1, 0])
    np.testing.assert_array_equal(record.nzw[:, 0], [0, 1, 0])
    np.testing.assert_array_equal(record.nz, [2, 4, 2])
    np.testing.assert_allclose(record.topic_document_table[:, 0], [0.01, 1.01, 0.01])
    np.testing.assert_allclose(record.doc_factor, [0.01, 1.01, 0.01])
    np.testing.assert_allclose(record.word_factor, [0.001, 1.001, 0.001])
    np.testing.assert_allclose(record.norm_factor, [2.007, 4.007, 2.007])
    by_hand = np.array([0.01 * 0.001 / 2.007, 1.01 * 1.001 / 4.007, 0.01 * 0.001 / 2.007])
    np.testing.assert_allclose(record.weights, by_hand, rtol=1e-12)
    np.testing.assert_allclose(record.probabilities, by_hand / by_hand.sum(), rtol=1e-12)
    np.testing.assert_allclose(record.probabilities, [0.00002, 0.99996, 0.00002], atol=1e-5)
    np.testing.assert_array_equal(peeked.probabilities, record.probabilities)
    # the seeded draw lands on topic2 and the counts follow
    assert record.chosen_by == "sampler" and record.u == draw_uniform(0, 0, 0)
    assert record.new_topic == 1
    np.testing.assert_array_equal(record.ndz_after[0], [0, 2, 0])
    np.testing.assert_array_equal(record.nzw_after[:, 0], [0, 2, 0])
    np.testing.assert_array_equal(record.nz_after, [2, 5, 2])
    np.testing.assert_array_equal(lecture.ndz, record.ndz_after)
    assert (lecture.position, lecture.current_token, lecture.last_record is record) == (1, (0, 1), True)


def test_user_choice_and_undo(lecture: ClassroomSampler) -> None:
    before = lecture.ndz.copy()
    record = lecture.step(choice=2)
    assert (record.new_topic, record.chosen_by, record.u) == (2, "user", None)
    np.testing.assert_array_equal(lecture.ndz[0], [0, 1, 1])
    assert lecture.undo()
    np.testing.assert_array_equal(lecture.ndz, before)
    assert not lecture.undo()
    with pytest.raises(InputError):
        lecture.step(choice=3)


def test_draws_depend_only_on_seed_sweep_and_position(lecture: ClassroomSampler) -> None:
    first = [lecture.step() for _ in range(5)]
    for _ in range(5):
        lecture.undo()
    again = [lecture.step() for _ in range(5)]
    assert [(r.u, r.new_topic) for r in first] == [(r.u, r.new_topic) for r in again]

    stepped = ClassroomSampler.from_example(seed=7)
    for _ in range(2 * stepped.n_tokens + 3):
        stepped.step()
    bulk = ClassroomSampler.from_example(seed=7)
    bulk.run_sweeps(2)
    for _ in range(3):
        bulk.step()
    for a, b in zip(stepped.assignments, bulk.assignments, strict=True):
        np.testing.assert_array_equal(a, b)
    assert stepped.log_likelihood_trace == bulk.log_likelihood_trace
    assert len(bulk.log_likelihood_trace) == 3  # start and two finished sweeps


def test_sweeps_reset_and_estimates(lecture: ClassroomSampler) -> None:
    lecture.step()
    lecture.finish_sweep()
    assert (lecture.sweep, lecture.position, lecture.last_record) == (1, 0, None)
    lecture.run_sweeps(4)
    assert lecture.sweep == 5
    assert [s for s, _ in lecture.log_likelihood_trace] == [0, 1, 2, 3, 4, 5]
    assert lecture.log_likelihood_trace[-1][1] == pytest.approx(lecture.log_likelihood)
    np.testing.assert_allclose(lecture.phi.sum(axis=1), 1.0)
    np.testing.assert_allclose(lecture.theta.sum(axis=1), 1.0)
    np.testing.assert_allclose(lecture.phi, lecture.topic_word_table / lecture.topic_word_table.sum(1, keepdims=True))
    lecture.reset()
    assert (lecture.sweep, lecture.position) == (0, 0)
    np.testing.assert_allclose(lecture.topic_document_table[0], [1.01, 2.01, 0.01])
    assert lecture.undo() and lecture.sweep == 5


def test_random_initial_topics_are_seeded() -> None:
    docs = [["a", "b", "c"], ["b", "c", "d", "a"]]
    one = ClassroomSampler.random(docs, n_topics=3, alpha=0.1, beta=0.01, seed=3)
    two = ClassroomSampler.random(docs, n_topics=3, alpha=0.1, beta=0.01, seed=3)
    for a, b in zip(one.assignments, two.assignments, strict=True):
        np.testing.assert_array_equal(a, b)
    with pytest.raises(InputError):
        ClassroomSampler.random(docs, n_topics=0, alpha=0.1, beta=0.01)


def test_generate_document_tells_the_story(lecture: ClassroomSampler) -> None:
    doc = lecture.generate_document(20, seed=4)
    assert len(doc.steps) == 20 and doc.theta.shape == (3,)
    again = lecture.generate_document(20, seed=4)
    assert doc.steps == again.steps
    phi = np.array([[1.0, 0.0, 0.0], [0.0, 0.5, 0.5]])
    fixed = generate_document(phi, 0.1, 50, seed=1, theta=np.array([0.0, 1.0]), vocab=["x", "y", "z"])
    assert set(fixed.topics) == {1} and set(fixed.words) <= {"y", "z"}


def _snapshot(s: ClassroomSampler) -> tuple:
    return (
        tuple(a.tolist() for a in s.assignments),
        s.ndz.tolist(),
        s.nzw.tolist(),
        s.nz.tolist(),
        s.sweep,
        s.position,
        s.log_likelihood_trace,
    )


actions = st.lists(
    st.one_of(
        st.just(("step", None)),
        st.tuples(st.just("choose"), st.integers(0, 3)),
        st.just(("undo", None)),
        st.just(("finish", None)),
        st.tuples(st.just("run"), st.integers(1, 2)),
        st.just(("reset", None)),
    ),
    max_size=25,
)


@st.composite
def corpora(draw: st.DrawFn) -> tuple[list[list[str]], list[list[int]], int]:
    k = draw(st.integers(1, 4))
    words = st.sampled_from(["가", "나", "다", "라", "마"])
    docs = draw(st.lists(st.lists(words, min_size=1, max_size=5), min_size=1, max_size=4))
    topics = [draw(st.lists(st.integers(0, k - 1), min_size=len(d), max_size=len(d))) for d in docs]
    return docs, topics, k


@settings(max_examples=60, deadline=None)
@given(corpus=corpora(), seed=st.integers(0, 2**32), plan=actions, priors=st.sampled_from([(0.01, 0.001), (0.5, 0.1)]))
def test_counts_follow_assignments_and_undo_restores(corpus, seed: int, plan, priors) -> None:
    docs, topics, k = corpus
    sampler = ClassroomSampler(docs, topics, n_topics=k, alpha=priors[0], beta=priors[1], seed=seed)
    history = [_snapshot(sampler)]
    for action, arg in plan:
        if action == "undo":
            if sampler.undo():
                history.pop()
                assert _snapshot(sampler) == history[-1]
            continue
        if action == "step":
            record = sampler.step()
            assert record.probabilities.sum() == pytest.approx(1.0)
        elif action == "choose":
            sampler.step(choice=arg % k)
        elif action == "finish":
            sampler.finish_sweep()
        elif action == "run":
            sampler.run_sweeps(arg)
        else:
            sampler.reset()
        history.append(_snapshot(sampler))
        check_counts(sampler.WS, sampler.DS, np.concatenate(sampler.assignments), sampler.nzw, sampler.ndz, sampler.nz)
        assert sampler.nz.sum() == sampler.n_tokens
