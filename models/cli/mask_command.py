"""``python -m models mask INPUT...``: BERT's inputs from a corpus: sentence pairs (IsNext / NotNext) and the
15% / 80-10-10 masked-LM rule in one seeded draw, with the measured shares (:mod:`models.transformer.masking`)."""

from __future__ import annotations

import argparse

from models.cli.arguments import add_corpus_arguments, corpus_from_args, printable, whole_number, write_json
from models.cli.registry import COMMANDS


def _parser(parser: argparse.ArgumentParser) -> None:
    """BERT's sentence pairs and masks for a corpus"""
    add_corpus_arguments(parser)
    parser.add_argument("--seed", type=whole_number("--seed"), default=0, help="random seed (default 0)")
    parser.add_argument("--json", metavar="OUT.json", default=None, help="write the shares and examples as JSON")


def _run(args: argparse.Namespace) -> int:
    from models.transformer.report import mask_report

    report = mask_report(corpus_from_args(args), seed=args.seed)
    print(f"pairs: {report['n_pairs']} (IsNext {100 * report['is_next_share']:.1f}%, rule 50%)")
    print(f"selected: {100 * report['selected_share']:.1f}% of {report['n_tokens']} word positions (rule 15%)")
    print(
        f"among the selected: [MASK] {100 * report['masked']:.1f}%, random {100 * report['random']:.1f}%, "
        f"kept {100 * report['kept']:.1f}% (rule 80 / 10 / 10)"
    )
    for example in report["tokens"][:1]:
        print("example: " + " ".join(printable(w) for w in example["input"]))
    if args.json:
        write_json(args.json, report)
    return 0


COMMANDS["mask"] = (_parser, _run)
