"""The explorer as a new user meets it, in a real browser: the Lee news map on start, a CP949 Korean upload fitted
at K = 5, a topic clicked, λ moved, the term view, a coloured document, the Korean UI, the LSA matrices, and the
offline LDAvis download opened with the network blocked. Also the LSA page on the lecture's example.

Screenshots for the README go to a temporary folder (to ``docs/`` only through tests/e2e/refresh_screenshots.py).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_errors, dataframe_rows, screenshot, wait_idle

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
LISTINGS = ROOT / "data" / "ko-market-listings.csv"
SLOW = 90_000  # ms: waits that include reading a corpus or fitting a model
RED = "rgb(214, 39, 40)"
HANGUL = re.compile("[가-힣]")
SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


# --- locating things on the page ------------------------------------------------------------------------------------
# The same two charts in page scripts, found afresh on every poll (Streamlit may replace a chart's element on rerun).
_CHARTS_JS = "[...document.querySelectorAll('[data-testid=stPlotlyChart]')]"
_MAP_JS = f"{_CHARTS_JS}.find(c => c.querySelector('.textpoint'))"
_BARS_JS = f"{_CHARTS_JS}.find(c => c.querySelector('.barlayer'))"


def _map(page: object) -> object:
    """The intertopic distance map (the Plotly chart whose points carry text labels)."""
    return page.get_by_test_id("stPlotlyChart").filter(has=page.locator(".textpoint")).first


def _circles(page: object) -> object:
    """The topics' circles (layout shapes under the numbers; the size guide's circles are drawn above)."""
    return _map(page).locator(".layer-subplot .shapelayer path")


# Per topic circle as drawn: its rank (the number on it), centre and radius in pixels, and fill colour.
_TOPIC_CIRCLES_JS = """chart => {
  const gd = chart.querySelector('.js-plotly-plot');
  const points = gd.data[0];
  return [...chart.querySelectorAll('.layer-subplot .shapelayer path')].map(path => {
    const topic = +gd.layout.shapes[+path.getAttribute('data-index')].name.split(' ')[1];
    const box = path.getBoundingClientRect();
    return {rank: points.text[points.customdata.indexOf(topic)], topic,
            x: box.x + box.width / 2, y: box.y + box.height / 2, r: box.width / 2,
            fill: getComputedStyle(path).fill};
  });
}"""


def _topic_circles(page: object) -> list[dict]:
    return _map(page).evaluate(_TOPIC_CIRCLES_JS)


def _label_points(page: object) -> dict[str, tuple[float, float]]:
    """Rank → the centre of the number drawn on that topic's circle."""
    points = {}
    for label in _map(page).locator(".textpoint text").all():
        box = label.bounding_box()
        points[label.text_content()] = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    return points


def _bars(page: object) -> object:
    """The term bar chart (the first bar chart on the LDA page; the document's mixture bar comes after it)."""
    return page.get_by_test_id("stPlotlyChart").filter(has=page.locator(".barlayer")).first


def _bar_title(page: object) -> str:
    return _bars(page).locator(".gtitle").text_content() or ""


def _bar_labels(page: object) -> list[str]:
    return _bars(page).locator(".ytick text").all_text_contents()


def _circle_diameters(page: object) -> list[float]:
    circles = _circles(page)
    return [round(circles.nth(i).bounding_box()["width"], 1) for i in range(circles.count())]


def _lambda_slider(page: object) -> object:
    return page.get_by_test_id("stSlider").filter(has=page.locator("[aria-label*='λ']"))


def _sidebar(page: object) -> object:
    return page.get_by_test_id("stSidebar")


def _click_circle(page: object) -> str:
    """Click the number on the circle of rank 1 (Plotly intercepts locator clicks, so use the mouse); returns it."""
    x, y = _label_points(page)["1"]
    page.mouse.click(x, y)
    wait_idle(page)
    return "1"


def _choose(page: object, combobox: object, text: str) -> None:
    """Type into a Streamlit selectbox and press Enter, as a user picks an option."""
    combobox.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(text)
    expect(page.get_by_role("option").first).to_be_visible()
    page.keyboard.press("Enter")
    wait_idle(page)


def _wait_for_other_labels(page: object, before: list[str]) -> None:
    """Wait until the term bars are redrawn with labels other than ``before``."""
    page.wait_for_function(
        f"before => [...{_BARS_JS}.querySelectorAll('.ytick text')].map(t => t.textContent).join('|') !== before",
        arg="|".join(before),
    )


def _frame_after(element: object, n: int) -> object:
    """The ``n``-th dataframe after ``element`` in the page."""
    return element.locator(f"xpath=following::*[@data-testid='stDataFrame'][{n}]")


def _numbers(frame: object) -> list[list[float]]:
    """A dataframe's body as numbers (row labels and header dropped)."""
    return [[float(cell) for cell in row[1:]] for row in dataframe_rows(frame)[1:]]


def _choose_sample(page: object, title: str) -> None:
    """Pick a built-in sample in the sidebar and wait until the page shows it (its caption) or an error."""
    _sidebar(page).get_by_role("combobox", name="Sample").click()
    page.get_by_role("option", name=title).click()
    wait_idle(page)
    shown = page.get_by_test_id("stMain").get_by_test_id("stCaptionContainer").filter(has_text=title)
    expect(shown.or_(page.get_by_test_id("stAlertContentError")).first).to_be_visible(timeout=SLOW)
    wait_idle(page)


def _set_lsa_k(page: object, label: str, k: int) -> None:
    """Move the LSA page's k slider to ``k`` with the keyboard (Home, then arrow keys).

    Keys pressed while the page is still redrawing can be lost (on a busy machine the slider had moved 4 of 8 steps),
    so the moves are tried again, up to three times in all, until the slider shows ``k``."""
    slider = page.get_by_test_id("stSlider").filter(has_text=label)
    thumb = slider.get_by_test_id("stSliderThumbValue")
    for _ in range(3):
        wait_idle(page)
        slider.locator("input[type='range']").focus()
        page.keyboard.press("Home")
        for _ in range(k - 1):
            page.keyboard.press("ArrowRight")
        wait_idle(page)
        if thumb.inner_text().strip() == str(k):
            break
    expect(thumb).to_have_text(str(k))
    expect(page.get_by_test_id("stHeading").filter(has_text=f"A{str(k).translate(SUBSCRIPT)} =")).to_be_visible()


def _go_to_page(page: object, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
    wait_idle(page)
    expect(page.locator("h1")).to_have_text(title, timeout=SLOW)
    wait_idle(page)


def _listings_file(tmp_path: Path) -> Path:
    """The Korean listings sample as a CP949 text file, one listing per line (as Korean Windows would save it)."""
    with LISTINGS.open(encoding="utf-8") as f:
        texts = [row["text"] for row in csv.DictReader(f)]
    assert len(texts) == 180 and all(text and "\n" not in text for text in texts)
    path = tmp_path / "listings-cp949.txt"
    path.write_bytes("\r\n".join(texts).encode("cp949"))  # strict: fails if any listing is not CP949-encodable
    return path


# --- the flow -------------------------------------------------------------------------------------------------------
def test_new_user_flow(page: object, tmp_path: Path, readme_shots: Path) -> None:
    # The start page: the Lee news sample, fitted automatically with K = 10.
    expect(page.locator("h1")).to_have_text("Topic map (LDA)")
    expect(_circles(page)).to_have_count(10, timeout=SLOW)
    expect(_bars(page).locator(".barlayer .point")).to_have_count(30)
    assert _bar_title(page) == "Top-30 Most Salient Terms"
    assert_no_errors(page)

    # Upload the listings as a CP949 .txt file, set K = 5 and fit.
    upload = _listings_file(tmp_path)
    _sidebar(page).get_by_text("Upload files", exact=True).click()
    wait_idle(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(upload))
    wait_idle(page)
    caption = page.get_by_test_id("stCaptionContainer").filter(has_text="fitted and prepared").first
    expect(caption).to_contain_text("listings-cp949.txt", timeout=SLOW)
    k_box = _sidebar(page).get_by_label("Number of topics K")
    k_box.fill("5")
    k_box.press("Enter")
    wait_idle(page)
    _sidebar(page).get_by_role("button", name="Fit", exact=True).click()
    wait_idle(page)
    expect(caption).to_contain_text("K = 5 · 180 documents", timeout=SLOW)
    expect(_circles(page)).to_have_count(5)
    expect(_bars(page).locator(".barlayer .point")).to_have_count(30)
    assert_no_errors(page)

    # Click a circle: the bars become that topic's most relevant terms, with red in-topic bars, in Korean.
    rank = _click_circle(page)
    topic = f"Topic #{rank} "
    expect(_bars(page).locator(".gtitle")).to_contain_text(f"Top-30 Most Relevant Terms for {topic}")
    red = _bars(page).locator(".barlayer .trace").nth(1).locator(".point path")
    expect(red).to_have_count(30)
    assert {red.nth(i).evaluate("e => getComputedStyle(e).fill") for i in range(30)} == {RED}
    text = upload.read_bytes().decode("cp949")
    labels = _bar_labels(page)
    assert len(labels) == 30 and all(label in text for label in labels), labels  # the corpus's words, decoded right
    assert sum(bool(HANGUL.search(label)) for label in labels) >= 27, labels  # Korean (a brand name may be Latin)
    assert_no_errors(page)

    # λ starts at 1 (the LDAvis default, also after the upload prompt); moving it down with the keyboard keeps the
    # topic but re-ranks its terms towards lift.
    thumb = _lambda_slider(page).get_by_test_id("stSliderThumbValue")
    expect(thumb).to_have_text("1.00")
    screenshot(page, page.get_by_test_id("stTabs"), readme_shots / "lda-map.png")
    _lambda_slider(page).locator("input[type='range']").focus()
    page.keyboard.press("Home")
    wait_idle(page)
    expect(thumb).to_have_text("0.00")
    _wait_for_other_labels(page, labels)
    at_zero = _bar_labels(page)
    assert len(at_zero) == 30 and topic in _bar_title(page)
    assert_no_errors(page)

    # Term view: choose one of the topic's special terms; circles are resized by p(topic | term).
    term = next(label for label in at_zero if HANGUL.search(label))
    sizes = _circle_diameters(page)
    _choose(page, page.get_by_role("combobox", name="Term", exact=True), term)
    term_caption = page.get_by_test_id("stCaptionContainer").filter(has_text="Term view: circles are sized by")
    expect(term_caption).to_contain_text(f"p(topic | '{term}')")
    page.wait_for_function(
        f"before => [...{_MAP_JS}.querySelectorAll('.layer-subplot .shapelayer path')]"
        ".map(p => p.getBoundingClientRect().width.toFixed(1)).join('|') !== before",
        arg="|".join(f"{s:.1f}" for s in sizes),
    )
    assert _circle_diameters(page) != sizes
    assert_no_errors(page)

    # Below the bars: the topic's documents, and the open one with its words coloured by topic.
    documents = page.get_by_test_id("stHeading").filter(has_text=f"Documents of topic #{rank} ")
    expect(documents).to_be_visible()
    listed = dataframe_rows(_frame_after(documents, 1))
    assert listed[0][:3] == ["name", "share", "text"] and len(listed) >= 3, listed
    document = page.get_by_test_id("stHtml").last
    coloured = document.locator("span[style*='border-bottom:3px solid']")
    expect(coloured.first).to_be_visible()
    first_text = document.inner_text()
    assert coloured.count() >= 3 and HANGUL.search(first_text)
    opener = page.get_by_role("combobox", name="Open a document", exact=True)
    _choose(page, opener, listed[2][0])  # open the second document of the list
    expect(opener).to_have_value(listed[2][0])
    expect(document).not_to_have_text(first_text)
    expect(coloured.first).to_be_visible()
    assert coloured.first.get_attribute("title").startswith("#")  # the word's topic label
    assert_no_errors(page)
    opener.blur()
    screenshot(page, documents, readme_shots / "lda-document.png")

    # Downloads: the offline LDAvis page (opened below with the network blocked).
    page.get_by_role("tab", name="Downloads").click()
    with page.expect_download(timeout=SLOW) as download:
        page.get_by_role("button", name="Download HTML").click()
    saved = tmp_path / "ldavis.html"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "topiclens-ldavis.html"
    assert_no_errors(page)
    _check_offline_ldavis(page.context.browser, saved, n_topics=5)
    page.get_by_role("tab", name="Explore").click()
    wait_idle(page)
    expect(_bars(page).locator(".gtitle")).to_contain_text(topic)

    # Switch the UI to Korean: same page, same topic, Korean labels; the upload is still the corpus.
    _sidebar(page).get_by_text("한국어", exact=True).click()
    wait_idle(page)
    expect(page.locator("h1")).to_have_text("토픽 지도 (LDA)")
    expect(_bars(page).locator(".gtitle")).to_contain_text(f"토픽 #{rank}")
    assert_no_errors(page)
    expect(_sidebar(page).get_by_role("radio", name="파일 올리기")).to_be_checked()

    # The LSA matrices of the same corpus (Korean terms); moving k to 3 keeps more of Σσ².
    _go_to_page(page, "LSA 행렬")
    for heading in ("단어-문서 행렬 A", "특이값 분해", "2차 근사"):
        expect(page.get_by_test_id("stHeading").filter(has_text=heading)).to_be_visible(timeout=SLOW)
    expect(page.get_by_test_id("stCaptionContainer").first).to_contain_text("listings-cp949.txt")
    assert page.get_by_test_id("stDataFrame").count() >= 8  # A, legend, U, Σ, Vᵀ, Σ_k V_kᵀ = Σ_k × V_kᵀ, A_k
    expect(page.get_by_test_id("stMarkdown").filter(has_text="토픽별 단어 행렬")).to_be_visible()
    u_rows = dataframe_rows(_frame_after(page.get_by_test_id("stHeading").filter(has_text="특이값 분해"), 1))
    assert u_rows[0][:3] == ["", "t1", "t2"] and all(HANGUL.search(row[0]) for row in u_rows[1:]), u_rows
    kept = page.get_by_test_id("stMetric").filter(has_text="보존한").get_by_test_id("stMetricValue")
    kept_at_2 = kept.inner_text()
    k_slider = page.get_by_test_id("stSlider").filter(has_text="남길 토픽 수 k")
    expect(k_slider.get_by_test_id("stSliderThumbValue")).to_have_text("2")
    k_slider.locator("input[type='range']").focus()
    page.keyboard.press("ArrowRight")
    wait_idle(page)
    expect(k_slider.get_by_test_id("stSliderThumbValue")).to_have_text("3")
    expect(page.get_by_test_id("stHeading").filter(has_text="3차 근사")).to_be_visible()
    expect(kept).not_to_have_text(kept_at_2)
    assert float(kept.inner_text().rstrip("%")) > float(kept_at_2.rstrip("%"))
    expect(page.get_by_test_id("stCaptionContainer").first).to_contain_text("listings-cp949.txt")
    assert_no_errors(page)


def _check_offline_ldavis(browser: object, saved: Path, n_topics: int) -> None:
    """Open the saved page with every non-file request refused: LDAvis must still draw its circles and bars."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    requested: list[str] = []

    def only_files(route: object) -> None:
        requested.append(route.request.url)
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            route.abort()

    try:
        context.route("**/*", only_files)
        context.set_offline(True)
        offline = context.new_page()
        problems: list[str] = []
        offline.on("pageerror", lambda err: problems.append(str(err)))
        offline.goto(saved.as_uri())
        dots = offline.locator("#topiclens-ldavis svg circle.dot")
        expect(dots).to_have_count(n_topics)
        expect(offline.locator("#topiclens-ldavis svg .terms")).to_have_count(30)
        terms = offline.locator("#topiclens-ldavis svg .terms").all_text_contents()
        assert sum(bool(HANGUL.search(term)) for term in terms) >= 25, terms
        assert problems == []
        assert [url for url in requested if not url.startswith("file:")] == []
    finally:
        context.close()


def test_lsa_page_on_the_lecture_example(page: object, readme_shots: Path) -> None:
    _go_to_page(page, "LSA matrices")
    _choose_sample(page, "Lecture: LSA, 6 food documents")
    assert_no_errors(page)
    page.get_by_test_id("stCheckbox").filter(has_text="Lecture rounding").locator("label").click()
    wait_idle(page)
    _set_lsa_k(page, "Keep k topics", 2)  # the lecture keeps two topics
    note = page.get_by_test_id("stCaptionContainer").filter(has_text="Lecture rounding multiplies")
    expect(note).to_contain_text("the exact values are 0.63, 1.72, 0.63")
    concepts = page.get_by_test_id("stHeading").filter(has_text="Document matrix for topic")
    a = dataframe_rows(page.get_by_test_id("stDataFrame").first)
    assert [row[0] for row in a[1:]] == ["pizza", "hamburger", "cookie", "ramen", "sushi"]
    assert _numbers(page.get_by_test_id("stDataFrame").first)[1] == [0, 1, 1, 0, 0, 0]  # hamburger
    # The slide's numbers: Σ₂V₂ᵀ computed from the rounded factors (1.9 × 0.3 = 0.57), Σ₂ and V₂ᵀ rounded.
    assert _numbers(_frame_after(concepts, 1)) == [[0.57, 1.71, 0.57, 0, 0, 0], [0, 0, 0, 0.68, 0.68, 1.36]]
    assert _numbers(_frame_after(concepts, 2)) == [[1.9, 0], [0, 1.7]]
    assert _numbers(_frame_after(concepts, 3)) == [[0.3, 0.9, 0.3, 0, 0, 0], [0, 0, 0, 0.4, 0.4, 0.8]]
    assert_no_errors(page)
    screenshot(
        page,
        page.get_by_test_id("stHeading").filter(has_text="Singular value decomposition"),
        readme_shots / "lsa-matrices.png",
    )


# --- state that must survive reruns, uploads, language switches and corpus changes (bugs the flow found) -----------
def test_lambda_is_still_one_after_the_upload_prompt(page: object, tmp_path: Path) -> None:
    _sidebar(page).get_by_text("Upload files", exact=True).click()
    wait_idle(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(_listings_file(tmp_path)))
    wait_idle(page)
    expect(_circles(page)).to_have_count(10, timeout=SLOW)
    wait_idle(page)
    expect(_lambda_slider(page).get_by_test_id("stSliderThumbValue")).to_have_text("1.00", timeout=3_000)


def test_back_from_uploads_the_chosen_sample_stays(page: object) -> None:
    _sidebar(page).get_by_text("Upload files", exact=True).click()
    wait_idle(page)
    _sidebar(page).get_by_text("Built-in sample", exact=True).click()
    wait_idle(page)
    _go_to_page(page, "Corpus")
    sample = _sidebar(page).get_by_role("combobox", name="Sample")
    expect(sample).to_have_value("Lee news (300 articles)", timeout=3_000)


def test_switching_language_keeps_the_chosen_sample(page: object) -> None:
    _sidebar(page).get_by_text("한국어", exact=True).click()
    wait_idle(page)
    _go_to_page(page, "말뭉치")
    sample = _sidebar(page).get_by_role("combobox", name="샘플")
    expect(sample).to_have_value("Lee 뉴스 (영어 기사 300개)", timeout=3_000)


def test_choosing_the_lecture_sample_fits_it_without_an_error(page: object) -> None:
    _choose_sample(page, "Lecture: LSA, 6 food documents")
    assert_no_errors(page)


def test_lsa_k_stays_when_the_corpus_changes(page: object) -> None:
    _go_to_page(page, "LSA matrices")
    expect(page.get_by_test_id("stHeading").filter(has_text="A₂ =")).to_be_visible()
    _choose_sample(page, "Lecture: LSA, 6 food documents")
    page.get_by_test_id("stCheckbox").filter(has_text="Lecture rounding").locator("label").click()  # any rerun
    wait_idle(page)
    expect(page.get_by_test_id("stHeading").filter(has_text="A₂ =")).to_be_visible(timeout=3_000)
