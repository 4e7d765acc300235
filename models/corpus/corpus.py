"""The preprocessed corpus: a sparse document-term matrix, its vocabulary, token lists and metadata."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import scipy.sparse as sp

from models.corpus.documents import Dropped, FileReport, RawDocument

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
    korean_fragments : bool
        Korean: keep Kiwi's one-syllable noun pieces as they come (빈백 → 빈, 백; 6인용 → 인). By default they are
        joined to the nouns written with them, or dropped when glued to a number or an ending
        (:func:`models.corpus.tokenize.korean_words`).
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
    korean_fragments: bool = False
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
    token_ids : ndarray of shape (n_tokens,)
        Every kept token as its vocabulary id (int32), document after document, each in text order (for Gibbs
        assignments and for colouring words by topic). Four bytes a token: no per-token Python object.
    doc_offsets : ndarray of shape (n_docs + 1,)
        Document ``d``'s tokens are ``token_ids[doc_offsets[d]:doc_offsets[d + 1]]`` (int64).
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
    token_ids: np.ndarray
    doc_offsets: np.ndarray
    documents: tuple[RawDocument, ...]
    language: str
    files: tuple[FileReport, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    options: PreprocessOptions = field(default_factory=PreprocessOptions)

    def __post_init__(self) -> None:
        n_docs, n_terms = self.dtm.shape
        offsets = self.doc_offsets
        if (
            n_terms != len(self.vocab)
            or n_docs != len(self.documents)
            or len(offsets) != n_docs + 1
            or (len(offsets) and (offsets[0] != 0 or offsets[-1] != len(self.token_ids)))
        ):
            raise ValueError(
                f"inconsistent corpus: dtm {self.dtm.shape}, {len(self.vocab)} terms, "
                f"{len(self.documents)} documents, {len(offsets) - 1} token ranges over {len(self.token_ids)} tokens"
            )

    @classmethod
    def from_tokens(
        cls, vocab: Sequence[str], doc_tokens: Sequence[Sequence[str]], documents: Sequence[RawDocument], **fields: Any
    ) -> Corpus:
        """A corpus from token strings per document (every token must be in ``vocab``); ``dtm`` is counted here.

        ``fields`` are the remaining attributes (``language``, ``files``, ``dropped``, ``options``).
        """
        index = {term: j for j, term in enumerate(vocab)}
        lengths = np.fromiter((len(doc) for doc in doc_tokens), dtype=np.int64, count=len(doc_tokens))
        try:
            ids = np.fromiter((index[t] for doc in doc_tokens for t in doc), dtype=np.int32, count=int(lengths.sum()))
        except KeyError as err:
            raise ValueError(f"token {err.args[0]!r} is not in the vocabulary") from None
        offsets = np.concatenate(([0], np.cumsum(lengths)))
        return cls(
            dtm=count_matrix(ids, offsets, len(vocab)),
            vocab=tuple(vocab),
            token_ids=ids,
            doc_offsets=offsets,
            documents=tuple(documents),
            **fields,
        )

    @cached_property
    def doc_tokens(self) -> tuple[tuple[str, ...], ...]:
        """Each document's tokens as strings, in text order (built on first use; the strings are ``vocab``'s own)."""
        vocab = self.vocab
        ids = self.token_ids.tolist()
        bounds = self.doc_offsets.tolist()
        return tuple(tuple(vocab[j] for j in ids[a:b]) for a, b in itertools.pairwise(bounds))

    def document_tokens(self, d: int) -> tuple[str, ...]:
        """Document ``d``'s tokens as strings, in text order (one document: no need to build :attr:`doc_tokens`)."""
        vocab = self.vocab
        return tuple(vocab[j] for j in self.doc_token_ids(d).tolist())

    def doc_token_ids(self, d: int) -> np.ndarray:
        """ndarray of shape (n_tokens_d,): the vocabulary ids of document ``d``'s tokens in text order."""
        return self.token_ids[self.doc_offsets[d] : self.doc_offsets[d + 1]]

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


def count_matrix(token_ids: np.ndarray, doc_offsets: np.ndarray, n_terms: int) -> sp.csr_matrix:
    """The document-term count matrix of token ids grouped by ``doc_offsets``.

    Parameters
    ----------
    token_ids : ndarray of shape (n_tokens,)
    doc_offsets : ndarray of shape (n_docs + 1,)
    n_terms : int

    Returns
    -------
    scipy.sparse.csr_matrix of shape (n_docs, n_terms)
        int64 counts, indices sorted within each row.
    """
    n_docs = len(doc_offsets) - 1
    rows = np.repeat(np.arange(n_docs, dtype=np.int32), np.diff(doc_offsets))
    ones = np.ones(len(token_ids), dtype=np.int32)
    coo = sp.coo_matrix((ones, (rows, np.asarray(token_ids, dtype=np.int32))), shape=(n_docs, n_terms))
    dtm = coo.tocsr()  # sums duplicates
    dtm.sort_indices()
    return dtm.astype(np.int64)


def _reason(code: str, lang: str) -> str:
    from models.errors import render

    return render(code, {}, lang)
