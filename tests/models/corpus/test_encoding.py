"""Decoding uploaded bytes: BOMs, UTF-8/16, Korean CP949/EUC-KR, Latin-1, manual override and binary data."""

from __future__ import annotations

import codecs
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.corpus.encoding import MAX_NUL_SHARE, decode_text, looks_binary
from models.errors import InputError

KOREAN = "아이가 커서 유모차를 팝니다.\n상태 좋아요. 문고리 거래 원해요.\n"
ENGLISH = "Topic models find themes in documents.\nEach document mixes a few topics.\n"
MIXED = "The meeting with 김민수 is in 서울 on Monday.\nPlease bring the quarterly report and the budget sheet.\n"


@pytest.mark.parametrize(
    ("data", "expected_encoding"),
    [
        (KOREAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + KOREAN.encode("utf-8"), "utf-8-sig"),
        (KOREAN.encode("utf-16"), "utf-16"),  # native order with BOM (LE here)
        (codecs.BOM_UTF16_LE + KOREAN.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + KOREAN.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF32_LE + KOREAN.encode("utf-32-le"), "utf-32"),
    ],
    ids=["utf8", "utf8-bom", "utf16-native-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom"],
)
def test_unicode_with_and_without_bom(data: bytes, expected_encoding: str) -> None:
    text, encoding, replaced = decode_text(data, "a.txt")
    assert text == KOREAN
    assert "\ufeff" not in text
    assert encoding == expected_encoding
    assert replaced is False


@pytest.mark.parametrize(("codec", "expected"), [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")])
@pytest.mark.parametrize("source", [ENGLISH, MIXED], ids=["english", "mixed"])
def test_utf16_without_bom_is_recognised_by_its_zero_bytes(source: str, codec: str, expected: str) -> None:
    data = source.encode(codec)
    assert not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    assert not looks_binary(data)
    assert decode_text(data, "a.txt") == (source, expected, False)


@pytest.mark.parametrize("codec", ["cp949", "euc-kr"])
def test_korean_legacy_encodings_come_out_as_hangul(codec: str) -> None:
    text, encoding, replaced = decode_text(KOREAN.encode(codec), "목록.txt")
    assert text == KOREAN
    assert encoding == "cp949"
    assert replaced is False


@pytest.mark.parametrize("line", ["안녕하세요", "감사합니다", "유모차 팝니다", "가"])
def test_short_cp949_text(line: str) -> None:
    assert decode_text(line.encode("cp949"), "a.txt") == (line, "cp949", False)


def test_cp949_extension_syllables_outside_euc_kr() -> None:
    line = "똠방각하 햏자 팝니다 상태 좋아요"  # 똠, 햏 exist only in CP949's extension
    assert decode_text(line.encode("cp949"), "a.txt") == (line, "cp949", False)


def test_mostly_english_cp949_text() -> None:
    text, encoding, _ = decode_text(MIXED.encode("cp949"), "memo.txt")
    assert encoding == "cp949"
    assert text == MIXED
    assert "김민수" in text and "서울" in text


def test_crlf_and_cr_newlines_are_normalised() -> None:
    data = "첫 줄\r\n둘째 줄\r셋째 줄".encode("cp949")
    assert decode_text(data)[0] == "첫 줄\n둘째 줄\n셋째 줄"


@pytest.mark.parametrize(
    "source",
    [
        "Café crème and naïve résumé at the hôtel.\nÉlan, façade, jalapeño.\n",  # charset-normalizer: CP1250
        "The café on the corner serves crème brûlée.\nOur naïve résumé reader liked the façade.\n",
        "Déjà vu. Smörgåsbord. Ångström.\n",
    ],
)
def test_latin1_english(source: str) -> None:
    text, encoding, replaced = decode_text(source.encode("latin-1"), "menu.txt")
    assert text == source
    assert encoding == "cp1252"
    assert replaced is False


def test_cyrillic_single_byte_text_is_not_taken_for_latin1() -> None:
    source = "Привет, как дела? Это тестовый текст на русском языке."
    text, encoding, _ = decode_text(source.encode("cp1251"), "ru.txt")
    assert text == source
    assert encoding == "cp1251"


def test_manual_override_that_fits() -> None:
    # EUC-KR bytes are valid CP949 and vice versa for KS X 1001 syllables: the user's choice is kept verbatim.
    assert decode_text(KOREAN.encode("euc-kr"), "a.txt", encoding="euc-kr") == (KOREAN, "euc-kr", False)
    assert decode_text(ENGLISH.encode("ascii"), "a.txt", encoding="cp949") == (ENGLISH, "cp949", False)


def test_manual_override_that_fails_names_the_file() -> None:
    with pytest.raises(InputError) as caught:
        decode_text(KOREAN.encode("cp949"), "목록.txt", encoding="utf-8")
    err = caught.value
    assert err.code == "encoding_failed"
    assert err.params == {"name": "목록.txt", "encoding": "utf-8"}
    assert "목록.txt" in err.text("en") and "utf-8" in err.text("en")
    assert "목록.txt" in err.text("ko") and "utf-8" in err.text("ko")


def test_unknown_encoding_name() -> None:
    with pytest.raises(InputError) as caught:
        decode_text(b"hello", "a.txt", encoding="klingon-8")
    assert caught.value.code == "encoding_unknown"
    assert "klingon-8" in caught.value.text("ko")


PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"


@pytest.mark.parametrize(
    "data",
    [PNG_HEADER + bytes(range(256)), random.Random(7).randbytes(4096) + b"\x00\x00\x00\x00"],
    ids=["png", "random-with-nuls"],
)
def test_binary_data_is_refused(data: bytes) -> None:
    assert looks_binary(data)
    with pytest.raises(InputError) as caught:
        decode_text(data, "photo.txt")
    assert caught.value.code == "file_binary"
    assert "photo.txt" in caught.value.text("en")
    assert "photo.txt" in caught.value.text("ko")


# Letters, marks, numbers, punctuation, symbols and spaces of any script (no control characters or surrogates),
# with newlines in all three conventions.
_TEXT = st.lists(
    st.one_of(st.characters(blacklist_categories=("Cc", "Cs")), st.sampled_from(["\n", "\r\n", "\r"])),
    max_size=60,
).map("".join)


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(text=_TEXT, codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_any_unicode_text_round_trips(text: str, codec: str) -> None:
    decoded, encoding, replaced = decode_text(text.encode(codec), "a.txt")
    assert decoded == text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    assert replaced is False
    if codec != "utf-8":
        assert encoding == codec


# --- NUL bytes and broken UTF-16 (issue 9) ---------------------------------------------------------------------------


def test_nul_separated_text_is_read_as_words_not_as_utf16() -> None:
    # Zeros at every 6th byte all fall on odd offsets, as in UTF-16 LE; it decoded to "敨汬o潷汲d..." before.
    data = b"hello\x00world\x00" * 200
    assert not looks_binary(data)
    text, encoding, replaced = decode_text(data, "list.txt")
    assert text.split() == ["hello", "world"] * 200
    assert encoding == "utf-8"
    assert replaced is True  # the reader shows the "encoding_replaced" notice


def test_a_few_stray_nuls_in_korean_legacy_text() -> None:
    data = KOREAN.encode("cp949").replace(b" ", b"\x00", 2)
    text, encoding, replaced = decode_text(data, "a.txt")
    assert text == KOREAN
    assert (encoding, replaced) == ("cp949", True)


def test_nuls_after_the_first_8_kb_are_handled_too() -> None:
    data = ENGLISH.encode("ascii") * 200 + b"tail\x00end\n"
    assert len(data) > 8192 and not looks_binary(data)  # looks_binary reads the head only
    text, _, replaced = decode_text(data, "a.txt")
    assert text.endswith("tail end\n") and "\x00" not in text and replaced is True


@pytest.mark.parametrize(
    "data",
    [
        b"\x00" * 100 + b"abc",  # mostly NULs
        b"ab\x00" * 300,  # a third NULs: over MAX_NUL_SHARE
        b"hello\x00\x01\x02world\x00" * 50,  # other control bytes besides NULs
        bytes(4096),  # nothing but NULs
    ],
    ids=["mostly-nul", "third-nul", "controls", "all-nul"],
)
def test_nul_data_that_is_not_text_is_binary(data: bytes) -> None:
    assert looks_binary(data)
    with pytest.raises(InputError) as caught:
        decode_text(data, "x.txt")
    assert caught.value.code == "file_binary"


def test_nul_share_limit() -> None:
    assert MAX_NUL_SHARE == 0.25
    assert decode_text(b"abc\x00" * 100, "a.txt")[0].split() == ["abc"] * 100  # exactly 25%: read
    assert looks_binary(b"ab\x00\x00" * 100)  # 50%, no UTF-16 pattern: binary


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_korean_utf16_without_bom_is_still_utf16(codec: str) -> None:
    # Hangul's high bytes are not UTF-8 text once the NULs are gone, so this stays UTF-16 although only ~30%
    # of the code units are ASCII.
    data = (KOREAN * 5).encode(codec)
    assert not looks_binary(data)
    assert decode_text(data, "a.txt") == (KOREAN * 5, codec, False)


@pytest.mark.parametrize(
    ("bom", "codec"), [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")], ids=["le", "be"]
)
def test_utf16_with_a_bom_and_one_lone_surrogate_is_replaced_not_cp1252(bom: bytes, codec: str) -> None:
    body = (ENGLISH * 10).encode(codec)
    lone = "\ud800".encode(codec, "surrogatepass")  # a high surrogate followed by a plain letter
    data = bom + body[:40] + lone + body[40:]
    text, encoding, replaced = decode_text(data, "a.txt")
    assert (encoding, replaced) == ("utf-16", True)
    assert text == (ENGLISH * 10)[:20] + "\ufffd" + (ENGLISH * 10)[20:]


def test_bom_text_that_is_mostly_undecodable_is_refused() -> None:
    data = codecs.BOM_UTF16_LE + "\ud800".encode("utf-16-le", "surrogatepass") * 50 + "ok".encode("utf-16-le")
    with pytest.raises(InputError) as caught:
        decode_text(data, "bad.txt")
    assert caught.value.code == "encoding_failed"
    assert "bad.txt" in str(caught.value) and "utf-16" in str(caught.value)


def test_utf8_bom_with_one_bad_byte_is_replaced() -> None:
    data = codecs.BOM_UTF8 + (ENGLISH * 5).encode("utf-8") + b"\xff" + b"end\n"
    text, encoding, replaced = decode_text(data, "a.txt")
    assert (encoding, replaced) == ("utf-8-sig", True)
    assert text.endswith("\ufffdend\n")
