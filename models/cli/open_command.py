"""``python -m models open FILE.topiclens [--json OUT]``: reopen a saved model and print its report.

The JSON is the report of ``fit --json`` (:func:`models.lda.report.lda_report`, with the saved topic names) plus a
``saved`` object: the file's ``content_hash``, ``format_version``, the ``merges`` replayed and each topic's
``original_ids`` (the fitted model's ids it is made of). ``show`` is the same command.
"""

from __future__ import annotations

import argparse

from models.cli.arguments import read_input_file, write_json
from models.cli.registry import COMMANDS

__all__: list[str] = []


def _open_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.topiclens", help="a model saved by 'fit --save' or the app")
    parser.add_argument("--json", metavar="OUT.json", default=None, help="write the report as JSON")


def _run_open(args: argparse.Namespace) -> int:
    from models.corpus.limits import default_limits
    from models.lda.merge import apply_merges, original_ids
    from models.lda.report import lda_report
    from models.lda.saved_exploration import exploration_of
    from models.lda.saved_model import FORMAT_VERSION, open_saved

    name, data = read_input_file(args.file, default_limits().max_file_bytes)
    saved = open_saved(data, name)
    exploration = exploration_of(saved)
    report = lda_report(exploration, saved.names)
    _, steps = apply_merges(saved.model, saved.merges, saved.corpus.token_ids)
    report["saved"] = {
        "content_hash": saved.content_hash,
        "format_version": FORMAT_VERSION,
        "merges": [list(step) for step in saved.merges],
        "original_ids": [list(ids) for ids in original_ids(steps, saved.model.n_topics)],
    }
    print(
        f"{name}: LDA ({report['engine']}) K={report['n_topics']} on {report['documents']} documents, "
        f"{report['tokens']} tokens, {report['vocabulary_size']} terms; sha256 {saved.content_hash[:16]}"
    )
    if saved.merges:
        print("merges: " + "; ".join("+".join(str(k) for k in step) for step in saved.merges))
    print(
        f"perplexity: {report['perplexity']:.2f}  coherence c_v: {report['coherence']['c_v']:.4f}  "
        f"u_mass: {report['coherence']['u_mass']:.4f}"
    )
    for topic in report["topics"]:
        label = f" [{topic['name']}]" if topic["name"] else ""
        print(
            f"#{topic['rank']:<3} id {topic['id']:<3} {100 * topic['prevalence']:5.1f}%{label}  "
            + " ".join(topic["top_terms_lambda_0_6"][:10])
        )
    if args.json:
        write_json(args.json, report)
    return 0


COMMANDS["open"] = (_open_parser, _run_open)
COMMANDS["show"] = (_open_parser, _run_open)
