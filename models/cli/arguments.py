"""What every command of the command line shares: its argument parser and checks, reading inputs, writing outputs.

Bad input prints one line on stderr and exits with code 2; nothing prints a traceback for a user's mistake.
Inputs are checked with ``os.stat`` before they are opened (a folder, a FIFO or a file over the upload limit is
refused without reading a byte), names that are not valid UTF-8 are shown with U+FFFD, and output files are
written whole or not at all.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from models.corpus.corpus import Corpus, PreprocessOptions
from models.corpus.documents import DOC_MODES, IngestOptions
from models.corpus.ingest import read_files
from models.corpus.limits import MB, default_limits
from models.corpus.preprocess import build_corpus
from models.corpus.samples import SAMPLES
from models.errors import InputError, render

__all__ = [
    "EXIT_BAD_INPUT",
    "Parser",
    "add_corpus_arguments",
    "check_input_file",
    "corpus_from_args",
    "finite_number",
    "one_line",
    "printable",
    "read_input_file",
    "whole_number",
    "write_bytes",
    "write_json",
    "write_text",
]

EXIT_BAD_INPUT = 2

_CONTROL_CHARS = re.compile("[\x00-\x1f\x7f-\x9f]")


def printable(name: str) -> str:
    """``name`` safe to print and to write as JSON: bytes that were not UTF-8 (held by Python as lone surrogates,
    ``os.fsdecode``'s surrogateescape) and control characters such as a newline become U+FFFD."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that does not stand for a byte
        raw = name.encode("utf-8", "replace")
    return _CONTROL_CHARS.sub("\ufffd", raw.decode("utf-8", "replace"))


def one_line(message: str) -> str:
    return " ".join(printable(line).strip() for line in str(message).splitlines() if line.strip())


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        # "argument --eta: --eta must be ..." -> "--eta must be ..." for this module's own number checks
        message = re.sub(r"^argument (\S+): (?=\1 )", "", message)
        sys.stderr.write(f"error: {one_line(message)}\n")
        raise SystemExit(EXIT_BAD_INPUT)


def whole_number(option: str) -> Callable[[str], int]:
    """An argparse type for ``option``: a whole number, also written as ``1e4`` (range checks come later)."""

    def parse(value: str) -> int:
        try:
            return int(value)
        except ValueError:
            pass
        number = _float_or_none(value)
        if number is not None and math.isfinite(number) and number.is_integer():
            return int(number)
        raise argparse.ArgumentTypeError(render("option_not_whole", {"option": option, "value": value}))

    return parse


def finite_number(option: str) -> Callable[[str], float]:
    """An argparse type for ``option``: a finite float (``nan``, ``inf`` and ``1e999`` are refused)."""

    def parse(value: str) -> float:
        number = _float_or_none(value)
        if number is None:
            raise argparse.ArgumentTypeError(render("option_not_number", {"option": option, "value": value}))
        if not math.isfinite(number):
            raise argparse.ArgumentTypeError(render("option_not_finite", {"option": option, "value": value}))
        return number

    return parse


def _float_or_none(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


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
    parser.add_argument(
        "--min-df", type=whole_number("--min-df"), default=None, help="drop terms in fewer documents (default 1)"
    )
    parser.add_argument(
        "--max-df",
        type=finite_number("--max-df"),
        default=None,
        help="drop terms in more than this share of documents (default 1.0)",
    )
    parser.add_argument(
        "--max-features", type=whole_number("--max-features"), default=None, help="keep only the N most frequent terms"
    )
    parser.add_argument(
        "--min-token-length", type=whole_number("--min-token-length"), default=None, help="shortest token kept"
    )
    parser.add_argument("--stop-words", default="", help="extra stop words, comma-separated")
    parser.add_argument("--bigrams", action="store_true", help="also count adjacent word pairs")
    parser.add_argument("--korean-verbs", action="store_true", help="Korean: keep verb/adjective stems too")
    parser.add_argument(
        "--korean-fragments",
        action="store_true",
        help="Korean: keep Kiwi's one-syllable noun pieces as they come (default: joined or dropped)",
    )
    parser.add_argument("--keep-numbers", action="store_true", help="keep numbers as tokens")
    parser.add_argument(
        "--max-upload-mb",
        type=finite_number("--max-upload-mb"),
        default=None,
        help="largest file accepted, in MB (default 200)",
    )


def read_input_file(path: str, max_bytes: int) -> tuple[str, bytes]:
    """Read the file at ``path`` if it is a regular file of at most ``max_bytes`` bytes.

    The type and size come from ``os.stat`` before the file is opened, so a folder, a FIFO (which would block
    ``open``) or a 50 GB file is refused at once; the file is then opened non-blocking, checked again with
    ``fstat`` (it may have been swapped) and read with a bound (it may have grown).

    Returns
    -------
    name : str
        The file's base name made printable (:func:`printable`); its extension picks the reader.
    data : bytes

    Raises
    ------
    InputError
        ``input_not_found``, ``input_is_directory``, ``input_not_regular``, ``input_unreadable`` or
        ``file_too_large``.
    """
    name = check_input_file(path, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        raise InputError("input_unreadable", name=printable(path), detail=err.strerror or type(err).__name__) from None
    with os.fdopen(fd, "rb") as f:
        _check_regular(path, os.fstat(f.fileno()), max_bytes, name)
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError("file_too_large", name=name, size_mb=len(data) / MB, limit_mb=max_bytes / MB)
    return name, data


def check_input_file(path: str, max_bytes: int) -> str:
    """Check with ``os.stat`` alone (nothing is opened) that ``path`` is a regular file of at most ``max_bytes``.

    Returns
    -------
    str
        The file's printable base name.

    Raises
    ------
    InputError
        As :func:`read_input_file`.
    """
    name = printable(os.path.basename(os.path.normpath(path)) or path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError("input_not_found", name=printable(path), names=", ".join(SAMPLES)) from None
    except OSError as err:
        raise InputError("input_unreadable", name=printable(path), detail=err.strerror or type(err).__name__) from None
    _check_regular(path, info, max_bytes, name)
    return name


def _check_regular(path: str, info: os.stat_result, max_bytes: int, name: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise InputError("input_is_directory", name=printable(path))
    if not stat.S_ISREG(info.st_mode):
        raise InputError("input_not_regular", name=printable(path))
    if info.st_size > max_bytes:
        raise InputError("file_too_large", name=name, size_mb=info.st_size / MB, limit_mb=max_bytes / MB)


def corpus_from_args(args: argparse.Namespace) -> Corpus:
    """Read and preprocess the inputs named on the command line (a sample name is used when no such file exists)."""
    limits = default_limits()
    if args.max_upload_mb is not None:
        if not args.max_upload_mb > 0:
            raise InputError("option_not_positive", option="--max-upload-mb", value=args.max_upload_mb)
        limits = replace(limits, max_file_bytes=max(1, int(args.max_upload_mb * MB)))
    if args.max_df is not None and not args.max_df > 0:
        raise InputError("max_df_out_of_range", value=args.max_df)
    ingest = IngestOptions(limits=limits)
    prep = PreprocessOptions()
    for item in args.inputs:  # every input is checked before the first is read
        if item in SAMPLES and not os.path.isfile(item):
            ingest = replace(SAMPLES[item].ingest, limits=limits)
            prep = SAMPLES[item].preprocess
        else:
            check_input_file(item, limits.max_file_bytes)

    def files() -> Iterator[tuple[str, bytes]]:
        # read as the reader asks for them (models.corpus.ingest.read_files lists them first today; if it iterated,
        # only one file's bytes would be held at a time)
        for item in args.inputs:
            if item in SAMPLES and not os.path.isfile(item):
                yield from SAMPLES[item].files()
            else:
                yield read_input_file(item, limits.max_file_bytes)

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
        korean_fragments=prep.korean_fragments or args.korean_fragments,
        keep_numbers=prep.keep_numbers or args.keep_numbers,
    )
    return build_corpus(read_files(files(), ingest), prep)


def write_json(path: str, payload: dict[str, Any]) -> None:
    """Write ``payload`` as UTF-8 JSON (Hangul kept readable), whole or not at all (see :func:`write_text`)."""
    write_text(path, json.dumps(payload, ensure_ascii=False, indent=2))


def write_text(path: str, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path``, whole or not at all (:func:`write_bytes`); a lone surrogate becomes
    U+FFFD."""
    write_bytes(path, text.encode("utf-8", "replace"))


def write_bytes(path: str, data: bytes) -> None:
    """Write ``data`` to ``path``, whole or not at all.

    The data is written to a temporary file beside ``path`` and renamed over it, so a failure never leaves a 0-byte
    or half-written file. A path that exists and is not a regular file (``/dev/stdout``, a FIFO) is written in place
    instead of being replaced.

    Raises
    ------
    InputError
        ``output_unwritable`` when the folder is missing or not writable, or ``path`` is a folder.
    """
    target = Path(path)
    try:
        try:
            info = os.stat(target)
        except FileNotFoundError:
            info = None
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory")
        if info is not None and not stat.S_ISREG(info.st_mode):
            with open(target, "wb") as f:
                f.write(data)
            return
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            temporary.write_bytes(data)
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)
    except OSError as err:
        raise InputError("output_unwritable", name=printable(path), detail=err.strerror or type(err).__name__) from None
