"""``python -m models pairs TEXT``: the skip-gram pairs of a sentence and the negative-sampling table, in the
lecture's columns (입력1, 입력2, 레이블); negatives are drawn from the sentence's own word counts raised to 3/4."""

from __future__ import annotations

import argparse
from collections import Counter

from models.cli.arguments import printable, whole_number, write_json
from models.cli.registry import COMMANDS


def _parser(parser: argparse.ArgumentParser) -> None:
    """the skip-gram and negative-sampling table of a sentence"""
    parser.add_argument("text", metavar="TEXT", help='a sentence, e.g. "The fat cat sat on the mat"')
    parser.add_argument("--window", type=whole_number("--window"), default=2, help="context words per side (2)")
    parser.add_argument("--negative", type=whole_number("--negative"), default=0,
                        help="negatives drawn per pair (default 0: positive pairs only)")  # fmt: skip
    parser.add_argument("--seed", type=whole_number("--seed"), default=0, help="random seed for the draws (0)")
    parser.add_argument("--json", metavar="OUT.json", default=None, help="write the table as JSON")


def _run(args: argparse.Namespace) -> int:
    from models.embeddings.pairs import negative_table, sentence_tokens, skipgram_pairs

    tokens = sentence_tokens(args.text)
    rows = skipgram_pairs(tokens, window=args.window)
    if args.negative:
        rows = negative_table(rows, Counter(tokens), k=args.negative, seed=args.seed)
    print("입력1\t입력2\t레이블")
    for row in rows:
        print(f"{printable(row.input)}\t{printable(row.context)}\t{row.label}")
    if args.json:
        write_json(
            args.json,
            {
                "tokens": tokens,
                "window": args.window,
                "negative": args.negative,
                "seed": args.seed,
                "pairs": [
                    {"input": r.input, "context": r.context, "label": r.label}
                    | ({} if r.probability is None else {"probability": round(r.probability, 6)})
                    for r in rows
                ],
            },
        )
    return 0


COMMANDS["pairs"] = (_parser, _run)
