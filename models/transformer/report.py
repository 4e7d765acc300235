"""What the CLI writes about BERT: the inputs and masking of a corpus (``mask``), a trained tiny BERT (``bert``)."""

from __future__ import annotations

import dataclasses
from typing import Any

from models.corpus.corpus import Corpus
from models.transformer.bert import TinyBert
from models.transformer.masking import SENTENCE_LENGTH, SentencePair, mask_corpus, masking_shares

__all__ = ["bert_report", "mask_report"]

EXAMPLES = 3  # masked pairs shown in full
PAIRS_SHOWN = 20


def mask_report(corpus: Corpus, seed: int = 0, sentence_length: int = SENTENCE_LENGTH) -> dict[str, Any]:
    """The summary written by ``python -m models mask --json``.

    Every pair of the corpus is masked in one seeded draw (:func:`~models.transformer.masking.mask_corpus`).

    Returns
    -------
    dict
        ``tokens``: the first 3 masked pairs, each with ``tokens`` (the original sequence, special tokens included),
        ``input`` (what the model reads), ``fate`` (per token: special, unselected, masked, random or kept),
        ``segment_ids``, ``position_ids`` and ``is_next``; ``selected_share`` (of the non-special tokens, expected
        0.15); ``masked``, ``random``, ``kept`` (shares among the selected, expected 0.8 / 0.1 / 0.1);
        ``n_tokens``, ``n_selected``, ``n_pairs``, ``is_next_share`` (expected 0.5); ``pairs``: the first 20 pairs
        as ``a``, ``b`` (token lists), ``is_next``, ``doc_a``, ``doc_b`` (document indices, corpus order);
        ``sentence_length`` and ``seed``.

    Raises
    ------
    InputError
        ``bert_too_few_sentences`` when no document has two sentences.
    """
    masked = mask_corpus(corpus, seed, sentence_length)
    pairs = [m.pair for m in masked]
    shares = masking_shares(masked)
    return {
        "tokens": [
            {
                "tokens": list(m.pair.tokens),
                "input": list(m.tokens),
                "fate": list(m.fate),
                "segment_ids": m.pair.segment_ids.tolist(),
                "position_ids": m.pair.position_ids.tolist(),
                "is_next": m.pair.is_next,
            }
            for m in masked[:EXAMPLES]
        ],
        "selected_share": shares.selected_share,
        "masked": shares.masked,
        "random": shares.random,
        "kept": shares.kept,
        "n_tokens": shares.n_tokens,
        "n_selected": shares.n_selected,
        "n_pairs": shares.n_pairs,
        "is_next_share": shares.is_next_share,
        "pairs": [_pair(p) for p in pairs[:PAIRS_SHOWN]],
        "sentence_length": sentence_length,
        "seed": seed,
    }


def _pair(pair: SentencePair) -> dict[str, Any]:
    first_sep = pair.tokens.index("[SEP]")
    return {
        "a": list(pair.tokens[1:first_sep]),
        "b": list(pair.tokens[first_sep + 1 : -1]),
        "is_next": pair.is_next,
        "doc_a": pair.doc_a,
        "doc_b": pair.doc_b,
    }


def bert_report(model: TinyBert) -> dict[str, Any]:
    """The summary written by ``python -m models bert --json``.

    Returns
    -------
    dict
        ``loss`` (mean masked-LM cross-entropy in nats per logged step) with ``loss_steps`` (the step of each);
        ``accuracy`` (held-out masked-token accuracy), ``baseline_accuracy`` (the unigram baseline's: always the
        most frequent training word, given as ``baseline_word``), ``held_out_targets``; ``config`` (n_vocab,
        max_len, dim, n_layers, n_heads, ffn_dim), ``options`` (every :class:`BertOptions` field), ``parameters``
        (weights in the model), ``steps_done``, ``stopped_early`` and ``seconds``.
    """
    return {
        "loss": [round(float(x), 6) for x in model.loss],
        "loss_steps": [int(s) for s in model.loss_steps],
        "accuracy": model.accuracy,
        "baseline_accuracy": model.baseline_accuracy,
        "baseline_word": model.baseline_word,
        "held_out_targets": model.n_held_out,
        "config": dataclasses.asdict(model.config),
        "options": dataclasses.asdict(model.options),
        "parameters": int(sum(v.size for v in model.params.values())),
        "steps_done": model.steps_done,
        "stopped_early": model.stopped_early,
        "seconds": round(model.seconds, 3),
    }
