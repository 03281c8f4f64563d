"""Chinese-text helpers shared by provenance checks and the extractor.

Plans write numbers as ASCII digits, full-width digits (９８％) or Chinese numerals (二级,
两个), in simplified or traditional characters. These helpers reduce all of that to one
form: simplified characters (OpenCC) and ASCII digits (Unicode NFKC and cn2an), keeping
the character count unchanged where offsets matter.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import cn2an
import opencc

NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"
# A run of Chinese numerals that starts like a number (not 万 or 亿 alone, which scale digits).
NUMERAL_RUN = re.compile(f"[零〇一二两三四五六七八九十][{NUMERAL_CHARS}]*")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert traditional characters to simplified with OpenCC (t2s, character for character)."""
    return _t2s().convert(text)


# Full-width ASCII forms (U+FF01-FF5E) and the ideographic space fold to ASCII one for one, as
# NFKC would fold them; str.translate does it at C speed and keeps every offset.
_FULL_WIDTH = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0xFF01, 0xFF5F)}
_FULL_WIDTH[0x3000] = " "
_FOLD = str.maketrans(_FULL_WIDTH)


def fold_width(text: str) -> str:
    """Full-width digits, letters and punctuation to ASCII, one character for one."""
    return text.translate(_FOLD)


@lru_cache(maxsize=4096)
def chinese_numeral_value(run: str) -> float | None:
    """The value of a Chinese numeral such as 二, 十五, 一百二十; None if it is not a number."""
    try:
        return float(cn2an.cn2an(run, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


# How a copy damages a number without changing what it says: a line break or a layout space
# inside it (9\n7%, 99. 2%), or its decimal point printed as 、 before a percent sign (98、5%).
INSIDE_NUMBER = re.compile(r"(?<=[\d.])\s+(?=[\d.])")
COMMA_DECIMAL = re.compile(r"(?<![\d、第.])(\d{1,3})、(\d{1,2})(?=\s*[%‰])")


def numbers_in(text: str) -> list[float]:
    """Every number written in ``text``: ASCII or full-width digits, and Chinese numerals; a number
    a copy's layout broke (9\n7%, 99. 2%, 98、5%) is also read whole."""
    folded = fold_width(text).replace(",", "")
    found = [float(m.group()) for m in NUMBER.finditer(folded)]
    mended = COMMA_DECIMAL.sub(r"\1.\2", INSIDE_NUMBER.sub("", folded))
    if mended != folded:
        found += [float(m.group()) for m in NUMBER.finditer(mended)]
    for m in NUMERAL_RUN.finditer(folded):
        value = chinese_numeral_value(m.group())
        if value is not None:
            found.append(value)
    return found


def format_number(value: float) -> str:
    """A number as a plan would print it: 86.5, 98, 0.36 (no trailing .0, no exponent)."""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))
