"""Time and peak memory of reading each hostile or heavy input of issue 9 through the real CLI.

Each file is generated (``tests/models/hostile_files.py``), then read by ``python -m models corpus FILE`` in a child
process whose peak resident memory is taken from ``wait4``; a child past the time limit is killed. ``--repo`` runs
the same files against another checkout (e.g. a ``git worktree`` of an older commit) to print "before" figures.

    python benchmarks/bench_hostile_inputs.py [--repo DIR] [--timeout 60] [--memory-gb 8] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.models.hostile_files import HOSTILE, run_cli  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=ROOT, help="checkout whose models package reads the files")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a read is killed")
    parser.add_argument("--memory-gb", type=float, default=8.0, help="address-space cap of the child")
    parser.add_argument("--only", nargs="*", default=None, help="names (substrings) of the inputs to run")
    args = parser.parse_args()
    print(f"repo: {args.repo}  timeout: {args.timeout:.0f} s  memory cap: {args.memory_gb:.0f} GB")
    print("| input | file MB | seconds | peak MB | exit | message | issue's figure |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, (build, before) in HOSTILE.items():
            if args.only and not any(word in name for word in args.only):
                continue
            path = build(folder)
            size = path.stat().st_size / 1e6
            seconds, peak, code, last = run_cli(
                args.repo.resolve(), ["corpus", str(path)], args.timeout, args.memory_gb
            )
            print(
                f"| {name} | {size:.2f} | {seconds:.1f} | {peak:.0f} | {code} | {last[:110]} | {before} |", flush=True
            )
            path.unlink()


if __name__ == "__main__":
    main()
