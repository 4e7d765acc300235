"""Tokenization (English regex, Korean Kiwi), vocabulary filters and the document-term matrix, with known answers."""

from __future__ import annotations

import numpy as np
import pytest

from models import Corpus, IngestOptions, InputError, PreprocessOptions, build_corpus, load_sample, read_files
from models.corpus.preprocess import tokenize_documents
from models.corpus.tokenize import detect_language, hangul_share
from models.errors import render

ENGLISH = [
    "The Quick brown fox jumps over the lazy dog in 2024!",
    "Nobody panics: the fox's den is near New York's Central Park.",
    "New York is big; New York-style pizza costs 3.50 dollars.",
]


def _tokens(texts: list[str], **options: object) -> tuple[str, list[list[str]]]:
    return tokenize_documents(texts, PreprocessOptions(**options))


def _corpus(lines: list[str], **options: object) -> Corpus:
    data = ("\n".join(lines) + "\n").encode()
    return build_corpus(read_files([("docs.txt", data)], IngestOptions(doc_mode="line")), PreprocessOptions(**options))


# --- English -------------------------------------------------------------------------------------------------------


def test_english_lower_case_without_punctuation_numbers_or_stop_words() -> None:
    language, tokens = _tokens(ENGLISH, language="en")
    assert language == "en"
    assert tokens == [
        ["quick", "brown", "fox", "jumps", "lazy", "dog"],
        ["panics", "fox", "den", "near", "new", "york", "central", "park"],
        ["new", "york", "big", "new", "york", "style", "pizza", "costs", "dollars"],
    ]


def test_english_user_stop_words_are_trimmed_and_case_insensitive() -> None:
    _, tokens = _tokens(ENGLISH, language="en", stop_words=("FOX", "  dog ", "new", ""))
    assert tokens[0] == ["quick", "brown", "jumps", "lazy"]
    assert tokens[2] == ["york", "big", "york", "style", "pizza", "costs", "dollars"]


def test_english_min_token_length() -> None:
    _, tokens = _tokens(ENGLISH, language="en", min_token_length=5)
    assert tokens == [
        ["quick", "brown", "jumps"],
        ["panics", "central"],
        ["style", "pizza", "costs", "dollars"],
    ]


def test_english_keep_numbers() -> None:
    _, tokens = _tokens(ENGLISH, language="en", keep_numbers=True)
    assert tokens[0][-1] == "2024"
    assert tokens[2] == ["new", "york", "big", "new", "york", "style", "pizza", "costs", "50", "dollars"]


def test_english_bigrams_are_adjacent_kept_tokens() -> None:
    _, tokens = _tokens(ENGLISH[:1], language="en", bigrams=True)
    assert tokens == [
        [
            "quick",
            "brown",
            "fox",
            "jumps",
            "lazy",
            "dog",
            "quick brown",
            "brown fox",
            "fox jumps",
            "jumps lazy",
            "lazy dog",
        ]
    ]


def test_bigrams_count_in_the_matrix_and_pass_min_df() -> None:
    corpus = _corpus(ENGLISH, language="en", bigrams=True, min_df=2)
    assert corpus.vocab == ("fox", "new", "york", "new york")
    assert corpus.dtm.toarray().tolist() == [[1, 0, 0, 0], [1, 1, 1, 1], [0, 2, 2, 2]]


# --- Korean --------------------------------------------------------------------------------------------------------

KOREAN = [
    "아이가 커서 유모차를 팝니다. 상태 좋아요",
    "문고리 나눔 드림합니다. 비대면 거래 원해요",
    "오늘 우리 동네에서 책상을 거래했어요",
    "삼성 Galaxy 노트북 판매합니다. USB 포함",
]


def test_korean_nouns() -> None:
    language, tokens = _tokens(KOREAN[:1], language="ko")
    assert language == "ko"
    assert tokens == [["아이", "유모차", "상태"]]


def test_korean_verbs_option_adds_dictionary_forms() -> None:
    _, tokens = _tokens(KOREAN[:1], language="ko", korean_verbs=True)
    assert tokens == [["아이", "크다", "유모차", "팔다", "상태", "좋다"]]


def test_korean_lecture_words_stay_whole() -> None:
    _, (tokens,) = _tokens(KOREAN[1:2], language="ko")
    assert tokens[:5] == ["문고리", "나눔", "드림", "비대면", "거래"]
    assert "비" not in tokens and "대면" not in tokens and "나누" not in tokens


def test_korean_stop_words_and_latin_words() -> None:
    _, tokens = _tokens(KOREAN[2:], language="ko")
    assert tokens == [["동네", "책상", "거래"], ["삼성", "galaxy", "노트북", "판매", "usb", "포함"]]
    _, tokens = _tokens(KOREAN[3:], language="ko", stop_words=("GALAXY", "포함"))
    assert tokens == [["삼성", "노트북", "판매", "usb"]]


def test_korean_min_token_length() -> None:
    # One-syllable nouns are words in Korean (책, 옷); counters such as 권, 벌 are bound nouns (NNB), not kept.
    _, tokens = _tokens(["책 세 권과 옷 한 벌, 유모차"], language="ko")
    assert tokens == [["책", "옷", "유모차"]]
    _, tokens = _tokens(["책 세 권과 옷 한 벌, 유모차"], language="ko", min_token_length=2)
    assert tokens == [["유모차"]]


# --- language detection --------------------------------------------------------------------------------------------


def test_auto_language_detection() -> None:
    assert detect_language(ENGLISH) == "en"
    assert detect_language(KOREAN) == "ko"
    assert _tokens(KOREAN[:1])[0] == "ko"
    assert _tokens(ENGLISH)[0] == "en"
    assert _corpus(KOREAN).language == "ko"
    # Hangul is 4 of 4 + 6 letters here: 40% >= 30%, so Korean.
    assert hangul_share(["유모차 팝 abcdef"]) == pytest.approx(0.4)
    assert detect_language(["유모차 팝 abcdef"]) == "ko"
    assert detect_language(["유모 abcdefghi"]) == "en"
    assert detect_language(["1234 !!"]) == "en"


# --- vocabulary filters --------------------------------------------------------------------------------------------

FRUIT = ["apple banana cherry", "apple banana", "apple date", "apple elderberry banana"]


@pytest.mark.parametrize(
    ("options", "vocab"),
    [
        ({}, ("apple", "banana", "cherry", "date", "elderberry")),
        ({"min_df": 2}, ("apple", "banana")),
        ({"max_df": 0.75}, ("banana", "cherry", "date", "elderberry")),
        ({"max_df": 3}, ("banana", "cherry", "date", "elderberry")),
        ({"min_df": 2, "max_df": 0.9}, ("banana",)),
        ({"max_features": 2}, ("apple", "banana")),
        ({"max_features": 3}, ("apple", "banana", "cherry")),
    ],
)
def test_document_frequency_and_max_features_filters(options: dict[str, object], vocab: tuple[str, ...]) -> None:
    corpus = _corpus(FRUIT, language="en", **options)
    assert corpus.vocab == vocab


def test_documents_left_without_terms_are_dropped_with_a_reason() -> None:
    corpus = _corpus(FRUIT, language="en", max_df=0.5)
    assert corpus.vocab == ("cherry", "date", "elderberry")
    assert [d.name for d in corpus.documents] == ["docs.txt #1", "docs.txt #3", "docs.txt #4"]
    assert corpus.dtm.toarray().tolist() == [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    (dropped,) = corpus.dropped
    assert (dropped.source, dropped.name, dropped.reason, dropped.preview) == (
        "docs.txt",
        "docs.txt #2",
        "dropped_no_terms",
        "apple banana",
    )
    assert render(dropped.reason, {}, "en").startswith("no terms left after preprocessing")
    assert render(dropped.reason, {}, "ko").startswith("전처리 후 남은 단어 없음")
    summary = corpus.summary()
    assert summary["dropped"] == [
        {
            "source": "docs.txt",
            "name": "docs.txt #2",
            "reason": "dropped_no_terms",
            "message": render("dropped_no_terms", {}, "en"),
            "preview": "apple banana",
        }
    ]


def test_stop_word_only_document_is_dropped_and_counts_stay_consistent() -> None:
    corpus = _corpus(["the pizza was good", "it is what it is", "pizza pizza ramen"], language="en")
    assert corpus.vocab == ("pizza", "good", "ramen")
    assert [d.reason for d in corpus.dropped] == ["dropped_no_terms"]
    assert corpus.doc_tokens == (("pizza", "good"), ("pizza", "pizza", "ramen"))
    assert corpus.dtm.dtype == np.int64
    assert corpus.doc_lengths.tolist() == [2, 3]
    assert corpus.term_frequency.tolist() == [3, 1, 1]
    assert (corpus.n_documents, corpus.n_tokens, corpus.vocab_size) == (2, 5, 3)
    assert corpus.top_terms(2) == [("pizza", 3, 2), ("good", 1, 1)]


@pytest.mark.parametrize(
    ("options", "option"),
    [
        ({"language": "fr"}, "language"),
        ({"min_df": 0}, "min_df"),
        ({"max_df": 0.0}, "max_df"),
        ({"max_features": 0}, "max_features"),
        ({"min_token_length": 0}, "min_token_length"),
    ],
)
def test_bad_options(options: dict[str, object], option: str) -> None:
    with pytest.raises(InputError) as caught:
        _corpus(FRUIT, **options)
    assert (caught.value.code, caught.value.params["option"]) == ("bad_option", option)
    assert option in caught.value.text("ko")


# --- samples -------------------------------------------------------------------------------------------------------


def test_lecture_lsa_sample_is_the_lectures_matrix() -> None:
    corpus = load_sample("lecture-lsa")
    assert corpus.language == "en"
    assert corpus.vocab == ("pizza", "hamburger", "cookie", "ramen", "sushi")
    expected_a = np.array(
        [
            [1, 1, 0, 0, 0, 0],
            [0, 1, 1, 0, 0, 0],
            [0, 1, 0, 0, 0, 0],
            [0, 0, 0, 1, 0, 1],
            [0, 0, 0, 0, 1, 1],
        ]
    )
    np.testing.assert_array_equal(corpus.dtm.T.toarray(), expected_a)
    assert corpus.dropped == ()


def test_lecture_gibbs_sample_tokens() -> None:
    corpus = load_sample("lecture-gibbs")
    assert corpus.language == "ko"
    assert corpus.doc_tokens == (("문고리", "거래"), ("가방", "나눔", "문고리", "드림"), ("비대면", "거래", "택배"))
    assert corpus.vocab == ("문고리", "거래", "가방", "나눔", "드림", "비대면", "택배")
    assert corpus.doc_lengths.tolist() == [2, 4, 3]


def test_ko_market_sample_loads() -> None:
    corpus = load_sample("ko-market")
    assert corpus.language == "ko"
    assert corpus.n_documents >= 150
    (report,) = corpus.files
    assert (report.name, report.kind, report.text_column) == ("ko-market-listings.csv", "csv", "text")
    assert hangul_share(corpus.vocab) > 0.9
    assert {"거래", "택배"} <= set(corpus.vocab)
    assert corpus.documents[0].meta_dict.keys() >= {"category", "title"}


def test_lee_news_sample_loads_from_gensim() -> None:
    corpus = load_sample("lee-news")
    assert corpus.language == "en"
    assert corpus.n_documents == 300
    assert corpus.files[0].n_documents == 300
    assert corpus.options.min_df == 2
    df = np.diff(corpus.dtm.tocsc().indptr)
    assert df.min() >= 2 and df.max() <= 150
    assert corpus.vocab[:2] == ("hundreds", "people")


def test_unknown_sample() -> None:
    with pytest.raises(InputError) as caught:
        load_sample("nope")
    assert caught.value.code == "unknown_sample"
    assert "lecture-lsa" in caught.value.text("ko")


# --- Kiwi's one-syllable pieces (issue 10) ------------------------------------------------------------------------

_LISTINGS = (
    "대형 빈백 소파예요. 빈백 충전재 보충해서 빵빵해요.",
    "6인용 전기밥솥입니다. 화이트 2칸 옷장이에요.",
    "오버핏 후드티 XL 사이즈입니다. 후드티 기모 안감이라 따뜻해요.",
    "노트북 쿨링 거치대입니다. 젖병 소독기입니다. 빛샘 거의 없어요.",
    "에세이 책 세 권 묶음입니다. 책에 낙서 없고 방 정리하면서 팔아요. 맨발로 신어도 편해요.",
)


def test_korean_one_syllable_pieces_are_joined_or_dropped_by_default() -> None:
    language, tokens = _tokens(_LISTINGS)
    assert language == "ko"
    words = [w for doc in tokens for w in doc]
    # Compounds Kiwi split are whole again; counters after numbers and syllables glued to endings are gone.
    assert {"빈백", "후드티", "쿨링", "빛샘", "맨발"} <= set(words)
    assert not {"빈", "백", "인", "칸", "티", "쿨", "링", "샘", "모"} & set(words), words
    # Real one-syllable words standing on their own stay.
    assert words.count("책") == 2 and "방" in words
    assert tokens[1] == ["전기밥솥", "화이트", "옷장"]


def test_korean_pieces_are_kept_on_request() -> None:
    _, tokens = _tokens(_LISTINGS, korean_fragments=True)
    words = {w for doc in tokens for w in doc}
    assert {"빈", "백", "인", "칸", "후드", "티", "쿨", "링"} <= words
