"""From raw documents to a :class:`~models.corpus.Corpus`: tokenize, filter the vocabulary, count."""

from __future__ import annotations

import itertools
import logging
from collections import Counter
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from models import stopwords
from models.corpus import LANGUAGES, Corpus, PreprocessOptions
from models.documents import Dropped, Ingested, RawDocument
from models.errors import InputError
from models.readers.base import preview
from models.tokenize import detect_language, tokenize_english, tokenize_korean

logger = logging.getLogger(__name__)

__all__ = ["build_corpus", "tokenize_documents"]


def _validate(options: PreprocessOptions) -> None:
    if options.language not in LANGUAGES:
        raise InputError("bad_option", option="language", value=options.language, why="use auto, en or ko")
    if options.min_df < 1:
        raise InputError("bad_option", option="min_df", value=options.min_df, why="must be at least 1")
    if not options.max_df > 0:
        raise InputError("bad_option", option="max_df", value=options.max_df, why="must be above 0")
    if options.max_features is not None and options.max_features < 1:
        raise InputError("bad_option", option="max_features", value=options.max_features, why="must be at least 1")
    if options.min_token_length is not None and options.min_token_length < 1:
        raise InputError(
            "bad_option", option="min_token_length", value=options.min_token_length, why="must be at least 1"
        )


def tokenize_documents(texts: Sequence[str], options: PreprocessOptions) -> tuple[str, list[list[str]]]:
    """Tokenize ``texts`` by ``options``; returns the language used and the tokens per text (before df filters)."""
    _validate(options)
    language = detect_language(texts) if options.language == "auto" else options.language
    extra = frozenset(w.strip().lower() for w in options.stop_words if w.strip())
    if language == "ko":
        stop = stopwords.KOREAN | stopwords.ENGLISH | extra
        tokens = tokenize_korean(
            texts,
            stop,
            min_length=options.min_token_length or 1,
            verbs=options.korean_verbs,
            keep_numbers=options.keep_numbers,
        )
    else:
        stop = stopwords.ENGLISH | extra
        tokens = [
            tokenize_english(t, stop, min_length=options.min_token_length or 2, keep_numbers=options.keep_numbers)
            for t in texts
        ]
    if options.bigrams:
        tokens = [t + [f"{a} {b}" for a, b in itertools.pairwise(t)] for t in tokens]
    return language, tokens


def _filter_vocabulary(tokens: list[list[str]], options: PreprocessOptions) -> list[str]:
    n_docs = len(tokens)
    tf = Counter(w for doc in tokens for w in doc)  # insertion order = order of first appearance
    df = Counter(w for doc in tokens for w in set(doc))
    max_docs = options.max_df * n_docs if options.max_df <= 1.0 else options.max_df
    kept = [w for w in tf if options.min_df <= df[w] <= max_docs]
    if options.max_features is not None and len(kept) > options.max_features:
        allowed = set(sorted(kept, key=lambda w: (-tf[w], w))[: options.max_features])
        kept = [w for w in kept if w in allowed]
    return kept


def build_corpus(ingested: Ingested, options: PreprocessOptions | None = None) -> Corpus:
    """Tokenize the documents of ``ingested`` and build the document-term matrix.

    Parameters
    ----------
    ingested : Ingested
        Documents read by :func:`models.ingest.read_files`.
    options : PreprocessOptions, optional
        Tokenization and vocabulary filters.

    Returns
    -------
    Corpus
        Documents left with no term are dropped (reason ``dropped_no_terms``).

    Raises
    ------
    InputError
        When no document keeps any term.
    """
    options = options or PreprocessOptions()
    texts = [d.text for d in ingested.documents]
    language, tokens = tokenize_documents(texts, options)
    vocab = _filter_vocabulary(tokens, options)
    index = {w: j for j, w in enumerate(vocab)}

    kept_docs: list[RawDocument] = []
    kept_tokens: list[tuple[str, ...]] = []
    dropped = list(ingested.dropped)
    rows: list[int] = []
    cols: list[int] = []
    for doc, doc_tokens in zip(ingested.documents, tokens, strict=True):
        filtered = tuple(w for w in doc_tokens if w in index)
        if not filtered:
            dropped.append(Dropped(doc.source, doc.name, "dropped_no_terms", preview(doc.text)))
            continue
        row = len(kept_docs)
        kept_docs.append(doc)
        kept_tokens.append(filtered)
        rows.extend([row] * len(filtered))
        cols.extend(index[w] for w in filtered)
    if not kept_docs or not vocab:
        raise InputError("no_terms")
    data = np.ones(len(rows), dtype=np.int64)
    dtm = sp.csr_matrix((data, (rows, cols)), shape=(len(kept_docs), len(vocab)), dtype=np.int64)
    dtm.sum_duplicates()
    logger.info("corpus: %d documents, %d tokens, %d terms (%s)", dtm.shape[0], dtm.sum(), len(vocab), language)
    return Corpus(
        dtm=dtm,
        vocab=tuple(vocab),
        doc_tokens=tuple(kept_tokens),
        documents=tuple(kept_docs),
        language=language,
        files=ingested.files,
        dropped=tuple(dropped),
        options=options,
    )
