"""``python -m models corpus INPUT...``: read and tokenize, print a summary (and write it as JSON)."""

from __future__ import annotations

import argparse

from models.cli.arguments import add_corpus_arguments, corpus_from_args, write_json
from models.cli.registry import COMMANDS


def _run_corpus(args: argparse.Namespace) -> int:
    corpus = corpus_from_args(args)
    summary = corpus.summary()
    print(f"documents: {summary['documents']}")
    print(f"tokens: {summary['tokens']}")
    print(f"vocabulary: {summary['vocabulary_size']}")
    print(f"language: {summary['language']}")
    for f in summary["files"]:
        status = f"error: {f['error']}" if f["error"] else f"{f['documents']} documents"
        column = f", text column {f['text_column']!r}" if f["text_column"] else ""
        print(f"file: {f['name']} [{f['kind']}, {f['encoding'] or '-'}{column}] {status}")
        for notice in f["notices"]:
            print(f"  note: {notice}")
    print(f"dropped: {len(summary['dropped'])}")
    for d in summary["dropped"][:20]:
        print(f"  {d['name']}: {d['message']}")
    print("top terms: " + ", ".join(f"{t['term']} ({t['count']})" for t in summary["top_terms"][:15]))
    if args.json:
        write_json(args.json, summary)
    return 0


def _corpus_parser(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser)
    parser.add_argument("--json", metavar="OUT", default=None, help="write the summary as JSON")


COMMANDS["corpus"] = (_corpus_parser, _run_corpus)
