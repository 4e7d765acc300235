"""``python -m models fit INPUT... --method lsa|lda ...``: fit and report (JSON, and the offline LDAvis page)."""

from __future__ import annotations

import argparse

from models.cli.arguments import (
    add_corpus_arguments,
    corpus_from_args,
    finite_number,
    read_input_file,
    whole_number,
    write_json,
    write_text,
)
from models.cli.registry import COMMANDS
from models.errors import InputError
from models.lda.options import ENGINES, LdaOptions

_finite_alpha = finite_number("--alpha")


def _alpha(value: str) -> float | str:
    """``--alpha``: "auto" or a finite number (its range is checked by ``models.lda.validate_lda_options``)."""
    return value if value == "auto" else _finite_alpha(value)


def _fit_parser(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser)
    parser.add_argument("--method", choices=["lsa", "lda"], required=True, help="LSA (SVD) or LDA")
    parser.add_argument("--engine", choices=ENGINES, default="gibbs", help="LDA engine (default gibbs)")
    parser.add_argument(
        "--k",
        type=whole_number("--k"),
        default=None,
        help="LDA: number of topics (default 10); LSA: components (default all / 100)",
    )
    parser.add_argument(
        "--seed", type=whole_number("--seed"), default=0, help="random seed, 0 to 2**32 - 1 (default 0)"
    )
    parser.add_argument(
        "--workers",
        type=whole_number("--workers"),
        default=None,
        help="LDA Gibbs engine: cores to sample on, 1 to 64 (default: the cores available)",
    )
    parser.add_argument("--alpha", type=_alpha, default=None, help="LDA document-topic prior, or 'auto' (gensim)")
    parser.add_argument("--eta", type=finite_number("--eta"), default=None, help="LDA topic-word prior (β)")
    parser.add_argument(
        "--iterations", type=whole_number("--iterations"), default=None, help="LDA: Gibbs sweeps / VB iterations"
    )
    parser.add_argument(
        "--passes", type=whole_number("--passes"), default=None, help="LDA: gensim passes / scikit-learn max_iter"
    )
    parser.add_argument("--layout", choices=["pcoa", "mmds", "tsne"], default="pcoa", help="intertopic map layout")
    parser.add_argument("--weighting", choices=["count", "tfidf"], default="count", help="LSA weighting")
    parser.add_argument(
        "--seed-words",
        metavar="FILE",
        default=None,
        help="LDA Gibbs: seeded topics, one per line 'name: word word ...' (UTF-8 text)",
    )
    parser.add_argument("--json", metavar="OUT.json", default=None, help="write the report as JSON")
    parser.add_argument("--html", metavar="OUT.html", default=None, help="LDA: write the offline LDAvis page")
    parser.add_argument(
        "--save", metavar="OUT.topiclens", default=None, help="LDA: save the model and corpus (open with 'open')"
    )


def _run_fit(args: argparse.Namespace) -> int:
    corpus = corpus_from_args(args)
    if args.method == "lsa":
        return _run_lsa(args, corpus)
    from models.lda.explore import explore_lda
    from models.lda.report import lda_report

    seed_words = _seed_words(args.seed_words) if args.seed_words else ()
    options = LdaOptions(
        seed_words=seed_words,
        engine=args.engine,
        n_topics=args.k if args.k is not None else 10,
        alpha=args.alpha,
        eta=args.eta,
        iterations=args.iterations,
        passes=args.passes,
        seed=args.seed,
        workers=args.workers,
    )
    exploration = explore_lda(corpus, options, layout=args.layout)
    report = lda_report(exploration)
    names = exploration.model.params.get("topic_names", {})
    if names:
        report["seed_words"] = exploration.model.params["seed_words"]
        for topic in report["topics"]:
            topic["name"] = names.get(topic["id"])
    print(
        f"LDA ({report['engine']}) K={report['n_topics']} on {report['documents']} documents, "
        f"{report['tokens']} tokens, {report['vocabulary_size']} terms in {report['seconds']:.2f} s"
    )
    print(
        f"perplexity: {report['perplexity']:.2f}  coherence c_v: {report['coherence']['c_v']:.4f}  "
        f"u_mass: {report['coherence']['u_mass']:.4f}"
    )
    for topic in report["topics"]:
        named = f"[{topic['name']}] " if topic.get("name") else ""
        print(
            f"#{topic['rank']:<3} id {topic['id']:<3} {100 * topic['prevalence']:5.1f}%  {named}"
            + " ".join(topic["top_terms_lambda_0_6"][:10])
        )
    if args.json:
        write_json(args.json, report)
    if args.html:
        from models.ldavis.html_page import ldavis_html

        write_text(args.html, ldavis_html(exploration.model))
    if args.save:
        from models.cli.arguments import write_bytes
        from models.lda.saved_exploration import saved_from
        from models.lda.saved_model import save_model

        write_bytes(args.save, save_model(saved_from(exploration, corpus)))
    return 0


def _seed_words(path: str) -> tuple:
    """Read and parse ``--seed-words FILE`` (the word list is checked against the corpus by the fit)."""
    from models.corpus.limits import MB
    from models.lda.seeds import parse_seed_words

    name, data = read_input_file(path, MB)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("bad_option", option="--seed-words", value=name, why="the file is not UTF-8 text") from None
    seeds = parse_seed_words(text)
    if not seeds:
        raise InputError("bad_option", option="--seed-words", value=name, why="no 'name: word ...' line in the file")
    return seeds


def _run_lsa(args: argparse.Namespace, corpus: object) -> int:
    from models.lda.report import lsa_report
    from models.lsa.svd import fit_lsa

    if args.html:
        raise InputError("bad_option", option="--html", value=args.html, why="the LDAvis page is for --method lda")
    if args.save:
        raise InputError("bad_option", option="--save", value=args.save, why="a .topiclens file holds an LDA model")
    lsa = fit_lsa(corpus, n_components=args.k, weighting=args.weighting, seed=args.seed)
    report = lsa_report(lsa)
    print(
        f"LSA ({lsa.weighting}, {'full' if lsa.full else 'truncated'} SVD): {lsa.A.shape[0]} terms x "
        f"{lsa.A.shape[1]} documents, {lsa.n_components} components"
    )
    print("singular values: " + " ".join(f"{s:.3f}" for s in lsa.sigma[:20]))
    k = min(2, lsa.n_components)
    for i, row in enumerate(lsa.document_concepts(k)):
        print(f"Sigma_{k} V_{k}^T row t{i + 1}: " + " ".join(f"{x + 0.0:.2f}" for x in row[:20].round(2)))
    if args.json:
        write_json(args.json, report)
    return 0


COMMANDS["fit"] = (_fit_parser, _run_fit)
