"""What the CLI writes about word vectors: the JSON summary and the word2vec text format."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from models.embeddings.embedding_model import EmbeddingModel
from models.embeddings.neighbours import nearest

__all__ = ["word2vec_report", "write_word2vec_text"]


def word2vec_report(model: EmbeddingModel, probes: Sequence[str] = (), n: int = 10) -> dict[str, Any]:
    """The summary written by ``python -m models word2vec --json``.

    Parameters
    ----------
    model : EmbeddingModel
    probes : sequence of str
        Words whose nearest neighbours are listed.
    n : int
        Neighbours per probe.

    Returns
    -------
    dict
        ``vocabulary_size``, ``dim``, ``loss`` (the mean negative-sampling loss before training and after each
        epoch: ``epochs + 1`` numbers), ``neighbours`` ({probe: [{"word", "cosine"}, ...] with ``n`` entries, most
        similar first}), ``options`` (sg, dim, window, negative, min_count, epochs, seed) and ``seconds``.

    Raises
    ------
    InputError
        A probe that is not in the vocabulary.
    """
    return {
        "vocabulary_size": model.vocab_size,
        "dim": model.dim,
        "loss": [float(x) for x in model.loss],
        "neighbours": {
            probe: [{"word": w, "cosine": round(c, 6)} for w, c in nearest(model, probe, n)] for probe in probes
        },
        "options": dataclasses.asdict(model.options),
        "seconds": round(model.seconds, 3),
    }


def write_word2vec_text(model: EmbeddingModel, path_or_stream: str | Path | TextIO) -> None:
    """Write the input vectors in the word2vec text format (Mikolov's tool; gensim's ``load_word2vec_format``).

    A header ``"V dim"``, then one line per word, most frequent first: the word and its ``dim`` values (``%.9g``:
    float32 values come back exactly). A space inside a word (a bigram such as "new york") is written as "_", as
    word2vec's own phrases are, since the format splits on spaces. UTF-8.
    """
    if isinstance(path_or_stream, str | Path):
        with open(path_or_stream, "w", encoding="utf-8", newline="\n") as f:
            _write(model, f)
    else:
        _write(model, path_or_stream)


def _write(model: EmbeddingModel, f: TextIO) -> None:
    f.write(f"{model.vocab_size} {model.dim}\n")
    for word, row in zip(model.vocab, model.vectors.tolist(), strict=True):
        f.write("_".join(word.split()) + " " + " ".join(f"{x:.9g}" for x in row) + "\n")
