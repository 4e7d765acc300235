"""``python -m models bert INPUT...``: train the tiny BERT on a corpus with the masked-LM objective
(:mod:`models.transformer.bert`) and report its loss and held-out masked-token accuracy next to the unigram
baseline's."""

from __future__ import annotations

import argparse

from models.cli.arguments import add_corpus_arguments, corpus_from_args, whole_number, write_json
from models.cli.registry import COMMANDS


def _parser(parser: argparse.ArgumentParser) -> None:
    """train a tiny BERT on the corpus"""
    from models.transformer.bert_options import BertOptions

    d = BertOptions()
    add_corpus_arguments(parser)
    parser.add_argument("--layers", type=whole_number("--layers"), default=d.n_layers,
                        help=f"encoder layers (default {d.n_layers})")  # fmt: skip
    parser.add_argument("--heads", type=whole_number("--heads"), default=d.n_heads,
                        help=f"attention heads (default {d.n_heads})")  # fmt: skip
    parser.add_argument("--dim", type=whole_number("--dim"), default=d.dim, help=f"d_model (default {d.dim})")
    parser.add_argument("--steps", type=whole_number("--steps"), default=d.steps,
                        help=f"training steps (default {d.steps})")  # fmt: skip
    parser.add_argument("--seed", type=whole_number("--seed"), default=d.seed, help="random seed (default 0)")
    parser.add_argument("--json", metavar="OUT.json", default=None, help="write the report as JSON")


def _run(args: argparse.Namespace) -> int:
    import dataclasses

    from models.transformer.bert import train_tiny_bert
    from models.transformer.bert_options import BertOptions, validate_bert_options
    from models.transformer.report import bert_report

    options = dataclasses.replace(BertOptions(), n_layers=args.layers, n_heads=args.heads, dim=args.dim,
                                  steps=args.steps, seed=args.seed)  # fmt: skip
    validate_bert_options(options)
    corpus = corpus_from_args(args)
    report = bert_report(train_tiny_bert(corpus, options))
    print(f"tiny BERT: {report['steps_done']} steps in {report['seconds']:.1f} s, loss {report['loss'][-1]:.3f}")
    print(
        f"held-out masked-token accuracy {100 * report['accuracy']:.1f}% against "
        f"{100 * report['baseline_accuracy']:.1f}% for the unigram baseline ('{report['baseline_word']}') "
        f"on {report['held_out_targets']} masked words"
    )
    if args.json:
        write_json(args.json, report)
    return 0


COMMANDS["bert"] = (_parser, _run)
