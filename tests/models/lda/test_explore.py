"""What the explorer reads from a fit: word colouring, top documents, token spans, and the report."""

from __future__ import annotations

import numpy as np
import pytest

from models import load_sample
from models.corpus.highlight import token_spans
from models.lda.explore import document_word_topics, explore_lda, top_documents
from models.lda.options import LdaOptions
from models.lda.report import lda_report
from models.lda.topic_model import TopicModel
from models.synthetic import block_diagonal


def test_token_spans_follow_the_text_in_order() -> None:
    text = "Pizza, then PIZZA again; ramen-sushi."
    spans = token_spans(text, ["pizza", "pizza", "ramen", "bigram pair", "sushi"])
    assert [(text[a:b], i) for a, b, i in spans] == [("Pizza", 0), ("PIZZA", 1), ("ramen", 2), ("sushi", 4)]


def test_token_spans_korean_nouns_inside_words() -> None:
    text = "아이가 커서 유모차를 팝니다. 유모차 상태 좋아요"
    spans = token_spans(text, ["아이", "유모차", "유모차", "상태", "팔다"])
    assert [text[a:b] for a, b, _ in spans] == ["아이", "유모차", "유모차", "상태"]
    assert spans[1][0] == text.index("유모차") and spans[2][0] == text.rindex("유모차")


def _toy_model() -> TopicModel:
    phi = np.array([[0.7, 0.2, 0.1], [0.1, 0.2, 0.7]])
    theta = np.array([[0.9, 0.1], [0.5, 0.5], [0.2, 0.8]])
    return TopicModel(
        phi=phi, theta=theta, vocab=("a", "b", "c"), doc_lengths=np.array([3, 3, 3]), term_frequency=np.array([3, 3, 3])
    )


def test_variational_word_topics_are_argmax_theta_phi() -> None:
    planted = block_diagonal(n_topics=2, docs_per_topic=2, terms_per_topic=3, doc_length=5, seed=1)
    corpus = planted.corpus
    model = explore_lda(corpus, LdaOptions(engine="sklearn", n_topics=2, seed=0)).model
    for d in range(corpus.n_documents):
        topics = document_word_topics(model, corpus, d)
        ids = [corpus.vocab.index(w) for w in corpus.doc_tokens[d]]
        expected = np.argmax(model.theta[d][:, None] * model.phi[:, ids], axis=0)
        assert topics.tolist() == expected.tolist()
        assert len(set(topics.tolist())) == 1  # block-diagonal: one topic per document


def test_gibbs_word_topics_are_its_assignments() -> None:
    corpus = load_sample("lecture-gibbs")
    model = explore_lda(corpus, LdaOptions(engine="gibbs", n_topics=2, seed=0)).model
    for d in range(corpus.n_documents):
        assert document_word_topics(model, corpus, d).tolist() == model.assignments[d].tolist()


def test_top_documents() -> None:
    rows, shares = top_documents(_toy_model(), topic=1, n=2)
    assert rows.tolist() == [2, 1] and shares.tolist() == [0.8, 0.5]


@pytest.fixture(scope="module")
def market_fit():
    return explore_lda(load_sample("ko-market"), LdaOptions(engine="gibbs", n_topics=6, seed=0))


def test_report_names_and_order(market_fit) -> None:
    report = lda_report(market_fit, names={0: "가구"})
    assert [t["rank"] for t in report["topics"]] == [1, 2, 3, 4, 5, 6]
    named = next(t for t in report["topics"] if t["id"] == 0)
    assert named["name"] == "가구"
    assert report["tokens"] == load_sample("ko-market").n_tokens


def test_same_seed_same_exploration(market_fit) -> None:
    again = explore_lda(load_sample("ko-market"), LdaOptions(engine="gibbs", n_topics=6, seed=0))
    np.testing.assert_array_equal(again.model.phi, market_fit.model.phi)
    np.testing.assert_allclose(again.vis.coordinates, market_fit.vis.coordinates)
