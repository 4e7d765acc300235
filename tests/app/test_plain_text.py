"""User text escaped for Streamlit's Markdown and for Plotly's HTML labels."""

from __future__ import annotations

import html
import string

import pytest

from app.plain_text import plain, plotly_text

WJ = "\u2060"  # word joiner: invisible, breaks autolinks


def unescape(markdown: str) -> str:
    """What CommonMark shows for text made only of backslash escapes and plain characters."""
    out, i = [], 0
    while i < len(markdown):
        if markdown[i] == "\\" and i + 1 < len(markdown) and markdown[i + 1] in string.punctuation:
            out.append(markdown[i + 1])
            i += 2
        else:
            out.append(markdown[i])
            i += 1
    return "".join(out).replace(WJ, "")


def test_markdown_syntax_is_escaped() -> None:
    assert plain("**bold**") == r"\*\*bold\*\*"
    assert plain("$x^2$") == r"\$x\^2\$"
    assert plain("![img](http://127.0.0.1:9/x.png)") == rf"\!\[img\]\(http{WJ}\:\/\/127\.0\.0\.1\:9\/x\.png\)"
    assert plain("<b>x</b>") == r"\<b\>x\<\/b\>"
    assert plain(":red[alert] :smile:") == r"\:red\[alert\] \:smile\:"
    assert plain("# title") == r"\# title"
    assert plain("1. item") == r"1\. item"
    assert plain("a_b `c` ~~d~~ |e| &amp;") == r"a\_b \`c\` \~\~d\~\~ \|e\| \&amp\;"


def test_autolinks_are_broken_by_an_invisible_joiner() -> None:
    assert plain("www.example.com") == rf"www{WJ}\.example\.com"
    assert plain("HTTPS://a.b") == rf"HTTPS{WJ}\:\/\/a\.b"
    assert plain("me@host.org") == rf"me{WJ}\@host\.org"


def test_lines_become_one_and_leading_spaces_go() -> None:
    assert plain("    code\n# heading\r\n- item") == r"code \# heading \- item"


@pytest.mark.parametrize(
    "text",
    [
        "자료.zip/문서1.txt",
        "lee_background.cor",
        "Korean market listings (180)",
        "**bold** $x^2$ ![img](http://127.0.0.1:9/x.png) <b>x</b>.txt",
        '=HYPERLINK("http://x")',
        r"back\slash \*already\* escaped",
    ],
)
def test_what_markdown_shows_is_the_text(text: str) -> None:
    assert unescape(plain(text)) == text


def test_korean_and_letters_are_untouched() -> None:
    assert plain("문고리 거래 tomato") == "문고리 거래 tomato"
    assert plain(42) == "42"


def test_plotly_text_turns_tags_into_entities() -> None:
    name = "<b>x</b> <a href='http://h/'>l</a> & <img src=http://h/i.png>"
    assert plotly_text(name) == (
        "&lt;b&gt;x&lt;/b&gt; &lt;a href=&#x27;http://h/&#x27;&gt;l&lt;/a&gt; &amp; &lt;img src=http://h/i.png&gt;"
    )
    assert html.unescape(plotly_text(name)) == name
    assert plotly_text("문서 · 토픽") == "문서 · 토픽"
