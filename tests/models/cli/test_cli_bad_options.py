"""The CLI on a table of bad options and hostile inputs (issue 9): one ``error:`` line, exit code 2, no traceback.

Most rows run ``models.cli.main.main`` in this process (a subprocess costs about a second of imports each); the rows
marked in ``SUBPROCESS_ROWS`` and the file-name tests run the real ``python -m models``.
"""

from __future__ import annotations

import itertools
import json
import os
import string
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models.cli import arguments as cli
from models.cli.main import main

ROOT = Path(__file__).resolve().parents[3]
MB = 1024 * 1024


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Small generated inputs (the 250 MB file is sparse: it takes no disk space)."""
    base = tmp_path_factory.mktemp("cli-bad")
    words = ["".join(t) for t in itertools.islice(itertools.product(string.ascii_lowercase, repeat=4), 44_000)]
    big_vocab = base / "big-vocab.txt"
    big_vocab.write_text("\n".join(" ".join(words[i : i + 100]) for i in range(0, len(words), 100)) + "\n")
    many_docs = base / "many-docs.txt"
    many_docs.write_text("\n".join(" ".join(words[(7 * i + j * 613) % 5000] for j in range(6)) for i in range(4000)))
    sparse = base / "sparse-250mb.txt"
    with sparse.open("wb") as f:
        f.truncate(250 * MB)
    fifo = base / "pipe.txt"
    os.mkfifo(fifo)
    folder = base / "folder"
    folder.mkdir()
    png = base / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return {
        "big_vocab": big_vocab,
        "many_docs": many_docs,
        "sparse": sparse,
        "fifo": fifo,
        "folder": folder,
        "missing": base / "no-such-file.txt",
        "png": png,
    }


LDA = ["fit", "lecture-lsa", "--method", "lda", "--k", "2"]

# (id, arguments, text the one error line must contain); "{name}" is replaced by the path of files[name].
ROWS: list[tuple[str, list[str], str]] = [
    ("seed-negative-gibbs", [*LDA, "--seed", "-5"], "seed must be a whole number from 0 to 4,294,967,295"),
    ("seed-negative-gensim", [*LDA, "--engine", "gensim", "--seed", "-5"], "for the gensim engine; got -5"),
    ("seed-negative-sklearn", [*LDA, "--engine", "sklearn", "--seed", "-1"], "for the sklearn engine; got -1"),
    ("seed-2**32-gensim", [*LDA, "--engine", "gensim", "--seed", str(2**32)], "got 4294967296"),
    ("seed-2**32-sklearn", [*LDA, "--engine", "sklearn", "--seed", str(2**32)], "got 4294967296"),
    ("seed-2**64-gibbs", [*LDA, "--seed", str(2**64)], "from 0 to 4,294,967,295 for the gibbs engine"),
    ("seed-not-whole", [*LDA, "--seed", "1.5"], "--seed must be a whole number; got '1.5'"),
    ("seed-lsa", ["fit", "lecture-lsa", "--method", "lsa", "--seed", "-1"], "for the LSA engine; got -1"),
    ("eta-1e308", [*LDA, "--eta", "1e308"], "eta must be a positive number of at most 1000 for the gibbs engine"),
    ("eta-nan", [*LDA, "--eta", "nan"], "--eta must be a finite number; got 'nan'"),
    ("eta-1e999", [*LDA, "--eta", "1e999"], "--eta must be a finite number; got '1e999'"),
    ("eta-zero", [*LDA, "--eta", "0"], "eta must be a positive number; got 0.0"),
    ("alpha-inf", [*LDA, "--alpha", "inf"], "--alpha must be a finite number; got 'inf'"),
    ("alpha-word", [*LDA, "--alpha", "lots"], "--alpha must be a number; got 'lots'"),
    ("alpha-sklearn-2", [*LDA, "--engine", "sklearn", "--alpha", "2"], "at most 1 for the sklearn engine"),
    ("iterations-1e20", [*LDA, "--iterations", "1e20"], "iterations must be at most 10,000; got 100,000,000,000,"),
    ("iterations-huge-int", [*LDA, "--iterations", "9" * 30], "iterations must be at most 10,000"),
    ("iterations-zero", [*LDA, "--iterations", "0"], "iterations must be a whole number of at least 1; got 0"),
    ("passes-1e20", [*LDA, "--engine", "gensim", "--passes", "1e20"], "passes must be at most 1,000"),
    ("workers-zero", [*LDA, "--workers", "0"], "Invalid option workers=0: use 1 to 64 cores"),
    ("workers-huge", [*LDA, "--workers", "1e6"], "Invalid option workers=1000000: use 1 to 64 cores"),
    ("k-1e20", [*LDA[:-1], "1e20"], "The number of topics K must be a whole number from 1 to 5"),
    ("max-df-nan", ["corpus", "lecture-lsa", "--max-df", "nan"], "--max-df must be a finite number; got 'nan'"),
    ("max-df-inf", ["corpus", "lecture-lsa", "--max-df", "inf"], "--max-df must be a finite number; got 'inf'"),
    ("max-df-negative", ["corpus", "lecture-lsa", "--max-df", "-0.5"], "--max-df must be a share of documents"),
    ("upload-nan", ["corpus", "lecture-lsa", "--max-upload-mb", "nan"], "--max-upload-mb must be a finite number"),
    ("upload-inf", ["corpus", "lecture-lsa", "--max-upload-mb", "inf"], "--max-upload-mb must be a finite number"),
    ("upload-negative", ["corpus", "lecture-lsa", "--max-upload-mb", "-1"], "--max-upload-mb must be a number above 0"),
    ("upload-zero", ["corpus", "lecture-lsa", "--max-upload-mb", "0"], "--max-upload-mb must be a number above 0"),
    (
        "k-times-terms",
        ["fit", "{big_vocab}", "--method", "lda", "--k", "500"],
        "MB for the topic-word matrix; the limit is 160 MB (K × terms up to 20,000,000): lower K, or keep fewer "
        "terms (--max-features",
    ),
    (
        "lsa-k-times-sides",
        ["fit", "{many_docs}", "--method", "lsa", "--k", "3000"],
        "MB for U and Vᵀ; the limit is 160 MB",
    ),
    ("lsa-k-10000", ["fit", "{many_docs}", "--method", "lsa", "--k", "10000"], "choose 1 to 3999; got 10000"),
    ("directory", ["corpus", "{folder}"], "this is a folder, not a file"),
    ("fifo", ["corpus", "{fifo}"], "not a regular file (a pipe, socket or device)"),
    ("missing", ["corpus", "{missing}"], "no such file, and no sample of that name"),
    ("sparse-250mb", ["corpus", "{sparse}"], "sparse-250mb.txt: the file is 250.0 MB, larger than the limit of 200 MB"),
    (
        "over-upload-limit",
        ["corpus", "{big_vocab}", "--max-upload-mb", "0.1"],
        "big-vocab.txt: the file is 0.2 MB, larger than the limit of",
    ),
    ("binary", ["corpus", "{png}"], "photo.txt: this looks like a binary file, not text"),
    ("json-into-folder", ["corpus", "lecture-lsa", "--json", "{folder}"], "the output file cannot be written"),
    ("json-no-folder", ["corpus", "lecture-lsa", "--json", "{missing}/out.json"], "the output file cannot be written"),
]
SUBPROCESS_ROWS = {"seed-negative-gibbs", "eta-nan", "iterations-1e20", "upload-inf", "fifo", "sparse-250mb"}


def _argv(args: list[str], files: dict[str, Path]) -> list[str]:
    return [a.format(**{k: str(v) for k, v in files.items()}) for a in args]


def _run_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as stop:  # argparse's own errors
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _assert_one_error_line(code: int, err: str, expected: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("error: "), err
    assert expected in err, err


@pytest.mark.parametrize(("args", "expected"), [row[1:] for row in ROWS], ids=[row[0] for row in ROWS])
def test_bad_option_or_input_is_one_error_line(args, expected, files, capsys) -> None:
    start = time.perf_counter()
    code, _, err = _run_main(_argv(args, files), capsys)
    _assert_one_error_line(code, err, expected)
    assert time.perf_counter() - start < 20


@pytest.mark.parametrize(
    ("args", "expected"),
    [row[1:] for row in ROWS if row[0] in SUBPROCESS_ROWS],
    ids=[row[0] for row in ROWS if row[0] in SUBPROCESS_ROWS],
)
def test_bad_option_or_input_through_a_real_process(args, expected, files) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "models", *_argv(args, files)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,  # a FIFO opened for reading would block for ever
    )
    _assert_one_error_line(done.returncode, done.stderr, expected)
    assert done.stdout == ""


def test_a_large_file_is_refused_by_its_size_before_reading(files, capsys) -> None:
    main(["corpus", "lecture-lsa"])  # imports warmed up
    capsys.readouterr()
    start = time.perf_counter()
    code, _, err = _run_main(["corpus", str(files["sparse"])], capsys)
    assert time.perf_counter() - start < 1.0
    _assert_one_error_line(code, err, "the file is 250.0 MB, larger than the limit of 200 MB")


def test_file_size_is_taken_from_stat_without_opening(files, capsys, monkeypatch) -> None:
    def no_open(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(cli.os, "open", no_open)
    code, _, err = _run_main(["corpus", str(files["sparse"])], capsys)
    _assert_one_error_line(code, err, "larger than the limit of 200 MB")
    code, _, err = _run_main(["corpus", str(files["fifo"])], capsys)
    _assert_one_error_line(code, err, "not a regular file")


def test_unreadable_file(files, capsys, monkeypatch, tmp_path) -> None:
    # The tests run as root, which reads any file: stand in the refusal of os.open.
    path = tmp_path / "secret.txt"
    path.write_text("pizza hamburger\n")

    def refuse(name, *args, **kwargs):
        raise PermissionError(13, "Permission denied", name)

    monkeypatch.setattr(cli.os, "open", refuse)
    code, _, err = _run_main(["corpus", str(path)], capsys)
    _assert_one_error_line(code, err, "secret.txt: the file cannot be opened (Permission denied).")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_for_real(tmp_path, capsys) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("pizza hamburger\n")
    path.chmod(0)
    code, _, err = _run_main(["corpus", str(path)], capsys)
    _assert_one_error_line(code, err, "Permission denied")


def test_non_utf8_file_name_with_json(tmp_path) -> None:
    folder = os.fsencode(tmp_path)
    source = folder + b"/caf\xe9 men\xfc.txt"
    with open(source, "wb") as f:
        f.write(b"pizza hamburger cookie\nramen sushi\n")
    out = folder + b"/out-\xff.json"
    done = subprocess.run(
        [sys.executable, "-m", "models", "corpus", source, "--json", out], cwd=ROOT, capture_output=True
    )
    assert done.returncode == 0, done.stderr
    assert "caf\ufffd men\ufffd.txt" in done.stdout.decode("utf-8")
    with open(out, "rb") as f:
        summary = json.loads(f.read().decode("utf-8"))
    assert summary["files"][0]["name"] == "caf\ufffd men\ufffd.txt"
    assert summary["documents"] == 2
    assert [p for p in os.listdir(folder) if p.endswith(b".tmp")] == []


def test_non_utf8_file_name_in_an_error(tmp_path) -> None:
    source = os.fsencode(tmp_path) + b"/bad\xff\nname.txt"
    with open(source, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    out = os.fsencode(tmp_path) + b"/out.json"
    done = subprocess.run(
        [sys.executable, "-m", "models", "corpus", source, "--json", out], cwd=ROOT, capture_output=True
    )
    err = done.stderr.decode("utf-8")
    _assert_one_error_line(done.returncode, err, "bad\ufffd\ufffdname.txt: this looks like a binary file")
    assert not os.path.exists(out)  # no 0-byte file


def test_json_is_written_whole_or_not_at_all(tmp_path, capsys, monkeypatch) -> None:
    target = tmp_path / "summary.json"
    target.write_text('{"old": true}')

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli.os, "replace", full_disk)
    code, _, err = _run_main(["corpus", "lecture-lsa", "--json", str(target)], capsys)
    _assert_one_error_line(code, err, "summary.json: the output file cannot be written (No space left on device).")
    assert target.read_text() == '{"old": true}'  # the old file is untouched
    assert list(tmp_path.iterdir()) == [target]  # and no temporary file is left behind


def test_memory_error_is_one_line_as_a_last_resort(capsys, monkeypatch) -> None:
    def out_of_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(cli, "build_corpus", out_of_memory)
    code, _, err = _run_main(["corpus", "lecture-lsa"], capsys)
    _assert_one_error_line(code, err, "error: Out of memory: this input and these options need more memory")


def test_good_options_still_work(files, capsys) -> None:
    code, out, err = _run_main([*LDA, "--seed", str(2**32 - 1), "--iterations", "1e2", "--eta", "0.5"], capsys)
    assert (code, err) == (0, "")
    assert "LDA (gibbs) K=2 on 6 documents" in out


def test_every_input_is_checked_before_the_first_is_read(files, capsys, monkeypatch) -> None:
    opened = []
    real_open = cli.os.open
    monkeypatch.setattr(cli.os, "open", lambda path, *a, **k: opened.append(path) or real_open(path, *a, **k))
    argv = ["corpus", str(files["big_vocab"]), "lecture-lsa", str(files["sparse"])]
    code, _, err = _run_main(argv, capsys)
    _assert_one_error_line(code, err, "sparse-250mb.txt: the file is 250.0 MB")
    assert opened == []
