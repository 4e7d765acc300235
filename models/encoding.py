"""Decode uploaded bytes to text: BOM, UTF-8, UTF-16, and the Korean legacy encodings CP949/EUC-KR.

The order of the checks follows what scored best on real Korean and English files: a BOM wins; then strict
UTF-8; then strict CP949 when the result looks like Korean; then strict CP1252 when the result looks like
English or Western European text (charset-normalizer often takes Latin-1 English for CP1250, "crème" → "crčme");
then charset-normalizer; then UTF-8 with replacement characters (flagged so the user can choose an encoding by
hand).
"""

from __future__ import annotations

import codecs
import logging

from models.errors import InputError

logger = logging.getLogger(__name__)

__all__ = ["decode_text", "looks_binary"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 LE/BE without a BOM from where the zero bytes of ASCII characters fall."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_zeros = sample[0::2].count(0) / (len(sample) / 2)
    odd_zeros = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """True when ``data`` holds NUL bytes that no UTF-16/32 reading explains (e.g. an image or executable)."""
    if b"\x00" not in data[:8192]:
        return False
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    return _utf16_without_bom(data) is None


def _is_common_hangul(ch: str) -> bool:
    """A Hangul syllable of the KS X 1001 set (the 2,350 that EUC-KR can encode)."""
    if not "\uac00" <= ch <= "\ud7a3":
        return False
    try:
        ch.encode("euc_kr")
    except UnicodeEncodeError:
        return False
    return True


def _looks_korean(text: str) -> bool:
    """Most non-ASCII characters are common Hangul syllables (so CP949 was the right reading)."""
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return False
    hangul = sum(_is_common_hangul(ch) for ch in non_ascii)
    return hangul / len(non_ascii) >= 0.7


# Latin-1 letters (without × and ÷) and the typographic punctuation of CP1252. UTF-8 continuation bytes read as
# CP1252 are mostly symbols outside this set (© ¨ € ™ ...), so mis-decoded UTF-8 does not pass as Western text.
_WESTERN = frozenset("".join(chr(c) for c in range(0xC0, 0x100) if c not in (0xD7, 0xF7)) + "ŒœŠšŽžŸ‘’“”–—…•«»°")


def _looks_western(text: str) -> bool:
    """Mostly ASCII, the rest accented Latin letters or typographic punctuation (so CP1252 was the right reading)."""
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii or not all(ch in _WESTERN for ch in non_ascii):
        return False
    return len(non_ascii) <= 0.3 * sum(ch.isalpha() for ch in text)


def decode_text(data: bytes, name: str = "input", encoding: str | None = None) -> tuple[str, str, bool]:
    """Decode ``data`` to text, detecting the encoding unless one is given.

    Parameters
    ----------
    data : bytes
        The raw file content.
    name : str
        File name, used in error messages.
    encoding : str, optional
        A codec name chosen by the user (e.g. ``"cp949"``); decoding with it must succeed.

    Returns
    -------
    text : str
        The decoded text, without a BOM and with newlines normalised to ``\\n``.
    encoding : str
        The name of the encoding used (``"utf-8"``, ``"utf-8-sig"``, ``"utf-16"``, ``"cp949"``, ...).
    replaced : bool
        True when undecodable bytes were replaced (the detection was a guess).

    Raises
    ------
    InputError
        When ``encoding`` is given and fails, or when the bytes are binary.
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError("encoding_unknown", encoding=encoding) from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise InputError("encoding_failed", name=name, encoding=encoding) from None
        return _normalise(text), encoding, False

    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _normalise(data.decode(codec)), codec, False
            except UnicodeDecodeError:
                break
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _normalise(data.decode(utf16)), utf16, False
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        raise InputError("file_binary", name=name)
    try:
        return _normalise(data.decode("utf-8")), "utf-8", False
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_korean(text):
        return _normalise(text), "cp949", False
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_western(text):
        return _normalise(text), "cp1252", False

    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return _normalise(data.decode(best.encoding)), best.encoding, False
        except (UnicodeDecodeError, LookupError):
            logger.debug("charset-normalizer guess %s failed on the whole file", best.encoding)
    return _normalise(data.decode("utf-8", errors="replace")), "utf-8", True


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
