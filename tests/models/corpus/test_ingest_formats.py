"""Every input format read through ``models.read_files``: documents, names, metadata and per-file reports."""

from __future__ import annotations

import io
import zipfile

import pytest

from models import IngestOptions, InputError, read_files
from tests.models.fixtures import corrupt, make_docx, make_hwpx, make_pdf, make_xlsx, make_zip, replace_member

MENU = (
    "Pizza and pasta for dinner.\n"
    "Sushi rolls with rice.\n"
    "\n"
    "Ramen noodles in broth.\n"
    "  \t\n"
    "Last paragraph, line one.\n"
    "line two\n"
)


def _read(files: list[tuple[str, bytes]], **options: object):
    return read_files(files, IngestOptions(**options))


# --- plain text and Markdown ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("ext", ["txt", "md"])
def test_text_line_mode(ext: str) -> None:
    ingested = _read([(f"menu.{ext}", MENU.encode())], doc_mode="line")
    assert [d.text for d in ingested.documents] == [
        "Pizza and pasta for dinner.",
        "Sushi rolls with rice.",
        "Ramen noodles in broth.",
        "Last paragraph, line one.",
        "line two",
    ]
    assert [d.name for d in ingested.documents] == [f"menu.{ext} #{i}" for i in range(1, 6)]
    assert {d.source for d in ingested.documents} == {f"menu.{ext}"}
    (report,) = ingested.files
    assert (report.name, report.kind, report.encoding, report.n_documents) == (f"menu.{ext}", ext, "utf-8", 5)
    assert report.error is None and report.notices == ()


@pytest.mark.parametrize("ext", ["txt", "md"])
def test_text_paragraph_mode_joins_lines_and_treats_blank_lines_as_breaks(ext: str) -> None:
    ingested = _read([(f"menu.{ext}", MENU.encode())], doc_mode="paragraph")
    assert [d.text for d in ingested.documents] == [
        "Pizza and pasta for dinner. Sushi rolls with rice.",
        "Ramen noodles in broth.",
        "Last paragraph, line one. line two",
    ]
    assert [d.name for d in ingested.documents] == [f"menu.{ext} #1", f"menu.{ext} #2", f"menu.{ext} #3"]


@pytest.mark.parametrize("ext", ["txt", "md"])
def test_text_file_mode(ext: str) -> None:
    ingested = _read([(f"menu.{ext}", MENU.encode())], doc_mode="file")
    (doc,) = ingested.documents
    assert doc.text == MENU.strip()
    assert doc.name == f"menu.{ext}"


def test_korean_and_english_document_names() -> None:
    ingested = _read([("중고 목록.txt", "유모차 팝니다\n책 팝니다\n".encode()), ("notes.txt", b"hello there\n")])
    assert [d.name for d in ingested.documents] == ["중고 목록.txt #1", "중고 목록.txt #2", "notes.txt #1"]
    assert [d.source for d in ingested.documents] == ["중고 목록.txt", "중고 목록.txt", "notes.txt"]
    assert [f.name for f in ingested.files] == ["중고 목록.txt", "notes.txt"]


def test_extension_is_case_insensitive_and_no_extension_is_text() -> None:
    ingested = _read([("README", b"first line\nsecond line\n"), ("SHOUT.TXT", b"loud words\n")])
    assert [(f.name, f.kind, f.n_documents) for f in ingested.files] == [("README", "txt", 2), ("SHOUT.TXT", "txt", 1)]


def test_cp949_text_file_is_decoded() -> None:
    ingested = _read([("목록.txt", "유모차 팝니다\n상태 좋아요\n".encode("cp949"))])
    assert [d.text for d in ingested.documents] == ["유모차 팝니다", "상태 좋아요"]
    assert ingested.files[0].encoding == "cp949"


def test_encoding_override_applies_to_text_files() -> None:
    data = "유모차 팝니다".encode("cp949")
    assert _read([("a.txt", data)], encoding="cp949").documents[0].text == "유모차 팝니다"
    with pytest.raises(InputError) as caught:
        _read([("a.txt", data)], encoding="utf-8")
    assert caught.value.code == "encoding_failed"


def test_bad_doc_mode_and_no_files() -> None:
    with pytest.raises(InputError) as caught:
        _read([("a.txt", b"x y")], doc_mode="sentence")
    assert (caught.value.code, caught.value.params["option"]) == ("bad_option", "doc_mode")
    with pytest.raises(InputError) as caught:
        read_files([])
    assert caught.value.code == "no_files"


# --- tables --------------------------------------------------------------------------------------------------------

LISTINGS_CSV = (
    "id,title,category,text,price\n"
    "1,Stroller,baby,Our child outgrew this stroller; it folds flat and the wheels are fine,30000\n"
    '2,Books,books,"Three essay books, clean pages, no notes",10000\n'
    "3,Empty,misc,,5000\n"
    "4,Lamp,home,Desk lamp with a warm bulb,15000\n"
)


def test_csv_default_text_column_is_the_longest_text_column() -> None:
    ingested = _read([("listings.csv", LISTINGS_CSV.encode())])
    assert [d.text for d in ingested.documents] == [
        "Our child outgrew this stroller; it folds flat and the wheels are fine",
        "Three essay books, clean pages, no notes",
        "Desk lamp with a warm bulb",
    ]
    (report,) = ingested.files
    assert report.kind == "csv"
    assert report.columns == ("id", "title", "category", "text", "price")
    assert report.text_column == "text"
    assert report.n_documents == 3


def test_csv_metadata_and_title_in_document_name() -> None:
    ingested = _read([("listings.csv", LISTINGS_CSV.encode())])
    first = ingested.documents[0]
    assert first.name == "listings.csv #1 · Stroller"
    assert first.meta_dict == {"id": "1", "title": "Stroller", "category": "baby", "price": "30000"}
    assert [d.name for d in ingested.documents] == [
        "listings.csv #1 · Stroller",
        "listings.csv #2 · Books",
        "listings.csv #4 · Lamp",
    ]
    (dropped,) = ingested.dropped
    assert (dropped.name, dropped.reason) == ("listings.csv #3 · Empty", "dropped_empty")


def test_csv_explicit_text_column() -> None:
    ingested = _read([("listings.csv", LISTINGS_CSV.encode())], text_column="category")
    assert [d.text for d in ingested.documents] == ["baby", "books", "misc", "home"]
    assert ingested.files[0].text_column == "category"
    assert ingested.documents[1].meta_dict["text"] == "Three essay books, clean pages, no notes"


@pytest.mark.parametrize("kind", ["csv", "tsv", "xlsx"])
def test_unknown_text_column_lists_the_columns(kind: str) -> None:
    rows = [["id", "title", "text"], ["1", "Lamp", "Desk lamp with a warm bulb"]]
    if kind == "xlsx":
        data = make_xlsx(rows)
    else:
        sep = "," if kind == "csv" else "\t"
        data = "\n".join(sep.join(r) for r in rows).encode()
    name = f"표.{kind}"
    with pytest.raises(InputError) as caught:
        _read([(name, data)], text_column="body")
    err = caught.value
    assert err.code == "no_text_column"
    assert err.params == {"name": name, "column": "body", "columns": "id, title, text"}
    assert err.text("en") == f"{name}: the table has no column named 'body'. Columns: id, title, text."
    assert name in err.text("ko") and "id, title, text" in err.text("ko")


def test_korean_excel_csv_in_cp949_with_korean_title_column() -> None:
    csv_text = (
        "번호,제목,내용,가격\n"
        "1,유모차,아이가 커서 유모차를 팝니다. 상태 좋아요,30000\n"
        "2,책,에세이 책 세 권 팝니다. 밑줄 없어요,10000\n"
    )
    ingested = _read([("중고.csv", csv_text.encode("cp949"))])
    assert [d.name for d in ingested.documents] == ["중고.csv #1 · 유모차", "중고.csv #2 · 책"]
    assert ingested.documents[0].text == "아이가 커서 유모차를 팝니다. 상태 좋아요"
    assert ingested.documents[0].meta_dict == {"번호": "1", "제목": "유모차", "가격": "30000"}
    (report,) = ingested.files
    assert (report.encoding, report.text_column) == ("cp949", "내용")


def test_excel_utf8_csv_with_bom_and_semicolons() -> None:
    data = "\ufeffid;text\n1;hello world there\n2;another document here\n".encode()
    ingested = _read([("semi.csv", data)])
    assert [d.text for d in ingested.documents] == ["hello world there", "another document here"]
    assert ingested.files[0].encoding == "utf-8-sig"
    assert ingested.files[0].columns == ("id", "text")


def test_tsv_default_and_explicit_column() -> None:
    data = b"title\tbody\nLamp\tDesk lamp with a warm bulb\nBooks\tThree essay books with clean pages\n"
    ingested = _read([("items.tsv", data)])
    assert [d.text for d in ingested.documents] == ["Desk lamp with a warm bulb", "Three essay books with clean pages"]
    assert [d.name for d in ingested.documents] == ["items.tsv #1 · Lamp", "items.tsv #2 · Books"]
    assert ingested.files[0].kind == "tsv"
    explicit = _read([("items.tsv", data)], text_column="title")
    assert [d.text for d in explicit.documents] == ["Lamp", "Books"]


def test_xlsx_default_and_explicit_column_with_numbers_ignored() -> None:
    rows = [
        ["id", "title", "text", "price"],
        [1, "유모차", "아이가 커서 유모차를 팝니다", 30000],
        [2, "책", "에세이 책 세 권 팝니다", 10000],
        [3, "빈칸", None, 1],
    ]
    ingested = _read([("목록.xlsx", make_xlsx(rows, sheets_before=1))])
    assert [d.text for d in ingested.documents] == ["아이가 커서 유모차를 팝니다", "에세이 책 세 권 팝니다"]
    assert [d.name for d in ingested.documents] == ["목록.xlsx #1 · 유모차", "목록.xlsx #2 · 책"]
    assert ingested.documents[0].meta_dict == {"id": "1", "title": "유모차", "price": "30000"}
    (report,) = ingested.files
    assert (report.kind, report.encoding, report.text_column) == ("xlsx", None, "text")
    assert report.columns == ("id", "title", "text", "price")
    assert [d.reason for d in ingested.dropped] == ["dropped_empty"]
    explicit = _read([("목록.xlsx", make_xlsx(rows))], text_column="title")
    assert [d.text for d in explicit.documents] == ["유모차", "책", "빈칸"]


def test_csv_unquoted_commas_in_the_last_column_are_kept() -> None:
    data = b"review\nGreat product, works well\nBad, broke after a day, returned it\n"
    ingested = _read([("reviews.csv", data)])
    assert [d.text for d in ingested.documents] == ["Great product, works well", "Bad, broke after a day, returned it"]
    data = "번호,내용\n1,유모차 팝니다, 상태 좋아요\n".encode()
    (doc,) = _read([("목록.csv", data)]).documents
    assert (doc.text, doc.meta_dict) == ("유모차 팝니다, 상태 좋아요", {"번호": "1"})


def test_table_without_text_rows() -> None:
    with pytest.raises(InputError) as caught:
        _read([("only-header.csv", b"id,text\n")])
    assert caught.value.code == "table_no_text"
    assert "only-header.csv" in caught.value.text("ko")


# --- PDF, Word, HWPX -----------------------------------------------------------------------------------------------

PDF_PAGES = [
    ["Topic models find themes in documents.", "Each document mixes (a few) topics."],
    [],
    ["Gibbs sampling assigns every word to a topic."],
]


def test_pdf_text_per_page_and_scanned_page_notice() -> None:
    ingested = _read([("paper.pdf", make_pdf(PDF_PAGES))])
    assert [(d.name, d.text) for d in ingested.documents] == [
        ("paper.pdf p.1", "Topic models find themes in documents.\nEach document mixes (a few) topics."),
        ("paper.pdf p.3", "Gibbs sampling assigns every word to a topic."),
    ]
    (report,) = ingested.files
    assert (report.kind, report.n_documents) == ("pdf", 2)
    (notice,) = report.notices
    assert notice.code == "pdf_pages_without_text"
    assert notice.params == {"name": "paper.pdf", "count": 1, "total": 3}
    assert notice.text("en") == "paper.pdf: 1 of 3 pages have no text layer (scanned images?); they were skipped."
    assert notice.text("ko").startswith("paper.pdf: 전체 3쪽 중 1쪽")


def test_pdf_file_mode_is_one_document() -> None:
    (doc,) = _read([("paper.pdf", make_pdf(PDF_PAGES))], doc_mode="file").documents
    assert doc.name == "paper.pdf"
    assert doc.text.split("\n") == [
        "Topic models find themes in documents.",
        "Each document mixes (a few) topics.",
        "Gibbs sampling assigns every word to a topic.",
    ]


def test_pdf_that_is_all_scans() -> None:
    with pytest.raises(InputError) as caught:
        _read([("스캔.pdf", make_pdf([[], []]))])
    assert caught.value.code == "pdf_no_text"
    assert "스캔.pdf" in caught.value.text("en") and "OCR" in caught.value.text("ko")


def test_damaged_pdf() -> None:
    with pytest.raises(InputError) as caught:
        _read([("broken.pdf", b"%PDF-1.4\nthis is not a pdf body")])
    assert (caught.value.code, caught.value.params["kind"]) == ("file_unreadable", "PDF")
    assert "broken.pdf" in caught.value.text("ko")


def test_docx_paragraphs_and_table_rows_in_order() -> None:
    data = make_docx(
        ["첫 문단입니다.", "Second paragraph\nafter a line break", "", "Last\tparagraph"],
        table=[["품목", "가격"], ["유모차", "3만원"]],
    )
    ingested = _read([("보고서.docx", data)])
    assert [d.text for d in ingested.documents] == [
        "첫 문단입니다.",
        "Second paragraph after a line break",
        "Last paragraph",
        "품목 가격",
        "유모차 3만원",
    ]
    assert [d.name for d in ingested.documents][:2] == ["보고서.docx ¶1", "보고서.docx ¶2"]
    assert (ingested.files[0].kind, ingested.files[0].n_documents) == ("docx", 5)
    (whole,) = _read([("보고서.docx", data)], doc_mode="file").documents
    assert whole.name == "보고서.docx"
    assert whole.text.split("\n") == [d.text for d in ingested.documents]


def test_docx_without_text_and_broken_docx() -> None:
    with pytest.raises(InputError) as caught:
        _read([("blank.docx", make_docx([""]))])
    assert caught.value.code == "file_empty"
    with pytest.raises(InputError) as caught:
        _read([("fake.docx", b"PK\x03\x04 not really a zip")])
    assert caught.value.code == "file_unreadable"
    assert caught.value.params["kind"] == "Word (.docx)"


def test_hwpx_sections_tables_and_line_breaks() -> None:
    data = make_hwpx(
        [["한글 문서의 첫 문단입니다.", "둘째 줄이\n줄바꿈으로 이어집니다", "A & B <기호>"], ["두 번째 구역의 문단"]],
        table=[["품목", "가격"]],
    )
    ingested = _read([("공문.hwpx", data)])
    assert [d.text for d in ingested.documents] == [
        "한글 문서의 첫 문단입니다.",
        "둘째 줄이 줄바꿈으로 이어집니다",
        "A & B <기호>",
        "품목",
        "가격",
        "두 번째 구역의 문단",
    ]
    assert ingested.documents[0].name == "공문.hwpx ¶1"
    assert ingested.files[0].kind == "hwpx"
    (whole,) = _read([("공문.hwpx", data)], doc_mode="file").documents
    assert whole.text.startswith("한글 문서의 첫 문단입니다.\n둘째 줄이")


def test_office_files_with_malformed_xml() -> None:
    docx = replace_member(make_docx(["hello"]), "word/document.xml", b"<w:document><broken")
    xlsx = replace_member(make_xlsx([["text"], ["hello"]]), "xl/worksheets/sheet1.xml", b"<worksheet><broken")
    for name, data, kind in [("a.docx", docx, "Word (.docx)"), ("a.xlsx", xlsx, "Excel")]:
        with pytest.raises(InputError) as caught:
            _read([(name, data)])
        assert (caught.value.code, caught.value.params["kind"]) == ("file_unreadable", kind)


REFUSALS = {"file_unreadable", "file_empty", "pdf_no_text", "table_no_text", "zip_bad", "zip_member_skipped"}


@pytest.mark.parametrize("ext", ["pdf", "docx", "xlsx", "hwpx", "zip"])
def test_damaged_files_are_refused_never_crash(ext: str) -> None:
    original = {
        "pdf": lambda: make_pdf([["Topic models find themes."], ["Second page text."]]),
        "docx": lambda: make_docx(["첫 문단입니다.", "Second paragraph"], [["a", "b"]]),
        "xlsx": lambda: make_xlsx([["title", "text"], ["x", "hello world"], ["y", "another row"]]),
        "hwpx": lambda: make_hwpx([["한글 문단", "둘째 문단"]]),
        "zip": lambda: make_zip([("a.txt", b"pizza pasta ramen " * 40), ("b.txt", b"hello world " * 30)]),
    }[ext]()
    outcomes = set()
    for seed in range(40):
        try:
            ingested = _read([(f"damaged.{ext}", corrupt(original, seed))])
        except InputError as err:
            assert err.code in REFUSALS, (seed, err.code)
            outcomes.add(err.code)
        else:
            assert ingested.documents
            outcomes.add("read")
    assert outcomes & REFUSALS


def test_pdf_damaged_into_a_reference_loop() -> None:
    # Found by the fuzzing above with four overwritten bytes: pypdf follows an object that refers to itself and
    # raises LimitReachedError, which is not one of its PdfReadErrors.
    data = corrupt(make_pdf([["Topic models find themes."], ["Second page text."]]), seed=222, flips=4)
    with pytest.raises(InputError) as caught:
        _read([("loop.pdf", data)])
    assert (caught.value.code, caught.value.params["kind"]) == ("file_unreadable", "PDF")


def test_hwpx_without_sections() -> None:
    data = make_zip([("mimetype", b"application/hwp+zip"), ("Contents/header.xml", b"<x/>")])
    with pytest.raises(InputError) as caught:
        _read([("빈.hwpx", data)])
    assert (caught.value.code, caught.value.params["kind"]) == ("file_unreadable", "HWPX")


# --- zip archives and several files --------------------------------------------------------------------------------


def test_zip_with_several_formats_and_cp949_names() -> None:
    archive = make_zip(
        [
            ("중고/목록.txt", "유모차 팝니다\n책 세 권 팝니다\n".encode("cp949")),
            ("중고/표.csv", "제목,내용\n램프,책상 램프 팝니다 따뜻한 전구\n".encode()),
            ("보고서.docx", make_docx(["첫 문단입니다."])),
            ("paper.pdf", make_pdf([["Topic models find themes."]])),
            ("공문.hwpx", make_hwpx([["한글 문단"]])),
            ("__MACOSX/._목록.txt", b"\x00\x05\x16\x07 resource fork"),
            (".DS_Store", b"\x00\x00\x00\x01Bud1"),
            ("중고/", b""),
        ],
        cp949_names=True,
    )
    infos = zipfile.ZipFile(io.BytesIO(archive)).infolist()  # read as the zip standard says: CP437
    assert infos[0].flag_bits & 0x800 == 0
    assert infos[0].filename.encode("cp437").decode("cp949") == "중고/목록.txt"
    ingested = _read([("자료.zip", archive)])
    assert [(f.name, f.kind, f.encoding, f.n_documents) for f in ingested.files] == [
        ("자료.zip/중고/목록.txt", "txt", "cp949", 2),
        ("자료.zip/중고/표.csv", "csv", "utf-8", 1),
        ("자료.zip/보고서.docx", "docx", None, 1),
        ("자료.zip/paper.pdf", "pdf", None, 1),
        ("자료.zip/공문.hwpx", "hwpx", None, 1),
    ]
    assert [d.text for d in ingested.documents] == [
        "유모차 팝니다",
        "책 세 권 팝니다",
        "책상 램프 팝니다 따뜻한 전구",
        "첫 문단입니다.",
        "Topic models find themes.",
        "한글 문단",
    ]
    assert ingested.documents[0].name == "자료.zip/중고/목록.txt #1"
    assert ingested.documents[2].name == "자료.zip/중고/표.csv #1 · 램프"
    assert all(not f.notices for f in ingested.files)


def test_zip_with_utf8_flagged_names() -> None:
    archive = make_zip([("한글이름.txt", "유모차 팝니다".encode())])
    (report,) = _read([("utf8.zip", archive)]).files
    assert report.name == "utf8.zip/한글이름.txt"


def test_zip_member_that_fails_is_a_notice_of_the_archive() -> None:
    archive = make_zip([("good.txt", b"good words here"), ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00")])
    ingested = _read([("mixed.zip", archive)])
    (report,) = ingested.files
    assert report.name == "mixed.zip/good.txt"
    (notice,) = report.notices
    assert notice.code == "file_unsupported"
    assert notice.params == {"name": "mixed.zip/image.png", "ext": ".png"}


def test_several_files_one_bad() -> None:
    ingested = _read(
        [
            ("good.txt", b"pizza and pasta\nsushi and ramen\n"),
            ("empty.txt", b""),
            ("목록.csv", "제목,내용\n유모차,아이가 커서 유모차를 팝니다\n".encode("cp949")),
            ("photo.png", b"\x89PNG\r\n\x1a\n"),
        ]
    )
    assert [d.source for d in ingested.documents] == ["good.txt", "good.txt", "목록.csv"]
    assert [(f.name, f.n_documents, f.error.code if f.error else None) for f in ingested.files] == [
        ("good.txt", 2, None),
        ("empty.txt", 0, "file_empty"),
        ("목록.csv", 1, None),
        ("photo.png", 0, "file_unsupported"),
    ]
    bad = ingested.files[1]
    assert bad.kind == "txt"
    assert bad.error.text("en") == "empty.txt: the file is empty."
    assert bad.error.text("ko") == "empty.txt: 빈 파일입니다."


def test_when_no_file_can_be_read_the_first_error_is_raised() -> None:
    with pytest.raises(InputError) as caught:
        _read([("a.docx", b"nonsense"), ("b.txt", b"   ")])
    assert caught.value.code == "file_unreadable"
    assert caught.value.params["name"] == "a.docx"


def test_unsupported_extension() -> None:
    with pytest.raises(InputError) as caught:
        _read([("slides.pptx", b"PK\x03\x04")])
    assert caught.value.params == {"name": "slides.pptx", "ext": ".pptx"}
    assert caught.value.code == "file_unsupported"
    assert "slides.pptx" in caught.value.text("ko") and ".pptx" in caught.value.text("ko")
