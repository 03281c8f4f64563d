"""The canvas every chart is drawn on: Agg for the PNG and, from the same figure, SVG with the
text as glyph outlines; text measured and laid out once per process, not once per drawing.

Measuring a string in the CJK font (FreeType loads every glyph of it) costs about half a
millisecond, and a report draws each label twice (PNG, then SVG), with the same tick labels,
names and titles in report after report of a batch kernel. Matplotlib keeps such results only
per renderer, and every drawing makes a new one; these renderers share them across drawings.
Results are the ones matplotlib computes, so the files' bytes are unchanged.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import matplotlib
from matplotlib import _text_helpers, cbook
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.backends.backend_mixed import MixedModeRenderer
from matplotlib.backends.backend_svg import RendererSVG
from matplotlib.textpath import TextToPath

T = TypeVar("T")
# Entries kept per table before it starts again (a batch kernel's reports share a few thousand
# strings; a label-heavy report adds a few hundred).
REMEMBERED = 50_000


def _remembered(table: dict, key: Hashable, compute: Callable[[], T]) -> T:
    try:
        return table[key]
    except KeyError:
        if len(table) >= REMEMBERED:
            table.clear()
        value = table[key] = compute()
        return value


_agg_metrics: dict[Hashable, tuple[float, float, float]] = {}


class _AggRenderer(RendererAgg):
    """Agg, with a plain string's size kept for every later drawing at the same resolution."""

    def get_text_width_height_descent(self, s, prop, ismath):
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)
        hinting = matplotlib.rcParams["text.hinting"], matplotlib.rcParams["text.hinting_factor"]
        key = (s, prop.copy(), self.dpi, hinting)
        return _remembered(
            _agg_metrics, key, lambda: super(_AggRenderer, self).get_text_width_height_descent(s, prop, ismath)
        )


class _GlyphOutlines(TextToPath):
    """Text to glyph outlines with each string's size, glyph positions and each glyph's outline
    kept; one instance serves every SVG a process writes."""

    def __init__(self):
        super().__init__()
        self._metrics: dict[Hashable, tuple[float, float, float]] = {}
        self._layouts: dict[Hashable, list[tuple[str, float, float]]] = {}
        self._outlines: dict[str, Any] = {}

    def get_text_width_height_descent(self, s, prop, ismath):
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)
        return _remembered(
            self._metrics,
            (s, prop.copy()),
            lambda: super(_GlyphOutlines, self).get_text_width_height_descent(s, prop, ismath),
        )

    def _layout(self, font, s: str, features, language) -> list[tuple[str, float, float]]:
        placed = []
        for item in _text_helpers.layout(s, font, features=features, language=language):
            glyph = self._get_glyph_repr(item.ft_object, item.glyph_index)  # type: ignore[attr-defined]
            if glyph not in self._outlines:
                self._outlines[glyph] = item.ft_object.get_path()
            placed.append((glyph, item.x, item.y))
        return placed

    def get_glyphs_with_font(
        self, font, s, glyph_map=None, return_new_glyphs_only=False, *, features=None, language=None
    ):
        key = (font, s, features, language)  # the font object itself: its size is fixed (FONT_SCALE)
        placed = _remembered(self._layouts, key, lambda: self._layout(font, s, features, language))
        if glyph_map is None:
            glyph_map = {}
        new = {} if return_new_glyphs_only else glyph_map
        for glyph, _, _ in placed:
            if glyph not in glyph_map:
                new[glyph] = self._outlines[glyph]
        return [(glyph, x, y, 1.0) for glyph, x, y in placed], new, []


_outlines = _GlyphOutlines()


class _SvgRenderer(RendererSVG):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._text2path = _outlines


class ReportCanvas(FigureCanvasAgg):
    """Agg for raster output; ``savefig(format="svg")`` draws the same figure with the SVG
    renderer. Both methods follow matplotlib 3.11's own (the version is pinned to the minor
    release), with only the renderer swapped; a unit test compares the files with those of
    matplotlib's canvases, byte for byte."""

    def get_renderer(self):
        w, h = self.get_width_height(physical=True)
        key = w, h, self.figure.dpi
        if self._lastKey != key:
            self.renderer = _AggRenderer(w, h, self.figure.dpi)
            self._lastKey = key
        return self.renderer

    def print_svg(self, filename, *, bbox_inches_restore=None, metadata=None, **_applied_by_savefig):
        # savefig has already set the dpi, face and edge colours it passes (matplotlib's own
        # canvases are spared them; a subclass outside matplotlib receives them all).
        with cbook.open_file_cm(filename, "w", encoding="utf-8") as fh:
            out: Any = fh if cbook.file_requires_unicode(fh) else codecs.getwriter("utf-8")(fh)
            dpi = self.figure.dpi
            self.figure.dpi = 72
            width, height = self.figure.get_size_inches()
            renderer = MixedModeRenderer(
                self.figure,
                width,
                height,
                dpi,
                _SvgRenderer(width * 72, height * 72, out, image_dpi=dpi, metadata=metadata),
                bbox_inches_restore=bbox_inches_restore,
            )
            self.figure.draw(renderer)  # type: ignore[arg-type]  # it passes its calls to the SVG renderer
            renderer.finalize()
