"""Command line: ``python -m models corpus ...`` (and the model commands added beside it).

Bad input prints one line on stderr and exits with code 2; nothing prints a traceback for a user's mistake.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from models.corpus import Corpus, PreprocessOptions
from models.documents import DOC_MODES, IngestOptions
from models.errors import InputError
from models.ingest import read_files
from models.limits import MB, default_limits
from models.preprocess import build_corpus
from models.samples import SAMPLES

__all__ = ["main"]

EXIT_BAD_INPUT = 2
Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Command]] = {}


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"error: {message}\n")
        raise SystemExit(EXIT_BAD_INPUT)


def add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments shared by every command that reads a corpus (``corpus``, ``fit``)."""
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help=f"files (.txt .md .csv .tsv .xlsx .pdf .docx .hwpx .zip) or sample names: {', '.join(SAMPLES)}",
    )
    parser.add_argument("--language", choices=["auto", "en", "ko"], default=None, help="text language (default auto)")
    parser.add_argument(
        "--doc-mode",
        choices=DOC_MODES,
        default=None,
        help="text files: one document per line (default), paragraph or file",
    )
    parser.add_argument("--text-column", default=None, help="tables: the column holding the text")
    parser.add_argument("--encoding", default=None, help="force a text encoding, e.g. cp949")
    parser.add_argument("--min-df", type=int, default=None, help="drop terms in fewer documents (default 1)")
    parser.add_argument(
        "--max-df", type=float, default=None, help="drop terms in more than this share of documents (default 1.0)"
    )
    parser.add_argument("--max-features", type=int, default=None, help="keep only the N most frequent terms")
    parser.add_argument("--min-token-length", type=int, default=None, help="shortest token kept")
    parser.add_argument("--stop-words", default="", help="extra stop words, comma-separated")
    parser.add_argument("--bigrams", action="store_true", help="also count adjacent word pairs")
    parser.add_argument("--korean-verbs", action="store_true", help="Korean: keep verb/adjective stems too")
    parser.add_argument("--keep-numbers", action="store_true", help="keep numbers as tokens")
    parser.add_argument("--max-upload-mb", type=float, default=None, help="largest file accepted (default 200)")


def corpus_from_args(args: argparse.Namespace) -> Corpus:
    """Read and preprocess the inputs named on the command line."""
    files: list[tuple[str, bytes]] = []
    ingest = IngestOptions(limits=default_limits())
    prep = PreprocessOptions()
    for item in args.inputs:
        path = Path(item)
        if path.is_file():
            files.append((path.name, path.read_bytes()))
        elif item in SAMPLES:
            sample = SAMPLES[item]
            files.extend(sample.files())
            ingest = replace(sample.ingest, limits=ingest.limits)
            prep = sample.preprocess
        else:
            raise InputError("input_not_found", name=item, names=", ".join(SAMPLES))
    limits = ingest.limits
    if args.max_upload_mb is not None:
        limits = replace(limits, max_file_bytes=int(args.max_upload_mb * MB))
    ingest = replace(
        ingest,
        limits=limits,
        doc_mode=args.doc_mode or ingest.doc_mode,
        text_column=args.text_column or ingest.text_column,
        encoding=args.encoding or ingest.encoding,
    )
    overrides: dict[str, Any] = {
        "language": args.language,
        "min_df": args.min_df,
        "max_df": args.max_df,
        "max_features": args.max_features,
        "min_token_length": args.min_token_length,
    }
    prep = replace(prep, **{k: v for k, v in overrides.items() if v is not None})
    stop = tuple(w.strip() for w in args.stop_words.split(",") if w.strip())
    prep = replace(
        prep,
        stop_words=prep.stop_words + stop,
        bigrams=prep.bigrams or args.bigrams,
        korean_verbs=prep.korean_verbs or args.korean_verbs,
        keep_numbers=prep.keep_numbers or args.keep_numbers,
    )
    return build_corpus(read_files(files, ingest), prep)


def write_json(path: str, payload: dict[str, Any]) -> None:
    """Write ``payload`` as UTF-8 JSON (Hangul kept readable)."""
    Path(path).write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")


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


def build_parser() -> argparse.ArgumentParser:
    """The ``python -m models`` argument parser with every registered command."""
    parser = _Parser(prog="python -m models", description="TopicLens: corpora and topic models from the command line.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, (configure, _) in COMMANDS.items():
        configure(sub.add_parser(name, help=(configure.__doc__ or "").strip() or None))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 2 bad input)."""
    import models.commands  # noqa: F401  (registers the model commands)

    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    try:
        return COMMANDS[args.command][1](args)
    except InputError as err:
        sys.stderr.write(f"error: {err}\n")
        return EXIT_BAD_INPUT
    except OSError as err:
        sys.stderr.write(f"error: {err.strerror or err}: {getattr(err, 'filename', '') or ''}\n".replace(": \n", "\n"))
        return EXIT_BAD_INPUT
