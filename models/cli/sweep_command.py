"""``python -m models sweep INPUT... --k 2:30[:STEP]``: which K? Per K the coherence, perplexity, mean stability
across seeds, new themes and the links to the previous K's topics (:mod:`models.lda.k_sweep`)."""

from __future__ import annotations

import argparse

from models.cli.arguments import add_corpus_arguments, corpus_from_args, finite_number, whole_number, write_json
from models.cli.registry import COMMANDS
from models.lda.options import ENGINES, LdaOptions


def _parser(parser: argparse.ArgumentParser) -> None:
    """fit a range of K: coherence, perplexity, stability and the genealogy of topics across K"""
    add_corpus_arguments(parser)
    parser.add_argument("--k", required=True, metavar="FROM:TO[:STEP]", help="the K range, e.g. 2:30 or 2:30:2")
    parser.add_argument("--engine", choices=ENGINES, default="gibbs", help="LDA engine (default gibbs)")
    parser.add_argument(
        "--seeds",
        type=whole_number("--seeds"),
        default=3,
        help="fits per K for stability, with seeds SEED, SEED+1, ... (default 3; 1: no stability)",
    )
    parser.add_argument("--seed", type=whole_number("--seed"), default=0, help="random seed of the reference fits")
    parser.add_argument("--workers", type=whole_number("--workers"), default=None, help="Gibbs engine: cores")
    parser.add_argument("--alpha", type=finite_number("--alpha"), default=None, help="document-topic prior")
    parser.add_argument("--eta", type=finite_number("--eta"), default=None, help="topic-word prior (β)")
    parser.add_argument("--iterations", type=whole_number("--iterations"), default=None, help="sweeps / iterations")
    parser.add_argument("--json", metavar="OUT.json", default=None, help="write the sweep as JSON")


def _run(args: argparse.Namespace) -> int:
    import time

    from models.lda.genealogy import parse_k_range
    from models.lda.k_sweep import k_sweep, sweep_report

    ks = parse_k_range(args.k)
    corpus = corpus_from_args(args)
    options = LdaOptions(
        engine=args.engine, alpha=args.alpha, eta=args.eta, iterations=args.iterations, seed=args.seed,
        workers=args.workers,
    )  # fmt: skip
    started = time.perf_counter()
    sweep = k_sweep(corpus, options, ks, runs=args.seeds)
    seconds = time.perf_counter() - started
    report = sweep_report(sweep)
    report.update(engine=args.engine, seeds=args.seeds, seed=args.seed, seconds=round(seconds, 3))
    print(f"K sweep ({args.engine}) on {corpus.n_documents} documents, {corpus.n_tokens} tokens in {seconds:.2f} s")
    print(f"{'K':>4} {'c_v':>7} {'u_mass':>8} {'perplexity':>11} {'stability':>9} {'new':>4}  strongest link")
    for entry in report["per_k"]:
        stab = "-" if entry["stability"] is None else f"{entry['stability']:.2f}"
        link = entry["links"][0] if entry["links"] else None
        shown = f"{link['from']}->{link['to']} ({link['weight']:.0f} tokens)" if link else ""
        print(
            f"{entry['k']:>4} {entry['c_v']:7.4f} {entry['u_mass']:8.3f} {entry['perplexity']:11.1f} {stab:>9} "
            f"{entry['new_themes']:>4}  {shown}"
        )
    if args.json:
        write_json(args.json, report)
    return 0


COMMANDS["sweep"] = (_parser, _run)
