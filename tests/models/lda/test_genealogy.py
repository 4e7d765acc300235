"""Topic genealogy across K: Hungarian alignment, shared token mass, planted splits at the right K."""

from __future__ import annotations

import numpy as np
import pytest

from models.errors import InputError
from models.lda.alignment import align_topics, js_similarity, top_word_ids
from models.lda.genealogy import fit_range, genealogy, genealogy_of, parse_k_range, shared_mass
from models.lda.options import FitCancelled, LdaOptions
from models.lda.topic_model import TopicModel
from models.synthetic import hierarchical, topic_recovery


@pytest.fixture(scope="module")
def tree():
    return hierarchical(n_parents=2, children_per_parent=2, seed=0)


@pytest.fixture(scope="module")
def family(tree):
    return genealogy(tree.corpus, LdaOptions(seed=0, workers=1), [2, 3, 4])


def _permuted(model: TopicModel, perm: np.ndarray) -> TopicModel:
    return TopicModel(
        phi=model.phi[perm],
        theta=model.theta[:, perm],
        vocab=model.vocab,
        doc_lengths=model.doc_lengths,
        term_frequency=model.term_frequency,
        assignments=tuple(np.argsort(perm)[z] for z in model.assignments),
        engine=model.engine,
    )


def test_hungarian_alignment_of_a_permuted_copy_is_exact(family) -> None:
    model = family.models[4]
    perm = np.array([2, 0, 3, 1])
    alignment = align_topics(model.phi, model.phi[perm])
    # reference topic k is row k of the original, which sits at position argsort(perm)[k] of the permuted copy
    np.testing.assert_array_equal(alignment.match, np.argsort(perm))
    np.testing.assert_allclose(alignment.similarity, 1.0, atol=1e-9)
    copy = _permuted(model, perm)
    flow = shared_mass(model, copy)
    np.testing.assert_array_equal(flow.argmax(axis=1), np.argsort(perm))
    assert flow.sum() == model.doc_lengths.sum() and np.count_nonzero(flow) == 4


def test_js_similarity_bounds() -> None:
    phi = np.array([[0.5, 0.5, 0, 0], [0, 0, 0.5, 0.5], [0.25, 0.25, 0.25, 0.25]])
    sim = js_similarity(phi, phi)
    np.testing.assert_allclose(np.diag(sim), 1.0)
    assert sim[0, 1] == pytest.approx(0.0) and 0.0 < sim[0, 2] < 1.0
    np.testing.assert_array_equal(top_word_ids(np.array([[0.1, 0.6, 0.3]]), 2), [[1, 2]])


def test_planted_splits_at_the_right_k(tree, family) -> None:
    # K = 2: the parents; K = 4: the sub-topics
    assert topic_recovery(tree.parent_phi, family.models[2].phi).min() > 0.95
    assert topic_recovery(tree.child_phi, family.models[4].phi).min() > 0.95
    fitted_parent = np.argmax(tree.parent_phi @ family.models[2].phi.T, axis=0)  # planted parent of fitted topic
    fitted_child = np.argmax(tree.child_phi @ family.models[4].phi.T, axis=0)
    for j in range(4):  # every sub-topic descends (K = 4 -> 3 -> 2) from its own planted parent
        ancestor = family.parents[3][family.parents[4][j]]
        assert ancestor >= 0
        assert fitted_parent[ancestor] == tree.child_parent[fitted_child[j]]
    # each K = 2 topic has two descendants at K = 4, and one parent split at K = 3
    assert sorted(np.bincount(family.parents[3], minlength=2)) == [1, 2]
    assert family.new_themes(3) == family.new_themes(4) == 0
    # flows carry every token, and the lineage of a topic that did not split goes on
    for k in (3, 4):
        assert family.flows[k].sum() == tree.corpus.n_tokens
    assert len(set(family.lineage[4].tolist())) == 4
    links = family.links(4, min_share=0.05)
    assert links and all(link.k_from == 3 and link.k_to == 4 for link in links)
    assert links[0].weight >= links[-1].weight


def test_new_theme_without_parent() -> None:
    phi_a = np.array([[0.5, 0.5, 0, 0, 0, 0], [0, 0, 0.5, 0.5, 0, 0]])
    phi_b = np.array([[0.5, 0.5, 0, 0, 0, 0], [0, 0, 0.5, 0.5, 0, 0], [0, 0, 0, 0, 0.5, 0.5]])
    models = {k: _model(phi) for k, phi in ((2, phi_a), (3, phi_b))}
    g = genealogy_of(models)
    np.testing.assert_array_equal(g.parents[3], [0, 1, -1])
    assert g.new_themes(3) == 1 and g.lineage[3][2] == 2 and list(g.lineage[3][:2]) == [0, 1]


def _model(phi: np.ndarray) -> TopicModel:
    k, v = phi.shape
    return TopicModel(
        phi=phi, theta=np.full((3, k), 1 / k), vocab=tuple(f"w{i}" for i in range(v)),
        doc_lengths=np.full(3, 10), term_frequency=np.ones(v),
    )  # fmt: skip


def test_fit_range_fits_each_k_once_and_cancels(tree) -> None:
    cache: dict = {}
    options = LdaOptions(seed=0, workers=1, iterations=20)
    first = fit_range(tree.corpus, options, [2, 3], cache)
    again = fit_range(tree.corpus, options, [2, 3, 4], cache)
    assert again[2] is first[2] and again[3] is first[3] and set(cache) == {2, 3, 4}

    def stop(done, total, value):
        raise FitCancelled

    with pytest.raises(FitCancelled):
        fit_range(tree.corpus, options, [5], {}, progress=stop)


def test_variational_flows_use_theta(tree) -> None:
    models = fit_range(tree.corpus, LdaOptions(engine="sklearn", seed=0), [2, 3])
    flow = shared_mass(models[2], models[3])
    assert flow.shape == (2, 3) and flow.sum() == pytest.approx(tree.corpus.n_tokens)


def test_k_ranges() -> None:
    assert parse_k_range("2:6") == [2, 3, 4, 5, 6]
    assert parse_k_range("2:30:7") == [2, 9, 16, 23, 30]
    assert parse_k_range("5,3,3") == [3, 5]
    for bad in ("1:4", "a:b", "2:5:0", "", "3:2"):
        with pytest.raises(InputError):
            parse_k_range(bad)


@pytest.mark.slow
def test_three_parents_split_at_k_six() -> None:
    tree = hierarchical(n_parents=3, children_per_parent=2, n_docs=600, doc_length=80, seed=0)
    family = genealogy(tree.corpus, LdaOptions(seed=0, workers=1), range(3, 7))
    assert topic_recovery(tree.parent_phi, family.models[3].phi).min() > 0.95
    assert topic_recovery(tree.child_phi, family.models[6].phi).min() > 0.95
    fitted_parent = np.argmax(tree.parent_phi @ family.models[3].phi.T, axis=0)
    fitted_child = np.argmax(tree.child_phi @ family.models[6].phi.T, axis=0)
    # (K = 4 and 5 lie between the two levels and mix them; the tokens of each K = 6 sub-topic came from its own
    # planted parent's topic at K = 3)
    flow = shared_mass(family.models[3], family.models[6])
    for j in range(6):
        assert fitted_parent[int(np.argmax(flow[:, j]))] == tree.child_parent[fitted_child[j]]
        assert flow[:, j].max() > 0.9 * flow[:, j].sum()
