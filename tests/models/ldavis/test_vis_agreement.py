"""The native LDAvis data agree with ``pyLDAvis.prepare`` on a real model (scikit-learn LDA on the Lee corpus)."""

from __future__ import annotations

import numpy as np
import pytest
from pyLDAvis import PreparedData
from scipy.spatial.distance import pdist, squareform

from models import load_sample
from models.lda.topic_model import TopicModel
from models.ldavis.html_page import pyldavis_prepared
from models.ldavis.vis_data import VisData, prepare_vis, salient_terms, top_terms, topic_given_term

K = 8
R = 30
LAMS = (0.0, 0.3, 0.6, 1.0)
# pyLDAvis rounds logprob and loglift to 4 decimals before the browser (and ``sorted_terms``) re-rank them, so
# terms whose relevance differs by less than this may swap places.
ROUNDING = 1.01e-4


@pytest.fixture(scope="module")
def model() -> TopicModel:
    from sklearn.decomposition import LatentDirichletAllocation

    dtm = load_sample("lee-news").dtm
    lda = LatentDirichletAllocation(n_components=K, learning_method="batch", max_iter=20, random_state=0).fit(dtm)
    phi = lda.components_ / lda.components_.sum(axis=1, keepdims=True)
    theta = lda.transform(dtm)
    theta /= theta.sum(axis=1, keepdims=True)
    return TopicModel(
        phi=phi,
        theta=theta,
        vocab=load_sample("lee-news").vocab,
        doc_lengths=np.asarray(dtm.sum(axis=1)).ravel(),
        term_frequency=np.asarray(dtm.sum(axis=0)).ravel(),
        engine="sklearn",
    )


@pytest.fixture(scope="module")
def vis(model: TopicModel) -> VisData:
    return prepare_vis(model, layout="pcoa", R=R)


@pytest.fixture(scope="module")
def prepared(model: TopicModel) -> PreparedData:
    return pyldavis_prepared(model, R=R)


def test_topic_order_and_prevalence(vis: VisData, prepared: PreparedData) -> None:
    assert (vis.order + 1).tolist() == list(prepared.topic_order)
    coords = prepared.topic_coordinates
    assert coords["topics"].tolist() == list(range(1, K + 1))
    np.testing.assert_allclose(coords["Freq"].to_numpy() / 100, vis.prevalence[vis.order], rtol=1e-12)
    # the model's own id and the display rank stay side by side
    assert (vis.ranks[vis.order] == np.arange(1, K + 1)).all()


def test_coordinates_agree_up_to_reflection(vis: VisData, prepared: PreparedData) -> None:
    theirs = prepared.topic_coordinates[["x", "y"]].to_numpy()
    ours = vis.coordinates[vis.order]
    signs = np.sign(np.sum(ours * theirs, axis=0))
    np.testing.assert_allclose(ours, theirs * signs, atol=1e-10)


def test_distances_are_pyldavis_jensen_shannon(model: TopicModel, vis: VisData) -> None:
    from pyLDAvis._prepare import _jensen_shannon

    np.testing.assert_allclose(vis.distances, squareform(pdist(model.phi, metric=_jensen_shannon)), atol=1e-13)


def _relevance(vis: VisData, topic: int, terms: list[str], lam: float) -> np.ndarray:
    idx = [vis.term_lookup[t] for t in terms]
    return lam * vis.log_phi[topic, idx] + (1 - lam) * vis.log_lift[topic, idx]


@pytest.mark.parametrize("lam", LAMS)
def test_top_terms_agree_for_every_topic(vis: VisData, prepared: PreparedData, lam: float) -> None:
    for rank in range(1, K + 1):
        topic = int(vis.order[rank - 1])
        theirs = prepared.sorted_terms(topic=rank, _lambda=lam)["Term"].tolist()[:R]
        ours = top_terms(vis, topic, lam, R=R)
        r_ours = ours.relevance
        r_theirs = _relevance(vis, topic, theirs, lam)
        # same order of relevance values, position by position (up to pyLDAvis's 4-decimal rounding) ...
        np.testing.assert_allclose(r_theirs, r_ours, atol=ROUNDING, rtol=0)
        # ... and the same terms, except ties at the cut-off
        cutoff = r_ours[-1]
        for term in set(ours.terms) ^ set(theirs):
            assert _relevance(vis, topic, [term], lam)[0] == pytest.approx(cutoff, abs=ROUNDING)
        assert len(set(ours.terms) ^ set(theirs)) <= 2


def test_bar_widths_agree(vis: VisData, prepared: PreparedData) -> None:
    info = prepared.topic_info
    for rank in (1, K):
        topic = int(vis.order[rank - 1])
        rows = info[info["Category"] == f"Topic{rank}"]
        idx = np.array([vis.term_lookup[t] for t in rows["Term"]])
        np.testing.assert_allclose(rows["Freq"].to_numpy(), np.exp(vis.log_phi[topic, idx]) * vis.topic_counts[topic])
        np.testing.assert_allclose(rows["Total"].to_numpy(), vis.term_frequency[idx])
        np.testing.assert_allclose(rows["logprob"].to_numpy(), vis.log_phi[topic, idx], atol=5.01e-5)
        np.testing.assert_allclose(rows["loglift"].to_numpy(), vis.log_lift[topic, idx], atol=5.01e-5)
        # pyLDAvis keeps the union of the top R over its 101-λ grid: always inside our provable candidate set
        assert set(idx) <= set(vis.candidates[topic].tolist())


def test_default_view_lists_the_same_salient_terms(vis: VisData, prepared: PreparedData) -> None:
    info = prepared.topic_info
    theirs = info[info["Category"] == "Default"]["Term"].tolist()
    ours = salient_terms(vis, R=R)
    assert list(ours.terms) == theirs
    np.testing.assert_array_equal(
        info[info["Category"] == "Default"]["Total"].to_numpy(), np.floor(ours.frequency)
    )  # pyLDAvis floors the counts it shows


def test_term_hover_agrees_with_token_table(vis: VisData, prepared: PreparedData) -> None:
    table = prepared.token_table
    ranks = table["Topic"].to_numpy()
    for term, rank, freq in zip(table["Term"], ranks, table["Freq"], strict=True):
        p = topic_given_term(vis, term)[vis.order[rank - 1]]
        # pyLDAvis rounds phi_kw * N_k to whole tokens before dividing by the term's frequency
        assert freq == pytest.approx(p, abs=0.5 / vis.term_frequency[vis.term_lookup[term]] + 1e-12)
