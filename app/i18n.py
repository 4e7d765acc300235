"""UI text in English and Korean, and the current UI language of this session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from app import state
from models.errors import InputError, Notice

LANGUAGES = {"en": "English", "ko": "한국어"}

TEXT: dict[str, dict[str, str]] = {
    "app_title": {"en": "TopicLens", "ko": "TopicLens"},
    "tagline": {
        "en": "Upload documents, fit LSA or LDA, and see the model.",
        "ko": "문서를 올리고 LSA나 LDA를 학습해 모델을 눈으로 확인하세요.",
    },
    "ui_language": {"en": "Language / 언어", "ko": "언어 / Language"},
    "page_corpus": {"en": "Corpus", "ko": "말뭉치"},
    # sidebar: corpus source
    "corpus_header": {"en": "Corpus", "ko": "말뭉치"},
    "source": {"en": "Source", "ko": "데이터"},
    "source_sample": {"en": "Built-in sample", "ko": "내장 샘플"},
    "source_upload": {"en": "Upload files", "ko": "파일 올리기"},
    "sample": {"en": "Sample", "ko": "샘플"},
    "upload": {"en": "Documents", "ko": "문서"},
    "upload_help": {
        "en": "Several files at once: .txt .md .csv .tsv .xlsx .pdf .docx .hwpx, or a .zip of them. "
        "Korean files in CP949/EUC-KR are detected automatically.",
        "ko": "여러 파일을 한 번에 올릴 수 있습니다: .txt .md .csv .tsv .xlsx .pdf .docx .hwpx 또는 이들을 묶은 .zip. "
        "CP949/EUC-KR 한국어 파일도 자동으로 인식합니다.",
    },
    "upload_prompt": {
        "en": "Upload one or more files in the sidebar to build a corpus.",
        "ko": "사이드바에서 파일을 하나 이상 올리면 말뭉치를 만듭니다.",
    },
    "options": {"en": "Reading and preprocessing", "ko": "읽기와 전처리"},
    "doc_mode": {"en": "Text files: one document per", "ko": "텍스트 파일: 문서 단위"},
    "doc_mode_line": {"en": "line", "ko": "줄"},
    "doc_mode_paragraph": {"en": "paragraph", "ko": "문단"},
    "doc_mode_file": {"en": "file", "ko": "파일"},
    "text_column": {"en": "Tables: text column", "ko": "표: 텍스트 열"},
    "text_column_auto": {"en": "(longest text column)", "ko": "(가장 긴 텍스트 열)"},
    "encoding": {"en": "Encoding", "ko": "인코딩"},
    "encoding_auto": {"en": "detect automatically", "ko": "자동 감지"},
    "language": {"en": "Text language", "ko": "텍스트 언어"},
    "language_auto": {"en": "detect (share of Hangul)", "ko": "자동 (한글 비율)"},
    "language_en": {"en": "English", "ko": "영어"},
    "language_ko": {"en": "Korean", "ko": "한국어"},
    "stop_words": {"en": "Extra stop words (comma or space separated)", "ko": "추가 불용어 (쉼표나 공백으로 구분)"},
    "min_len": {"en": "Minimum token length (0 = language default)", "ko": "최소 토큰 길이 (0 = 언어 기본값)"},
    "bigrams": {"en": "Add word pairs (bigrams)", "ko": "두 단어 묶음(bigram) 추가"},
    "verbs": {"en": "Korean: keep verb/adjective stems", "ko": "한국어: 동사·형용사 어간도 포함"},
    "min_df": {"en": "min_df: keep terms in at least N documents", "ko": "min_df: 최소 N개 문서에 나온 단어만"},
    "max_df": {
        "en": "max_df: drop terms in more than this share of documents",
        "ko": "max_df: 이 비율보다 많은 문서에 나온 단어 제외",
    },
    "max_features": {"en": "Vocabulary cap (0 = none)", "ko": "어휘 수 상한 (0 = 없음)"},
    "reading": {"en": "Reading and tokenizing…", "ko": "읽고 토큰화하는 중…"},
    # corpus page
    "documents": {"en": "Documents", "ko": "문서"},
    "tokens": {"en": "Tokens", "ko": "토큰"},
    "vocabulary": {"en": "Vocabulary", "ko": "어휘"},
    "detected_language": {"en": "Language", "ko": "언어"},
    "detected_encoding": {"en": "Encoding", "ko": "인코딩"},
    "files": {"en": "Files", "ko": "파일"},
    "col_file": {"en": "file", "ko": "파일"},
    "col_kind": {"en": "type", "ko": "형식"},
    "col_encoding": {"en": "encoding", "ko": "인코딩"},
    "col_documents": {"en": "documents", "ko": "문서 수"},
    "col_text_column": {"en": "text column", "ko": "텍스트 열"},
    "col_status": {"en": "status", "ko": "상태"},
    "status_ok": {"en": "read", "ko": "읽음"},
    "doc_table": {"en": "Documents", "ko": "문서 목록"},
    "search": {"en": "Search documents", "ko": "문서 검색"},
    "search_placeholder": {"en": "a word in the text or name", "ko": "본문이나 이름에 든 단어"},
    "matches": {"en": "{n} of {total} documents match.", "ko": "문서 {total}개 중 {n}개가 일치합니다."},
    "col_name": {"en": "name", "ko": "이름"},
    "col_tokens": {"en": "tokens", "ko": "토큰 수"},
    "col_text": {"en": "text", "ko": "본문"},
    "col_terms": {"en": "terms", "ko": "단어"},
    "top_terms": {"en": "Most frequent terms", "ko": "가장 많이 나온 단어"},
    "col_term": {"en": "term", "ko": "단어"},
    "col_count": {"en": "count", "ko": "빈도"},
    "col_df": {"en": "documents", "ko": "문서 빈도"},
    "dropped": {"en": "Dropped documents", "ko": "제외된 문서"},
    "dropped_none": {"en": "No document was dropped.", "ko": "제외된 문서가 없습니다."},
    "dropped_count": {"en": "{n} documents were left out:", "ko": "문서 {n}개를 제외했습니다:"},
    "col_reason": {"en": "reason", "ko": "이유"},
    "col_preview": {"en": "text", "ko": "내용"},
    "download_csv": {"en": "Download CSV", "ko": "CSV 내려받기"},
    "unexpected": {
        "en": "Something went wrong while processing this input. Try other options or another file.",
        "ko": "입력을 처리하는 중 문제가 생겼습니다. 다른 옵션이나 다른 파일로 다시 시도해 주세요.",
    },
    "shown_first": {"en": "Showing the first {n} rows.", "ko": "처음 {n}개 행만 보여 줍니다."},
}


def lang() -> str:
    """The session's UI language: chosen by the user, else the browser's locale (Korean → "ko"), else "en"."""
    if state.LANG not in st.session_state:
        locale = ""
        try:
            locale = st.context.locale or ""
        except Exception:
            locale = ""
        st.session_state[state.LANG] = "ko" if locale.lower().startswith("ko") else "en"
    return st.session_state[state.LANG]


def t(key: str, **params: Any) -> str:
    """The UI text ``key`` in the session's language, with ``params`` filled in."""
    entry = TEXT.get(key)
    if entry is None:
        return key
    text = entry.get(lang()) or entry["en"]
    return text.format(**params) if params else text


def formatter(prefix: str = "") -> Callable[[Any], str]:
    """A ``format_func`` for option widgets: ``prefix + option`` looked up in the language of this run.

    The language is bound now, not looked up when Streamlit calls the function later (e.g. in AppTest).
    """
    code = lang()

    def fmt(option: Any) -> str:
        entry = TEXT.get(f"{prefix}{option}")
        return (entry.get(code) or entry["en"]) if entry else str(option)

    return fmt


def message(item: InputError | Notice) -> str:
    """A models error or notice in the session's language."""
    return item.text(lang())


def language_selector() -> None:
    """The UI-language switch (sidebar); switching reruns the page in the other language."""
    lang()
    st.sidebar.radio(
        t("ui_language"), options=list(LANGUAGES), format_func=LANGUAGES.__getitem__, key=state.LANG, horizontal=True
    )
