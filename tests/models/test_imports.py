"""The corpus command stays light: it must not import the modelling libraries (issue 11: imports cost 3.3 s)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("gensim", "sklearn", "pyLDAvis", "numba", "pandas", "plotly", "streamlit", "jax", "optax", "pyspark")


def test_corpus_command_imports_no_modelling_library() -> None:
    probe = (
        "import runpy, sys\n"
        "sys.argv = ['models', 'corpus', 'lecture-lsa']\n"
        "try:\n    runpy.run_module('models', run_name='__main__')\n"
        "except SystemExit as stop:\n    assert not stop.code, stop.code\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout


def test_english_stop_words_are_scikit_learns() -> None:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from models.corpus.stopwords import ENGLISH

    assert frozenset(ENGLISH_STOP_WORDS) == ENGLISH and len(ENGLISH) == 318
