"""Reading a received file: radicals a PDF's font names for ordinary characters are folded before
anything reads the text, and the reading libraries' warnings stay out of the user's terminal."""

from __future__ import annotations

import logging
import unicodedata
import warnings

from analysis.intake.extraction import extract
from analysis.intake.formats import quiet_readers, read_original
from analysis.intake.radicals import KANGXI, SUPPLEMENT, SUPPLEMENT_BY_NAME, fold_radicals


def is_unified(c: str) -> bool:
    cp = ord(c)
    return 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x3FFFF


def test_every_kangxi_radical_folds_to_an_ideograph():
    assert len(KANGXI) == 214 and all(is_unified(v) for v in KANGXI.values())
    assert KANGXI["\u2f12"] == "力" and KANGXI["\u2f2f"] == "工" and KANGXI["\u2f24"] == "大"


def test_the_supplement_table_is_the_fonts_glyph_sharing():
    """Re-derived from Noto Sans CJK SC: each radical in SUPPLEMENT shares its glyph with its ideograph."""
    from fontTools.ttLib import TTCollection
    from noto_cjk_sans_otc import FONT_PATH

    cmap = TTCollection(str(FONT_PATH)).fonts[2].getBestCmap()
    for radical, ideograph in SUPPLEMENT.items():
        assert cmap[ord(radical)] == cmap[ord(ideograph)], (radical, ideograph)
    assert unicodedata.normalize("NFKC", "\u2ea0") == "\u2ea0" and SUPPLEMENT["\u2ea0"] == "民"  # NFKC leaves ⺠
    for radical, ideograph in SUPPLEMENT_BY_NAME.items():
        assert unicodedata.name(radical).startswith("CJK RADICAL") and is_unified(ideograph)
        assert radical not in SUPPLEMENT


def test_folding_keeps_the_length_and_counts_what_it_folded():
    text, found = fold_radicals("制造业质量竞争⼒指数达到92以上,⺠营企业⼤幅增长")
    assert text == "制造业质量竞争力指数达到92以上,民营企业大幅增长"
    assert found == {"⼒": 1, "⺠": 1, "⼤": 1}


def test_a_received_text_with_radicals_is_read_folded(tmp_path, dataset):
    from analysis.intake.extraction import catalogue_aliases

    path = tmp_path / "plan.txt"
    path.write_text("到2025年,制造业质量竞争⼒指数达到92以上。\n", encoding="utf-8")
    original = read_original(path)
    assert "⼒" not in original.text and original.radicals == {"⼒": 1}
    assert "1 distinct radical code points (1 characters: ⼒)" in original.radicals_note
    (c,) = extract(original.text, catalogue_aliases(dataset.indicators))
    assert c.indicator_id == "mfg_quality_competitiveness_index"


def test_the_readers_warnings_go_to_the_log_at_debug_level(caplog):
    caplog.set_level(logging.DEBUG)
    with quiet_readers():
        for k in range(3):
            logging.getLogger("pdfminer.pdffont").warning("Could not get FontBBox from font descriptor %d", k)
        warnings.warn("a reader's own warning", UserWarning, stacklevel=1)
    shown = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert shown == []
    debug = [r.getMessage() for r in caplog.records if r.name == "analysis.intake.formats"]
    assert debug[:3] == [f"pdfminer.pdffont: Could not get FontBBox from font descriptor {k}" for k in range(3)]
    assert debug[3] == "UserWarning: a reader's own warning"
    logging.getLogger("pdfminer.pdffont").warning("outside the reading")  # control: shown again afterwards
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == ["outside the reading"]
