"""Decode uploaded bytes to text: BOM, UTF-8, UTF-16, and the Korean legacy encodings CP949/EUC-KR.

The order of the checks follows what scored best on real Korean and English files: a BOM wins; then strict
UTF-8; then strict CP949 when the result looks like Korean; then strict CP1252 when the result looks like
English or Western European text (charset-normalizer often takes Latin-1 English for CP1250, "crème" → "crčme");
then charset-normalizer; then UTF-8 with replacement characters (flagged so the user can choose an encoding by
hand).

NUL bytes. Real UTF-16 text without a BOM is recognised by where its zero bytes fall (see
:func:`_utf16_without_bom`); any other text with NUL bytes is never decoded as UTF-16. It is refused as binary
when more than :data:`MAX_NUL_SHARE` of its bytes are NULs or when, NULs aside, it holds other control characters
(images, executables, random data); otherwise each NUL is read as a space (NUL-separated lists such as
``hello\0world\0`` come out as words) and the result is flagged like a replacement, so the user is told.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections import Counter

from models.errors import InputError

logger = logging.getLogger(__name__)

__all__ = ["MAX_NUL_SHARE", "MAX_REPLACED_SHARE", "decode_text", "looks_binary"]

# Text (not UTF-16/32) with more NUL bytes than this share of all bytes is refused as binary: UTF-16 ASCII is 50%
# NULs and UTF-32 75%, while NUL-separated text (b"hello\0world\0") or a few stray NULs stay well below 25%.
MAX_NUL_SHARE = 0.25
# A file with a BOM that does not decode is read with replacement characters when at most this share of its
# characters are bad (one bad code unit in a UTF-16 file), and refused as undecodable beyond it.
MAX_REPLACED_SHARE = 0.01
# Control bytes that plain text does not contain (tab, newline, vertical tab, form feed, carriage return and
# escape are allowed; NUL is handled separately).
_CONTROL = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_TEXT = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 LE/BE without a BOM from where the zero bytes of ASCII characters fall.

    An ASCII character in UTF-16 is a zero byte and a non-zero byte, so in real UTF-16 the zeros sit on one side
    (odd offsets for LE): almost every byte there in English, 30% or more in Korean or Chinese with spaces and
    digits. NULs sprinkled into 8-bit text can fall on one side too (``hello\0world\0``, a period of 6 bytes);
    they are told apart because the bytes without the NULs are themselves plain UTF-8 text, which the high bytes
    of Hangul, Han or Cyrillic characters are not. The sample must also decode strictly, to text without control
    characters.
    """
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_zeros = sample[0::2].count(0) / (len(sample) / 2)
    odd_zeros = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zeros > 0.3 and even_zeros < 0.05:
        codec, zero_side = "utf-16-le", odd_zeros
    elif even_zeros > 0.3 and odd_zeros < 0.05:
        codec, zero_side = "utf-16-be", even_zeros
    else:
        return None
    try:
        decoded = codecs.getincrementaldecoder(codec)().decode(sample, final=False)  # a pair may be cut at 4096
    except UnicodeDecodeError:
        return None
    if _CONTROL_TEXT.search(decoded):
        return None
    if zero_side < 0.9 and _is_plain_utf8(sample.replace(b"\x00", b"")):
        return None
    return codec


def _is_plain_utf8(data: bytes) -> bool:
    """Strict UTF-8 (a character cut at the end is allowed) without control characters other than whitespace."""
    if _CONTROL.search(data):
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _nul_padded_text(data: bytes) -> bool:
    """True when ``data``'s NULs are few (at most :data:`MAX_NUL_SHARE`) and the rest has no other control bytes."""
    nuls = data.count(0)
    return nuls <= MAX_NUL_SHARE * len(data) and nuls < len(data) and not _CONTROL.search(data)


def looks_binary(data: bytes) -> bool:
    """True when ``data`` holds NUL bytes that neither UTF-16/32 nor NUL-padded text explains (an image, a program).

    Only the first 8 KB are looked at; :func:`decode_text` applies the same rule to the whole file.
    """
    head = data[:8192]
    if b"\x00" not in head:
        return False
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    if _utf16_without_bom(data) is not None:
        return False
    return not _nul_padded_text(head)


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
    """Most non-ASCII characters are common Hangul syllables (so CP949 was the right reading).

    Counts distinct characters (``Counter`` runs in C and holds one entry per distinct character), so a 200 MB
    text costs seconds and no per-character objects.
    """
    counts = Counter(text)
    non_ascii = sum(n for ch, n in counts.items() if ord(ch) > 127)
    if not non_ascii:
        return False
    hangul = sum(n for ch, n in counts.items() if _is_common_hangul(ch))
    return hangul / non_ascii >= 0.7


# Latin-1 letters (without × and ÷) and the typographic punctuation of CP1252. UTF-8 continuation bytes read as
# CP1252 are mostly symbols outside this set (© ¨ € ™ ...), so mis-decoded UTF-8 does not pass as Western text.
_WESTERN = frozenset("".join(chr(c) for c in range(0xC0, 0x100) if c not in (0xD7, 0xF7)) + "ŒœŠšŽžŸ‘’“”–—…•«»°")


def _looks_western(text: str) -> bool:
    """Mostly ASCII, the rest accented Latin letters or typographic punctuation (so CP1252 was the right reading)."""
    counts = Counter(text)
    non_ascii = {ch: n for ch, n in counts.items() if ord(ch) > 127}
    if not non_ascii or not all(ch in _WESTERN for ch in non_ascii):
        return False
    return sum(non_ascii.values()) <= 0.3 * sum(n for ch, n in counts.items() if ch.isalpha())


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
        True when undecodable bytes were replaced (the detection was a guess, or a file with a BOM had a few bad
        code units, such as a lone UTF-16 surrogate) or NUL bytes were read as spaces.

    Raises
    ------
    InputError
        When ``encoding`` is given and fails, when the bytes are binary, or when a file with a BOM has more than
        :data:`MAX_REPLACED_SHARE` undecodable characters.
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
            return _decode_with_bom(data, codec, name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _normalise(data.decode(utf16)), utf16, False
        except UnicodeDecodeError:
            pass
    nuls = b"\x00" in data
    if nuls:
        if not _nul_padded_text(data):
            raise InputError("file_binary", name=name)
        data = data.replace(b"\x00", b" ")
    text, encoding, replaced = _detect(data)
    return text, encoding, replaced or nuls


def _decode_with_bom(data: bytes, codec: str, name: str) -> tuple[str, str, bool]:
    """Decode text that starts with a BOM; a few bad code units become U+FFFD (flagged), many are refused."""
    try:
        return _normalise(data.decode(codec)), codec, False
    except UnicodeDecodeError:
        pass
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    if bad > MAX_REPLACED_SHARE * max(len(text), 1):
        raise InputError("encoding_failed", name=name, encoding=codec)
    logger.info("%s: %d undecodable %s code units replaced", name, bad, codec)
    return _normalise(text), codec, True


def _detect(data: bytes) -> tuple[str, str, bool]:
    """Strict UTF-8, CP949 if it looks Korean, CP1252 if it looks Western, charset-normalizer, UTF-8 replaced."""
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
