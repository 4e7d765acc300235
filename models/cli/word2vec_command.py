"""``python -m models word2vec INPUT...``: gensim Word2Vec on the corpus (:mod:`models.embeddings.word2vec`); prints
the loss per epoch and the probes' nearest words, writes the JSON summary and the vectors in word2vec text format."""

from __future__ import annotations

import argparse
import io

from models.cli.arguments import add_corpus_arguments, corpus_from_args, whole_number, write_json, write_text
from models.cli.registry import COMMANDS


def _parser(parser: argparse.ArgumentParser) -> None:
    """train word vectors (gensim Word2Vec) on the corpus"""
    from models.embeddings.word2vec_options import Word2VecOptions

    d = Word2VecOptions()
    add_corpus_arguments(parser)
    parser.add_argument("--sg", type=whole_number("--sg"), choices=[0, 1], default=d.sg,
                        help=f"1: skip-gram, 0: CBOW (default {d.sg})")  # fmt: skip
    parser.add_argument("--dim", type=whole_number("--dim"), default=d.dim, help=f"vector length (default {d.dim})")
    parser.add_argument("--window", type=whole_number("--window"), default=d.window,
                        help=f"context words on each side (default {d.window})")  # fmt: skip
    parser.add_argument("--negative", type=whole_number("--negative"), default=d.negative,
                        help=f"negative samples per pair (default {d.negative})")  # fmt: skip
    parser.add_argument("--min-count", type=whole_number("--min-count"), default=d.min_count,
                        help=f"drop words seen fewer times (default {d.min_count})")  # fmt: skip
    parser.add_argument("--epochs", type=whole_number("--epochs"), default=d.epochs,
                        help=f"passes over the corpus (default {d.epochs})")  # fmt: skip
    parser.add_argument("--seed", type=whole_number("--seed"), default=d.seed, help="random seed (default 0)")
    parser.add_argument("--probe", nargs="+", default=[], metavar="WORD", help="words to list neighbours of")
    parser.add_argument("--json", metavar="OUT.json", default=None, help="write the summary as JSON")
    parser.add_argument("--vectors", metavar="OUT.txt", default=None, help="write the vectors (word2vec text format)")


def _run(args: argparse.Namespace) -> int:
    from models.embeddings.report import word2vec_report, write_word2vec_text
    from models.embeddings.word2vec import train_word2vec
    from models.embeddings.word2vec_options import Word2VecOptions, validate_word2vec_options

    corpus = corpus_from_args(args)
    options = Word2VecOptions(sg=args.sg, dim=args.dim, window=args.window, negative=args.negative,
                              min_count=args.min_count, epochs=args.epochs, seed=args.seed)  # fmt: skip
    validate_word2vec_options(corpus, options)
    model = train_word2vec(corpus, options)
    report = word2vec_report(model, args.probe)  # unknown probes are refused before anything is written
    kind = "skip-gram" if options.sg else "CBOW"
    print(f"Word2Vec ({kind}) {report['vocabulary_size']} words x {report['dim']} in {report['seconds']:.2f} s")
    print("loss per epoch: " + " ".join(f"{x:.4f}" for x in report["loss"]))
    for probe, rows in report["neighbours"].items():
        print(f"{probe}: " + ", ".join(f"{r['word']} {r['cosine']:.3f}" for r in rows))
    if args.json:
        write_json(args.json, report)
    if args.vectors:
        stream = io.StringIO()
        write_word2vec_text(model, stream)
        write_text(args.vectors, stream.getvalue())
    return 0


COMMANDS["word2vec"] = (_parser, _run)
