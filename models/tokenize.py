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
def kiwi_model() -> Any:  # kiwipiepy.Kiwi, imported lazily
    """The Kiwi analyser with the project's user words, loaded but not yet used (about 1 s).

    It starts no thread until its first analysis, so a process may load it and then fork: the app's job workers
    are forked from a server that has loaded it. Use :func:`kiwi` to analyse.
    """
    from kiwipiepy import Kiwi

    with _kiwi_lock:
        analyser = Kiwi()
        for word in USER_WORDS:
            analyser.add_user_word(word, "NNG", 0.0)
    logger.info("Kiwi loaded with %d user words", len(USER_WORDS))
    return analyser


@lru_cache(maxsize=1)
def kiwi() -> Any:  # kiwipiepy.Kiwi
    """The shared Kiwi analyser, warmed up by one analysis (its first call costs about 1.6 s more)."""
    analyser = kiwi_model()
    with _kiwi_lock:
        analyser.tokenize("워밍업 문장입니다.")
    return analyser


def tokenize_korean(
    texts: Iterable[str],
    stop_words: frozenset[str],
    min_length: int = 1,
    verbs: bool = False,
    keep_numbers: bool = False,
    fragments: bool = False,
) -> Iterator[list[str]]:
    """Tokens of each text by Kiwi morphological analysis.

    Parameters
    ----------
    texts : iterable of str
        Documents; a list lets Kiwi's worker threads share the work best, an iterator is consumed lazily.
    stop_words : frozenset of str
        Words to drop (compared after lower-casing Latin words).
    min_length : int
        Shortest token kept, in characters.
    verbs : bool
        Also keep verb (VV) and adjective (VA) stems, as dictionary forms ending in 다.
    keep_numbers : bool
        Keep numerals (SN).
    fragments : bool
        Keep Kiwi's one-syllable noun pieces as they come (see :func:`korean_words`); by default they are joined
        to the nouns they stand next to, or dropped when they count a number.

    Yields
    ------
    list of str
        Tokens per text, in text order.
    """
    analyser = kiwi()
    for tokens in analyser.tokenize(texts if isinstance(texts, list) else iter(texts)):
        words = korean_words(tokens, verbs, keep_numbers, fragments)
        yield [w for w in words if len(w) >= min_length and w not in stop_words]


_NOUNS = ("NNG", "NNP")
_NUMERALS = ("SN", "NR")
# A one-syllable noun glued right after one of these is a piece of something else (a counter, a broken word).
_GLUE = ("SN", "NR", "E", "J", "XS", "VC")


def korean_words(
    tokens: Iterable[Any], verbs: bool = False, keep_numbers: bool = False, fragments: bool = False
) -> list[str]:
    """The words kept from one text's Kiwi tokens, in text order.

    Kiwi splits compounds it does not know into nouns written together, often leaving one-syllable pieces
    (빈백 → 빈 + 백, 후드티 → 후드 + 티, 쿨링 → 쿨 + 링), reads counters after numbers as nouns (6인용 → 인,
    2칸 → 칸) and leaves syllables glued to an ending (기모 → 이 + 기 + 모). Unless ``fragments`` is set, nouns
    written together in one word are joined back into one term when any of them is a single syllable, and a lone
    single-syllable noun glued to a numeral, an ending, a particle, a suffix or a copula before it is dropped. A
    single-syllable noun that starts its own word (책, 옷, 방) or follows a determiner or prefix (새책, 맨발) is
    kept: those are real words.

    Parameters
    ----------
    tokens : iterable of kiwipiepy.Token
        Needs ``form``, ``tag``, ``start`` and ``len``.
    verbs, keep_numbers : bool
        As in :func:`tokenize_korean`.
    fragments : bool
        Keep the pieces as Kiwi gives them.

    Returns
    -------
    list of str
    """
    words: list[str] = []
    run: list[str] = []  # nouns written together, not yet emitted
    run_end = -1  # where the run's last noun ends
    glued = False  # the run starts right after a numeral, ending, particle, suffix or copula
    glue_end = -1  # where the last such morpheme ends
    prefix: list[str | None] = [None]  # a prefix (XPN) waiting for its noun: 맨 + 발 → 맨발

    def flush() -> None:
        if run and run[-1] == prefix[0]:  # a prefix with no noun after it
            run.pop()
        prefix[0] = None
        if not run:
            return
        if fragments or (len(run) == 1 and len(run[0]) > 1):
            words.extend(run)
        elif len(run) == 1:
            if not glued:
                words.append(run[0])
        elif any(len(piece) == 1 for piece in run):
            words.append("".join(run))
        else:
            words.extend(run)
        run.clear()

    for token in tokens:
        tag, start = token.tag, token.start
        if tag in _NOUNS:
            if run and start == run_end:
                run.append(token.form)
            else:
                flush()
                run.append(token.form)
                glued = start == glue_end
            prefix[0] = None
            run_end = start + token.len
            continue
        flush()
        if tag == "XPN" and not fragments:
            run.append(token.form)
            prefix[0] = token.form
            glued = start == glue_end
            run_end = start + token.len
            continue
        if tag.startswith(_GLUE):
            glue_end = start + token.len
        if tag in _NUMERALS:
            if keep_numbers and tag == "SN":
                words.append(token.form)
        elif tag == "SL":
            word = token.form.lower()
            if len(word) >= 2:
                words.append(word)
        elif verbs and (tag.startswith("VV") or tag.startswith("VA")):
            words.append(token.form + "다")
    flush()
    return words
