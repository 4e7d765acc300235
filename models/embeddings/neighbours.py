"""What word vectors say about words: nearest neighbours, analogies, and the CBOW guess of a missing word."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from numbers import Integral

import numpy as np

from models.embeddings.embedding_model import EmbeddingModel
from models.errors import InputError

__all__ = ["analogy", "fill_in_blank", "nearest", "word_row"]

# Unknown words: close spellings are looked for among this many most frequent words (difflib compares one by one).
_CLOSE_AMONG = 20_000


def word_row(model: EmbeddingModel, word: str) -> int:
    """Row of ``word`` in the model, trying it as typed, then stripped, then in lower case.

    Raises
    ------
    InputError
        ``w2v_unknown_word`` (or ``w2v_unknown_word_close`` with up to three similar words) when it is not there.
    """
    for form in dict.fromkeys((word, word.strip(), word.strip().lower())):
        if form in model.index:
            return model.index[form]
    params = {"word": word, "vocab_size": model.vocab_size, "min_count": model.options.min_count}
    close = difflib.get_close_matches(word.strip(), model.vocab[:_CLOSE_AMONG], n=3)
    if close:
        raise InputError("w2v_unknown_word_close", close=", ".join(close), **params)
    raise InputError("w2v_unknown_word", **params)


def nearest(model: EmbeddingModel, word: str, n: int = 10) -> list[tuple[str, float]]:
    """The ``n`` words whose vectors have the highest cosine similarity to ``word``'s (the word itself left out).

    Returns
    -------
    list of (str, float)
        (word, cosine), most similar first; fewer than ``n`` when the vocabulary is smaller.
    """
    return _closest(model, model.unit_vectors[word_row(model, word)], exclude=[word_row(model, word)], n=n)


def analogy(model: EmbeddingModel, a: str, b: str, c: str, n: int = 10) -> list[tuple[str, float]]:
    """Words closest to ``a − b + c`` (king − man + woman ≈ queen; Mikolov et al. 2013), the three inputs left out.

    As gensim's ``most_similar(positive=[a, c], negative=[b])``: the direction is the sum of the unit vectors
    ``â − b̂ + ĉ`` and words are ranked by cosine with it.

    Returns
    -------
    list of (str, float)
        (word, cosine), best first.
    """
    rows = [word_row(model, w) for w in (a, b, c)]
    unit = model.unit_vectors
    target = unit[rows[0]].astype(np.float64) - unit[rows[1]] + unit[rows[2]]
    norm = np.linalg.norm(target)
    return _closest(model, target / norm if norm > 0 else target, exclude=rows, n=n)


def fill_in_blank(model: EmbeddingModel, context: Sequence[str], n: int = 10) -> list[tuple[str, float]]:
    """CBOW's guess of the centre word from its context words: ``softmax(U v̂)`` over the vocabulary.

    Mikolov et al. (2013), the lecture's CBOW forward pass: v̂ is the mean of the context words' input vectors and
    ``p(w | context) = exp(u_wᵀ v̂) / Σ_j exp(u_jᵀ v̂)`` with the output vectors u (gensim's ``syn1neg``, as gensim's
    ``predict_output_word``; with negative sampling this softmax is an approximation, not what training optimised).

    Parameters
    ----------
    context : sequence of str
        The words around the blank (at least one; every one must be in the vocabulary).
    n : int

    Returns
    -------
    list of (str, float)
        (word, probability), most probable first.
    """
    if isinstance(context, str) or len(context) == 0:
        raise InputError("bad_option", option="context", value=context, why="one or more words")
    rows = [word_row(model, w) for w in context]
    v_hat = model.vectors[rows].astype(np.float64).mean(axis=0)
    z = model.output.astype(np.float64) @ v_hat
    p = np.exp(z - z.max())
    p /= p.sum()
    top = _top(p, _check_n(n))
    return [(model.vocab[j], float(p[j])) for j in top]


def _closest(model: EmbeddingModel, direction: np.ndarray, exclude: Sequence[int], n: int) -> list[tuple[str, float]]:
    """The ``n`` words with the highest cosine to the unit vector ``direction``, rows in ``exclude`` left out."""
    cosine = model.unit_vectors.astype(np.float64) @ direction
    cosine[list(exclude)] = -np.inf
    top = _top(cosine, min(_check_n(n), model.vocab_size - len(set(exclude))))
    return [(model.vocab[j], float(cosine[j])) for j in top]


def _top(score: np.ndarray, n: int) -> np.ndarray:
    """Indices of the ``n`` highest scores, highest first (ties: lower index, i.e. the more frequent word, first)."""
    if n <= 0:
        return np.zeros(0, dtype=np.int64)
    part = np.argpartition(-score, n - 1)[:n] if n < len(score) else np.arange(len(score))
    return part[np.lexsort((part, -score[part]))]


def _check_n(n: object) -> int:
    if not isinstance(n, Integral) or isinstance(n, bool) or n < 1:
        raise InputError("bad_option", option="n", value=n, why="a whole number from 1")
    return int(n)
