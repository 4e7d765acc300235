"""Known-answer corpora shared by the LDA tests (a test module's own fixture of the same name wins)."""

from __future__ import annotations

import dataclasses

import pytest
import scipy.sparse as sp

from models.synthetic import block_diagonal, generative


@pytest.fixture(scope="module")
def block():
    """Five topics over disjoint blocks of terms, each document drawn from one block."""
    return block_diagonal()


@pytest.fixture(scope="module")
def planted():
    """300 documents from LDA's generative model with 5 topics over 300 terms."""
    return generative(n_docs=300, n_topics=5, n_terms=300, seed=0)


def as_storage(corpus, kind: str):
    """``corpus`` with its document-term matrix stored as ``kind``: "dense", "csr_array" or "csr_matrix" (as is)."""
    if kind == "dense":
        return dataclasses.replace(corpus, dtm=corpus.dtm.toarray())
    if kind == "csr_array":
        return dataclasses.replace(corpus, dtm=sp.csr_array(corpus.dtm))
    return corpus
