"""TopicLens entry point: ``streamlit run app/main.py``. A router only: shared sidebar, then the chosen page."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Small SVDs slow down 10-100x when two BLAS threads fight over two cores (FIELD-NOTES); set before NumPy loads.
for _var in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from app import i18n  # noqa: E402
from app.session import corpus_sidebar  # noqa: E402

st.set_page_config(page_title="TopicLens", page_icon="🔎", layout="wide")

i18n.language_selector()
pages = [
    st.Page(
        str(ROOT / "app" / "views" / "corpus.py"),
        title=i18n.t("page_corpus"),
        icon="📚",
        url_path="corpus",
        default=True,
    ),
]
navigation = st.navigation(pages)
corpus_sidebar()
navigation.run()
