"""Plans as users receive them, made from a plan's text for the tests and the extraction
benchmark: a PDF with a real CJK text layer, a Word document and a saved government web page.

Each carries what real ones carry: an indicator table (主要指标表), lines wrapped wherever the
page is full (splitting words and numbers), spaces between Chinese and Latin runs in the PDF's
text layer (到 2027 年), a running page header and a page-number footer; the web page has
navigation and a site footer around the article. ``with_table`` gives the same plan as plain
text, the table written one row a line, so each version can be compared with the text.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

PAGE_HEADER = "质量强市建设实施方案（印发稿）"
INDICATOR_TABLE = [
    ["序号", "指标名称", "单位", "2023年", "2027年", "属性"],
    ["1", "制造业质量竞争力指数", "—", "85.9", "87.5", "预期性"],
    ["2", "规模以上工业企业质量管理体系认证率", "%", "72", "≥80", "预期性"],
    ["3", "食品抽检合格率", "%", "98.2", "≥98.5", "约束性"],
    ["4", "每万人口高价值发明专利拥有量", "件", "3.1", "5", "预期性"],
]
TABLE_TITLE = "附表：主要指标表"
NAVIGATION = "首页 | 政务公开 | 信息公开 | 政策文件 | 互动交流 | 办事服务"
SITE_FOOTER = (
    "主办：市人民政府办公室 承办：市大数据中心 联系电话：0796-8221234 邮编：343000"
    " 网站标识码 3608000001 赣ICP备05004521号"
)


# Ordinary characters a PDF printed from a web page can carry as radicals: its font draws them
# with the radical's glyph and its ToUnicode map names the radical (⼒ U+2F12 for 力, ⺠ U+2EA0
# for 民, which Unicode's compatibility mapping does not fold).
AS_RADICALS = {
    "力": "\u2f12",
    "工": "\u2f2f",
    "大": "\u2f24",
    "人": "\u2f08",
    "民": "\u2ea0",
    "长": "\u2ed3",
    "门": "\u2ed4",
}


def with_radicals(text: str) -> str:
    """The text as such a PDF's text layer reads it: some ordinary characters named as radicals."""
    mapping: dict[int, str | int | None] = {ord(k): v for k, v in AS_RADICALS.items()}
    return text.translate(mapping)


def with_table(text: str) -> str:
    """The plan's text with the indicator table after it, rows as ``| a | b |`` lines."""
    rows = "\n".join("| " + " | ".join(row) + " |" for row in INDICATOR_TABLE)
    return text.rstrip("\n") + f"\n{TABLE_TITLE}\n{rows}\n"


def cjk_font(folder: Path, text: str) -> Path:
    """A TrueType font (Noto Sans CJK SC, cut to the characters of ``text``) that fpdf2 can embed.

    The pip-installed Noto Sans CJK is a CFF collection; fontTools cuts the face out, subsets
    it, and converts its cubic outlines to quadratic ones (cu2qu) so it becomes a glyf font.
    """
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTCollection, newTable
    from noto_cjk_sans_otc import FONT_PATH

    font = TTCollection(str(FONT_PATH)).fonts[2]  # the SC face
    options = subset.Options()
    options.layout_features, options.name_IDs, options.notdef_outline, options.hinting = [], ["*"], True, False
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text + PAGE_HEADER + "— 0123456789")
    subsetter.subset(font)
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = font.getGlyphOrder(), {}
    for name in glyf.glyphOrder:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"], font["glyf"] = newTable("loca"), glyf
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    maxp = font["maxp"]
    maxp.tableVersion, maxp.maxZones = 0x00010000, 2
    for attribute in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attribute, 0)
    font["head"].indexToLocFormat, font["head"].glyphDataFormat = 0, 0
    font["post"].formatType, font["post"].extraNames, font["post"].mapping = 2.0, [], {}
    font.sfntVersion = "\x00\x01\x00\x00"
    path = folder / "cjk.ttf"
    font.save(str(path))
    return path


def layout_spaces(line: str) -> str:
    """Spaces between Chinese and Latin or digit runs, as PDF text layers have them."""
    return re.sub(r"(?<=[\u4e00-\u9fff])(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%])(?=[\u4e00-\u9fff])", " ", line)


def write_pdf(text: str, path: Path, font: Path, table: bool = True) -> Path:
    """The plan printed to an A4 PDF: running header, page numbers, the table as a ruled table
    (``table=False``: the text alone, as a page printed from a browser)."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode
    from fpdf.fonts import FontFace

    class Printed(FPDF):
        def header(self):
            self.set_font("cjk", size=9)
            self.cell(0, 8, PAGE_HEADER, align="C", new_x="LMARGIN", new_y="NEXT")

        def footer(self):
            self.set_y(-15)
            self.set_font("cjk", size=9)
            self.cell(0, 8, f"— {self.page_no()} —", align="C")

    pdf = Printed(format="A4")
    pdf.add_font("cjk", fname=str(font))
    pdf.add_page()
    pdf.set_font("cjk", size=11)
    for line in text.splitlines():
        pdf.multi_cell(0, 6, layout_spaces(line) or " ", new_x="LMARGIN", new_y="NEXT", wrapmode=WrapMode.CHAR)
    if not table:
        pdf.output(str(path))
        return path
    pdf.multi_cell(0, 6, TABLE_TITLE, new_x="LMARGIN", new_y="NEXT")
    with pdf.table(headings_style=FontFace(emphasis=None), col_widths=(8, 40, 10, 12, 12, 12)) as grid:
        for row in INDICATOR_TABLE:
            cells = grid.row()
            for cell in row:
                cells.cell(cell)
    pdf.output(str(path))
    return path


def write_docx(text: str, path: Path, table: bool = True) -> Path:
    """The plan as a Word document: a paragraph a line, the table as a Word table, a page header."""
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = PAGE_HEADER
    for line in text.splitlines():
        document.add_paragraph(line)
    if not table:
        document.save(str(path))
        return path
    document.add_paragraph(TABLE_TITLE)
    grid = document.add_table(rows=len(INDICATOR_TABLE), cols=len(INDICATOR_TABLE[0]))
    for r, row in enumerate(INDICATOR_TABLE):
        for c, cell in enumerate(row):
            grid.cell(r, c).text = cell
    document.save(str(path))
    return path


def write_html(
    text: str, path: Path, title: str = "质量强市建设实施方案", table: bool = True, published: str | None = "2024-04-29"
) -> Path:
    """The plan as a saved government page: navigation, the article, the table, the site footer
    (``published``: the page's date in its information line, None for none)."""
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    rows = "\n".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in INDICATOR_TABLE
    )
    if not table:
        rows = ""
    info = f"发布时间：{published}　" if published else ""
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}_市人民政府门户网站</title></head>
<body>
<div class="top-nav"><a href="/">{NAVIGATION}</a></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政策文件</div>
<div class="article">
<h1>{html.escape(title)}</h1>
<div class="info">{info}来源：市政府办公室　浏览次数：2317　【字体：大 中 小】</div>
<div class="TRS_Editor">
{paragraphs}
{f"<p>{TABLE_TITLE}</p>" if table else ""}
{f'<table border="1">{rows}</table>' if table else ""}
</div></div>
<div class="share">分享到：微信 微博 QQ空间　【打印本页】【关闭窗口】</div>
<div class="footer">{SITE_FOOTER}</div>
</body></html>
"""
    path.write_text(page, encoding="utf-8")
    return path
