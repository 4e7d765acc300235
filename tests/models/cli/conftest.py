"""Shared by the CLI tests: ``python -m models`` in a child process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def run_models(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m models ARGS`` from the repository root, with a minimal environment; output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "models", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={"OPENBLAS_NUM_THREADS": "1", "PATH": "/usr/bin:/bin", "HOME": str(Path.home())},
    )
