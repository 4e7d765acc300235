"""Corpora with a known answer: block-diagonal topics, text sampled from the LDA generative model, word clusters,
sentences from a small grammar.

Used by the tests (every engine must recover the planted topics, word vectors the planted clusters, the tiny BERT
the grammar's masked words) and by the benchmarks (a corpus of any size).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models.corpus.corpus import Corpus, PreprocessOptions, count_matrix
from models.corpus.documents import RawDocument

__all__ = [
    "Grammar",
    "Hierarchy",
    "Planted",
    "WordClusters",
    "ambiguous",
    "block_diagonal",
    "generative",
    "grammar",
    "hierarchical",
    "rare_topic",
    "topic_recovery",
    "word_clusters",
]


@dataclass(frozen=True, eq=False)
class Planted:
    """A synthetic corpus and the topics planted in it.

    Attributes
    ----------
    corpus : Corpus
        Terms are named ``w00000``, ``w00001``, ...; documents ``doc 1``, ``doc 2``, ...
    phi : ndarray of shape (n_topics, n_terms)
        The planted topic-term distributions.
    theta : ndarray of shape (n_docs, n_topics)
        The planted document-topic distributions.
    """

    corpus: Corpus
    phi: np.ndarray
    theta: np.ndarray


def _corpus_from_ids(doc_ids: list[np.ndarray], n_terms: int) -> Corpus:
    width = max(5, len(str(n_terms - 1)))
    vocab = tuple(f"w{j:0{width}d}" for j in range(n_terms))
    ids = np.concatenate(doc_ids).astype(np.int32) if doc_ids else np.zeros(0, dtype=np.int32)
    offsets = np.concatenate(([0], np.cumsum([len(d) for d in doc_ids]))).astype(np.int64)
    docs = tuple(
        RawDocument(text=" ".join(vocab[j] for j in d), source="synthetic", name=f"doc {i + 1}")
        for i, d in enumerate(doc_ids)
    )
    return Corpus(
        dtm=count_matrix(ids, offsets, n_terms),
        vocab=vocab,
        token_ids=ids,
        doc_offsets=offsets,
        documents=docs,
        language="en",
        options=PreprocessOptions(language="en"),
    )


def block_diagonal(
    n_topics: int = 5, docs_per_topic: int = 20, terms_per_topic: int = 10, doc_length: int = 50, seed: int = 0
) -> Planted:
    """Each document uses only the terms of one topic (uniformly); the document-term matrix is block-diagonal.

    As in scikit-learn's LDA tests: the fitted topics must each match one block.
    """
    rng = np.random.default_rng(seed)
    n_terms = n_topics * terms_per_topic
    phi = np.zeros((n_topics, n_terms))
    for k in range(n_topics):
        phi[k, k * terms_per_topic : (k + 1) * terms_per_topic] = 1.0 / terms_per_topic
    doc_ids, theta_rows = [], []
    for k in range(n_topics):
        for _ in range(docs_per_topic):
            doc_ids.append(rng.integers(k * terms_per_topic, (k + 1) * terms_per_topic, size=doc_length))
            row = np.zeros(n_topics)
            row[k] = 1.0
            theta_rows.append(row)
    order = rng.permutation(len(doc_ids))
    doc_ids = [doc_ids[i] for i in order]
    theta = np.array(theta_rows)[order]
    return Planted(_corpus_from_ids(doc_ids, n_terms), phi, theta)


def generative(
    n_docs: int = 200,
    n_topics: int = 5,
    n_terms: int = 500,
    doc_length: int = 100,
    alpha: float = 0.1,
    eta: float = 0.05,
    seed: int = 0,
) -> Planted:
    """Documents sampled from LDA's generative model (Blei, Ng & Jordan 2003) with a fixed seed.

    phi_k ~ Dir(eta), theta_d ~ Dir(alpha), z ~ Cat(theta_d), w ~ Cat(phi_z); document lengths are Poisson
    around ``doc_length`` (at least 1).
    """
    rng = np.random.default_rng(seed)
    phi = rng.dirichlet(np.full(n_terms, eta), size=n_topics)
    theta = rng.dirichlet(np.full(n_topics, alpha), size=n_docs)
    lengths = np.maximum(rng.poisson(doc_length, size=n_docs), 1)
    cdf = np.cumsum(phi, axis=1)
    cdf[:, -1] = 1.0
    doc_ids = []
    for d in range(n_docs):
        z = rng.choice(n_topics, size=lengths[d], p=theta[d])
        u = rng.random(lengths[d])
        words = np.array([np.searchsorted(cdf[k], x, side="right") for k, x in zip(z, u, strict=True)])
        doc_ids.append(np.minimum(words, n_terms - 1).astype(np.int64))
    return Planted(_corpus_from_ids(doc_ids, n_terms), phi, theta)


def topic_recovery(planted_phi: np.ndarray, fitted_phi: np.ndarray) -> np.ndarray:
    """For each planted topic, the highest cosine similarity to any fitted topic.

    Returns
    -------
    ndarray of shape (n_planted,)
        1.0 means a fitted topic has exactly the planted term distribution (up to scale).
    """
    a = planted_phi / np.linalg.norm(planted_phi, axis=1, keepdims=True)
    b = fitted_phi / np.linalg.norm(fitted_phi, axis=1, keepdims=True)
    return (a @ b.T).max(axis=1)


@dataclass(frozen=True, eq=False)
class WordClusters:
    """A synthetic corpus whose words come in planted clusters (words of a cluster share their documents).

    Attributes
    ----------
    corpus : Corpus
        Terms ``w00000``, ``w00001``, ...; cluster c holds terms ``c * words_per_cluster`` to
        ``(c + 1) * words_per_cluster - 1``.
    cluster : ndarray of shape (n_terms,)
        The cluster of each term, in the corpus's vocabulary order.
    """

    corpus: Corpus
    cluster: np.ndarray


def word_clusters(
    n_clusters: int = 10,
    words_per_cluster: int = 10,
    n_docs: int = 500,
    doc_length: int = 50,
    noise: float = 0.1,
    seed: int = 0,
) -> WordClusters:
    """Each document is about one cluster, drawn uniformly: each of its ``doc_length`` words is, with probability
    ``1 - noise``, a uniform draw from that cluster's words, else a uniform draw from all words.

    Words of a cluster then share contexts (the distributional hypothesis, Harris 1954), so word vectors trained on
    it should put each word's nearest neighbours in its own cluster. Terms are numbered by cluster (the vocabulary
    is in that order, not in order of first appearance).
    """
    rng = np.random.default_rng(seed)
    n_terms = n_clusters * words_per_cluster
    topic = rng.integers(0, n_clusters, size=n_docs)
    own = topic[:, None] * words_per_cluster + rng.integers(0, words_per_cluster, size=(n_docs, doc_length))
    anywhere = rng.integers(0, n_terms, size=(n_docs, doc_length))
    words = np.where(rng.random((n_docs, doc_length)) < noise, anywhere, own)
    return WordClusters(_corpus_from_ids(list(words), n_terms), np.arange(n_terms) // words_per_cluster)


@dataclass(frozen=True, eq=False)
class Grammar:
    """A synthetic corpus of sentences from a small grammar, for masked-language models.

    Attributes
    ----------
    corpus : Corpus
        Each document is ``sentences_per_doc`` sentences of exactly ``slots`` tokens, written one after another.
    sentence_length : int
        Tokens per sentence (``slots``): chunking documents by it gives back the sentences.
    best_accuracy : float
        The most a model can get right on a masked word whose sentence it sees: 1 / ``words_per_slot``.
    """

    corpus: Corpus
    sentence_length: int
    best_accuracy: float


def grammar(
    n_docs: int = 200,
    sentences_per_doc: int = 4,
    n_classes: int = 8,
    slots: int = 6,
    words_per_slot: int = 2,
    seed: int = 0,
) -> Grammar:
    """Sentences whose words agree: each sentence draws a class c, then for each slot s one of the
    ``words_per_slot`` words of (c, s) uniformly.

    Any other word of a sentence tells its class, and the position tells the slot, so a masked word is one of
    ``words_per_slot`` candidates from its context, while the most frequent word alone is right about
    ``1 / (n_classes · slots · words_per_slot)`` of the time. Term ``(c · slots + s) · words_per_slot + w`` is word w
    of slot s of class c (the vocabulary is in that order, not in order of first appearance).
    """
    rng = np.random.default_rng(seed)
    n_sentences = n_docs * sentences_per_doc
    classes = rng.integers(0, n_classes, size=(n_sentences, 1))
    words = rng.integers(0, words_per_slot, size=(n_sentences, slots))
    ids = (classes * slots + np.arange(slots)[None, :]) * words_per_slot + words
    docs = list(ids.reshape(n_docs, sentences_per_doc * slots))
    return Grammar(_corpus_from_ids(docs, n_classes * slots * words_per_slot), slots, 1.0 / words_per_slot)


def _sample_documents(
    phi: np.ndarray, theta: np.ndarray, doc_length: int, rng: np.random.Generator
) -> list[np.ndarray]:
    """Documents of exactly ``doc_length`` tokens: z ~ Cat(θ_d), w ~ Cat(φ_z) (Blei, Ng & Jordan 2003)."""
    n_topics, n_terms = phi.shape
    cdf = np.cumsum(phi, axis=1)
    cdf[:, -1] = 1.0
    docs = []
    for row in theta:
        z = rng.choice(n_topics, size=doc_length, p=row)
        u = rng.random(doc_length)
        words = (u[:, None] >= cdf[z]).sum(axis=1)  # the first term whose cumulative share exceeds u
        docs.append(np.minimum(words, n_terms - 1).astype(np.int64))
    return docs


@dataclass(frozen=True, eq=False)
class Hierarchy:
    """A corpus whose planted topics are unions of planted sub-topics.

    Attributes
    ----------
    corpus : Corpus
    parent_phi : ndarray of shape (n_parents, n_terms)
        Each parent topic: its children's words, uniformly.
    child_phi : ndarray of shape (n_parents * children_per_parent, n_terms)
        Each sub-topic: its own block of ``terms_per_child`` words, uniformly.
    child_parent : ndarray of shape (n_children,)
        The parent of each sub-topic.
    """

    corpus: Corpus
    parent_phi: np.ndarray
    child_phi: np.ndarray
    child_parent: np.ndarray


def hierarchical(
    n_parents: int = 2,
    children_per_parent: int = 2,
    terms_per_child: int = 15,
    n_docs: int = 300,
    doc_length: int = 60,
    mixed_share: float = 0.5,
    seed: int = 0,
) -> Hierarchy:
    """Each document is about one parent theme (uniformly): a share ``mixed_share`` of them mix all of that parent's
    sub-topics equally, the others are about one sub-topic alone; sub-topics have disjoint word blocks.

    With K = ``n_parents`` topics the fit finds the parents (their words co-occur within documents); with
    K = ``n_parents * children_per_parent`` it finds the sub-topics, so a genealogy over K shows each parent splitting
    into its own children.
    """
    rng = np.random.default_rng(seed)
    n_children = n_parents * children_per_parent
    n_terms = n_children * terms_per_child
    child_phi = np.zeros((n_children, n_terms))
    for c in range(n_children):
        child_phi[c, c * terms_per_child : (c + 1) * terms_per_child] = 1.0 / terms_per_child
    child_parent = np.arange(n_children) // children_per_parent
    parent_phi = np.array([child_phi[child_parent == p].mean(axis=0) for p in range(n_parents)])
    theta = np.zeros((n_docs, n_children))
    parents = rng.integers(0, n_parents, size=n_docs)
    mixed = rng.random(n_docs) < mixed_share
    for d, p in enumerate(parents):
        first = p * children_per_parent
        if mixed[d]:
            theta[d, first : first + children_per_parent] = 1.0 / children_per_parent
        else:
            theta[d, first + rng.integers(children_per_parent)] = 1.0
    docs = _sample_documents(child_phi, theta, doc_length, rng)
    return Hierarchy(_corpus_from_ids(docs, n_terms), parent_phi, child_phi, child_parent)


def ambiguous(
    n_clear: int = 4, terms_per_topic: int = 12, n_docs: int = 300, doc_length: int = 40, seed: int = 0
) -> Planted:
    """``n_clear`` well-separated topics plus one ambiguous topic that has no words of its own.

    Clear topic k uses its own block of ``terms_per_topic`` words; the ambiguous topic (the last row of ``phi``) uses
    the second halves of blocks 0 and 1. Every document is about one topic, drawn uniformly. Whether the second halves
    belong with their first halves or together is a close call, so fits of ``n_clear + 1`` topics with different seeds
    disagree about blocks 0 and 1 while the other topics come back every time.
    """
    rng = np.random.default_rng(seed)
    n_terms = n_clear * terms_per_topic
    half = terms_per_topic // 2
    phi = np.zeros((n_clear + 1, n_terms))
    for k in range(n_clear):
        phi[k, k * terms_per_topic : (k + 1) * terms_per_topic] = 1.0
    phi[n_clear, half:terms_per_topic] = 1.0
    phi[n_clear, terms_per_topic + half : 2 * terms_per_topic] = 1.0
    phi /= phi.sum(axis=1, keepdims=True)
    theta = np.eye(n_clear + 1)[rng.integers(0, n_clear + 1, size=n_docs)]
    docs = _sample_documents(phi, theta, doc_length, rng)
    return Planted(_corpus_from_ids(docs, n_terms), phi, theta)


def rare_topic(
    prevalence: tuple[float, ...] = (0.3, 0.3, 0.3, 0.07, 0.03),
    terms_per_topic: int = 20,
    n_docs: int = 200,
    doc_length: int = 40,
    noise: float = 0.02,
    seed: int = 0,
) -> Planted:
    """Topics of very different sizes: θ_d ~ Dir(``prevalence``), each topic its own block of words (plus ``noise``
    spread over every word). The last topic is rare (3% of the tokens by default): fitted without help it is often
    merged into another topic while a large one splits, which is what seed words are for.
    """
    rng = np.random.default_rng(seed)
    n_topics = len(prevalence)
    n_terms = n_topics * terms_per_topic
    phi = np.full((n_topics, n_terms), noise / n_terms)
    for k in range(n_topics):
        phi[k, k * terms_per_topic : (k + 1) * terms_per_topic] += (1.0 - noise) / terms_per_topic
    phi /= phi.sum(axis=1, keepdims=True)
    theta = rng.dirichlet(np.asarray(prevalence, dtype=np.float64), size=n_docs)
    docs = _sample_documents(phi, theta, doc_length, rng)
    return Planted(_corpus_from_ids(docs, n_terms), phi, theta)
