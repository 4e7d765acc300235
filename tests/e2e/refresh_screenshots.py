"""Refresh the README's screenshots in docs/ on purpose: ``python tests/e2e/refresh_screenshots.py``.

Runs the browser tests that take them (Chromium at 1400 × 1000, English UI) with ``TOPICLENS_SCREENSHOTS`` set to
docs/; an ordinary test run writes them to a temporary folder and never touches docs/.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = [
    "tests/e2e/test_corpus_page.py::test_upload_cp949_file_updates_the_corpus_page",
    "tests/e2e/test_explorer_flow.py::test_new_user_flow",
    "tests/e2e/test_explorer_flow.py::test_lsa_page_on_the_lecture_example",
    "tests/e2e/test_gibbs_classroom.py::test_first_step_on_the_lecture_example",
    "tests/e2e/test_word2vec_page.py::test_negative_sampling_and_a_training_step",
    "tests/e2e/test_time_and_links.py::test_time_tab_highlights_the_topic_clicked_on_the_map",
    "tests/e2e/test_save_reopen.py::test_save_reload_reopen_shows_the_same_view",
]


def main() -> int:
    """Run the screenshot tests with docs/ as their screenshot folder; returns pytest's exit code."""
    env = {**os.environ, "TOPICLENS_SCREENSHOTS": str(ROOT / "docs")}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *TESTS]
    return subprocess.call(command, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
