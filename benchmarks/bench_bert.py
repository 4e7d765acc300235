"""The tiny BERT on the built-in samples: training time, steps/s, held-out masked-token accuracy vs the baseline.

For each sample (``lee-news``: 300 English articles, 26,865 tokens; ``ko-market``: 180 Korean listings, 2,315
morphemes), :func:`models.transformer.bert.train_tiny_bert` with the default options (or the ones given), seed 0:

- seconds: the whole call (sentence pairs, JAX import and compilation on the first fit of the process, training,
  the held-out evaluation);
- steps/s: optimizer steps between the first and the last recorded loss over the time between them (compiled,
  no evaluation);
- accuracy: held-out masked-token accuracy next to the unigram baseline (the most frequent training word);
- the model's top 3 words for the second word of a few phrases, masked.

``--grid`` trains a few variants on ``lee-news`` (the measurements behind the defaults). Run timing under the
shared lock:

    flock /tmp/topiclens-bench.lock python benchmarks/bench_bert.py [--steps N] [--samples lee-news ko-market]
    flock /tmp/topiclens-bench.lock python benchmarks/bench_bert.py --grid
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.corpus.samples import load_sample
from models.transformer.bert import BertOptions, predict_masked, train_tiny_bert

GRID: tuple[dict[str, object], ...] = (
    {},
    {"steps": 600},
    {"steps": 1_500},
    {"learning_rate": 3e-3},
    {"learning_rate": 1e-2},
    {"batch_size": 32},
    {"dim": 32},
    {"n_layers": 1},
    {"max_vocab": 2_000},
    {"seed": 1},
)


PROBES = {
    "lee-news": (("new", "south", "wales", "fire"), ("prime", "minister", "john", "howard")),
    "ko-market": (("무선", "이어폰", "판매"), ("택배", "거래")),
}


def run(sample: str, options: BertOptions) -> dict[str, object]:
    """Train once on ``sample`` and measure; the model's top 3 words for the second word of each probe."""
    corpus = load_sample(sample)
    marks: list[tuple[int, float]] = []
    started = time.perf_counter()
    model = train_tiny_bert(
        corpus, options, progress=lambda step, total, loss: marks.append((step, time.perf_counter()))
    )
    seconds = time.perf_counter() - started
    (s0, t0), (s1, t1) = marks[0], marks[-1]
    return {
        "tokens": corpus.n_tokens,
        "steps": model.steps_done,
        "seconds": seconds,
        "steps_per_s": (s1 - s0) / (t1 - t0) if t1 > t0 else float("nan"),
        "loss": float(model.loss[-1]),
        "accuracy": model.accuracy,
        "baseline": model.baseline_accuracy,
        "targets": model.n_held_out,
        "probes": {
            " ".join(p): predict_masked(model, p, 1, n=3) for p in PROBES.get(sample, ()) if len(p) <= options.max_len
        },
    }


def show(label: str, r: dict) -> None:
    print(
        f"{label:<34} {r['tokens']:>7,} {r['steps']:>6} {r['seconds']:>7.1f} {r['steps_per_s']:>7.1f} "
        f"{r['loss']:>6.2f} {r['accuracy']:>8.4f} {r['baseline']:>8.4f} {r['targets']:>7}",
        flush=True,
    )
    for probe, top in r["probes"].items():
        print(f"    {probe} (2nd word masked): " + ", ".join(f"{w} {p:.2f}" for w, p in top))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", nargs="+", default=["lee-news", "ko-market"])
    parser.add_argument("--steps", type=int, help="optimizer steps (default: BertOptions's)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--grid", action="store_true", help="variants of the defaults on lee-news")
    args = parser.parse_args()
    base = BertOptions(seed=args.seed)
    if args.steps:
        base = replace(base, steps=args.steps)
    print(f"cores available: {len(os.sched_getaffinity(0))}; load average {os.getloadavg()[0]:.1f}; defaults {base}")
    print(
        f"{'run':<34} {'tokens':>7} {'steps':>6} {'seconds':>7} {'steps/s':>7} {'loss':>6} {'accuracy':>8} "
        f"{'baseline':>8} {'targets':>7}"
    )
    if args.grid:
        for change in GRID:
            label = ", ".join(f"{k}={v}" for k, v in change.items()) or "defaults"
            show(f"lee-news {label}", run("lee-news", replace(base, **change)))
        return
    for sample in args.samples:
        show(sample, run(sample, base))
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
