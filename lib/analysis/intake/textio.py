"""Reading a plan as users receive it: bytes in UTF-8, GB18030 or Big5, decoded to text."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import IntakeError

ENCODINGS = ("auto", "utf-8", "gb18030", "big5")


def decode(data: bytes, encoding: str = "auto", name: str = "input") -> str:
    """Decode a plan's bytes: UTF-8 (with or without BOM), GB18030 or Big5.

    With ``auto`` the encoding is detected (UTF-8 first, then charset-normalizer between
    GB18030 and Big5). Undecodable input raises :class:`IntakeError`; nothing is guessed
    into mojibake.
    """
    if encoding not in ENCODINGS:
        raise IntakeError(f"unknown encoding {encoding!r}; valid values: {', '.join(ENCODINGS)}")
    if encoding != "auto":
        try:
            return data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
        except UnicodeDecodeError as e:
            raise IntakeError(
                f"cannot decode {name} as {encoding}: byte 0x{data[e.start]:02x} at offset {e.start} is invalid"
            ) from None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise IntakeError(
                f"cannot decode {name}: it starts with a UTF-8 BOM"
                f" but byte 0x{data[e.start]:02x} at offset {e.start} is not UTF-8"
            ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
    if best is not None:
        try:
            text = data.decode(best.encoding)
        except UnicodeDecodeError:
            text = None
        if text is not None and re.search(r"[\u4e00-\u9fff]", text):
            return text
    raise IntakeError(f"cannot decode {name}: it is not UTF-8, GB18030 or Big5 text")


def read_plan(path: Path | str, encoding: str = "auto") -> str:
    path = Path(path)
    if not path.is_file():
        raise IntakeError(f"no such file: {path}")
    return decode(path.read_bytes(), encoding, str(path))
