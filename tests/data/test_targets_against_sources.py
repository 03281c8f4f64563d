"""The quoted targets checked against the source texts themselves.

These tests read ``data/sources/`` directly (not through the validator) and check what a
reviewer would check by eye: the quote is where the row says, it names the indicator, the
comparator is the one its words state, the year is the one it names, and no number with a
unit in a plan is left unaccounted for. (Cited targets have no text here: see
test_cited_against_the_reference.py.)
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pytest

from analysis import paths
from analysis.data.chinese import fold_width, format_number, to_simplified

HERE = Path(__file__).parent


def read(name: str) -> list[dict[str, str]]:
    with open(paths.DATA_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


QUOTED = {d["doc_id"] for d in read("documents.csv") if d["tier"] == "quoted"}


@pytest.fixture(scope="module")
def targets():
    """The targets of the quoted plans (the ones whose text is in data/sources/)."""
    return [t for t in read("targets.csv") if t["doc_id"] in QUOTED]


@pytest.fixture(scope="module")
def texts():
    return {p.stem: p.read_text(encoding="utf-8") for p in (paths.DATA_DIR / "sources").glob("*.txt")}


# The excerpts of issue 17 arrived as files with a header block (key: value lines, then ---):
# the stored text is what follows it, and the document's notes say so.
HEADER_STRIPPED = "the stored text is what follows the --- line"


def test_sources_match_their_recorded_checksums():
    """Each stored text is the one recorded; the original file received is that text itself, or
    (an excerpt received under a header block) a file whose header was stripped, as the notes say."""
    quoted = [d for d in read("documents.csv") if d["tier"] == "quoted"]
    assert len(quoted) == 14
    for doc in quoted:
        data = (paths.DATA_DIR / doc["source_file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == doc["sha256"], doc["doc_id"]
        assert doc["original_sha256"] == doc["sha256"] or HEADER_STRIPPED in doc["notes"], doc["doc_id"]


def test_every_quote_is_at_its_offset(targets, texts):
    for t in targets:
        offset = int(t["char_offset"])
        assert texts[t["doc_id"]][offset : offset + len(t["quote"])] == t["quote"], t["target_id"]


def unwrapped(quote: str) -> str:
    """A quote in simplified characters without the line-wrap spaces a PDF leaves inside words
    (hubei-2023: 關鍵工序數控化 率): they are not word breaks."""
    return re.sub(r"\s+", "", to_simplified(quote))


def test_every_quote_names_its_indicator(targets):
    """An alias of the indicator is in the quote (after OpenCC, line-wrap spaces dropped), unless
    the quote is shared or the row's notes say why its phrase is that indicator (``indicator:``).

    A shared quote is one sentence that sets one number for several indicators
    (药品、医疗器械及化妆品评价性抽检合格率保持在98%以上): its rows share quote and value. A phrase
    that names one measure in one plan and another elsewhere (食品安全抽检合格率, written before the
    evaluative sampling rate was reported) is mapped by judgement, which the notes give.
    """
    with open(paths.DATA_DIR / "indicators.csv", encoding="utf-8", newline="") as f:
        aliases = {r["indicator_id"]: r["aliases"].split(";") for r in csv.DictReader(f)}
    shared = {}
    for t in targets:
        shared.setdefault((t["doc_id"], t["quote"], t["value"]), []).append(t["target_id"])
    for t in targets:
        named = any(a in unwrapped(t["quote"]) for a in aliases[t["indicator_id"]])
        judged = "indicator:" in t["notes"]
        assert named or judged or len(shared[(t["doc_id"], t["quote"], t["value"])]) > 1, (t["target_id"], t["quote"])


UNIT = r"(?:%|个百分点|万件|亿元|万元|万亩次|[个项件家张条处级分個條])?"


# On a grade (级, GB 3095's 一级/二级) a lower number is the stricter grade: 二级以上 is "grade II or
# stricter", a grade number of at most 2. The words' direction flips on this scale.
GRADE_FLIP = {">=": "<=", "<=": ">="}


def expected_comparator(quote: str, value: str, is_range: bool, unit: str) -> str:
    """The comparator the words around the number state (以上 -> >=, 左右 -> ~, ...)."""
    words = comparator_of_words(quote, value, is_range)
    return GRADE_FLIP.get(words, words) if unit == "级" else words


def comparator_of_words(quote: str, value: str, is_range: bool) -> str:
    q = fold_width(unwrapped(quote)).replace("二级", "2级")
    hits = list(re.finditer(r"(?<![\d.])" + re.escape(value) + r"(?![\d.])", q))
    assert hits, (quote, value)
    if is_range:
        return "range"
    hit = hits[-1]
    before, after = q[max(0, hit.start() - 4) : hit.start()], re.sub("^" + UNIT, "", q[hit.end() : hit.end() + 8])
    if after.startswith("以上") or re.search(r"(不低于|超过|突破|不少于|至少)$", before):
        return ">="
    if after.startswith("左右"):
        return "~"
    if after.startswith(("以内", "以下")) or re.search(r"(不高于|低于)$", before):
        return "<="
    return "="


def test_comparator_matches_the_words_of_the_quote(targets):
    for t in targets:
        value = format_number(float(t["value"]))
        assert t["comparator"] == expected_comparator(t["quote"], value, bool(t["value_high"]), t["unit"]), (
            t["target_id"],
            t["quote"],
        )


def test_a_year_named_in_the_quote_is_the_target_year(targets):
    for t in targets:
        years = re.findall(r"到(20\d\d)年", unwrapped(t["quote"]))
        if years:
            assert t["target_year"] == years[-1], (t["target_id"], t["quote"])


# A PDF line-wrap space may sit between a number and its unit (hubei-2023: 5 個).
NUMBER_WITH_UNIT = re.compile(
    r"(?<![\d.\-])\d+(?:\.\d+)? ?(?:%|个百分点|万件|亿元|万元|万亩次|[个项件家张条处级分批所座名类])"
)
# A lone 一 (一批, 一个, 一条) is an article, not a number (一批 commits to no count).
CHINESE_COUNT = re.compile(
    r"(?:[二两三四五六七八九十][一二两三四五六七八九十]*|一[一二两三四五六七八九十]+)(?:个百分点|[个项件家张条处级批所座名类])"
)


def test_every_number_with_a_unit_is_a_target_or_a_listed_non_target(targets, texts):
    """Completeness: in every plan, each number followed by a unit sits inside a target's
    quote, or in the reviewed list of non-targets (tests/data/non_targets.csv) with a reason."""
    with open(HERE / "non_targets.csv", encoding="utf-8", newline="") as f:
        listed = list(csv.DictReader(f))
    unaccounted = []
    for doc_id, text in texts.items():
        spans = [
            (int(t["char_offset"]), int(t["char_offset"]) + len(t["quote"])) for t in targets if t["doc_id"] == doc_id
        ]
        for n in listed:
            if n["doc_id"] == doc_id:
                start = text.find(n["phrase"])
                assert start >= 0, n
                spans += [(m.start(), m.end()) for m in re.finditer(re.escape(n["phrase"]), text)]
        simplified = fold_width(to_simplified(text))
        for pattern in (NUMBER_WITH_UNIT, CHINESE_COUNT):
            for m in pattern.finditer(simplified):
                if not any(a <= m.start() < b for a, b in spans):
                    unaccounted.append((doc_id, text[max(0, m.start() - 12) : m.end() + 6]))
    assert unaccounted == []


def test_headline_manufacturing_index_in_the_quoted_plans(targets):
    got = {
        (t["doc_id"], t["target_year"], t["comparator"], t["value"])
        for t in targets
        if t["indicator_id"] == "mfg_quality_competitiveness_index"
    }
    assert got == {
        ("jiangmen-2016", "2020", "=", "85"),
        ("jian-2024", "2026", "=", "86.5"),
        ("jiangsu-2023", "2025", "=", "88"),
        ("yichang-2023", "2025", ">=", "89"),
        ("national-2023", "2025", "=", "86"),
        # the excerpts of issue 17 (Jingdezhen's and Yichun's index targets are not numeric)
        ("zhejiang-2022", "2025", ">=", "92"),
        ("jinhua-2023", "2025", ">=", "92"),
        ("jinhua-2023", "2027", ">=", "92.5"),
        ("hubei-2023", "2025", ">=", "89"),
        ("jiangxi-2023", "2025", "=", "86.5"),
        ("rongchang-2024", "2027", ">=", "92"),
    }


def test_national_outline_targets_are_all_in(texts, targets):
    """The outline excerpt has four numeric targets, all for 2025."""
    national = [t for t in targets if t["doc_id"] == "national-2023"]
    assert sorted((t["indicator_id"], t["comparator"], t["value"]) for t in national) == [
        ("farm_product_monitoring_pass_rate", ">=", "98"),
        ("food_sampling_pass_rate", ">=", "98"),
        ("mfg_product_pass_rate", "=", "94"),
        ("mfg_quality_competitiveness_index", "=", "86"),
    ]
    assert {t["target_year"] for t in national} == {"2025"}
    assert "到2025年" in texts["national-2023"]


def test_traditional_sources_keep_their_script(targets):
    """Quotes from traditional-character plans are copied as written, not converted."""
    with open(paths.DATA_DIR / "documents.csv", encoding="utf-8", newline="") as f:
        script = {d["doc_id"]: d["script"] for d in csv.DictReader(f)}
    for doc_id in {t["doc_id"] for t in targets}:
        quotes = [t["quote"] for t in targets if t["doc_id"] == doc_id]
        converted = [q for q in quotes if to_simplified(q) != q]
        if script[doc_id] == "traditional":
            assert converted, doc_id
        else:
            assert converted == [], doc_id
