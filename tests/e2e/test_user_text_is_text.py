"""Hostile names in a real browser: Markdown, LaTeX, HTML and remote images in file and member names stay text, and the
page asks nothing of any host but the app's own (issue 9)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.e2e.conftest import assert_no_errors, screenshot, wait_idle

pytestmark = pytest.mark.browser

TXT_NAME = "**bold** $x^2$ ![img](http://127.0.0.1:9/x.png) <b>x</b> :red[red].txt"
MEMBER = "**member** ![m](http://127.0.0.1:9/m.png) <img src=http://127.0.0.1:9/i.png>.txt"
EMPTY_NAME = "<b>empty</b> ![e](http://127.0.0.1:9/e.png) me@example.org.txt"
ZIP_NAME = "**zip** www.example.com.zip"
TEXT = "".join(
    f"{start}pizza pasta tomato cheese oven\nfootball match goal striker league\nstock market shares investor bank\n"
    for start in ("=", "+", "-", "@", "", "")
)
# Elements that Markdown or HTML would have made from the names above.
MADE_FROM_NAMES = """() => [...document.querySelectorAll('strong, b, em, i, a, img, .katex, [class*=colored], h1, h2')]
  .filter(e => /^(bold|x|member|zip|empty|red|img|m|e)$|x\\^?2|127\\.0\\.0\\.1:9|example\\.(com|org)/.test(
      (e.textContent || '') + ' ' + (e.getAttribute('src') || '') + (e.getAttribute('href') || '')))
  .map(e => e.outerHTML.slice(0, 200))"""


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(MEMBER, TEXT)
    return buffer.getvalue()


def _visible_text(page: object) -> str:
    return page.locator("[data-testid=stMain]").inner_text().replace("\u2060", "")


def test_hostile_names_stay_text_and_fetch_nothing(browser: object, app_url: str, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(60_000)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(f"{app_url}/corpus")
        wait_idle(page)
        page.get_by_text("Upload files").click()
        wait_idle(page)
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
            [
                {"name": TXT_NAME, "mimeType": "text/plain", "buffer": TEXT.encode()},
                {"name": ZIP_NAME, "mimeType": "application/zip", "buffer": _zip()},
                {"name": EMPTY_NAME, "mimeType": "text/plain", "buffer": b""},
            ]
        )
        wait_idle(page)
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=stMetricValue]')].some(e => e.innerText.trim() === '36')"
        )
        page.wait_for_timeout(1500)  # give any image the browser might fetch time to be asked for
        screenshot(page, page.get_by_test_id("stMain"), tmp_path / "corpus-hostile-names.png", above=0)

        caption = page.get_by_test_id("stCaptionContainer").first.inner_text().replace("\u2060", "")
        assert caption.startswith(TXT_NAME) and ZIP_NAME in caption
        shown = _visible_text(page)
        assert f"{EMPTY_NAME}: the file is empty." in shown  # the per-file error, its name as written
        assert page.evaluate(MADE_FROM_NAMES) == []
        images = page.evaluate("() => [...document.images].map(i => i.getAttribute('src') || '')")
        assert not [src for src in images if src.startswith("http")], images

        # The LDA page fits the upload; its documents list names the hostile file.
        page.get_by_role("link", name="Topic map (LDA)").click()
        wait_idle(page)
        page.get_by_role("button", name="Next topic ▶").click()
        wait_idle(page)
        page.wait_for_timeout(1000)
        screenshot(page, page.get_by_test_id("stMain"), tmp_path / "lda-hostile-names.png", above=0)
        assert_no_errors(page)
        assert TXT_NAME in _visible_text(page) or MEMBER in _visible_text(page)
        assert page.evaluate(MADE_FROM_NAMES) == []
        images = page.evaluate("() => [...document.images].map(i => i.getAttribute('src') || '')")
        assert not [src for src in images if src.startswith("http")], images
    finally:
        context.close()
    hosts = {urlsplit(url).hostname for url in requests if url.startswith(("http:", "https:", "ws:", "wss:"))}
    assert hosts == {"127.0.0.1"}, sorted(url for url in requests if urlsplit(url).hostname != "127.0.0.1")
