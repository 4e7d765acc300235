"""The preprocessed corpus: a sparse document-term matrix, its vocabulary, token lists and metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp

from models.documents import Dropped, FileReport, RawDocument

__all__ = ["Corpus", "PreprocessOptions"]

LANGUAGES: tuple[str, ...] = ("auto", "en", "ko")


@dataclass(frozen=True)
class PreprocessOptions:
    """How documents become tokens and the vocabulary is filtered.

    Attributes
    ----------
    language : {"auto", "en", "ko"}
        "auto" picks Korean when at least 30% of the letters are Hangul.
    stop_words : tuple of str
        The user's own stop words, added to the language's list.
    min_token_length : int, optional
        Shortest token kept; default 2 for English, 1 for Korean (책, 옷 are words).
    bigrams : bool
        Also count adjacent token pairs ("new york"); rare pairs go through min_df like any term.
    korean_verbs : bool
        Korean: keep verb/adjective stems as well as nouns.
    keep_numbers : bool
        Keep numbers as tokens.
    min_df : int
        Drop terms found in fewer documents.
    max_df : float
        Drop terms found in more than this share of documents (a value above 1 is a document count).
    max_features : int, optional
        Keep only the most frequent terms.
    """

    language: str = "auto"
    stop_words: tuple[str, ...] = ()
    min_token_length: int | None = None
    bigrams: bool = False
    korean_verbs: bool = False
    keep_numbers: bool = False
    min_df: int = 1
    max_df: float = 1.0
    max_features: int | None = None


@dataclass(frozen=True, eq=False)
class Corpus:
    """A tokenized corpus ready for topic models.

    Attributes
    ----------
    dtm : scipy.sparse.csr_matrix of shape (n_docs, n_terms)
        Term counts (int64).
    vocab : tuple of str
        Terms, in column order of ``dtm``: order of first appearance in the corpus (so the lecture's tables
        come out in the lecture's order: pizza, hamburger, cookie, ...).
    doc_tokens : tuple of tuple of str
        Each kept document's tokens in text order, restricted to ``vocab`` (for Gibbs assignments and for
        colouring words by topic).
    documents : tuple of RawDocument
        The kept documents (text, source, name, metadata), row order of ``dtm``.
    language : str
        "en" or "ko".
    files : tuple of FileReport
        What was read from each input file.
    dropped : tuple of Dropped
        Documents left out and why.
    options : PreprocessOptions
        The options used.
    """

    dtm: sp.csr_matrix
    vocab: tuple[str, ...]
    doc_tokens: tuple[tuple[str, ...], ...]
    documents: tuple[RawDocument, ...]
    language: str
    files: tuple[FileReport, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    options: PreprocessOptions = field(default_factory=PreprocessOptions)

    def __post_init__(self) -> None:
        n_docs, n_terms = self.dtm.shape
        if n_terms != len(self.vocab) or n_docs != len(self.documents) or n_docs != len(self.doc_tokens):
            raise ValueError(
                f"inconsistent corpus: dtm {self.dtm.shape}, {len(self.vocab)} terms, "
                f"{len(self.documents)} documents, {len(self.doc_tokens)} token lists"
            )

    @property
    def n_documents(self) -> int:
        """Number of kept documents."""
        return self.dtm.shape[0]

    @property
    def n_tokens(self) -> int:
        """Total token count (sum of ``dtm``)."""
        return int(self.dtm.sum())

    @property
    def vocab_size(self) -> int:
        """Number of distinct terms."""
        return self.dtm.shape[1]

    @property
    def term_frequency(self) -> np.ndarray:
        """ndarray of shape (n_terms,): corpus-wide count of each term."""
        return np.asarray(self.dtm.sum(axis=0)).ravel()

    @property
    def doc_lengths(self) -> np.ndarray:
        """ndarray of shape (n_docs,): token count of each document."""
        return np.asarray(self.dtm.sum(axis=1)).ravel()

    @property
    def encodings(self) -> tuple[str, ...]:
        """The distinct text encodings detected across the input files."""
        return tuple(sorted({f.encoding for f in self.files if f.encoding}))

    def top_terms(self, n: int = 30) -> list[tuple[str, int, int]]:
        """The ``n`` most frequent terms as (term, count, document frequency); ties in first-appearance order."""
        tf = self.term_frequency
        df = np.diff(self.dtm.tocsc().indptr)
        order = np.argsort(-tf, kind="stable")[:n]  # ties keep vocabulary (first-appearance) order
        return [(self.vocab[j], int(tf[j]), int(df[j])) for j in order]

    def summary(self, lang: str = "en", top: int = 20) -> dict[str, Any]:
        """The corpus summary written by ``python -m models corpus --json`` (fields documented in the README)."""
        return {
            "documents": self.n_documents,
            "tokens": self.n_tokens,
            "vocabulary_size": self.vocab_size,
            "language": self.language,
            "files": [
                {
                    "name": f.name,
                    "kind": f.kind,
                    "encoding": f.encoding,
                    "documents": f.n_documents,
                    "text_column": f.text_column,
                    "notices": [n.text(lang) for n in f.notices],
                    "error": f.error.text(lang) if f.error else None,
                }
                for f in self.files
            ],
            "dropped": [
                {
                    "source": d.source,
                    "name": d.name,
                    "reason": d.reason,
                    "message": _reason(d.reason, lang),
                    "preview": d.preview,
                }
                for d in self.dropped
            ],
            "top_terms": [{"term": t, "count": c, "document_frequency": df} for t, c, df in self.top_terms(top)],
        }


def _reason(code: str, lang: str) -> str:
    from models.errors import render

    return render(code, {}, lang)
