"""The files a report page links: each chart as a compact PNG and as an SVG, each table as CSV and
Excel. The bytes are the same whenever the content is (no timestamps, fixed SVG ids), so an
unchanged report rebuilds identically."""

from __future__ import annotations

import datetime as dt
import io

import matplotlib
import numpy as np
import pandas as pd
from PIL import Image

# Workbooks carry a creation date (also their zip entries' time): fixed, so output is reproducible.
WORKBOOK_DATE = dt.datetime(2026, 1, 1)
# Charts use few colours: 128, without dithering, keep text and lines crisp at a third of the size.
PNG_COLOURS = 128


def chart_png(fig, dpi: float) -> bytes:
    """The chart drawn once at ``dpi`` and stored as a palette PNG."""
    fig.set_dpi(dpi)
    fig.canvas.draw()
    # Quantized straight from the drawing's RGBA (half the time of converting to RGB first; the
    # figure is opaque, so alpha is dropped from the palette afterwards, as it holds nothing).
    rgba = Image.fromarray(np.asarray(fig.canvas.buffer_rgba()))
    palette = rgba.quantize(colors=PNG_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    colours = palette.getpalette("RGB")
    assert colours is not None  # a quantized image has a palette
    palette.putpalette(colours, "RGB")
    palette.info.pop("transparency", None)
    out = io.BytesIO()
    palette.save(out, format="PNG")
    return out.getvalue()


def chart_svg(fig) -> bytes:
    """The chart as a scalable vector file, from the same Figure the PNG was drawn from (its data
    and layout already computed; only the drawing is redone, by the SVG renderer)."""
    out = io.BytesIO()
    # Text drawn as glyph outlines (from the bundled CJK font), so the file shows Chinese on a
    # machine without Chinese fonts; ids salted with a constant and no date, so its bytes repeat.
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "quality-targets"}):
        fig.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()


def table_csv(frame: pd.DataFrame) -> bytes:
    """The table as UTF-8 CSV, its columns as shown, without the row index."""
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def table_xlsx(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """The table as an Excel workbook with one sheet, without the row index."""
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="xlsxwriter") as writer:
        writer.book.set_properties({"created": WORKBOOK_DATE, "author": "quality-targets"})
        frame.to_excel(writer, index=False, sheet_name=sheet)
    return out.getvalue()
