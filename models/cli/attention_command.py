"""``python -m models attention TEXT``: scaled dot-product attention of a sentence with seeded vectors and
projections (:mod:`models.transformer.attention`): per head ``Q``, ``K``, ``V``, ``scores`` (QKᵀ/√d_k) and
``weights`` (the softmax rows)."""

from __future__ import annotations

import argparse

import numpy as np

from models.cli.arguments import printable, whole_number, write_json
from models.cli.registry import COMMANDS


def _parser(parser: argparse.ArgumentParser) -> None:
    """attention of a sentence, every matrix with its numbers"""
    parser.add_argument("text", metavar="TEXT", help='a sentence, e.g. "The fat cat sat on the mat"')
    parser.add_argument("--d-k", type=whole_number("--d-k"), default=4, help="key size per head (default 4)")
    parser.add_argument("--heads", type=whole_number("--heads"), default=1, help="attention heads (default 1)")
    parser.add_argument("--d-model", type=whole_number("--d-model"), default=8,
                        help="length of the seeded word vectors X (default 8)")  # fmt: skip
    parser.add_argument("--seed", type=whole_number("--seed"), default=0, help="seed of X and the projections (0)")
    parser.add_argument("--json", metavar="OUT.json", default=None, help="write every matrix as JSON")


def _rounded(matrix: np.ndarray) -> list[list[float | None]]:
    return [[None if np.isneginf(v) else round(float(v), 6) for v in row] for row in matrix]


def _run(args: argparse.Namespace) -> int:
    from models.embeddings.pairs import sentence_tokens
    from models.errors import InputError
    from models.transformer.attention import MAX_DIM, MAX_TOKENS, multi_head_attention

    tokens = sentence_tokens(args.text)
    if len(tokens) > MAX_TOKENS:
        raise InputError("pairs_too_long", words=len(tokens), limit=MAX_TOKENS)
    if not 1 <= args.d_model <= MAX_DIM:
        raise InputError("bad_option", option="d_model", value=args.d_model, why=f"use 1 to {MAX_DIM}")
    # the same seeded X as the Attention & BERT page's "small seeded vectors"
    X = np.random.default_rng([args.seed, 7]).normal(0.0, 1.0, (len(tokens), args.d_model))
    mha = multi_head_attention(X, d_k=args.d_k, n_heads=args.heads, seed=args.seed)
    width = max(len(printable(w)) for w in tokens)
    print("softmax(QK^T / sqrt(d_k)), head 1 (rows: queries, columns: keys)")
    print(" " * (width + 1) + " ".join(f"{printable(w)[:6]:>6}" for w in tokens))
    for word, row in zip(tokens, mha.heads[0].weights, strict=True):
        print(f"{printable(word):<{width}} " + " ".join(f"{v:6.3f}" for v in row))
    if args.json:
        write_json(
            args.json,
            {
                "tokens": tokens,
                "d_model": args.d_model,
                "d_k": args.d_k,
                "seed": args.seed,
                "X": _rounded(X),
                "heads": [
                    {
                        "Q": _rounded(h.Q),
                        "K": _rounded(h.K),
                        "V": _rounded(h.V),
                        "scores": _rounded(h.scores),
                        "weights": _rounded(h.weights),
                        "output": _rounded(h.output),
                    }
                    for h in mha.heads
                ],
                "output": _rounded(mha.output),
            },
        )
    return 0


COMMANDS["attention"] = (_parser, _run)
