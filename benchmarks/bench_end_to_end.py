"""From a text file to a topic map, whole processes: ``python -m models fit --json`` against a hand-wired script.

The hand-wired script is what a user would write with the reference libraries: scikit-learn's ``CountVectorizer``
(English stop words, the same token pattern as ours), tomotopy's ``LDAModel`` with the same K, α, β, sweeps and
workers (``ParallelScheme.PARTITION`` for more than one), and ``pyLDAvis.prepare`` on its φ and θ. Both run as child
processes on the same generated file (about 10,000 documents, 1 M tokens); wall seconds and the child's peak memory
(``wait4``) are printed with the ratio.

    OPENBLAS_NUM_THREADS=1 python benchmarks/bench_end_to_end.py [--k 50] [--sweeps 200] [--workers 2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import textwrap
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.models.hostile_files import run_cli, run_command  # noqa: E402

HANDWIRED = textwrap.dedent(
    """
    import sys, numpy as np
    import tomotopy as tp
    import pyLDAvis
    from sklearn.feature_extraction.text import CountVectorizer

    path, k, sweeps, workers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    docs = [line for line in open(path, encoding="utf-8").read().split("\\n") if line.strip()]
    vectorizer = CountVectorizer(stop_words="english", token_pattern=r"(?u)\\b[^\\W\\d_][^\\W\\d_]+\\b")
    analyze = vectorizer.build_analyzer()
    model = tp.LDAModel(k=k, alpha=0.1, eta=0.01, seed=0)
    model.optim_interval = 0
    kept = []
    for doc in docs:
        words = analyze(doc)
        if words:
            model.add_doc(words)
            kept.append(len(words))
    scheme = tp.ParallelScheme.NONE if workers == 1 else tp.ParallelScheme.PARTITION
    model.train(sweeps, workers=workers, parallel=scheme)
    phi = np.array([model.get_topic_word_dist(t) for t in range(k)])
    theta = np.array([d.get_topic_dist() for d in model.docs])
    vis = pyLDAvis.prepare(
        phi, theta, np.array([len(d.words) for d in model.docs]), list(model.vocabs),
        np.array(model.vocab_freq), n_jobs=1, sort_topics=False,
    )
    print(len(vis.topic_coordinates), file=sys.stderr)
    """
)


def make_file(folder: Path, n_docs: int = 10_000, doc_length: int = 100) -> Path:
    """About ``n_docs`` × ``doc_length`` tokens sampled from LDA's generative model, one document per line."""
    from models.synthetic import generative

    planted = generative(n_docs=n_docs, n_topics=50, n_terms=20_000, doc_length=doc_length, alpha=0.1, eta=0.05, seed=0)
    corpus = planted.corpus
    # terms are written as letters (aaaaa, aaaab, ...) so that both tokenizers keep every one
    letters = np.array(["".join(chr(97 + int(c)) for c in f"{j:05d}") for j in range(corpus.vocab_size)])
    path = folder / "generated.txt"
    with path.open("w", encoding="utf-8") as out:
        for d in range(corpus.n_documents):
            out.write(" ".join(letters[corpus.doc_token_ids(d)]) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=50)
    parser.add_argument("--sweeps", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = make_file(folder)
        script = folder / "handwired.py"
        script.write_text(HANDWIRED, encoding="utf-8")
        ours = run_cli(
            ["fit", str(path), "--method", "lda", "--k", str(args.k), "--iterations", str(args.sweeps),
             "--alpha", "0.1", "--eta", "0.01", "--workers", str(args.workers), "--json", str(folder / "out.json")],
            timeout=1800,
        )  # fmt: skip
        assert ours.code == 0, ours.stderr
        theirs = run_command(
            [sys.executable, str(script), str(path), str(args.k), str(args.sweeps), str(args.workers)], timeout=1800
        )
        assert theirs.code == 0, theirs.stderr
        print(f"{path.stat().st_size / 1e6:.1f} MB text; K = {args.k}, {args.sweeps} sweeps, {args.workers} workers")
        print(f"{'':<44} {'wall s':>8} {'peak MB':>8}")
        print(f"{'python -m models fit --json (ours)':<44} {ours.seconds:>8.1f} {ours.peak_mb:>8.0f}")
        print(f"{'CountVectorizer -> tomotopy -> pyLDAvis':<44} {theirs.seconds:>8.1f} {theirs.peak_mb:>8.0f}")
        time_ratio, memory_ratio = ours.seconds / theirs.seconds, ours.peak_mb / theirs.peak_mb
        print(f"{'ratio (ours / hand-wired)':<44} {time_ratio:>8.2f} {memory_ratio:>8.2f}")


if __name__ == "__main__":
    main()
