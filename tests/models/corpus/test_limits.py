"""Hostile and degenerate input: size limits, zip bombs, unsafe zip paths, binary and empty files, empty vocabularies.

Every refusal is checked by its message code and by its English and Korean text naming the file.
"""

from __future__ import annotations

import string

import pytest

from models import IngestOptions, InputError, Limits, PreprocessOptions, build_corpus, read_files
from models.messages import MESSAGES
from tests.models.fixtures import (
    UNSAFE_PATHS,
    make_zip,
    nested_zip,
    zip_bomb,
    zip_with_members,
    zip_with_unsafe_paths,
)


def _refusal(files: list[tuple[str, bytes]], limits: Limits | None = None, **options: object) -> InputError:
    with pytest.raises(InputError) as caught:
        read_files(files, IngestOptions(limits=limits or Limits(), **options))
    return caught.value


def _names_file(err: InputError | object, name: str) -> None:
    en, ko = err.text("en"), err.text("ko")
    assert name in en, en
    assert name in ko, ko
    assert en != ko


def _fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def test_every_message_has_english_and_korean_with_the_same_fields() -> None:
    for code, entry in MESSAGES.items():
        assert set(entry) == {"en", "ko"}, code
        assert _fields(entry["en"]) == _fields(entry["ko"]), code


# --- sizes ---------------------------------------------------------------------------------------------------------


def test_oversized_file() -> None:
    err = _refusal([("큰파일.txt", b"word " * 60)], Limits(max_file_bytes=100))
    assert err.code == "file_too_large"
    assert err.params == {"name": "큰파일.txt", "size_mb": 300 / 2**20, "limit_mb": 100 / 2**20}
    _names_file(err, "큰파일.txt")


def test_oversized_zip_archive_is_refused_before_opening() -> None:
    archive = make_zip([(f"{i}.txt", bytes(range(256)) * 2) for i in range(3)], compression=0)
    err = _refusal([("big.zip", archive)], Limits(max_file_bytes=1000))
    assert (err.code, err.params["name"]) == ("file_too_large", "big.zip")
    _names_file(err, "big.zip")


def test_oversized_zip_member_is_skipped_with_a_notice() -> None:
    archive = make_zip([("small.txt", b"pizza and pasta"), ("big.txt", b"ramen noodles " * 400)])
    assert len(archive) < 1000
    ingested = read_files([("a.zip", archive)], IngestOptions(limits=Limits(max_file_bytes=1000)))
    assert [d.text for d in ingested.documents] == ["pizza and pasta"]
    (report,) = ingested.files
    (notice,) = report.notices
    assert (notice.code, notice.params["name"]) == ("file_too_large", "a.zip/big.txt")
    _names_file(notice, "a.zip/big.txt")


def test_too_many_documents_says_which_file_and_how_to_read_it_instead() -> None:
    err = _refusal([("lines.txt", b"a\nb\nc\nd\ne\n")], Limits(max_documents=3))
    assert (err.code, err.params) == ("too_many_documents_lines", {"name": "lines.txt", "limit": 3})
    _names_file(err, "lines.txt")
    assert "paragraph" in err.text("en") and "문단" in err.text("ko")
    assert "Invalid option" not in err.text("en")


# --- zip archives --------------------------------------------------------------------------------------------------


def test_zip_bomb_is_refused_by_its_compression_ratio() -> None:
    bomb = zip_bomb()
    assert len(bomb) < 200_000
    err = _refusal([("선물.zip", bomb)])
    assert err.code == "zip_bomb"
    assert err.params["member"] == "zeros.txt"
    assert err.params["ratio"] > 200 and err.params["limit"] == 200.0
    _names_file(err, "선물.zip")
    assert "zeros.txt" in err.text("ko")


def test_zip_bomb_is_refused_by_its_declared_total_first() -> None:
    err = _refusal([("bomb.zip", zip_bomb())], Limits(max_zip_total_bytes=10 * 2**20))
    assert err.code == "zip_too_large"
    assert err.params["size_mb"] == pytest.approx(50.0, abs=0.01)
    _names_file(err, "bomb.zip")


def test_zip_declared_total_too_large() -> None:
    archive = make_zip([("a.txt", b"pizza " * 200), ("b.txt", b"ramen " * 200)])
    err = _refusal([("두개.zip", archive)], Limits(max_zip_total_bytes=2000))
    assert err.code == "zip_too_large"
    assert err.params["size_mb"] == pytest.approx(2400 / 2**20)
    _names_file(err, "두개.zip")


def test_zip_with_too_many_members() -> None:
    archive = zip_with_members(6)
    err = _refusal([("many.zip", archive)], Limits(max_zip_members=5))
    assert err.code == "zip_too_many_files"
    assert (err.params["count"], err.params["limit"]) == (6, 5)
    _names_file(err, "many.zip")
    assert read_files([("many.zip", archive)], IngestOptions(limits=Limits(max_zip_members=6))).files


def test_zip_path_traversal_members_are_skipped_with_notices() -> None:
    ingested = read_files([("trap.zip", zip_with_unsafe_paths())])
    assert [d.text for d in ingested.documents] == ["pizza and pasta"]
    (report,) = ingested.files
    assert report.name == "trap.zip/docs/ok.txt"
    assert [(n.code, n.params["member"]) for n in report.notices] == [("zip_unsafe_path", m) for m in UNSAFE_PATHS]
    for notice in report.notices:
        _names_file(notice, "trap.zip")
        assert notice.params["member"] in notice.text("ko")


def test_zip_with_only_unsafe_members_is_refused() -> None:
    err = _refusal([("trap.zip", zip_with_unsafe_paths(safe=()))])
    assert (err.code, err.params["member"]) == ("zip_unsafe_path", "../evil.txt")
    _names_file(err, "trap.zip")


def test_nested_zip_is_skipped() -> None:
    ingested = read_files([("outer.zip", nested_zip())])
    assert [d.text for d in ingested.documents] == ["visible words"]
    (notice,) = ingested.files[0].notices
    assert (notice.code, notice.params) == ("zip_nested", {"name": "outer.zip", "member": "more/inner.ZIP"})
    _names_file(notice, "outer.zip")
    err = _refusal([("only.zip", nested_zip(outer=()))])
    assert err.code == "zip_nested"
    _names_file(err, "only.zip")


def test_empty_and_broken_zips() -> None:
    err = _refusal([("empty.zip", make_zip([]))])
    assert err.code == "zip_empty"
    _names_file(err, "empty.zip")
    err = _refusal([("broken.zip", b"PK\x03\x04 this is not really a zip archive")])
    assert err.code == "zip_bad"
    _names_file(err, "broken.zip")


# --- binary and empty files ----------------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("사진.txt", PNG),
        ("program.txt", b"\x7fELF\x02\x01\x01" + bytes(64)),
        ("noise.txt", bytes(range(256)) * 4),
        ("table.csv", PNG + b"a,b\n1,2\n"),
        ("notes.md", b"text then \x00\x00\x00\x00 binary \x00\x01\x02\x03 tail"),
    ],
)
def test_binary_file_is_refused(name: str, data: bytes) -> None:
    err = _refusal([(name, data)])
    assert err.code == "file_binary"
    _names_file(err, name)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("빈파일.txt", b""),
        ("spaces.txt", b"  \n\t\r\n  \n"),
        ("spaces.md", b"\n\n\n"),
        ("spaces.csv", b" \n \n"),
        ("bom-only.txt", b"\xef\xbb\xbf  \n"),
        ("utf16-blank.txt", "   \n  ".encode("utf-16")),
    ],
)
def test_empty_and_whitespace_only_files(name: str, data: bytes) -> None:
    err = _refusal([(name, data)])
    assert err.code == "file_empty"
    assert err.text("en") == f"{name}: the file is empty."
    assert err.text("ko") == f"{name}: 빈 파일입니다."


def test_corpus_of_only_stop_words_has_no_terms() -> None:
    ingested = read_files([("stop.txt", b"the and of\nit is what it is\nwe were there\n")])
    with pytest.raises(InputError) as caught:
        build_corpus(ingested, PreprocessOptions(language="en"))
    err = caught.value
    assert err.code == "no_terms"
    assert err.text("en") == MESSAGES["no_terms"]["en"]
    assert err.text("ko") == MESSAGES["no_terms"]["ko"]
    assert "min_df" in err.text("en") and "min_df" in err.text("ko")


def test_corpus_filtered_to_nothing_has_no_terms() -> None:
    ingested = read_files([("rare.txt", b"pizza pasta\nsushi ramen\n")])
    with pytest.raises(InputError) as caught:
        build_corpus(ingested, PreprocessOptions(language="en", min_df=2))
    assert caught.value.code == "no_terms"
