"""User text (file, column, topic and document names, terms) made safe to show as plain text.

Streamlit renders headings, captions, alerts and widget labels as Markdown (CommonMark, GitHub's extensions, LaTeX
between ``$``, ``:emoji:``, ``:red[colour]`` and ``:material/icon:`` shortcodes), and Plotly renders a subset of HTML
(``<b>``, ``<a href>``, ...) in hover text, text and axis labels, legends and titles. A name such as
``**x** ![](http://host/a.png)`` would otherwise be drawn bold and make the browser fetch the image. No Streamlit here,
so the helpers can be tested alone.
"""

from __future__ import annotations

import html
import re
import string

__all__ = ["plain", "plotly_text"]

# CommonMark: a backslash before any ASCII punctuation character shows that character literally, so escaping all of
# them covers emphasis, links and images, code, HTML, entities, headings, lists, tables, LaTeX ($) and Streamlit's
# shortcodes (:).
_ESCAPE = str.maketrans({c: "\\" + c for c in string.punctuation})
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")
# GitHub's autolink literals (www.x.y, http://, https://, name@host.tld) are found in the text after escapes are
# resolved; an invisible WORD JOINER (U+2060) inside the pattern keeps them text.
_WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?i)(?<=www)(?=\\\.)|(?<=http)(?=\\:)|(?<=https)(?=\\:)|(?=\\@)")


def plain(text: object) -> str:
    """``text`` escaped so Streamlit's Markdown shows it exactly as written (for headings, captions, alerts, labels).

    Every ASCII punctuation character gets a backslash, line breaks become spaces (a name is one line), leading
    whitespace is dropped (four spaces would start a code block; Markdown drops it from a paragraph anyway), and a
    word joiner (U+2060, invisible) breaks ``www.``, ``http:``, ``https:`` and ``@`` so no link is made.

    Parameters
    ----------
    text : object
        A user string (or anything, shown through ``str``).

    Returns
    -------
    str
        Markdown source that renders as ``text``.

    Examples
    --------
    >>> plain("**bold** $x$") == r"\\*\\*bold\\*\\* \\$x\\$"
    True
    """
    one_line = _LINE_BREAKS.sub(" ", str(text)).lstrip()
    return _AUTOLINK.sub(_WORD_JOINER, one_line.translate(_ESCAPE))


def plotly_text(text: object) -> str:
    """``text`` with ``&``, ``<``, ``>`` and quotes as HTML entities, for Plotly labels, hover text and titles.

    Plotly turns the entities back into the characters, so the label reads as written and no tag (bold, link, ...)
    is made. Use it for the values shown (``y``, ``text``, ``hovertext``, ``name``, titles), never for ``customdata``.

    Parameters
    ----------
    text : object
        A user string (or anything, shown through ``str``).

    Returns
    -------
    str
    """
    return html.escape(str(text))
