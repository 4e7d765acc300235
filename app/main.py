"""TopicLens entry point: ``streamlit run app/main.py``. A router: shared sidebar and fits, then the chosen page."""

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

from app import job_ui  # noqa: E402

# First, before the imports of the pages: the worker processes' fork server starts at once (a process of its own) and
# imports and warms what a fit needs while this run imports the rest and builds the sample corpus.
job_ui.runner()

from app import i18n, projector, share_view, state  # noqa: E402
from app.session import sidebar_and_fits  # noqa: E402

VIEWS = ROOT / "app" / "views"

st.set_page_config(page_title="TopicLens", page_icon="🔎", layout="wide")
for _key in state.PERSISTENT:  # keep widget values across pages, early stops and a change of UI language
    if _key in st.session_state:
        st.session_state[_key] = st.session_state[_key]

share_view.read_once()  # a shared link: its sample, language and options (first run of a session only)
i18n.language_selector()
projector.toggle()  # larger text and a simpler sidebar for a classroom projector
pages = {
    "lda": st.Page(str(VIEWS / "lda.py"), title=i18n.t("page_lda"), url_path="lda", default=True),
    "lsa": st.Page(str(VIEWS / "lsa.py"), title=i18n.t("page_lsa"), url_path="lsa"),
    "gibbs": st.Page(str(VIEWS / "gibbs.py"), title=i18n.t("page_gibbs"), url_path="gibbs"),
    "word2vec": st.Page(str(VIEWS / "word2vec.py"), title=i18n.t("page_word2vec"), url_path="word2vec"),
    "attention": st.Page(str(VIEWS / "attention.py"), title=i18n.t("page_attention"), url_path="attention"),
    "corpus": st.Page(str(VIEWS / "corpus.py"), title=i18n.t("page_corpus"), url_path="corpus"),
}
navigation = st.navigation(list(pages.values()))
here = next(name for name, page in pages.items() if page.url_path == navigation.url_path)
pressed = sidebar_and_fits(here)
if pressed is not None and navigation.url_path != pages[pressed.method].url_path:
    st.switch_page(pages[pressed.method])
if pressed is not None:
    st.rerun()
navigation.run()
