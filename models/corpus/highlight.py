"""Where each kept token stands in a document's original text, so words can be coloured by their topic."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["token_spans"]


def token_spans(text: str, tokens: Sequence[str]) -> list[tuple[int, int, int]]:
    """Find ``tokens`` (in order) in ``text``.

    Tokens are searched left to right, case-insensitively, each after the previous match, so repeated words map to
    their own occurrences. Tokens that do not appear verbatim (bigrams, Korean verb stems written as 팔다) are
    skipped without losing the position.

    Parameters
    ----------
    text : str
        The document as read.
    tokens : sequence of str
        The document's kept tokens in text order (``Corpus.doc_tokens[d]``).

    Returns
    -------
    list of (start, end, token_position)
        Character spans in ``text`` and the index of the token in ``tokens``.
    """
    lowered = text.lower()
    spans: list[tuple[int, int, int]] = []
    pos = 0
    for i, token in enumerate(tokens):
        needle = token.lower()
        at = lowered.find(needle, pos)
        if at < 0:
            continue
        spans.append((at, at + len(needle), i))
        pos = at + len(needle)
    return spans
