"""Native coherence against gensim's CoherenceModel on the same topics and texts (to 1e-6), sliding windows included."""

from __future__ import annotations

import numpy as np
import pytest

from models import load_sample
from models.lda.coherence import coherence_per_topic, cooccurrence_counts
from models.lda.gibbs import fit_gibbs
from models.lda.options import LdaOptions
from models.lda.quality import coherence, coherence_gensim
from models.synthetic import generative


def _gensim(corpus, ids, measure):
    from gensim.corpora import Dictionary
    from gensim.models.coherencemodel import CoherenceModel

    texts = [list(d) for d in corpus.doc_tokens]
    dictionary = Dictionary(texts)
    topics = [[corpus.vocab[j] for j in t] for t in ids]
    bow = [dictionary.doc2bow(t) for t in texts] if measure == "u_mass" else None
    model = CoherenceModel(
        topics=topics, texts=texts, corpus=bow, dictionary=dictionary, coherence=measure, topn=len(ids[0]), processes=1
    )
    return np.asarray(model.get_coherence_per_topic())


@pytest.mark.parametrize("measure", ["c_v", "u_mass", "c_npmi"])
@pytest.mark.parametrize(("n_terms", "doc_length"), [(60, 300), (400, 150), (30, 40)])
def test_agrees_with_gensim_on_long_and_short_documents(measure: str, n_terms: int, doc_length: int) -> None:
    # documents longer than the 110-token window exercise gensim's sliding window (and the way it forgets a word)
    corpus = generative(n_docs=40, n_topics=4, n_terms=n_terms, doc_length=doc_length, seed=1).corpus
    rng = np.random.default_rng(n_terms)
    used = np.flatnonzero(corpus.term_frequency > 0)
    ids = [list(rng.choice(used, 10, replace=False)) for _ in range(5)]
    np.testing.assert_allclose(coherence_per_topic(corpus, ids, measure), _gensim(corpus, ids, measure), atol=1e-6)


@pytest.mark.parametrize("measure", ["c_v", "u_mass", "c_npmi"])
def test_agrees_with_gensim_on_a_fitted_model(measure: str) -> None:
    corpus = load_sample("lee-news")
    model = fit_gibbs(corpus, LdaOptions(n_topics=8, iterations=30, seed=0))
    ours, theirs = coherence(model, corpus, measure), coherence_gensim(model, corpus, measure)
    np.testing.assert_allclose(ours.per_topic, theirs.per_topic, atol=1e-6)
    assert ours.mean == pytest.approx(theirs.mean, abs=1e-6)


def test_counts_by_hand() -> None:
    from models.corpus.corpus import Corpus
    from models.corpus.documents import RawDocument

    vocab = ("a", "b", "c", "d")
    docs = [("a", "b", "a", "d", "d", "c"), ("b", "c"), ("a",)]
    documents = [RawDocument(" ".join(d), "t", f"d{i}") for i, d in enumerate(docs)]
    corpus = Corpus.from_tokens(vocab, docs, documents, language="en")
    boolean = cooccurrence_counts(corpus, [[0, 1, 2]], window=0)
    assert boolean.n_windows == 3
    assert boolean.occurrences.tolist() == [[2, 2, 2]]
    assert boolean.cooccurrences[0].tolist() == [[2, 1, 1], [1, 2, 2], [1, 2, 2]]
    # windows of 3 over document 1: (a b a) (b a d) (a d d) (d d c). As gensim's accumulator does, "a" is forgotten
    # when the first "a" leaves (window 2) although the second "a" is still inside, and it never enters again at
    # the right edge: "a" counts in window 1 only; "b" in windows 1-2; "c" in window 4. Documents 2 and 3 are
    # shorter than the window: one window each.
    sliding = cooccurrence_counts(corpus, [[0, 1, 2]], window=3)
    assert sliding.n_windows == 4 + 1 + 1
    assert sliding.occurrences.tolist() == [[1 + 1, 2 + 1, 1 + 1]]
    assert sliding.cooccurrences[0, 0, 1] == 1 and sliding.cooccurrences[0, 1, 2] == 1
    assert sliding.cooccurrences[0, 0, 2] == 0
