"""At the projector (issue 10), in a real browser: clicks hit the circle whose number was clicked, every circle lies
inside the map's axes with LDAvis's size guide and crowding, the LSA matrices and the Gibbs step fit a 1280 × 720
screen, the classic LDAvis page fits its frame, downloads keep the documents' identity, and no page at 1280 × 720 or
1920 × 1080, in English or Korean, has an element wider than its container.

Screenshots go to pytest's temporary folder (``--basetemp`` to keep them where you can look at them).
"""

from __future__ import annotations

import csv
import io
import json
import math
from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import expect

from app.text import TEXT
from tests.e2e.conftest import assert_no_errors, dataframe_rows, wait_idle
from tests.e2e.test_explorer_flow import (
    RED,
    SLOW,
    _bars,
    _choose,
    _choose_sample,
    _go_to_page,
    _label_points,
    _map,
    _set_lsa_k,
    _sidebar,
    _topic_circles,
)

pytestmark = pytest.mark.browser

SIZES = ((1280, 720), (1920, 1080))

# Elements of the main block wider than their container: outside the page, cut off (an ellipsis) or scrolling
# sideways, or sticking out of their column. Plotly, KaTeX and the data grids draw inside their own boxes; the grids
# that must not scroll are checked by _grid_scrolls.
_TOO_WIDE_JS = """main => {
  const page = main.getBoundingClientRect();
  const out = [];
  const own = e => e.closest('svg, .js-plotly-plot, .katex, [data-testid=stDataFrame], iframe, [role=slider]')
    || (e.tagName === 'INPUT' && e.closest('[data-testid=stSlider]'));  // a thumb at the end pokes out by design
  for (const e of main.querySelectorAll('*')) {
    if (own(e)) continue;
    const box = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    if (box.width < 3 || box.height < 3 || style.visibility === 'hidden') continue;
    const text = (e.innerText || e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
    const label = e.getAttribute('aria-label') || e.getAttribute('placeholder') || '';
    const name = (e.getAttribute('data-testid') || e.tagName.toLowerCase()) + ' ' + label + ': ' + text;
    if (box.right > page.right + 1 || box.left < page.left - 1) out.push('outside the page ' + name);
    else if (e.scrollWidth > e.clientWidth + 1 && style.overflowX !== 'visible') out.push('cut off ' + name);
    const column = e.parentElement && e.parentElement.closest('[data-testid=stColumn]');
    if (column && box.right > column.getBoundingClientRect().right + 1) out.push('out of its column ' + name);
  }
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) out.push('page scrolls');
  return [...new Set(out)];
}"""
_GRID_SCROLLS_JS = (
    """frame => { const s = frame.querySelector('.dvn-scroller'); return s.scrollWidth > s.clientWidth + 1; }"""
)


def _tr(key: str, language: str) -> str:
    return TEXT[key][language]


def _too_wide(page: object) -> list[str]:
    return page.get_by_test_id("stMain").evaluate(_TOO_WIDE_JS)


def _inside_axes(page: object) -> list[str]:
    """Circles (and size guide) not wholly inside the map's plotting area, in pixels as drawn."""
    area = _map(page).locator(".draglayer .xy .nsewdrag").bounding_box()
    problems = []
    for path in _map(page).locator(".shapelayer path, .scatterlayer .points path").all():
        box = path.bounding_box()
        if (
            box["x"] < area["x"] - 1
            or box["y"] < area["y"] - 1
            or box["x"] + box["width"] > area["x"] + area["width"] + 1
            or box["y"] + box["height"] > area["y"] + area["height"] + 1
        ):
            problems.append(f"{box} outside {area}")
    return problems


def _wait_for_map(page: object) -> None:
    expect(_map(page).locator(".textpoint").first).to_be_visible(timeout=SLOW)
    wait_idle(page)


def _red_ranks(page: object) -> list[str]:
    return sorted(c["rank"] for c in _topic_circles(page) if c["fill"] == RED)


def _clicks_select_their_circle(page: object, language: str) -> None:
    """A click on each circle's number selects that circle: its circle alone turns red, its bars are shown."""
    _map(page).scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    labels = _label_points(page)
    assert len(labels) >= 2, labels
    for rank in sorted(labels, key=int):
        x, y = _label_points(page)[rank]
        page.mouse.click(x, y)
        wait_idle(page)
        expect(_bars(page).locator(".gtitle")).to_contain_text(f"#{rank} ")  # its term bars
        for _ in range(100):  # and its circle alone turns red (the map is redrawn with the selection)
            if _red_ranks(page) == [rank]:
                break
            page.wait_for_timeout(50)
        assert _red_ranks(page) == [rank], (rank, _red_ranks(page))
    page.get_by_role("button", name=_tr("clear_topic", language)).click()
    wait_idle(page)
    assert _red_ranks(page) == []


def _crowding(page: object) -> float:
    """Share of the map's plotting area covered by the topics' circles (LDAvis: 0.25 of its panel)."""
    area = _map(page).locator(".draglayer .xy .nsewdrag").bounding_box()
    covered = sum(math.pi * c["r"] ** 2 for c in _topic_circles(page))
    return covered / (area["width"] * area["height"])


def _open(browser: object, app_url: str, locale: str) -> object:
    """A fresh 1280 × 720 session at the front page (the topic map of the browser language's default sample)."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale=locale)
    page = context.new_page()
    page.set_default_timeout(SLOW)
    page.goto(app_url)
    wait_idle(page)
    _wait_for_map(page)
    return page


@pytest.mark.parametrize(("language", "locale"), [("en", "en-US"), ("ko", "ko-KR")])
def test_a_click_on_each_number_selects_that_circle(browser: object, app_url: str, language: str, locale: str) -> None:
    page = _open(browser, app_url, locale)  # Lee news (English browser), the Korean listings (Korean browser)
    try:
        _clicks_select_their_circle(page, language)
        assert_no_errors(page)
    finally:
        page.context.close()


def test_every_circle_is_inside_the_axes(browser: object, app_url: str, tmp_path: Path) -> None:
    for language, locale, term in (("en", "en-US", "police"), ("ko", "ko-KR", "부피")):
        page = _open(browser, app_url, locale)
        try:
            _map(page).scroll_into_view_if_needed()
            page.screenshot(path=str(tmp_path / f"map-{language}.png"))
            assert _inside_axes(page) == []
            guide = _map(page).locator(".annotation-text").all_text_contents()
            assert guide[:3] == ["2%", "5%", "10%"] and guide[3] == _tr("size_guide", language)
            assert _crowding(page) <= 0.25  # no more crowded than pyLDAvis's page (its circles cover a quarter)

            # Term view: circles resized by p(topic | term), still inside.
            _choose(page, page.get_by_role("combobox", name=_tr("term_search", language), exact=True), term)
            expect(_map(page).locator(".annotation-text").last).to_have_text(_tr("size_guide_term", language))
            _map(page).scroll_into_view_if_needed()
            page.screenshot(path=str(tmp_path / f"map-{language}-term.png"))
            assert _inside_axes(page) == []
            assert_no_errors(page)
        finally:
            page.context.close()

    # The lecture's three Korean documents: a map of a few big circles, each whole, each selectable.
    page = _open(browser, app_url, "en-US")
    try:
        _choose_sample(page, "Lecture: Gibbs, 3 documents")
        _wait_for_map(page)
        _map(page).scroll_into_view_if_needed()
        page.screenshot(path=str(tmp_path / "map-lecture-gibbs.png"))
        assert 2 <= len(_label_points(page)) <= 3
        assert _inside_axes(page) == []
        _clicks_select_their_circle(page, "en")
    finally:
        page.context.close()


def _check_page(page: object, folder: Path, suffix: str, problems: dict[str, list[str]], name: str) -> None:
    """Screenshot the page as ``name + suffix`` and note what is wider than its container."""
    page.wait_for_timeout(500)
    page.screenshot(path=str(folder / f"{name}{suffix}"))
    found = _too_wide(page)
    if found:
        problems[f"{name}{suffix}"] = found


def test_every_page_fits_in_both_languages(browser: object, app_url: str, tmp_path: Path) -> None:
    problems: dict[str, list[str]] = {}
    for language, locale in (("en", "en-US"), ("ko", "ko-KR")):
        for width, height in SIZES:
            context = browser.new_context(viewport={"width": width, "height": height}, locale=locale)
            page = context.new_page()
            page.set_default_timeout(SLOW)
            try:
                page.goto(app_url)
                wait_idle(page)
                _wait_for_map(page)

                shot = f"-{language}-{width}x{height}.png"
                check = partial(_check_page, page, tmp_path, shot, problems)
                check("lda-explore")
                for tab in ("topics", "quality", "downloads", "classic"):
                    page.get_by_role("tab", name=_tr(f"tab_{tab}", language)).click()
                    wait_idle(page)
                    check(f"lda-{tab}")
                page.get_by_text(_tr("classic_show", language)).click()
                wait_idle(page)
                frame = page.frame_locator("iframe").first
                expect(frame.locator("#topiclens-ldavis svg circle.dot").first).to_be_attached(timeout=SLOW)
                fits = page.locator("iframe").first.evaluate(
                    "f => { const d = f.contentDocument.documentElement; const s = f.contentDocument"
                    ".querySelector('input[type=range]').getBoundingClientRect();"
                    " return [d.scrollWidth <= d.clientWidth + 1, s.right <= d.clientWidth + 1]; }"
                )
                if fits != [True, True]:
                    problems[f"classic{shot}"] = ["the LDAvis page (or its λ slider) is wider than its frame"]
                if width == 1280:  # scaled down to fit: a click on a circle still selects its topic
                    dot = frame.locator("#topiclens-ldavis svg circle.dot").nth(1)
                    dot.scroll_into_view_if_needed()
                    box = dot.bounding_box()
                    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                    chosen = frame.locator("#topiclens-ldavis svg").get_by_text("Relevant Terms for Topic")
                    expect(chosen).to_have_count(1)
                check("lda-classic-shown")
                page.get_by_role("tab", name=_tr("tab_explore", language)).click()
                wait_idle(page)
                for view in ("lsa", "gibbs", "corpus"):
                    _go_to_page(page, _tr(f"page_{view}", language))
                    check(view)
                _go_to_page(page, _tr("page_gibbs", language))
                page.get_by_role("button", name=_tr("gibbs_step", language)).click()
                wait_idle(page)
                page.get_by_test_id("stHeading").nth(1).scroll_into_view_if_needed()  # the step's heading
                check("gibbs-step")
                assert_no_errors(page)
            finally:
                context.close()
    (tmp_path / "problems.json").write_text(json.dumps(problems, ensure_ascii=False, indent=1), encoding="utf-8")
    assert problems == {}, problems


def test_lsa_matrices_fit_a_projector(page: object, tmp_path: Path) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    _go_to_page(page, "LSA matrices")
    _choose_sample(page, "Lecture: LSA, 6 food documents")
    page.get_by_test_id("stCheckbox").filter(has_text="Lecture rounding").locator("label").click()
    wait_idle(page)
    svd = page.get_by_test_id("stHeading").filter(has_text="Singular value decomposition")
    frames = svd.locator("xpath=following::*[@data-testid='stDataFrame']")
    for i in range(6):  # U, Σ, Vᵀ; Σ₂V₂ᵀ = Σ₂ × V₂ᵀ
        frames.nth(i).scroll_into_view_if_needed()
        assert not frames.nth(i).evaluate(_GRID_SCROLLS_JS), f"table {i} scrolls sideways"
    tops = [round(frames.nth(i).bounding_box()["y"]) for i in range(6)]
    assert tops[0] == tops[1] == tops[2], tops  # U, Σ and Vᵀ side by side, as in the lecture
    assert abs(tops[3] - tops[5]) <= 40, tops  # the equation on one row (tables centred on it)
    frames.nth(3).scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "lsa-lecture-1280.png"))
    assert dataframe_rows(frames.nth(3))[2][-1] == "1.36"  # the lecture's d6 column (rounded factors: 1.7 × 0.8)
    # The concept space: labels drawn at the same place are joined, none printed over another.
    space = page.get_by_test_id("stPlotlyChart").last
    space.scroll_into_view_if_needed()
    boxes = [t.bounding_box() for t in space.locator(".textpoint text").all()]
    texts = space.locator(".textpoint text").all_text_contents()
    assert "pizza / hamburger" in texts or "hamburger / pizza" in texts, texts
    for i, a in enumerate(boxes):
        for j, b in enumerate(boxes[:i]):
            apart = (
                a["x"] + a["width"] <= b["x"]
                or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"]
                or b["y"] + b["height"] <= a["y"]
            )
            assert apart, (texts[i], texts[j])
    page.screenshot(path=str(tmp_path / "lsa-space-1280.png"))

    # k = 9 on the Korean listings: the equation row stays one row, and no matrix scrolls sideways.
    _choose_sample(page, "Korean market listings (180)")
    _set_lsa_k(page, "Keep k topics", 9)
    concepts = page.get_by_test_id("stHeading").filter(has_text="Document matrix for topic")
    frames = concepts.locator("xpath=following::*[@data-testid='stDataFrame']")
    frames.nth(0).scroll_into_view_if_needed()
    boxes = [frames.nth(i).bounding_box() for i in range(3)]  # Σ₉V₉ᵀ = Σ₉ × V₉ᵀ
    assert max(b["y"] + b["height"] / 2 for b in boxes) - min(b["y"] + b["height"] / 2 for b in boxes) < 40, boxes
    for i in range(3):
        assert not frames.nth(i).evaluate(_GRID_SCROLLS_JS), f"table {i} of the equation scrolls sideways"
    page.screenshot(path=str(tmp_path / "lsa-k9-1280.png"))
    assert _too_wide(page) == []


def test_gibbs_step_fits_one_screen_and_the_corpus_tables_do_not_overlap(
    page: object, app_url: str, tmp_path: Path
) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_url}/gibbs")
    wait_idle(page)
    page.get_by_role("button", name="Next token ▶").click()
    wait_idle(page)
    step = page.get_by_test_id("stHeading").filter(has_text="Step:")
    bars = page.get_by_test_id("stPlotlyChart").filter(has_text="p(topic | rest)").first  # then "you be the sampler"
    bars.scroll_into_view_if_needed()
    top, bottom = step.bounding_box()["y"], bars.bounding_box()["y"] + bars.bounding_box()["height"]
    assert bottom - top <= 720 - 60, bottom - top  # the whole step on one screen, under Streamlit's header
    step.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "gibbs-step-1280.png"))

    # You be the sampler: the panel stays open after a choice.
    page.get_by_text("You be the sampler").click()
    wait_idle(page)
    page.get_by_role("button", name="Assign topic3").click()
    wait_idle(page)
    expect(page.get_by_role("button", name="Assign topic1")).to_be_visible()

    # The current corpus (Lee news): the two count tables apart (side by side, or one under the other), every number
    # whole and nothing cut off.
    page.get_by_text("Example, K, α, β and seed").click()
    wait_idle(page)
    page.get_by_text("the current corpus (first 300 tokens)").click()
    wait_idle(page)
    page.get_by_role("button", name="Apply and start over").click()
    wait_idle(page)
    page.get_by_role("button", name="Next token ▶").click()
    wait_idle(page)
    tables = page.locator("table.tl-g")
    expect(tables).to_have_count(3)
    doc_box, word_box = tables.nth(1).bounding_box(), tables.nth(2).bounding_box()
    beside = doc_box["x"] + doc_box["width"] <= word_box["x"]
    below = doc_box["y"] + doc_box["height"] <= word_box["y"]  # where the two do not fit side by side
    assert beside or below, (doc_box, word_box)
    clipped = page.locator("table.tl-g td, table.tl-g th").evaluate_all(
        "cells => cells.filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent)"
    )
    assert clipped == []
    tables.nth(1).scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "gibbs-corpus-1280.png"))
    assert _too_wide(page) == []
    assert_no_errors(page)


def test_document_topic_download_keeps_titles_and_metadata(page: object, tmp_path: Path) -> None:
    rows = [
        ("pkg-a", "Alpha editor", "editors", "text editor for the terminal with syntax highlighting and macros"),
        ("pkg-b", "Beta player", "sound", "audio player for music files with playlists and equalizer presets"),
        ("pkg-c", "Gamma shell", "shells", "command shell with scripting history completion and job control"),
        ("pkg-d", "Delta mixer", "sound", "audio mixer for music recording with effects and sound channels"),
    ] * 3
    upload = tmp_path / "packages.csv"
    with upload.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["package", "title", "section", "description"])
        writer.writerows(rows)
    _sidebar(page).get_by_text("Upload files", exact=True).click()
    wait_idle(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(upload))
    wait_idle(page)
    _wait_for_map(page)
    page.get_by_role("tab", name="Downloads").click()
    wait_idle(page)
    buttons = page.get_by_test_id("stDownloadButton")
    names = []
    for i in range(buttons.count()):  # the tab's downloads in order; the document-topic table is one of them
        with page.expect_download(timeout=SLOW) as download:
            buttons.nth(i).get_by_role("button").click()
        names.append(download.value.suggested_filename)
        if names[-1] == "document-topic.csv":
            break
    assert download.value.suggested_filename == "document-topic.csv", names
    table = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert table[0][:6] == ["#", "name", "file", "package", "title", "section"], table[0]
    assert table[1][:6] == ["1", "packages.csv #1 · Alpha editor", "packages.csv", "pkg-a", "Alpha editor", "editors"]
    assert [row[3] for row in table[1:5]] == ["pkg-a", "pkg-b", "pkg-c", "pkg-d"]
    shares = [float(x) for x in table[1][6:]]
    assert len(shares) >= 2 and abs(sum(shares) - 1) < 1e-6
