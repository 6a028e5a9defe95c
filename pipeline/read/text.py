"""Read a plain-text document: UTF-8, another encoding detected or given, one-line errors for bad files."""

from __future__ import annotations

import codecs
import logging
from collections.abc import Callable
from pathlib import Path

from pipeline.errors import InputError, WhereasError

__all__ = ["Note", "read_bytes", "is_binary", "check_encoding", "decode_utf8", "decode", "read_text"]

#: Receives what a reader assumed about a file (one line, naming the file).
Note = Callable[[str], None]

#: Control bytes that occur in text files: tab, line feed, vertical tab, form feed, carriage return.
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r")
#: Share of other control bytes above which a NUL-free file is taken for binary data.
_MAX_CONTROL_SHARE = 0.05
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: Byte-order marks and their encodings; UTF-32 first (its little-endian mark begins like UTF-16's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Encodings never guessed: without a byte-order mark, wide encodings are binary-looking (NUL bytes).
_NOT_GUESSED = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "utf_7"]
#: Where a guess reads the same text as one of these, the guess is named by it (in this order).
_USUAL = ("cp1252", "latin_1", "iso8859_15", "cp1250", "cp1251", "iso8859_2", "koi8_r", "mac_roman")


def read_bytes(path: Path) -> bytes:
    """The bytes of a document file, or an :class:`InputError` naming the file and the cause.

    Args:
        path: The file to read.

    Returns:
        Its content; never empty.

    Raises:
        InputError: The file is missing, a folder, unreadable or empty.

    >>> read_bytes(Path("no/such/file.txt"))
    Traceback (most recent call last):
    ...
    pipeline.errors.InputError: no/such/file.txt: no such file or folder
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file or folder") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a document") from None
    except PermissionError:
        raise InputError(path, "cannot read the file: permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read the file: {exc.strerror or exc}") from None
    if not data:
        raise InputError(path, "file is empty")
    return data


def is_binary(data: bytes) -> bool:
    """Whether bytes are binary data rather than text in some encoding.

    NUL bytes, or more than 5 % control bytes other than tab, line and page breaks,
    mean binary; bytes above 0x7F do not (they are text in a legacy encoding).

    >>> is_binary("Kazakhstan’s Prosecutor-General".encode())
    False
    >>> is_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR")
    True
    """
    if not data:
        return False
    if b"\x00" in data:
        return True
    controls = sum(1 for byte in data if (byte < 0x20 and byte not in _TEXT_CONTROLS) or byte == 0x7F)
    return controls / len(data) > _MAX_CONTROL_SHARE


def check_encoding(name: str) -> str:
    """The codec name for a user's ``--encoding``, or a one-line error.

    >>> check_encoding("Windows-1252"), check_encoding("latin1")
    ('cp1252', 'iso8859-1')
    >>> check_encoding("klingon")
    Traceback (most recent call last):
    ...
    pipeline.errors.WhereasError: unknown encoding 'klingon' (--encoding); try utf-8, cp1252 or latin-1
    """
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise WhereasError(None, f"unknown encoding {name!r} (--encoding); try utf-8, cp1252 or latin-1") from None


def _decode_as(path: Path, data: bytes, encoding: str, how: str) -> str:
    try:
        return data.decode(encoding, errors="strict")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not {how} text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def _guess(data: bytes) -> str | None:
    """The encoding charset-normalizer finds most plausible, by its usual name; None if none fits."""
    from charset_normalizer import from_bytes

    logging.getLogger("charset_normalizer").setLevel(logging.ERROR)
    best = from_bytes(data, cp_exclusion=_NOT_GUESSED).best()
    if best is None:
        return None
    same = set(best.could_be_from_charset) | {best.encoding}
    return next((name for name in _USUAL if name in same), best.encoding)


def decode(path: Path, data: bytes, encoding: str | None = None, on_note: Note | None = None) -> str:
    """The text of a file's bytes: in ``encoding`` when given, else UTF-8, else the encoding detected.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32) and is dropped. Bytes that are
    not UTF-8 are read in the encoding charset-normalizer finds ("cp1252" where that
    reads the same), and ``on_note`` is told so, naming the file and the encoding.

    Raises:
        InputError: binary data, bytes that are not text in ``encoding``, or in no
            encoding found.

    >>> decode(Path("a.txt"), "Zhanaozen café, “quoted”".encode("cp1252"), on_note=print)
    a.txt: not UTF-8; read as cp1252 (detected; --encoding chooses another)
    'Zhanaozen café, “quoted”'
    >>> decode(Path("a.txt"), "Zhanaozen café".encode("latin-1"), encoding="latin-1")
    'Zhanaozen café'
    """
    if encoding is not None:
        name = check_encoding(encoding)
        text = _decode_as(path, data, name, name)
        return text.removeprefix("\ufeff")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_as(path, data, name, name.removesuffix("-sig").upper()).removeprefix("\ufeff")
    if is_binary(data):
        raise InputError(path, "binary file, not text")
    try:
        return data.decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        first_bad = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    guess = _guess(data)
    if guess is None:
        raise InputError(path, f"not UTF-8 text ({first_bad}) and no other encoding fits; name one with --encoding")
    text = _decode_as(path, data, guess, guess)
    if on_note is not None:
        on_note(f"{path}: not UTF-8; read as {guess} (detected; --encoding chooses another)")
    return text


def decode_utf8(path: Path, data: bytes) -> str:
    """Decode UTF-8 strictly (a leading byte-order mark is dropped) or raise an :class:`InputError`.

    Args:
        path: The file the bytes come from, named in the error.
        data: The bytes.

    Returns:
        The text, without a byte-order mark.

    Raises:
        InputError: The bytes are binary data or not UTF-8.

    >>> decode_utf8(Path("a.txt"), codecs.BOM_UTF8 + "‘Alga!’".encode())
    '‘Alga!’'
    >>> decode_utf8(Path("a.txt"), "Zhanaozen café".encode("latin-1"))
    Traceback (most recent call last):
    ...
    pipeline.errors.InputError: a.txt: not UTF-8 text (byte 0xe9 at offset 13)
    """
    if data.startswith(_UTF16_BOMS):
        raise InputError(path, "not UTF-8 text (UTF-16 byte-order mark at offset 0)")
    if is_binary(data):
        raise InputError(path, "binary file, not text")
    offset = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[offset:].decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        at = offset + exc.start
        raise InputError(path, f"not UTF-8 text (byte 0x{data[at]:02x} at offset {at})") from None


def read_text(path: Path, encoding: str | None = None, on_note: Note | None = None) -> str:
    """The raw text of a ``.txt`` file (see :func:`decode`), not empty.

    Args:
        path: The file to read.
        encoding: Its encoding, if known; else UTF-8 or the one detected.
        on_note: Told the encoding assumed when the file is not UTF-8.

    Returns:
        The text as stored (line breaks and spacing untouched; cleanup comes later).

    Raises:
        InputError: The file is missing, unreadable, empty, binary or not text.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     blank = Path(tmp, "blank.txt")
    ...     _ = blank.write_text("  \\n\\n ")
    ...     read_text(blank)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pipeline.errors.InputError: ...blank.txt: file is empty
    """
    text = decode(path, read_bytes(path), encoding, on_note)
    if not text.strip():
        raise InputError(path, "file is empty")
    return text
