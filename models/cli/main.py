"""The command line: ``python -m models COMMAND ...``, one module per command registered in
:mod:`models.cli.registry`.

Bad input prints one line ``error: ...`` on stderr and exits with code 2; nothing prints a traceback for a user's
mistake. Commands import their heavy libraries only when they run.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from models.cli import (  # noqa: F401  (each module registers its command)
    attention_command,
    bert_command,
    corpus_command,
    fit_command,
    mask_command,
    open_command,
    pairs_command,
    spark_fit_command,
    sweep_command,
    word2vec_command,
)
from models.cli.arguments import EXIT_BAD_INPUT, Parser, one_line
from models.cli.registry import COMMANDS
from models.errors import InputError, render

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The ``python -m models`` argument parser with every registered command."""
    parser = Parser(prog="python -m models", description="TopicLens: corpora and topic models from the command line.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    for name, (configure, _) in COMMANDS.items():
        configure(sub.add_parser(name, help=(configure.__doc__ or "").strip() or None))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 2 bad input).

    Every error a user can cause is one line ``error: ...`` on stderr. MemoryError is caught too, as a last resort:
    the option and size caps (``models.lda``, ``models.lsa``, the upload limit) are meant to refuse such work first.
    """
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    try:
        return COMMANDS[args.command][1](args)
    except InputError as err:
        message = str(err)
    except MemoryError:
        message = render("out_of_memory", {})
    except OSError as err:
        filename = getattr(err, "filename", None)
        message = f"{err.strerror or err}: {filename}" if filename else str(err.strerror or err)
    sys.stderr.write(f"error: {one_line(message)}\n")
    return EXIT_BAD_INPUT
