"""A CJK web font for the HTML reports, so Chinese text renders on machines without CJK fonts.

Charts are PNGs with the font baked in, but tables and prose in the HTML pages use the
reader's fonts: on a machine with none that cover Chinese they show boxes. The report batch
therefore writes ``reports/assets/cjk.woff``, the pip-installed Noto Sans CJK SC cut down to
the characters the pages use (about 100-200 KB), and every page links a stylesheet that
adds it after the reader's own fonts. Nothing is fetched from the internet.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

FAMILY = "Report CJK"
SC_FACE = "Noto Sans CJK SC"
# The subset font comes first: Chromium, given a system font first, draws some CJK
# characters as boxes instead of falling through to a later web font (seen on Debian with
# no CJK fonts). The subset also holds Latin, so the whole page reads in one face.
STACK = f'"{FAMILY}", system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif'


def cjk_characters(text: str) -> set[str]:
    """Characters beyond ASCII that a page needs glyphs for (CJK, ≥, ·, full-width punctuation)."""
    return {c for c in text if ord(c) > 0x7F}


def subset_font(chars: set[str]) -> bytes:
    """Noto Sans CJK SC (from the noto-cjk-sans-otc package) cut down to ``chars``, as WOFF."""
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont
    from noto_cjk_sans_otc import FONT_PATH

    collection = TTCollection(str(FONT_PATH), lazy=True)
    index = next(i for i, f in enumerate(collection.fonts) if f["name"].getDebugName(1) == SC_FACE)
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]
    options.notdef_outline = True
    options.desubroutinize = True  # subroutinised CID CFF subsets lose glyphs in Chromium
    # A fixed timestamp for reproducible bytes; the glyphs' bounds are the original font's
    # (recomputing them for every glyph kept doubles the time taken).
    font = TTFont(str(FONT_PATH), fontNumber=index, lazy=True, recalcTimestamp=False, recalcBBoxes=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={ord(c) for c in chars} | set(range(0x20, 0x7F)))
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return out.getvalue()


def stylesheet(font_file: str) -> str:
    """CSS declaring the subset font and adding it to the page's font stacks."""
    return (
        f'@font-face {{ font-family: "{FAMILY}"; src: url("{font_file}") format("woff"); font-display: swap; }}\n'
        f"body {{ font-family: {STACK}; }}\n"
    )


def charset_key(chars: set[str]) -> str:
    return hashlib.sha256("".join(sorted(chars)).encode()).hexdigest()[:16]


def write_assets(assets_dir: Path, chars: set[str], write_bytes) -> None:
    """Write the subset font and its stylesheet, unless the same character set is there."""
    key = charset_key(chars)
    stamp = assets_dir / "cjk.key"
    if stamp.is_file() and stamp.read_text() == key and (assets_dir / "cjk.woff").is_file():
        return
    write_bytes(assets_dir / "cjk.woff", subset_font(chars))
    write_bytes(assets_dir / "fonts.css", stylesheet("cjk.woff").encode())
    write_bytes(stamp, key.encode())
