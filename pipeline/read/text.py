"""Read a plain-text document: strict UTF-8, with one-line errors for empty, binary and mis-encoded files."""

from __future__ import annotations

import codecs
from pathlib import Path

from pipeline.errors import InputError

__all__ = ["read_bytes", "is_binary", "decode_utf8", "read_text"]

#: Control bytes that occur in text files: tab, line feed, vertical tab, form feed, carriage return.
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r")
#: Share of other control bytes above which a NUL-free file is taken for binary data.
_MAX_CONTROL_SHARE = 0.05
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


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


def read_text(path: Path) -> str:
    """The raw text of a ``.txt`` file: strict UTF-8, not empty.

    Args:
        path: The file to read.

    Returns:
        The text as stored (line breaks and spacing untouched; cleanup comes later).

    Raises:
        InputError: The file is missing, unreadable, empty, binary or not UTF-8.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     blank = Path(tmp, "blank.txt")
    ...     _ = blank.write_text("  \\n\\n ")
    ...     read_text(blank)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pipeline.errors.InputError: ...blank.txt: file is empty
    """
    text = decode_utf8(path, read_bytes(path))
    if not text.strip():
        raise InputError(path, "file is empty")
    return text
