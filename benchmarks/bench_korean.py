"""Korean tokenizing speed: Kiwi's load and warm-up, its batch on 1 and 2 threads, and ``build_corpus`` on ~1 MB.

The text is the ``ko-market`` listings' sentences recombined (seeded) into listings of 3-6 sentences, one per line,
until ``--mb`` MB of UTF-8. Printed, in one run:

- per Kiwi thread count (``--threads``): loading the analyser with the user words (``kiwi_model``), its warm-up
  (``kiwi``: Kiwi builds its model on the first analysis), the batch of all lines through Kiwi alone (morphemes/s,
  MB/s) and through :func:`models.corpus.tokenize.tokenize_korean` (the words kept: Korean tokens/s), and the
  ratio of the last count to the first;
- ``build_corpus`` with a warm analyser (time in tokenizing and in the rest: ids, vocabulary, matrices), for the
  text as one document per line and as one document (``doc_mode="file"``), in a child process per checkout;
- ``python -m models corpus FILE --language ko`` as a whole, cold (import, load, warm-up, read, build): what a
  job's process pays for its first Korean file.

Timed runs are the fastest of ``--repeats`` (the machine is shared). ``--before DIR`` times the last two, once, for
another checkout too (e.g. ``git archive`` of an older commit's ``models``). The target (issue 11): 1 MB of Korean
tokenized in under 3 s on 2 cores.

    flock /tmp/topiclens-bench.lock python benchmarks/bench_korean.py [--mb 1] [--threads 1 2] [--repeats 3]
        [--before DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.corpus import stopwords  # noqa: E402
from models.corpus.samples import sample_files  # noqa: E402
from models.corpus.tokenize import kiwi, kiwi_model, tokenize_korean  # noqa: E402

TARGET_SECONDS = 3.0

# Run in a child process with a checkout's ``models`` on the path: build_corpus after the analyser is warm.
BUILD = textwrap.dedent(
    """
    import hashlib, json, sys, time
    import models.corpus.preprocess as preprocess
    from models.corpus.corpus import PreprocessOptions
    from models.corpus.documents import IngestOptions
    from models.corpus.ingest import read_files
    from models.corpus.tokenize import kiwi

    tokenizing = [0.0]
    slice_tokens = preprocess._slice_tokens

    def timed_slice_tokens(*args):  # build_corpus's tokens, with the time spent making them
        stream = slice_tokens(*args)
        while True:
            started = time.perf_counter()
            item = next(stream, None)
            tokenizing[0] += time.perf_counter() - started
            if item is None:
                return
            yield item

    preprocess._slice_tokens = timed_slice_tokens
    data = open(sys.argv[1], "rb").read()
    kiwi()
    out = {}
    for mode in ("line", "file"):
        ingested = read_files([("ko.txt", data)], IngestOptions(doc_mode=mode))
        build = tokenize = float("inf")
        for _ in range(int(sys.argv[2])):  # the fastest run
            tokenizing[0] = 0.0
            started = time.perf_counter()
            corpus = preprocess.build_corpus(ingested, PreprocessOptions(language="ko"))
            if time.perf_counter() - started < build:
                build, tokenize = time.perf_counter() - started, tokenizing[0]
        terms = " ".join(corpus.vocab[j] for j in corpus.token_ids.tolist())
        digest = hashlib.sha256(terms.encode()).hexdigest()[:12]
        docs = len(ingested.documents)
        out[mode] = dict(docs=docs, tokenize=tokenize, build=build, tokens=corpus.n_tokens, digest=digest)
    print(json.dumps(out))
    """
)


def korean_lines(mb: float, seed: int = 0) -> list[str]:
    """Listings of 3-6 sentences drawn from the ko-market sample, until ``mb`` MB of UTF-8 (newlines included)."""
    (_, data), *_ = sample_files("ko-market")
    rows = csv.DictReader(io.StringIO(data.decode("utf-8")))
    sentences = [s.strip() + "." for row in rows for s in row["text"].split(".") if s.strip()]
    rng = random.Random(seed)
    lines, size = [], 0
    while size < mb * 1e6:
        line = " ".join(rng.sample(sentences, rng.randint(3, 6)))
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
    return lines


def threads_row(lines: list[str], workers: int, megabytes: float, repeats: int) -> dict[str, float]:
    """Load, warm-up and batch times of a Kiwi with ``workers`` threads (the cache holds one analyser at a time);
    the batches are the fastest of ``repeats``, with the process's CPU seconds (all threads) of that run."""
    started = time.perf_counter()
    kiwi_model(workers)
    load = time.perf_counter() - started
    started = time.perf_counter()
    analyser = kiwi(workers)
    warm = time.perf_counter() - started
    stop = stopwords.KOREAN | stopwords.ENGLISH
    kiwi_s = words_s = cpu_s = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        morphemes = sum(len(tokens) for tokens in analyser.tokenize(lines))
        kiwi_s = min(kiwi_s, time.perf_counter() - started)
        started, cpu = time.perf_counter(), time.process_time()
        words = sum(len(doc) for doc in tokenize_korean(lines, stop, num_workers=workers))
        if time.perf_counter() - started < words_s:
            words_s, cpu_s = time.perf_counter() - started, time.process_time() - cpu
    return {
        "load": load,
        "warm": warm,
        "kiwi_s": kiwi_s,
        "morphemes/s": morphemes / kiwi_s,
        "words_s": words_s,
        "cpu_s": cpu_s,
        "words/s": words / words_s,
        "MB/s": megabytes / words_s,
    }


def build_times(repo: Path, path: Path, repeats: int, timeout: float) -> dict | None:
    env = dict(os.environ, PYTHONPATH=str(repo), OPENBLAS_NUM_THREADS="1")
    try:
        done = subprocess.run(
            [sys.executable, "-c", BUILD, str(path), str(repeats)],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode:
        print(done.stderr[-2000:], file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def cold_cli(repo: Path, path: Path, mode: str, repeats: int, timeout: float) -> float | None:
    """The fastest of ``repeats`` runs of the corpus command in a fresh process (None when it fails or times out)."""
    env = dict(os.environ, PYTHONPATH=str(repo), OPENBLAS_NUM_THREADS="1")
    argv = [sys.executable, "-m", "models", "corpus", str(path), "--language", "ko", "--doc-mode", mode]
    best = None
    for _ in range(repeats):
        started = time.perf_counter()
        try:
            done = subprocess.run(argv, cwd=repo, env=env, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        if done.returncode:
            return None
        best = min(best or float("inf"), time.perf_counter() - started)
    return best


def seconds(value: float | None) -> str:
    return "timed out" if value is None else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="MB of Korean text (UTF-8)")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2], help="Kiwi thread counts to compare")
    parser.add_argument("--before", type=Path, default=None, help="an older checkout to time build and CLI for")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs of each batch, build and CLI (fastest)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before a child process is given up")
    args = parser.parse_args()

    lines = korean_lines(args.mb)
    megabytes = sum(len(line.encode("utf-8")) + 1 for line in lines) / 1e6
    print(f"text: {len(lines)} listings, {megabytes:.2f} MB UTF-8, {sum(map(len, lines)):,} characters")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    print("\n| Kiwi threads | load s | warm-up s | Kiwi batch s | morphemes/s | tokenize_korean s | CPU s", end="")
    print(" | tokens/s | MB/s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    rows = {}
    for workers in args.threads:
        row = rows[workers] = threads_row(lines, workers, megabytes, args.repeats)
        print(
            f"| {workers} | {row['load']:.2f} | {row['warm']:.2f} | {row['kiwi_s']:.2f} | {row['morphemes/s']:,.0f} |"
            f" {row['words_s']:.2f} | {row['cpu_s']:.2f} | {row['words/s']:,.0f} | {row['MB/s']:.3f} |"
        )
    first, last = args.threads[0], args.threads[-1]
    if last != first:
        ratio = rows[last]["words/s"] / rows[first]["words/s"]
        print(f"tokens/s, {last} threads / {first}: {ratio:.2f}")

    checkouts = [("this checkout", ROOT)] + ([("before", args.before.resolve())] if args.before else [])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ko.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print("\n| checkout | documents | build_corpus s | of which tokenizing s | the rest s | cold CLI s | tokens |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        digests, target_build = set(), None
        for name, repo in checkouts:
            # The older checkout runs once: its reading of one long document took ~30 s.
            times = build_times(repo, path, args.repeats if repo == ROOT else 1, args.timeout) or {}
            for mode, label in (("line", "one per line"), ("file", "one")):
                t = times.get(mode)
                cli = cold_cli(repo, path, mode, args.repeats if repo == ROOT else 1, args.timeout)
                if t is None:
                    print(f"| {name} | {label} | timed out | | | {seconds(cli)} | |")
                    continue
                digests.add(t["digest"])
                print(
                    f"| {name} | {label} ({t['docs']:,}) | {t['build']:.2f} | {t['tokenize']:.2f} |"
                    f" {t['build'] - t['tokenize']:.2f} | {seconds(cli)} | {t['tokens']:,} |"
                )
                if repo == ROOT and mode == "line":
                    target_build = t["build"]
        print(f"same tokens in every row: {'yes' if len(digests) == 1 else 'NO'}")
    if target_build is not None:
        target = TARGET_SECONDS * megabytes
        met = "met" if target_build < target else "NOT met"
        print(f"build_corpus of {megabytes:.2f} MB, one listing per line, warm: {target_build:.2f} s", end=" ")
        print(f"(target < {target:.1f} s: {met})")


if __name__ == "__main__":
    main()
