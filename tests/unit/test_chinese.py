"""Number reading in Chinese text: digits, full-width digits and Chinese numerals."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from analysis.data.chinese import fold_width, format_number, numbers_in, to_simplified


@given(st.integers(min_value=0, max_value=10**9))
def test_full_width_digits_read_as_ascii(n):
    full = "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    assert float(n) in numbers_in(f"达到{full}家以上")


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_format_number_round_trips(d):
    value = float(d)
    assert float(format_number(value)) == value
    assert value in numbers_in(f"达到{format_number(value)}%以上")


def test_chinese_numerals_from_the_sources():
    assert 2.0 in numbers_in("PM2.5年平均浓度达到环境空气质量标准二级以上")  # jiangmen-2016
    assert 3.0 in numbers_in("三个")
    assert 15.0 in numbers_in("十五项")
    assert 120.0 in numbers_in("一百二十件")


def test_scaled_units_keep_their_digits():
    assert numbers_in("全市有效注册商标总量达到6万件") == [6.0]  # yichang-2023


def test_fold_width_keeps_length():
    text = "达到９８．５％以上（含）"
    assert len(fold_width(text)) == len(text)
    assert fold_width(text) == "达到98.5%以上(含)"


def test_opencc_converts_traditional_quotes():
    assert to_simplified("制造業質量競爭力指數達到88") == "制造业质量竞争力指数达到88"  # jiangsu-2023
