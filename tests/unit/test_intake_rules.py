"""The extractor's parts, each on sentences written in the style of the failure classes seen on
unseen plans (not copied from any plan): layout artefacts and their map back, indicator
tables, the named rejections, where a target's year comes from, repeated mentions, confidence,
and what a candidate says before and after review."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.intake.extraction import extract, extract_all
from analysis.intake.repair import matching_view, simplified
from analysis.intake.review import REVIEWED, UNREVIEWED, candidates_table, rejected_table, target_rows
from analysis.intake.tables import Cell, header_columns, read_value
from analysis.intake.years import horizon_year, plan_year


def found(text: str) -> list[tuple]:
    return [(c.value, c.unit, c.comparator, c.target_year) for c in extract(text)]


def rejected_by(text: str) -> dict[str, str]:
    """Each rejected number (as written) with the rule that rejected it."""
    return {r.number: r.rule for r in extract_all(text).rejected}


# --- artefacts of a PDF's text layer, and the map back --------------------------------------------


def hard_wrapped(paragraph: str, width: int = 30) -> str:
    """A paragraph broken every ``width`` characters, as a PDF's text layer breaks it."""
    return "\n".join(paragraph[k : k + width] for k in range(0, len(paragraph), width))


def test_layout_spaces_and_wrapped_lines_are_removed_for_matching_only():
    paragraph = (
        "到 2028 年，全县规模以上工业企业质量管理体系认证覆盖率达到 85% 以上，绿色食品认证数量达到 40 个，"
        "现代农业产业园区标准化生产覆盖率达到 90%，重点工程质量抽检合格率达到 97%，区域品牌价值达到 12 亿元以上，"
        "质量基础设施一站式服务站覆盖所有乡镇，为全县高质量发展提供坚实的质量支撑。"
    )
    text = hard_wrapped(paragraph) + "\n三、保障措施\n"
    view = matching_view(text)
    assert "覆盖率达到90%" in view.text and "合格率达到97%" in view.text and "到2028年" in view.text
    c = {c.value: c for c in extract(text)}
    assert set(c) == {85, 40, 90, 97, 12}
    assert c[90].indicator_phrase == "现代农业产业园区标准化生产覆盖率"
    assert any("\n" in cand.quote for cand in c.values())  # a quote across a line break, as stored
    for cand in c.values():
        assert text[cand.char_offset :].startswith(cand.quote) and cand.target_year == 2028
    assert "\n三、保障措施\n" in view.text  # a heading is never joined to the line before it


def test_a_number_cut_by_a_line_break_is_read_whole():
    text = "到2027年，全市重点工程质量抽检合格率达到9\n7%，食品抽检合格率达到98.\n5%。\n"
    assert [(c.value, c.quote) for c in extract(text)] == [
        (97, "重点工程质量抽检合格率达到9\n7%"),
        (98.5, "食品抽检合格率达到98.\n5%"),
    ]


def test_page_headers_footers_and_numbers_are_furniture():
    body = "为推动全县质量工作高质量发展，现就有关事项通知如下，各单位要结合实际认真抓好贯彻落实工作。"
    page1 = "\n".join(["某县人民政府办公室文件", body, body, "到2027年，全县农产品质量安全监测合格率稳定在", "— 1 —"])
    page2 = "\n".join(["某县人民政府办公室文件", "98%以上。", body, body, "— 2 —"])
    text = page1 + "\n\f\n" + page2 + "\n"
    (c,) = extract(text)
    assert (c.value, c.comparator, c.target_year) == (98, ">=", 2027)
    assert c.indicator_phrase == "农产品质量安全监测合格率"
    assert text[c.char_offset :].startswith(c.quote) and "— 1 —" in c.quote  # the quote is the stored text
    assert {r.number: r.rule for r in extract_all(text).rejected if r.rule == "page_furniture"} == {
        "1": "page_furniture",
        "2": "page_furniture",
    }


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("到年达率%以上 \n\f\u3000—-0123456789，。質量指标|")), max_size=300))
def test_every_view_character_maps_back_to_its_stored_character(text):
    view, folded = matching_view(text), simplified(text)
    positions = [view.stored(i) for i in range(len(view.text))]
    assert positions == sorted(set(positions))  # in order, each stored character used once
    for i, pos in enumerate(positions):
        assert view.text[i] == folded[pos] or (view.text[i], folded[pos]) in (("\n", "\n"), ("\n", "\f"), ("\t", " "))


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=400)
    | st.text(alphabet=st.sampled_from(list("到2025年达到98%以上，新增1-2个“十四五”|\n\f 。")), max_size=400)
)
def test_the_extractor_never_raises_on_any_text(text):
    result = extract_all(text)
    for c in result.candidates:
        assert text[c.char_offset :].startswith(c.quote)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_the_extractor_never_raises_on_any_bytes_read_as_text(data):
    extract_all(data.decode("utf-8", errors="replace"))
    extract_all(data.decode("gb18030", errors="replace"))


def test_work_grows_in_step_with_the_text():
    """A text repeated k times gives k times the candidates and rejections: no number is read twice."""
    text = "二、主要目标\n到2027年，全市食品抽检合格率达到98.5%以上，新增省级质检中心2个，对获奖企业奖励50万元。\n"
    one = extract_all(text)
    for k in (2, 5, 20):
        many = extract_all(text * k)
        assert len(many.rejected) == k * len(one.rejected)
        assert sum(len(c.occurrences()) for c in many.candidates) == k * sum(
            len(c.occurrences()) for c in one.candidates
        )


def test_targets_listed_as_labels_with_symbols_and_separators():
    text = (
        "到2025年，主要指标如下：\n1.制造业产品质量合格率：95%以上；\n2.食品抽检合格率：≥98.5%；\n"
        "3.制造业质量竞争力指数：87；\n4.每万户市场主体商标拥有量：1,200件；\n5.质量投诉处理率≤1%。\n"
        "联系电话：0791-86661234。\n"
    )
    assert [(c.indicator_phrase, c.value, c.comparator, c.unit) for c in extract(text)] == [
        ("制造业产品质量合格率", 95, ">=", "%"),
        ("食品抽检合格率", 98.5, ">=", "%"),
        ("制造业质量竞争力指数", 87, "=", "index"),
        ("每万户市场主体商标拥有量", 1200, "=", "件"),
        ("质量投诉处理率", 1, "<=", "%"),
    ]


def test_dash_items_with_a_comparator_and_no_verb():
    text = "到2025年，主要目标：\n——制造业质量竞争力指数88以上；\n●质量强县3个左右。"
    assert [(c.indicator_phrase, c.value, c.comparator) for c in extract(text)] == [
        ("制造业质量竞争力指数", 88, ">="),
        ("质量强县", 3, "~"),
    ]


def test_this_year_and_next_year_count_from_the_plans_own_year():
    text = "（2023年5月12日）\n到2025年，全市质量水平显著提升。\n今年内完成100家企业质量诊断，明年再完成150家。"
    assert [(c.value, c.target_year) for c in extract(text)] == [(100, 2023), (150, 2024)]


# --- indicator tables -----------------------------------------------------------------------------


def cells(*texts: str) -> list[Cell]:
    return [Cell(t, 0, 0) for t in texts]


@pytest.mark.parametrize(
    "header, roles",
    [
        (("序号", "指标名称", "单位", "2023年", "2027年", "属性"), (1, 4, 2, 3, 5, 2023, 2027)),
        (("指标", "计量单位", "基期值", "目标值", "指标属性"), (0, 3, 1, 2, 4, None, None)),
        (("类别", "主要指标", "2020年基期值", "2025年目标值", "性质"), (1, 3, None, 2, 4, 2020, 2025)),
    ],
)
def test_indicator_table_headers(header, roles):
    cols = header_columns(cells(*header))
    assert (cols.name, cols.targets[0][0], cols.unit, cols.baseline, cols.obligation) == roles[:5]
    assert (cols.baseline_year, cols.targets[0][1]) == roles[5:]


def test_a_table_laid_out_with_spaces_reads_like_one_with_bars():
    text = (
        "到2027年，全市质量水平显著提升。\n"
        "指标名称                      单位    2023年    2027年    属性\n"
        "制造业产品质量合格率          %       94.1      ≥95       约束性\n"
        "有效注册商标总量              万件    2.6       3.5       预期性\n"
    )
    rows = [(c.indicator_phrase, c.value, c.comparator, c.unit, c.baseline_value, c.obligation) for c in extract(text)]
    assert rows == [
        ("制造业产品质量合格率", 95, ">=", "%", 94.1, "binding"),
        ("有效注册商标总量", 3.5, "=", "万件", 2.6, "expected"),
    ]


def test_a_table_with_targets_for_two_years():
    text = (
        "| 指标 | 单位 | 2020年 | 2025年 | 2035年 | 属性 |\n"
        "| 制造业产品质量合格率 | % | 94.0 | ≥95 | ≥96 | 预期性 |\n"
        "| 大中型工程项目一次验收合格率 | % | 100 | 100 | 100 | 约束性 |\n"
    )
    rows = [(c.value, c.comparator, c.target_year, c.baseline_year, c.baseline_value) for c in extract(text)]
    assert rows == [
        (95, ">=", 2025, 2020, 94),
        (96, ">=", 2035, 2020, 94),
        (100, "=", 2025, 2020, 100),
        (100, "=", 2035, 2020, 100),
    ]


def test_a_table_without_targets_is_not_an_indicator_table():
    assert header_columns(cells("发布机构", "江苏省人民政府", "")) is None
    assert header_columns(cells("序号", "任务", "责任单位", "完成时限")) is None


@pytest.mark.parametrize(
    "cell, value",
    [
        ("≥95", (95, None, ">=", "")),
        ("95%以上", (95, None, ">=", "%")),
        ("<3", (3, None, "<=", "")),
        ("1-2", (1, 2, "range", "")),
        ("86.5", (86.5, None, "=", "")),
        ("约40", (40, None, "~", "")),
        ("不低于95%", (95, None, ">=", "%")),
        ("不超过3", (3, None, "<=", "")),
        ("较2020年下降14%", (14, None, "=", "%")),
        ("1000亿元以上", (1000, None, ">=", "亿元")),
    ],
)
def test_value_cells(cell, value):
    v = read_value(cell)
    assert (v.value, v.value_high, v.comparator, v.unit) == value


def test_a_value_cell_with_a_change_and_its_base_year():
    v = read_value("较2020年下降14%")
    assert (v.change, v.baseline_year) == ("decrease", 2020)


@pytest.mark.parametrize("cell", ["—", "", "稳步提升", "全覆盖"])
def test_cells_without_a_number(cell):
    assert read_value(cell) is None


def test_table_rows_in_text_with_a_merged_category_cell():
    text = (
        "到2027年，全市质量水平显著提升。\n"
        "| 类别 | 指标 | 单位 | 基期值 | 目标值 | 属性 |\n"
        "| 质量效益 | 制造业产品质量合格率 | % | 94 | ≥95 | 约束性 |\n"
        "| 质量基础 | 社会公用计量标准 | 项 | 220 | 260 | 预期性 |\n"
        "| 单位地区生产总值能耗下降 | % | — | 13.5 | 约束性 |\n"
    )
    rows = [
        (c.indicator_phrase, c.value, c.comparator, c.unit, c.target_year, c.obligation, c.change)
        for c in extract(text)
    ]
    assert rows == [
        ("制造业产品质量合格率", 95, ">=", "%", 2027, "binding", ""),
        ("社会公用计量标准", 260, "=", "项", 2027, "expected", ""),
        ("单位地区生产总值能耗下降", 13.5, "=", "%", 2027, "binding", "decrease"),
    ]


# --- rejections, each by its name -----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, number, rule",
    [
        ("对认定为市级技术中心的企业给予一次性补助30万元。", "30", "money_award"),
        ("每家企业最高可获资金支持200万元。", "200", "money_award"),
        ("入选的项目按投资额给予贴息，单个项目不超过80万元。", "80", "money_award"),
        ("对通过认可的实验室，按认可费用的40%给予补助。", "40", "money_award"),
        ("违反规定的，处以3万元以上10万元以下罚款。", "3", "money_award"),
        ("省政府提出，全省检验检测机构营业收入达到500亿元。", "500", "other_plans_goal"),
        ("按照《某省质量发展规划》要求，全省服务质量满意度达到83分。", "83", "other_plans_goal"),
        ("过去五年，全市累计完成标准制修订120项。", "120", "past_wording"),
        ("截至去年底，全市共有省级质检中心6个。", "6", "past_wording"),
        ("全市企业荣获各类质量奖项45个。", "45", "past_wording"),
        ("全市规上工业企业研发投入增长了12%。", "12", "past_wording"),
        ("“十三五”期间，全市新增中国驰名商标9件。", "9", "past_period"),
        ("2021年，全市产品质量监督抽查合格率达到93.6%。", "93.6", "past_period"),
        ("深入实施“三品”战略。", "三", "quoted_name"),
        ("培育年营业收入超10亿元的质量标杆企业3家。", "10", "name_or_threshold"),
        ("发布时间：2024-06-01　来源：市政府办公室　浏览次数：2317　【字体：大 中 小】", "2317", "page_info"),
    ],
)
def test_named_rejections(sentence, number, rule):
    text = "某市质量工作实施方案\n2024年6月1日\n到2026年，全市质量工作迈上新台阶。\n" + sentence
    assert rejected_by(text).get(number) == rule
    assert not number.isascii() or float(number) not in {c.value for c in extract(text)}


def test_words_of_what_is_to_be_override_what_was_done():
    text = "截至2023年底，全市已有省级技术标准创新基地2个，到2026年达到5个。"
    assert found(text) == [(5, "个", "=", 2026)]
    assert found("到2026年，力争新获评省级质量标杆企业8家。") == [(8, "家", "=", 2026)]


def test_a_comparison_with_last_year_is_a_target_only_when_the_sentence_aims():
    report = "2024-07-18\n上半年，全市完成产品质量监督抽查1260批次，较去年同期增加15%。\n"
    plan = "某区2025年质量工作计划\n全年规模以上工业增加值同比增长7%以上，认证证书数量较上年增长10%。\n"
    assert found(report) == []
    assert found(plan) == [(7, "%", ">=", 2025), (10, "%", "=", 2025)]


def test_a_reviewer_sees_every_rejected_number_with_its_rule():
    text = "2024年5月8日\n到2026年，全市药品抽检合格率达到99%。对获奖企业奖励20万元。"
    table = rejected_table(extract_all(text).rejected, text)
    assert list(table.columns) == ["number", "rule", "why", "context"]
    money = table[table["number"] == "20"].iloc[0]
    assert money["rule"] == "money_award" and "奖励50万元" in money["why"] and "【20】" in money["context"]


# --- where the year comes from --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, year",
    [
        ("某市2025年质量强市工作要点\n全年新增省级专精特新企业40家。", 2025),
        ("某区质量提升三年行动计划（2024—2026年）\n全区培育质量标杆企业20家。", 2026),
        ("自2025年起在全县开展质量提升行动，为期两年。\n全县培育质量标杆企业20家。", 2026),
        ("某市召开创建动员会，力争2027年通过国家验收。\n全市培育质量标杆企业20家。", 2027),
        ("“十五五”期末，全省新增国家级质检中心3个。", 2030),
    ],
)
def test_the_year_of_targets_listed_after_a_stated_horizon(text, year):
    assert [c.target_year for c in extract(text)] == [year]


def test_a_summary_of_last_year_and_a_plan_for_the_next():
    text = (
        "某县2024年工作总结和2025年工作计划\n一、2024年工作总结\n全年新增市场主体5632户，合格率达到98.7%。\n"
        "二、2025年工作计划\n（一）强化监管。全年抽检合格率保持在98%以上。\n（二）优化服务。企业开办时间压缩至1个工作日以内。\n"
    )
    assert [(c.value, c.unit, c.comparator, c.target_year) for c in extract(text)] == [
        (98, "%", ">=", 2025),
        (1, "个工作日", "<=", 2025),
    ]
    assert {r.number: r.rule for r in extract_all(text).rejected if r.rule != "date_or_duration"} == {
        "5632": "retrospective_section",
        "98.7": "retrospective_section",
        "二": "section_number",
    }


def test_a_plan_is_dated_by_its_earliest_full_date():
    text = "发布时间：2025-03-02\n(2024年12月30日)\n到2026年，全市新增标准20项。"
    assert plan_year(text) == 2024 and horizon_year(text) == 2026


def test_a_candidate_without_a_year_is_proposed_and_flagged_first():
    text = "全市食品抽检合格率达到98%以上，新增地理标志商标3件。"
    candidates = extract(text)
    assert [c.target_year for c in candidates] == [None, None]
    assert all(c.doubts[0] == "year not found" and c.confidence <= 0.55 for c in candidates)


# --- repeated mentions, confidence, review --------------------------------------------------------


def test_a_summary_and_the_body_are_one_candidate_listing_both_places():
    text = (
        "某市印发方案：到2026年，全市新培育省级知名品牌30个。\n"
        "方案提出，到2026年，力争新培育省级知名品牌30个以上，全市食品抽检合格率达到98%。\n"
    )
    candidates = extract(text)
    assert [(c.value, c.comparator, c.change) for c in candidates] == [(30, ">=", "new"), (98, "=", "")]
    brand = candidates[0]
    assert [o for o, _ in brand.occurrences()] == [text.index("全市新培育") + 2, text.index("力争新培育") + 2]
    assert all(text[o:].startswith(q) for o, q in brand.occurrences())


def test_the_review_table_puts_doubtful_candidates_first():
    text = "到2026年，全市食品抽检合格率达到98%。\n新增三个。\n全市新增省级质检中心2个。"
    table = candidates_table(extract(text), text)
    assert list(table["confidence"]) == sorted(table["confidence"])
    assert list(table.index) != sorted(table.index) or len(table) == 1


def test_candidates_say_unreviewed_until_accepted():
    candidates = extract("到2026年，全市食品抽检合格率达到98%，新增省级质检中心2个。")
    proposed = target_rows(candidates, "demo-2024")
    accepted = target_rows(candidates, "demo-2024", reject={2}, reviewed=True)
    assert all(r["notes"].startswith(UNREVIEWED + " (confidence ") for r in proposed)
    assert [r["notes"].split(";")[0] for r in accepted] == [REVIEWED]
    assert "reviewed" not in UNREVIEWED.replace("unreviewed", "")
