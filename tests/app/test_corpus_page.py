"""The Corpus page through Streamlit's AppTest: samples, uploads, options, errors and the UI language."""

from __future__ import annotations

import io
import zipfile

import pytest
from streamlit.testing.v1 import AppTest

from app import state
from tests.app.conftest import metrics


@pytest.fixture
def app(fresh_app: AppTest) -> AppTest:
    """A fresh session on the Corpus page (English UI)."""
    fresh_app.run()
    fresh_app.switch_page("views/corpus.py").run()
    assert not fresh_app.exception, fresh_app.exception
    return fresh_app


def _upload(at: AppTest, files: list[tuple[str, bytes, str]]) -> AppTest:
    at.sidebar.radio(key=state.SOURCE).set_value("upload").run()
    # AppTest has no file-uploader element: put the bytes where the uploader's callback copies them.
    at.session_state[state.UPLOADED] = tuple((name, data) for name, data, _ in files)
    at.session_state[state.UPLOAD_DIGEST] = "|".join(f"{name}:{len(data)}:{hash(data)}" for name, data, _ in files)
    return at.run()


def test_default_sample_is_the_lee_corpus(app: AppTest) -> None:
    shown = metrics(app)
    assert shown["Documents"] == "300"
    assert shown["Tokens"] == "26,865"
    assert shown["Vocabulary"] == "3,308"
    assert shown["Language"] == "English"
    assert shown["Encoding"].replace("\\", "") == "utf-8"  # Markdown source: plain() escapes the hyphen
    assert not app.error


def test_lecture_lsa_sample(app: AppTest) -> None:
    app.sidebar.selectbox(key=state.SAMPLE).set_value("lecture-lsa").run()
    assert metrics(app)["Documents"] == "6"
    assert metrics(app)["Vocabulary"] == "5"
    terms = next(df.value for df in app.dataframe if "term" in df.value.columns)
    assert list(terms["term"][:2]) == ["pizza", "hamburger"]
    assert list(terms["count"][:2]) == [2, 2]


def test_korean_ui_and_korean_sample(app: AppTest) -> None:
    app.sidebar.radio(key=state.LANG).set_value("ko").run()
    app.sidebar.selectbox(key=state.SAMPLE).set_value("lecture-gibbs").run()
    shown = metrics(app)
    assert app.title[0].value == "말뭉치"
    assert shown["문서"] == "3"
    assert shown["어휘"] == "7"
    assert shown["언어"] == "한국어"
    docs = next(df.value for df in app.dataframe if "단어" in df.value.columns and "본문" in df.value.columns)
    assert list(docs["단어"]) == ["문고리 거래", "가방 나눔 문고리 드림", "비대면 거래 택배"]


def test_upload_cp949_korean_text(app: AppTest) -> None:
    text = "아이가 커서 유모차를 팝니다.\n원목 책상과 의자를 직거래로 판매합니다.\n"
    _upload(app, [("listings.txt", text.encode("cp949"), "text/plain")])
    shown = metrics(app)
    assert shown["Documents"] == "2"
    assert shown["Encoding"] == "cp949"
    assert shown["Language"] == "Korean"
    assert not app.error


def test_upload_csv_offers_its_columns_as_text_column(app: AppTest) -> None:
    csv = "title,price,body\n책상,10000,원목 책상 팝니다 직거래\n의자,5000,의자 두 개 택배 거래\n"
    _upload(app, [("items.csv", csv.encode("utf-8"), "text/csv")])
    assert metrics(app)["Documents"] == "2"
    column_box = app.sidebar.selectbox(key=state.OPT_TEXT_COLUMN)
    assert set(column_box.options) >= {"title", "price", "body"}
    column_box.set_value("title").run()
    docs = next(df.value for df in app.dataframe if "terms" in df.value.columns)
    assert list(docs["terms"]) == ["책상", "의자"]
    assert "body" in docs.columns  # the other columns are kept as metadata


def test_bad_uploads_show_a_message_not_a_traceback(app: AppTest) -> None:
    _upload(app, [("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "text/plain")])
    assert not app.exception
    assert "binary" in app.error[0].value
    _upload(app, [("empty.txt", b"", "text/plain")])
    assert "empty" in app.error[0].value
    app.sidebar.radio(key=state.LANG).set_value("ko").run()
    assert "빈 파일" in app.error[0].value


def test_all_stop_words_corpus(app: AppTest) -> None:
    _upload(app, [("stop.txt", b"the and of\nit is a\n", "text/plain")])
    assert not app.exception
    assert "No terms are left" in app.error[0].value


def test_zip_with_cp949_names(app: AppTest) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # A Korean Windows zip: the member name is stored as CP949 bytes without the UTF-8 flag.
        archive.writestr(zipfile.ZipInfo("xxxx1.txt"), "가방 나눔 문고리 드림\n비대면 거래 택배\n".encode("cp949"))
    name = "문서1.txt".encode("cp949")
    assert len(name) == len(b"xxxx1.txt")
    raw = buffer.getvalue().replace(b"xxxx1.txt", name)
    _upload(app, [("자료.zip", raw, "application/zip")])
    assert metrics(app)["Documents"] == "2"
    files = next(df.value for df in app.dataframe if "file" in df.value.columns and "encoding" in df.value.columns)
    assert files["file"][0].startswith("자료.zip/문서1")
    assert files["encoding"][0] == "cp949"


def test_dropped_documents_are_listed(app: AppTest) -> None:
    _upload(app, [("mixed.txt", b"pizza and pasta tonight\nthe and of\n", "text/plain")])
    assert metrics(app)["Documents"] == "1"
    dropped = next(df.value for df in app.dataframe if "reason" in df.value.columns)
    assert dropped["name"][0] == "mixed.txt #2"
    assert "no terms left" in dropped["reason"][0]


def test_document_search(app: AppTest) -> None:
    app.text_input(key=state.DOC_SEARCH).set_value("palestinian").run()
    caption = " ".join(c.value for c in app.caption)
    assert "of 300 documents match" in caption
    docs = next(df.value for df in app.dataframe if "terms" in df.value.columns)
    assert 0 < len(docs) < 300
    assert all("palestinian" in text.lower() for text in docs["text"])
