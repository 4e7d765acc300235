"""From raw documents to a :class:`~models.corpus.Corpus`: tokenize, filter the vocabulary, count.

Memory: documents are tokenized one at a time (a long one in slices of about a megabyte), and each token is turned
into an integer id at once, so no per-token Python object outlives its document; the vocabulary filter and the
count matrix work on NumPy arrays. ``benchmarks/bench_hostile_inputs.py`` measures the peak.
"""

from __future__ import annotations

import itertools
import logging
from array import array
from collections.abc import Iterator, Sequence

import numpy as np

from models.corpus import stopwords
from models.corpus.corpus import LANGUAGES, Corpus, PreprocessOptions, count_matrix
from models.corpus.documents import Dropped, Ingested
from models.corpus.readers.base import preview
from models.corpus.tokenize import detect_language, tokenize_english, tokenize_korean
from models.errors import InputError

logger = logging.getLogger(__name__)

__all__ = ["build_corpus", "iter_document_tokens", "tokenize_documents"]

# A document longer than this is tokenized in slices cut at white space (a 100 MB one-line file holds one document).
SLICE_CHARS = 1 << 20
# Kiwi's time grows faster than a text's length (1 MB of Korean as one text: 27 s; in pieces: 2 s on 2 cores), so a
# Korean document is given to it in pieces of at most this many characters, cut at line and sentence ends.
KOREAN_PIECE_CHARS = 2048
_SENTENCE_ENDS = (". ", "? ", "! ", ".\t", "?\t", "!\t")


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


def _slices(text: str, size: int = SLICE_CHARS) -> Iterator[str]:
    """``text`` in pieces of about ``size`` characters, each cut just after a white-space character."""
    start, n = 0, len(text)
    while n - start > size:
        cut = max(text.rfind(" ", start, start + size), text.rfind("\n", start, start + size))
        end = cut + 1 if cut > start else start + size
        yield text[start:end]
        start = end
    yield text[start:]


def _language(texts: Sequence[str], options: PreprocessOptions) -> str:
    return detect_language(texts) if options.language == "auto" else options.language


def _slice_tokens(texts: Sequence[str], options: PreprocessOptions, language: str) -> Iterator[tuple[int, list[str]]]:
    """(document index, tokens) for every slice of every text, in order; bigrams follow each slice's words.

    Documents under :data:`SLICE_CHARS` are one slice. A longer one is cut at white space, and a bigram across a
    cut is not counted.
    """
    extra = frozenset(w.strip().lower() for w in options.stop_words if w.strip())
    if language == "ko":
        stream = _korean_slices(texts, stopwords.KOREAN | stopwords.ENGLISH | extra, options)
    else:
        stop = stopwords.ENGLISH | extra
        min_length = options.min_token_length or 2
        stream = (
            (d, tokenize_english(piece, stop, min_length, options.keep_numbers))
            for d, text in enumerate(texts)
            for piece in _slices(text)
        )
    for d, tokens in stream:
        if options.bigrams:
            tokens = tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]
        yield d, tokens


def _korean_pieces(text: str, size: int = KOREAN_PIECE_CHARS) -> Iterator[str]:
    """``text`` in pieces of at most ``size`` characters for Kiwi, each cut just after the last line end in reach,
    else after the last sentence end (``.``, ``?`` or ``!`` and a space), else after the last white space.

    Cuts at line and sentence ends left Kiwi's tokens as they were on 1 MB of listings (and in
    ``tests/models/test_korean_batch.py``); a cut at a plain space, made only in a stretch of ``size`` characters
    with neither, may change the word at the cut (2 words in 28 such cuts, measured).
    """
    start, n = 0, len(text)
    while n - start > size:
        stop = start + size
        cut = text.rfind("\n", start, stop)
        if cut <= start:
            cut = max(text.rfind(end, start, stop) for end in _SENTENCE_ENDS) + 1
        if cut <= start:
            cut = max(text.rfind(" ", start, stop), text.rfind("\t", start, stop))
        end = cut + 1 if cut > start else stop
        yield text[start:end]
        start = end
    yield text[start:]


def _korean_slices(
    texts: Sequence[str], stop: frozenset[str], options: PreprocessOptions
) -> Iterator[tuple[int, list[str]]]:
    """Kiwi tokens per slice (as English: a text, or a :data:`SLICE_CHARS` slice of a long one), with the index of
    the text each slice came from.

    Kiwi gets every slice's pieces (:func:`_korean_pieces`) as one list: its worker threads then share the work (1
    MB of listings: 3.0 s as a list, 4.5 s as an iterator, on 2 cores). The list holds the texts themselves (only a
    long text's pieces are copies). A slice's tokens are put back together before bigrams are formed.
    """
    slice_owner: list[int] = []  # the text of each slice
    piece_slice: list[int] = []  # the slice of each piece
    pieces: list[str] = []
    for d, text in enumerate(texts):
        for part in _slices(text):
            s = len(slice_owner)
            slice_owner.append(d)
            if len(part) <= KOREAN_PIECE_CHARS:
                piece_slice.append(s)
                pieces.append(part)
                continue
            for piece in _korean_pieces(part):
                piece_slice.append(s)
                pieces.append(piece)
    tokenized = tokenize_korean(
        pieces,
        stop,
        min_length=options.min_token_length or 1,
        verbs=options.korean_verbs,
        keep_numbers=options.keep_numbers,
        fragments=options.korean_fragments,
    )
    current, tokens = 0, []
    for s, words in zip(piece_slice, tokenized, strict=True):
        if s != current:
            yield slice_owner[current], tokens
            current, tokens = s, words
        else:
            tokens.extend(words)
    if slice_owner:
        yield slice_owner[current], tokens


def iter_document_tokens(texts: Sequence[str], options: PreprocessOptions, language: str) -> Iterator[list[str]]:
    """The tokens of each text in order (before document-frequency filters), one text at a time.

    Parameters
    ----------
    texts : sequence of str
        Documents.
    options : PreprocessOptions
        Stop words, minimum length, bigrams, Korean verbs, numbers.
    language : {"en", "ko"}
        The tokenizer to use.

    Yields
    ------
    list of str
        One list per text (bigrams, when asked, follow the words).
    """
    current, tokens = 0, []
    for d, piece in _slice_tokens(texts, options, language):
        while current < d:
            yield tokens
            current, tokens = current + 1, []
        tokens.extend(piece)
    while current < len(texts):
        yield tokens
        current, tokens = current + 1, []


def tokenize_documents(texts: Sequence[str], options: PreprocessOptions) -> tuple[str, list[list[str]]]:
    """Tokenize ``texts`` by ``options``; returns the language used and the tokens per text (before df filters)."""
    _validate(options)
    language = _language(texts, options)
    return language, list(iter_document_tokens(texts, options, language))


def _token_ids(texts: Sequence[str], options: PreprocessOptions, language: str) -> tuple[np.ndarray, np.ndarray, list]:
    """Every token as a provisional id (order of first appearance), the documents' offsets, and the terms by id."""
    index: dict[str, int] = {}
    get = index.get
    ids = array("i")
    lengths = array("q", bytes(8 * len(texts)))
    for d, tokens in _slice_tokens(texts, options, language):
        piece_ids = []
        append = piece_ids.append
        for token in tokens:
            j = get(token)
            if j is None:
                j = index[token] = len(index)
            append(j)
        ids.extend(piece_ids)
        lengths[d] += len(piece_ids)
    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(np.frombuffer(lengths, dtype=np.int64), out=offsets[1:])
    return np.frombuffer(ids, dtype=np.int32), offsets, list(index)


def _kept_terms(
    terms: list[str], tf: np.ndarray, df: np.ndarray, n_docs: int, options: PreprocessOptions
) -> np.ndarray:
    """Ids (ascending, so first-appearance order) of the terms that pass min_df, max_df and max_features."""
    max_docs = options.max_df * n_docs if options.max_df <= 1.0 else options.max_df
    kept = np.flatnonzero((df >= options.min_df) & (df <= max_docs))
    if options.max_features is not None and len(kept) > options.max_features:
        # Most frequent first; ties by the term itself, so the choice does not depend on document order.
        best = sorted(kept.tolist(), key=lambda j: (-int(tf[j]), terms[j]))[: options.max_features]
        kept = np.sort(np.asarray(best, dtype=np.int64))
    return kept


def build_corpus(ingested: Ingested, options: PreprocessOptions | None = None) -> Corpus:
    """Tokenize the documents of ``ingested`` and build the document-term matrix.

    Parameters
    ----------
    ingested : Ingested
        Documents read by :func:`models.corpus.ingest.read_files`.
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
    _validate(options)
    documents = ingested.documents
    texts = [d.text for d in documents]
    language = _language(texts, options)
    ids, offsets, terms = _token_ids(texts, options, language)
    del texts
    n_docs = len(documents)
    lengths = np.diff(offsets)
    raw = count_matrix(ids, offsets, len(terms))
    tf = np.asarray(raw.sum(axis=0)).ravel()
    df = np.bincount(raw.indices, minlength=len(terms))
    del raw
    kept_terms = _kept_terms(terms, tf, df, n_docs, options)
    if not len(kept_terms):
        raise InputError("no_terms")

    new_id = np.full(len(terms), -1, dtype=np.int32)
    new_id[kept_terms] = np.arange(len(kept_terms), dtype=np.int32)
    mapped = new_id[ids]
    keep_token = mapped >= 0
    doc_of_token = np.repeat(np.arange(n_docs, dtype=np.int32), lengths)
    kept_per_doc = np.bincount(doc_of_token[keep_token], minlength=n_docs)
    del doc_of_token
    token_ids = np.ascontiguousarray(mapped[keep_token])
    del mapped, keep_token
    kept_doc = kept_per_doc > 0
    dropped = list(ingested.dropped)
    for d in np.flatnonzero(~kept_doc).tolist():
        doc = documents[d]
        dropped.append(Dropped(doc.source, doc.name, "dropped_no_terms", preview(doc.text)))
    if not kept_doc.any():
        raise InputError("no_terms")
    doc_offsets = np.concatenate(([0], np.cumsum(kept_per_doc[kept_doc]))).astype(np.int64)
    vocab = tuple(terms[j] for j in kept_terms.tolist())
    dtm = count_matrix(token_ids, doc_offsets, len(vocab))
    kept_documents = tuple(documents[d] for d in np.flatnonzero(kept_doc).tolist())
    logger.info("corpus: %d documents, %d tokens, %d terms (%s)", dtm.shape[0], len(token_ids), len(vocab), language)
    return Corpus(
        dtm=dtm,
        vocab=vocab,
        token_ids=token_ids,
        doc_offsets=doc_offsets,
        documents=kept_documents,
        language=language,
        files=ingested.files,
        dropped=tuple(dropped),
        options=options,
    )
