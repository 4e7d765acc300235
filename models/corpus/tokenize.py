"""Word tokens for English (regular expressions) and Korean (Kiwi morphological analysis).

English: lower-cased letter runs (numbers and punctuation dropped unless asked), stop words removed, minimum
length. Korean: Kiwi morphemes; nouns (NNG, NNP) by default, optionally verb and adjective stems written in
their dictionary form (팔 → 팔다); Latin-script words in Korean text (brand names) are kept, lower-cased.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

logger = logging.getLogger(__name__)

__all__ = [
    "detect_language",
    "hangul_share",
    "kiwi",
    "kiwi_model",
    "kiwi_workers",
    "korean_words",
    "tokenize_english",
    "tokenize_korean",
]

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


# Kiwi's own worker threads analyse the documents of one batch in parallel (``Kiwi(num_workers=...)``; kiwipiepy's
# default, -1, means every hardware core even when this process may use fewer).
MAX_KIWI_WORKERS = 64


def kiwi_workers() -> int:
    """Kiwi's default thread count: the cores this process may run on (its CPU affinity), at least 1.

    The same rule as ``models.lda.gibbs.engine.available_cores``, repeated here so that tokenizing never imports numba.
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _checked_workers(num_workers: int | None) -> int:
    if num_workers is None:
        return min(kiwi_workers(), MAX_KIWI_WORKERS)
    if isinstance(num_workers, bool) or not isinstance(num_workers, int) or not 1 <= num_workers <= MAX_KIWI_WORKERS:
        raise ValueError(f"num_workers must be an integer from 1 to {MAX_KIWI_WORKERS} or None, not {num_workers!r}")
    return num_workers


def kiwi_model(num_workers: int | None = None) -> Any:  # kiwipiepy.Kiwi, imported lazily
    """The Kiwi analyser with the project's user words, loaded but not yet used (about 0.7 s).

    It starts no thread until its first analysis, so a process may load it and then fork; a process that has
    analysed must not fork (the child hangs). Use :func:`kiwi` to analyse.

    Parameters
    ----------
    num_workers : int, optional
        Kiwi's worker threads, 1 to :data:`MAX_KIWI_WORKERS`; by default :func:`kiwi_workers`. The tokens do not
        depend on it. One analyser is kept (a new count replaces it: each holds about 0.5 GB).
    """
    return _loaded(_checked_workers(num_workers))


@lru_cache(maxsize=1)
def _loaded(num_workers: int) -> Any:
    from kiwipiepy import Kiwi

    with _kiwi_lock:
        analyser = Kiwi(num_workers=num_workers)
        for word in USER_WORDS:
            analyser.add_user_word(word, "NNG", 0.0)
    logger.info("Kiwi loaded with %d user words, %d threads", len(USER_WORDS), num_workers)
    return analyser


def kiwi(num_workers: int | None = None) -> Any:  # kiwipiepy.Kiwi
    """The shared Kiwi analyser, initialised (Kiwi builds its model on the first analysis: about 1 s, whatever the
    text, so it is done once here on an empty text, as kiwipiepy's documentation advises).

    Parameters
    ----------
    num_workers : int, optional
        As in :func:`kiwi_model`.
    """
    return _warmed(_checked_workers(num_workers))


@lru_cache(maxsize=1)
def _warmed(num_workers: int) -> Any:
    analyser = _loaded(num_workers)
    with _kiwi_lock:
        analyser.tokenize("")
    return analyser


def tokenize_korean(
    texts: Iterable[str],
    stop_words: frozenset[str],
    min_length: int = 1,
    verbs: bool = False,
    keep_numbers: bool = False,
    fragments: bool = False,
    num_workers: int | None = None,
) -> Iterator[list[str]]:
    """Tokens of each text by Kiwi morphological analysis.

    Kiwi's time grows faster than a text's length (one 1 MB text took 27 s, the same text in lines 2 s): give it
    texts of a few thousand characters at most (``models.corpus.preprocess`` cuts longer documents at line and sentence
    ends).

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
    num_workers : int, optional
        Kiwi's worker threads (see :func:`kiwi_model`); the tokens do not depend on it.

    Yields
    ------
    list of str
        Tokens per text, in text order.
    """
    analyser = kiwi(num_workers)
    for tokens in analyser.tokenize(texts if isinstance(texts, list) else iter(texts)):
        words = korean_words(tokens, verbs, keep_numbers, fragments)
        if min_length > 1:
            yield [w for w in words if len(w) >= min_length and w not in stop_words]
        else:
            yield [w for w in words if w not in stop_words]


# What korean_words does with a morpheme, by its tag (Sejong tags as Kiwi writes them, e.g. NNG, VV-R, ETM).
_ROLE_NOUN, _ROLE_PREFIX, _ROLE_NUMBER, _ROLE_GLUE, _ROLE_LATIN, _ROLE_VERB, _ROLE_OTHER = range(7)
# A one-syllable noun glued right after one of these is a piece of something else (a counter, a broken word).
_GLUE_TAGS = ("SN", "NR", "E", "J", "XS", "VC")
_ROLES: dict[str, int] = {}


def _role(tag: str) -> int:
    if tag in ("NNG", "NNP"):
        return _ROLE_NOUN
    if tag == "XPN":
        return _ROLE_PREFIX
    if tag == "SN":  # a number: glue, and kept on request
        return _ROLE_NUMBER
    if tag.startswith(_GLUE_TAGS):
        return _ROLE_GLUE
    if tag == "SL":
        return _ROLE_LATIN
    if tag.startswith(("VV", "VA")):
        return _ROLE_VERB
    return _ROLE_OTHER


def _emit_run(run: list[str], glued: bool, fragments: bool, words: list[str]) -> None:
    """Append the nouns written together in ``run`` to ``words``: joined, dropped or as they are."""
    if len(run) == 1:
        if fragments or not glued or len(run[0]) > 1:
            words.append(run[0])
    elif not fragments and any(len(piece) == 1 for piece in run):
        words.append("".join(run))
    else:
        words.extend(run)


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
    # Each token's attributes are read at most once (they are computed by kiwipiepy on every access), and a tag's
    # role is looked up in a table: this loop runs in the thread that collects Kiwi's results.
    words: list[str] = []
    run: list[str] = []  # nouns written together (or a prefix waiting for its noun: 맨 + 발), not yet emitted
    run_end = -1  # where the run's last morpheme ends
    glued = False  # the run starts right after a numeral, ending, particle, suffix or copula
    glue_end = -1  # where the last such morpheme ends
    prefix_only = False  # the run is only a prefix (XPN) so far
    roles = _ROLES
    for token in tokens:
        tag = token.tag
        role = roles.get(tag)
        if role is None:
            role = roles[tag] = _role(tag)
        if role == _ROLE_NOUN:
            start = token.start
            if run and start == run_end:
                run.append(token.form)
            else:
                if run and not prefix_only:
                    _emit_run(run, glued, fragments, words)
                run = [token.form]
                glued = start == glue_end
            prefix_only = False
            run_end = start + token.len
            continue
        if run:
            if not prefix_only:  # a prefix with no noun after it is dropped
                _emit_run(run, glued, fragments, words)
            run = []
            prefix_only = False
        if role == _ROLE_OTHER:
            continue
        if role in (_ROLE_GLUE, _ROLE_NUMBER):
            start = token.start
            glue_end = start + token.len
            if role == _ROLE_NUMBER and keep_numbers:
                words.append(token.form)
        elif role == _ROLE_PREFIX:
            if not fragments:
                start = token.start
                run = [token.form]
                prefix_only = True
                glued = start == glue_end
                run_end = start + token.len
        elif role == _ROLE_LATIN:
            word = token.form.lower()
            if len(word) >= 2:
                words.append(word)
        elif verbs:  # _ROLE_VERB
            words.append(token.form + "다")
    if run and not prefix_only:
        _emit_run(run, glued, fragments, words)
    return words
