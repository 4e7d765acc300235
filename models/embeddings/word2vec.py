"""Train gensim's Word2Vec on a corpus's token lists, one epoch at a time, with a loss curve measured on the side."""

from __future__ import annotations

import hashlib
import logging
import time

import numpy as np

from models.corpus.corpus import Corpus
from models.embeddings.embedding_model import EmbeddingModel
from models.embeddings.ns_loss import draw_loss_sample, ns_loss
from models.embeddings.word2vec_options import Word2VecOptions, validate_word2vec_options
from models.lda.options import Progress

__all__ = ["EmbeddingModel", "Word2VecOptions", "stable_hash", "train_word2vec", "validate_word2vec_options"]

logger = logging.getLogger(__name__)

# gensim's defaults (those of Mikolov's word2vec tool for skip-gram): the learning rate falls linearly from ALPHA to
# MIN_ALPHA over all epochs; words more frequent than SAMPLE of the corpus are randomly skipped (Mikolov et al. 2013).
ALPHA = 0.025
MIN_ALPHA = 0.0001
SAMPLE = 1e-3
# gensim's Cython trainer silently truncates a sentence after this many words (MAX_SENTENCE_LEN in
# word2vec_inner.pyx); longer documents are passed in pieces of this length.
MAX_SENTENCE_LEN = 10_000


def stable_hash(text: str) -> int:
    """A hash of ``text`` that is the same in every process (Python's ``hash`` of a str is salted per process).

    Given to gensim as ``hashfxn``. gensim 3.x seeded each word's starting vector from ``hashfxn(word + str(seed))``,
    so the default ``hash`` made vectors differ between runs unless PYTHONHASHSEED was set. gensim 4.4 starts the
    vectors from ``np.random.default_rng(seed)`` instead (``Word2Vec.init_weights`` → ``KeyedVectors.resize_vectors``
    → ``prep_vectors``) and uses ``hashfxn`` only in the deprecated ``seeded_vector``; passing a stable one keeps the
    fit reproducible should that change again.
    """
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def train_word2vec(
    corpus: Corpus, options: Word2VecOptions | None = None, progress: Progress | None = None
) -> EmbeddingModel:
    """Train Word2vec with negative sampling (Mikolov et al. 2013) on the corpus's documents as token lists.

    The tokens are the corpus's own (``Corpus.doc_tokens``: for Korean, the Kiwi morphemes the corpus kept), each
    document one sentence. gensim's ``train`` is called once per epoch with the learning rate of that epoch's share of
    the linear decay from 0.025 to 0.0001 (as gensim decays it within a single call), and the loss is measured on a
    fixed sample before training and after every epoch (:func:`models.embeddings.ns_loss.ns_loss`).

    The result depends only on the corpus, the options and the seed: gensim runs on one worker thread (with more,
    the threads' updates interleave differently on every run), its random generators are seeded with
    ``options.seed``, and its ``hashfxn`` is :func:`stable_hash`.

    Parameters
    ----------
    corpus : Corpus
    options : Word2VecOptions, optional
        The defaults when None.
    progress : callable, optional
        ``progress(epoch, epochs, loss)`` after each epoch; it may raise
        :class:`~models.lda.options.FitCancelled`, which propagates to the caller.

    Returns
    -------
    EmbeddingModel

    Raises
    ------
    InputError
        Options out of range for this corpus (:func:`validate_word2vec_options`).
    """
    from gensim.models import Word2Vec  # imported here: gensim (and SciPy's stats) cost the app's cold start 1-2 s

    options = options or Word2VecOptions()
    validate_word2vec_options(corpus, options)
    started = time.perf_counter()
    sentences = corpus_sentences(corpus)
    model = Word2Vec(
        vector_size=options.dim,
        window=options.window,
        min_count=options.min_count,
        sg=options.sg,
        hs=0,
        negative=options.negative,
        alpha=ALPHA,
        min_alpha=MIN_ALPHA,
        sample=SAMPLE,
        epochs=options.epochs,
        seed=options.seed,
        workers=1,
        hashfxn=stable_hash,
    )
    model.build_vocab(sentences)
    vocab = tuple(model.wv.index_to_key)
    counts = np.array([model.wv.get_vecattr(w, "count") for w in vocab], dtype=np.int64)
    sample = draw_loss_sample(
        _sentence_ids(corpus, model.wv.key_to_index),
        counts,
        sg=options.sg,
        window=options.window,
        negative=options.negative,
        seed=options.seed,
    )
    losses = [ns_loss(model.wv.vectors, model.syn1neg, sample)]
    epochs = options.epochs
    for epoch in range(epochs):
        # gensim within one call: alpha_t = ALPHA − (ALPHA − MIN_ALPHA) · (epoch + progress within it) / epochs
        start_alpha = ALPHA - (ALPHA - MIN_ALPHA) * epoch / epochs
        end_alpha = ALPHA - (ALPHA - MIN_ALPHA) * (epoch + 1) / epochs
        model.min_alpha_yet_reached = start_alpha  # the last call ended here (up to rounding: no spurious warning)
        model.train(
            sentences,
            total_examples=model.corpus_count,
            epochs=1,
            start_alpha=start_alpha,
            end_alpha=end_alpha,
        )
        losses.append(ns_loss(model.wv.vectors, model.syn1neg, sample))
        logger.debug("word2vec epoch %d/%d: loss %.4f", epoch + 1, epochs, losses[-1])
        if progress is not None:
            progress(epoch + 1, epochs, losses[-1])
    return EmbeddingModel(
        vocab=vocab,
        counts=counts,
        vectors=np.array(model.wv.vectors, dtype=np.float32),
        output=np.array(model.syn1neg, dtype=np.float32),
        loss=tuple(losses),
        options=options,
        seconds=time.perf_counter() - started,
    )


def corpus_sentences(corpus: Corpus) -> list[tuple[str, ...]]:
    """The corpus's documents as gensim sentences: token tuples, cut into pieces of at most 10,000 tokens."""
    sentences = []
    for doc in corpus.doc_tokens:
        if len(doc) <= MAX_SENTENCE_LEN:
            sentences.append(doc)
        else:
            sentences.extend(doc[a : a + MAX_SENTENCE_LEN] for a in range(0, len(doc), MAX_SENTENCE_LEN))
    return sentences


def _sentence_ids(corpus: Corpus, key_to_index: dict[str, int]) -> list[np.ndarray]:
    """Each document's tokens as rows of the embedding vocabulary, words below min_count removed (as gensim does)."""
    row = np.array([key_to_index.get(term, -1) for term in corpus.vocab], dtype=np.int64)
    ids = row[corpus.token_ids]
    return [d[d >= 0] for d in np.split(ids, corpus.doc_offsets[1:-1])]
