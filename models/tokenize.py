"""Word tokens for English (regular expressions) and Korean (Kiwi morphological analysis).

English: lower-cased letter runs (numbers and punctuation dropped unless asked), stop words removed, minimum
length. Korean: Kiwi morphemes; nouns (NNG, NNP) by default, optionally verb and adjective stems written in
their dictionary form (팔 → 팔다); Latin-script words in Korean text (brand names) are kept, lower-cased.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

logger = logging.getLogger(__name__)

__all__ = ["detect_language", "hangul_share", "kiwi", "tokenize_english", "tokenize_korean"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_WORD_OR_NUMBER = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
_LATIN = re.compile(r"[A-Za-z]")

# Domain words Kiwi splits or misreads without help (e.g. 비대면 → 비 + 대면, 나눔 → 나누 + ㅁ).
USER_WORDS: tuple[str, ...] = (
    "문고리",
    "나눔",
    "드림",
    "비대면",
    "직거래",
    "택배비",
    "비지도",
    "관련도",
    "토픽",
    "중고",
    "새상품",
    "사용감",
    "에어프라이어",
    "전기밥솥",
    "유모차",
    "카시트",
    "아기띠",
    "서랍장",
    "행거",
    "무선이어폰",
)

_kiwi_lock = threading.Lock()


def hangul_share(texts: Iterable[str], limit: int = 200_000) -> float:
    """Share of Hangul among Hangul and Latin letters in (the first ``limit`` characters of) ``texts``."""
    hangul = latin = seen = 0
    for text in texts:
        chunk = text[: max(limit - seen, 0)]
        hangul += len(_HANGUL.findall(chunk))
        latin += len(_LATIN.findall(chunk))
        seen += len(chunk)
        if seen >= limit:
            break
    total = hangul + latin
    return hangul / total if total else 0.0


def detect_language(texts: Sequence[str]) -> str:
    """ "ko" when at least 30% of the letters are Hangul, else "en"."""
    return "ko" if hangul_share(texts) >= 0.3 else "en"


def tokenize_english(
    text: str, stop_words: frozenset[str], min_length: int = 2, keep_numbers: bool = False
) -> list[str]:
    """Lower-cased word tokens of ``text`` without stop words or tokens shorter than ``min_length``.

    A typographic apostrophe counts as ``'``; a possessive ``'s`` is dropped ("Seoul's" → "seoul").
    """
    pattern = _WORD_OR_NUMBER if keep_numbers else _WORD
    words = pattern.findall(text.lower().replace("’", "'"))
    return [
        w
        for w in (w[:-2] if "'" in w and w.endswith("'s") else w for w in words)
        if len(w) >= min_length and w not in stop_words
    ]


@lru_cache(maxsize=1)
def kiwi() -> Any:  # kiwipiepy.Kiwi, imported lazily
    """The shared Kiwi analyser, loaded once per process with the project's user words and warmed up."""
    from kiwipiepy import Kiwi

    with _kiwi_lock:
        analyser = Kiwi()
        for word in USER_WORDS:
            analyser.add_user_word(word, "NNG", 0.0)
        analyser.tokenize("워밍업 문장입니다.")
    logger.info("Kiwi loaded with %d user words", len(USER_WORDS))
    return analyser


def tokenize_korean(
    texts: Iterable[str],
    stop_words: frozenset[str],
    min_length: int = 1,
    verbs: bool = False,
    keep_numbers: bool = False,
) -> Iterator[list[str]]:
    """Tokens of each text by Kiwi morphological analysis.

    Parameters
    ----------
    texts : iterable of str
        Documents; an iterator is consumed lazily (Kiwi reads ahead only a few texts).
    stop_words : frozenset of str
        Words to drop (compared after lower-casing Latin words).
    min_length : int
        Shortest token kept, in characters.
    verbs : bool
        Also keep verb (VV) and adjective (VA) stems, as dictionary forms ending in 다.
    keep_numbers : bool
        Keep numerals (SN).

    Yields
    ------
    list of str
        Tokens per text, in text order.
    """
    analyser = kiwi()
    for tokens in analyser.tokenize(iter(texts)):
        words = []
        for token in tokens:
            tag = token.tag
            if tag in ("NNG", "NNP"):
                word = token.form
            elif tag == "SL":
                word = token.form.lower()
                if len(word) < 2:
                    continue
            elif verbs and (tag.startswith("VV") or tag.startswith("VA")):
                word = token.form + "다"
            elif keep_numbers and tag == "SN":
                word = token.form
            else:
                continue
            if len(word) >= min_length and word not in stop_words:
                words.append(word)
        yield words
