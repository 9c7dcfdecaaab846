"""Plain text and Markdown: decode strictly, refuse binary data, normalise line ends and Unicode."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from ..errors import DocumentError
from . import ReadDocument

__all__ = ["decode_text", "normalise", "read"]

# Control characters other than tab, newline, carriage return and form feed mark a binary file.
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}


def decode_text(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused, never guessed."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError(f"{path}: invalid UTF-16 text at byte {exc.start}") from exc
    if b"\x00" in data[:8192]:
        head = data[:8192]
        odd, even = head[1::2].count(0), head[0::2].count(0)
        if max(odd, even) > 0.3 * len(head) / 2 and min(odd, even) < 0.05 * len(head) / 2:
            raise DocumentError(
                f"{path}: looks like UTF-16 text without a byte-order mark; save it as UTF-8"
            )
        raise DocumentError(f"{path}: binary data (NUL bytes), not a text document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{path}: not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8 first"
        ) from exc


def normalise(text: str) -> str:
    """NFC, '\\n' line ends, no NUL or other control characters except tab/newline/form feed."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "".join(ch for ch in text if ch in _ALLOWED_CONTROLS or unicodedata.category(ch) != "Cc")


def read(data: bytes, path: Path) -> ReadDocument:
    """Read a .txt/.md file."""
    text = decode_text(data, path)
    controls = sum(
        1 for ch in text[:8192] if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS
    )
    if controls > 0.05 * min(len(text), 8192):
        raise DocumentError(f"{path}: binary data (control characters), not a text document")
    return ReadDocument(path=path, text=normalise(text), sha256="")
