"""The original LDAvis (pyLDAvis) as one self-contained, offline HTML page.

Sievert & Shirley (2014), "LDAvis: A method for visualizing and interpreting topics", ILLVI workshop, ACL.

pyLDAvis's own HTML loads d3 and LDAvis from the internet, breaks inside Streamlit's ``srcdoc`` iframe (LDAvis
calls ``history.replaceState``, which throws ``SecurityError`` there) and writes vocabulary terms into a
``<script>`` block unescaped. :func:`ldavis_html` inlines the package's own ``js/d3.v5.min.js``,
``js/ldavis.v3.0.0.js`` and ``js/ldavis.v1.0.0.css``, guards ``history`` before LDAvis loads, and escapes ``<``,
``>`` and ``&`` in the embedded JSON so no term can close the script.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from models.errors import InputError
from models.lda.topic_model import TopicModel

if TYPE_CHECKING:
    from pyLDAvis import PreparedData

__all__ = ["HISTORY_GUARD", "VIS_ID", "escape_json_for_script", "ldavis_html", "prepared_html", "pyldavis_prepared"]

VIS_ID = "topiclens-ldavis"

# Streamlit shows HTML in a srcdoc iframe, where history.replaceState/pushState throw SecurityError; LDAvis calls
# them after every click, which would stop the bars from updating. Must run before LDAvis's script.
HISTORY_GUARD = """(function () {
  var h = window.history;
  ["replaceState", "pushState"].forEach(function (name) {
    var original = h && h[name];
    if (typeof original !== "function") { return; }
    h[name] = function () {
      try { return original.apply(h, arguments); } catch (e) { /* srcdoc iframe: keep state in memory only */ }
    };
  });
})();"""

_ASSETS = {"d3": "d3.v5.min.js", "ldavis": "ldavis.v3.0.0.js", "css": "ldavis.v1.0.0.css"}
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def pyldavis_prepared(model: TopicModel, R: int = 30) -> PreparedData:
    """Run ``pyLDAvis.prepare`` on the model (topics sorted by prevalence, PCoA layout).

    Parameters
    ----------
    model : TopicModel
        Fitted model with ``phi`` of shape (n_topics, n_terms) and ``theta`` of shape (n_docs, n_topics).
    R : int
        Terms per bar chart.

    Returns
    -------
    pyLDAvis.PreparedData

    Raises
    ------
    InputError
        If the model has fewer than two topics (pyLDAvis's PCoA fails on one).
    """
    if model.n_topics < 2:
        raise InputError("ldavis_one_topic", k=model.n_topics)
    import pyLDAvis

    return pyLDAvis.prepare(
        topic_term_dists=np.asarray(model.phi, dtype=np.float64),
        doc_topic_dists=np.asarray(model.theta, dtype=np.float64),
        doc_lengths=np.asarray(model.doc_lengths),
        vocab=list(model.vocab),
        term_frequency=np.asarray(model.term_frequency),
        sort_topics=True,
        mds="pcoa",
        R=R,
        n_jobs=1,  # joblib worker processes cost more than they save here, and do not belong in a web server
    )


def ldavis_html(model: TopicModel, lam: float = 1.0) -> str:
    """The LDAvis page for ``model`` as one offline HTML document (for ``st.iframe`` or a download).

    Parameters
    ----------
    model : TopicModel
    lam : float
        Initial λ of the relevance slider, in [0, 1].

    Returns
    -------
    str
        A complete HTML document with d3, LDAvis and its CSS inlined and no network references.

    Raises
    ------
    InputError
        If the model has fewer than two topics or ``lam`` is outside [0, 1].
    """
    _check_lam(lam)
    return prepared_html(pyldavis_prepared(model), lam)


def prepared_html(prepared: PreparedData, lam: float = 1.0) -> str:
    """Render a ``pyLDAvis.PreparedData`` as one offline HTML document.

    Parameters
    ----------
    prepared : pyLDAvis.PreparedData
    lam : float
        Initial λ of the relevance slider, in [0, 1].

    Returns
    -------
    str
    """
    _check_lam(lam)
    assets = _assets()
    data = escape_json_for_script(prepared.to_json())
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>LDAvis</title>
<style>
{assets["css"]}
</style>
<script>
{HISTORY_GUARD}
</script>
<script>
{assets["d3"]}
</script>
<script>
{assets["ldavis"]}
</script>
</head>
<body style="margin:0;overflow-x:hidden">
<div id="{VIS_ID}" style="background-color:white;width:max-content"></div>
<script>
(function () {{
  var data = {data};
  new LDAvis("#{VIS_ID}", data);
  var lam = {float(lam)!r};
  var slider = document.getElementById("{VIS_ID}-lambda");
  if (slider && lam !== 1) {{
    slider.value = lam;
    slider.dispatchEvent(new MouseEvent("mouseup"));
  }}
  // LDAvis draws at a fixed width (about 1,210 px): scale it down to a narrower window or iframe, never up.
  var vis = document.getElementById("{VIS_ID}");
  function fit() {{
    vis.style.zoom = 1;
    var needed = vis.scrollWidth;
    var room = document.documentElement.clientWidth;
    vis.style.zoom = needed > room ? room / needed : 1;
  }}
  fit();
  window.addEventListener("resize", fit);
}})();
</script>
</body>
</html>
"""


def escape_json_for_script(text: str) -> str:
    """Escape ``<``, ``>``, ``&`` (and U+2028/2029) in JSON text as ``\\uXXXX`` so it is safe inside ``<script>``.

    The escapes are valid JSON and JavaScript, so the parsed data is unchanged; ``</script>`` and ``<!--`` can no
    longer appear.
    """
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def _check_lam(lam: float) -> None:
    if not 0.0 <= lam <= 1.0:
        raise InputError("bad_option", option="lam", value=lam, why="0 <= lam <= 1")


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """pyLDAvis's bundled d3, LDAvis and CSS, made safe to inline (no ``</script``/``</style`` inside)."""
    import pyLDAvis

    folder = Path(pyLDAvis.__file__).resolve().parent / "js"
    text = {key: (folder / name).read_text(encoding="utf-8") for key, name in _ASSETS.items()}
    text["d3"] = re.sub("</(script)", r"<\\/\1", text["d3"], flags=re.IGNORECASE)
    text["ldavis"] = re.sub("</(script)", r"<\\/\1", text["ldavis"], flags=re.IGNORECASE)
    text["css"] = re.sub("</(style)", r"<\\/\1", text["css"], flags=re.IGNORECASE)
    return text
