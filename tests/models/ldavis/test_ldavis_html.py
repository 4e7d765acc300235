"""The pyLDAvis page as one offline HTML string: inlined assets, history guard, escaped JSON."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import numpy as np
import pyLDAvis
import pytest

from models.errors import InputError
from models.lda.topic_model import TopicModel
from models.ldavis.html_page import HISTORY_GUARD, VIS_ID, escape_json_for_script, ldavis_html, pyldavis_prepared

XSS = "</script><script>alert(1)</script>"
JS_DIR = Path(pyLDAvis.__file__).parent / "js"


def small_model(k: int = 4, v: int = 40, d: int = 30, seed: int = 0, terms: dict[int, str] | None = None) -> TopicModel:
    rng = np.random.default_rng(seed)
    phi = rng.dirichlet(np.full(v, 0.3), size=k)
    theta = rng.dirichlet(np.full(k, 0.5), size=d)
    vocab = [f"t{i}" for i in range(v)]
    for i, term in (terms or {}).items():
        vocab[i] = term
    lengths = rng.integers(20, 60, size=d)
    return TopicModel(
        phi=phi, theta=theta, vocab=tuple(vocab), doc_lengths=lengths, term_frequency=(lengths @ theta) @ phi
    )


@pytest.fixture(scope="module")
def xss_model() -> TopicModel:
    model = small_model()
    # make the hostile term the most distinctive term of topic 0 so it is shown (and lands in the JSON)
    best = int(np.argmax(model.phi[0] / model.phi.sum(axis=0)))
    return small_model(terms={best: XSS})


@pytest.fixture(scope="module")
def page(xss_model: TopicModel) -> str:
    return ldavis_html(xss_model, lam=0.6)


def test_no_network_references(page: str) -> None:
    tags = re.findall(r"<[a-zA-Z][^<>]*>", page)
    assert not [t for t in tags if re.search(r"\b(src|href)\s*=", t)], "no external scripts or stylesheets"
    assert "<link" not in page
    assert "cdn.jsdelivr.net" not in page and "d3js.org/d3.v5" not in page
    assert not re.search(r"@import|url\(\s*['\"]?https?:", page)


def test_the_three_assets_are_inlined(page: str) -> None:
    for name in ("d3.v5.min.js", "ldavis.v3.0.0.js", "ldavis.v1.0.0.css"):
        assert (JS_DIR / name).read_text(encoding="utf-8").strip() in page
    assert page.count("<script>") == page.count("</script>") == 4
    assert page.count("<style>") == page.count("</style>") == 1


def test_history_guard_runs_before_ldavis(page: str) -> None:
    guard = page.index(HISTORY_GUARD)
    ldavis = page.index((JS_DIR / "ldavis.v3.0.0.js").read_text(encoding="utf-8").strip())
    assert guard < ldavis < page.index(f'new LDAvis("#{VIS_ID}"')
    assert "try {" in HISTORY_GUARD and "replaceState" in HISTORY_GUARD and "pushState" in HISTORY_GUARD


def test_hostile_term_is_escaped_but_intact(page: str, xss_model: TopicModel) -> None:
    assert "</script><script>alert(1)" not in page
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page
    data = json.loads(re.search(r"var data = (.*);\n", page).group(1))
    assert XSS in data["tinfo"]["Term"]  # the browser gets the term back as plain text
    assert data["R"] == 30 and len(data["mdsDat"]["x"]) == xss_model.n_topics


def test_json_escaping() -> None:
    text = json.dumps({"t": "a<b>&c\u2028"}, ensure_ascii=False)
    escaped = escape_json_for_script(text)
    assert not set("<>&\u2028") & set(escaped)
    assert json.loads(escaped) == {"t": "a<b>&c\u2028"}


def test_initial_lambda_is_written(page: str) -> None:
    assert "var lam = 0.6;" in page


def test_one_topic_is_a_clear_user_error() -> None:
    with pytest.raises(InputError) as err:
        ldavis_html(small_model(k=1))
    assert err.value.code == "ldavis_one_topic"
    assert "2 topics" in str(err.value) and "토픽" in err.value.text("ko")


def test_bad_lambda_is_a_user_error() -> None:
    with pytest.raises(InputError):
        ldavis_html(small_model(k=2), lam=1.5)


@pytest.mark.parametrize("k", [2, 3])
def test_few_topics_render(k: int) -> None:
    prepared = pyldavis_prepared(small_model(k=k))
    assert prepared.topic_coordinates.shape[0] == k
    assert f'new LDAvis("#{VIS_ID}"' in ldavis_html(small_model(k=k))


@pytest.mark.browser
def test_renders_offline_in_a_srcdoc_iframe(page: str, browser: object) -> None:
    """In headless Chromium, inside a srcdoc iframe (as Streamlit shows it): draws, clicks, runs no injected code."""
    wrapper = f'<iframe id="f" width="1300" height="900" srcdoc="{html.escape(page, quote=True)}"></iframe>'
    dialogs: list[str] = []
    errors: list[str] = []
    requests: list[str] = []
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.on("request", lambda r: requests.append(r.url))
        tab.set_content(wrapper)
        frame = tab.frames[1]
        frame.wait_for_selector("circle.dot", state="attached", timeout=10_000)
        assert frame.evaluate("document.querySelectorAll('circle.dot').length") == 4
        assert frame.evaluate(f"document.getElementById('{VIS_ID}-lambda-value').textContent") == "0.6"
        frame.evaluate(
            f"document.getElementById('{VIS_ID}-topic1').dispatchEvent(new MouseEvent('click', {{bubbles: true}}))"
        )
        frame.wait_for_function(f"document.getElementById('{VIS_ID}-topic').value === '1'", timeout=5_000)
        tab.wait_for_timeout(1_000)  # bars move in a d3 transition
        terms = frame.evaluate("Array.from(document.querySelectorAll('.terms')).map(e => e.textContent)")
    finally:
        context.close()
    assert XSS in terms  # shown as text among topic 1's bars
    assert dialogs == [] and errors == [] and requests == []
