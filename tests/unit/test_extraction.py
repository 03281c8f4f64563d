"""The extractor, on real sentences from the sources (named by document id), on the
rejections it must make, on encodings, and scored against the curated targets."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import paths, validate
from analysis.data.chinese import format_number
from analysis.errors import IntakeError
from analysis.intake.evaluation import evaluate, total
from analysis.intake.extraction import extract
from analysis.intake.registration import add_document
from analysis.intake.textio import decode, read_plan


def one(text: str, heading: str = "到2025年,全市质量水平提升。\n"):
    found = extract(heading + text)
    assert len(found) == 1, [c.quote for c in found]
    return found[0]


def source(doc_id: str) -> str:
    return (paths.DATA_DIR / "sources" / f"{doc_id}.txt").read_text(encoding="utf-8")


# --- patterns, on sentences from the sources -------------------------------------------------


def test_level_with_floor_jian_2024():
    c = one("制造业产品质量合格率达到94%以上")
    assert (c.value, c.unit, c.comparator, c.target_year) == (94, "%", ">=", 2025)
    assert c.indicator_phrase == "制造业产品质量合格率"


def test_index_without_unit_jiangsu_2023_traditional():
    c = one("制造業質量競爭力指數達到88", "到2025年,質量整體水平進一步提高。\n")
    assert (c.value, c.unit, c.comparator) == (88, "index", "=")
    assert c.indicator_phrase == "制造業質量競爭力指數"  # as written, in traditional characters


def test_chinese_numeral_jiangmen_2016():
    c = one("PM2.5年平均浓度达到环境空气质量标准二级以上")
    assert (c.value, c.unit, c.comparator) == (2, "级", ">=")


def test_full_width_digits():
    c = one("制造业质量竞争力指数达到８６．５")  # jian-2024's sentence, in full-width digits
    assert c.value == 86.5 and c.quote == "制造业质量竞争力指数达到８６．５"


@pytest.mark.parametrize(
    "sentence, low, high, unit",
    [
        ("新增国家及省级产业技术标准创新基地1-2个", 1, 2, "个"),  # jiangmen-2016
        ("每条细分链重点培育2—3家链主企业", 2, 3, "家"),  # jian-2024
        ("建成5至10个质量基础设施服务站", 5, 10, "个"),
    ],
)
def test_ranges(sentence, low, high, unit):
    c = one(sentence)
    assert (c.value, c.value_high, c.unit, c.comparator) == (low, high, unit, "range")


@pytest.mark.parametrize(
    "sentence, comparator",
    [
        ("药品质量评价性抽检总体合格率不低于95%", ">="),  # jiangmen-2016
        ("生产性服务业顾客满意度超过85", ">="),  # jiangmen-2016
        ("中小微企業覆蓋率不低于80%", ">="),  # jiangsu-2023
        ("规模以上工业增加值年均增长8%左右", "~"),
        ("重点产品抽查不合格率控制在3%以内", "<="),
        ("消費品質量合格率達到95%", "="),  # jiangsu-2023
    ],
)
def test_comparators(sentence, comparator):
    assert one(sentence).comparator == comparator


def test_relative_target_jiangsu_2023():
    c = one("單位地區生產總值能源消耗較2020年下降14%")
    assert (c.value, c.change, c.baseline_year, c.target_year) == (14, "decrease", 2020, 2025)
    assert c.indicator_phrase == "單位地區生產總值能源消耗"


def test_percentage_points():
    c = one("制造业产品质量合格率提高0.36个百分点")
    assert (c.value, c.unit, c.change) == (0.36, "个百分点", "increase")


def test_annual_target_jian_2024():
    c = one("每年新增国家4A级景区2家以上")
    assert (c.value, c.change, c.comparator) == (2, "annual_new", ">=")


def test_one_value_for_several_indicators_yichang_2023():
    found = extract("到2025年,\n重点领域计量器具检定合格率、定量包装商品净含量合格率均达到98%以上")
    assert [(c.indicator_phrase, c.value) for c in found] == [
        ("重点领域计量器具检定合格率", 98),
        ("定量包装商品净含量合格率", 98),
    ]
    assert found[0].quote == found[1].quote


def test_respectively_pairs_items_with_numbers_yichang_2023():
    found = extract("到2025年,全市高新技术企业、科技型中小企业分别达到1600家、2000家")
    assert [(c.indicator_phrase, c.value) for c in found] == [("高新技术企业", 1600), ("科技型中小企业", 2000)]


def test_combined_count_stays_one_jiangmen_2016():
    found = extract("到2020年,国家地理标志保护产品、生态原产地产品达到13个以上")
    assert len(found) == 1


def test_year_from_a_governing_heading_jian_2024():
    text = (
        "二、主要目标\n到2026年,全市质量整体水平进一步提高。\n——经济发展质量效益持续增强。制造业质量竞争力指数达到86.5。\n"
        "三、重点任务\n1.增强质量创新动能。到2027年,力争新增省级优秀新产品90项以上。\n2.培育品牌。新增上市企业3家以上。"
    )
    years = [(c.value, c.target_year) for c in extract(text)]
    assert years == [(86.5, 2026), (90, 2027), (3, 2026)]  # the last: no year in reach, the plan's horizon


def test_five_year_plan_period_jiangmen_2016():
    text = "(二)主要目标。“十三五”时期质量强市的主要目标是:\n质量安全水平达到国内先进水平,制造业质量竞争力指数达到85。"
    assert [(c.value, c.target_year) for c in extract(text)] == [(85, 2020)]


# --- rejections ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2024年4月29日",  # date (jian-2024)
        "(赣发〔2023〕8号)",  # document number (jian-2024)
        "井冈山经开区管委会,产妇护理13825404095各县(市、区)人民政府",  # phone number (jian-2024)
        "郵編:210019",  # postal code (jiangsu-2023 footer)
        "電話:協會:025-8799064 學會:025-86799482",  # phone numbers (jiangsu-2023 footer)
        "1.增强质量创新动能。",  # section number
        "严格落实食品安全“四个最严”要求,压实“两个责任”",  # names in quotation marks (jian-2024)
        "医疗服务等12个监测领域继续做细做优服务质量",  # an enumeration count (jian-2024)
        "大力建设15分钟公共文化服务圈",  # a duration in a name (jian-2024)
        "培育超10亿元农业龙头企业",  # a size threshold, not a target
        "2022年,全市制造业质量竞争力指数为84.2",  # achieved value
        "截至2023年底,全市已有国家级质检中心3个",  # achieved value
        "于每季度结束后10日内将工作落实情况报送",  # report deadline (jian-2024)
        "加快构建市县乡村四级现代物流体系",  # tiers, not a count (jian-2024)
    ],
)
def test_rejections(text):
    assert extract("到2025年,\n" + text) == []


# --- offsets, encodings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "doc_id", ["jian-2024", "jiangsu-2023", "yichang-2023", "jilin-2018", "jiangmen-2016", "national-2023"]
)
def test_offsets_point_at_the_quote(doc_id):
    text = source(doc_id)
    for c in extract(text):
        assert text[c.char_offset :].startswith(c.quote)


@pytest.mark.parametrize(
    "doc_id, encoding",
    [("jian-2024", "gb18030"), ("jilin-2018", "big5"), ("jiangsu-2023", "big5"), ("yichang-2023", "gb18030")],
)
def test_gb18030_and_big5_copies_give_the_same_candidates(tmp_path, doc_id, encoding):
    text = source(doc_id)
    path = tmp_path / f"{doc_id}.{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    assert read_plan(path) == text
    assert [c.row() for c in extract(read_plan(path))] == [c.row() for c in extract(text)]


def test_utf8_bom_is_dropped_so_offsets_match_the_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode() + source("national-2023").encode())
    assert read_plan(path) == source("national-2023")


def test_undecodable_input_is_an_error_not_mojibake(tmp_path):
    path = tmp_path / "noise.bin"
    path.write_bytes(bytes(range(128, 256)) * 4)
    with pytest.raises(IntakeError, match="is not UTF-8, GB18030 or Big5 text"):
        read_plan(path)
    with pytest.raises(IntakeError, match=r"cannot decode plan as big5: byte 0x[0-9a-f]{2} at offset \d+ is invalid"):
        decode(source("jian-2024").encode("gb18030"), "big5", "plan")


@settings(max_examples=60, deadline=None)
@given(
    value=st.decimals(min_value=1, max_value=9999, places=1).map(float),
    suffix=st.sampled_from([("以上", ">="), ("左右", "~"), ("以内", "<="), ("", "=")]),
    unit=st.sampled_from(["%", "家", "项", "亿元", "个"]),
)
def test_any_value_and_comparator_round_trip(value, suffix, unit):
    sentence = f"全市重点产品质量合格率达到{format_number(value)}{unit}{suffix[0]}"
    c = one(sentence)
    assert (c.value, c.unit, c.comparator) == (value, unit, suffix[1])


# --- evaluation and the command line ------------------------------------------------------------


def test_scores_on_the_curated_corpus(dataset):
    overall = total(evaluate(dataset))
    assert overall.recall >= 0.95 and overall.precision >= 0.90, (overall.recall, overall.precision)


def run(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True)


def test_cli_extract_csv_and_json(tmp_path):
    out = run("extract", str(paths.DATA_DIR / "sources" / "national-2023.txt"))
    rows = list(csv.DictReader(out.stdout.splitlines()))
    assert [(r["indicator_id"], r["value"], r["comparator"], r["target_year"]) for r in rows] == [
        ("mfg_quality_competitiveness_index", "86", "=", "2025"),
        ("farm_product_monitoring_pass_rate", "98", ">=", "2025"),
        ("food_sampling_pass_rate", "98", ">=", "2025"),
        ("mfg_product_pass_rate", "94", "=", "2025"),
    ]
    assert list(rows[0])[:10] == [
        "indicator_phrase",
        "indicator_id",
        "value",
        "value_high",
        "unit",
        "comparator",
        "target_year",
        "baseline_year",
        "char_offset",
        "quote",
    ]
    assert run("extract", str(paths.DATA_DIR / "sources" / "national-2023.txt"), "--format", "json").stdout.startswith(
        "["
    )


def test_cli_extract_reports_undecodable_input(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(128, 256)) * 4)
    out = run("extract", str(path))
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr == f"error: cannot decode {path}: it is not UTF-8, GB18030 or Big5 text\n"


def test_cli_evaluate_prints_scores():
    out = run("evaluate", "--quiet")
    assert out.returncode == 0
    assert out.stdout.splitlines()[0].split() == [
        "document",
        "labelled",
        "found",
        "matched",
        "precision",
        "recall",
        "F1",
    ]
    lines = out.stdout.splitlines()
    quoted = 14  # one line per quoted plan, after the header
    assert lines[quoted + 1].startswith("overall") and lines[quoted + 2].split() == [
        "field",
        "precision",
        "recall",
        "F1",
    ]
    assert [line.split()[0] for line in lines[quoted + 3 : quoted + 9]] == [
        "value",
        "year",
        "comparator",
        "unit",
        "indicator",
        "all",
    ]
    assert lines[quoted + 9].split() == ["confidence", "candidates", "targets", "all", "right"]
    assert [line.split()[0] for line in lines[quoted + 10 :]] == ["[0.0,", "[0.4,", "[0.6,", "[0.8,", "[0.9,", ">="]


# --- adding a plan ------------------------------------------------------------------------------


def test_add_document_copies_registers_and_proposes(data_copy, tmp_path):
    plan = tmp_path / "plan.gb18030.txt"
    plan.write_bytes(source("jian-2024").encode("gb18030"))
    targets_before = (data_copy / "targets.csv").read_bytes()
    out = tmp_path / "candidates.csv"
    added = add_document(
        plan, "jian-2025", "jian", "吉安市测试方案", "2025-01-02", data_dir=data_copy, candidates_path=out
    )
    assert (data_copy / "sources" / "jian-2025.txt").read_text(encoding="utf-8") == source("jian-2024")
    assert (data_copy / "targets.csv").read_bytes() == targets_before  # nothing appended without review
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == added.candidates >= 40 and rows[0]["target_id"] == "jian-2025-001"
    dataset, problems = validate(data_copy)
    assert problems == [] and "jian-2025" in set(dataset.documents["doc_id"])
    doc = dataset.documents.set_index("doc_id").loc["jian-2025"]
    assert doc["script"] == "simplified" and doc["sha256"] == added.sha256


def test_add_document_refuses_to_overwrite_and_names_valid_jurisdictions(data_copy, tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(source("national-2023"), encoding="utf-8")
    with pytest.raises(IntakeError, match="doc_id 'jilin-2018' is already in documents.csv"):
        add_document(
            plan, "jilin-2018", "jilin", "t", "2018-07-05", data_dir=data_copy, candidates_path=tmp_path / "c.csv"
        )
    with pytest.raises(
        IntakeError,
        match=r"unknown jurisdiction 'lhasa'; add it to jurisdictions.csv first, or use one of: china, anhui, ",
    ):
        add_document(
            plan, "lhasa-2024", "lhasa", "t", "2024-01-01", data_dir=data_copy, candidates_path=tmp_path / "c.csv"
        )
    (tmp_path / "c.csv").write_text("keep me")
    with pytest.raises(IntakeError, match="c.csv exists; not overwriting it"):
        add_document(
            plan, "hubei-2024", "hubei", "t", "2024-01-01", data_dir=data_copy, candidates_path=tmp_path / "c.csv"
        )
    assert (tmp_path / "c.csv").read_text() == "keep me"
    assert not (data_copy / "sources" / "hubei-2024.txt").exists()


def test_cli_extract_counts_a_stated_length_from_the_issue_date(tmp_path):
    """A press conference on a plan issued in November 2023: 经过三年努力 runs 2024-2026."""
    path = tmp_path / "interview.txt"
    path.write_text("答：经过三年努力，全旗制造业产品质量合格率稳定在94%以上。\n", encoding="utf-8")
    (row,) = csv.DictReader(run("extract", str(path), "--issued", "2023-11-20").stdout.splitlines())
    assert (row["value"], row["target_year"], row["year_source"]) == ("94", "2026", "duration")
    assert "2024-2026" in row["year_basis"]
    (row,) = csv.DictReader(run("extract", str(path)).stdout.splitlines())
    assert row["target_year"] == ""  # without the date, no year is guessed
