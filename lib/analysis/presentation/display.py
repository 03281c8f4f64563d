"""Showing a chart in a notebook: the figure inline, with its alt text, and (when the report
batch asks for it) saved as files beside the report."""

from __future__ import annotations

import base64
import io
from pathlib import Path

from .. import files


class FigureSaver:
    """Displays figures in a notebook and, if ``figures_dir`` is set, saves each as PNG and SVG.

    The PNG is displayed with its alt text in the output's metadata (the HTML export writes
    it into the ``<img>``), and with a stable ``text/plain`` so nbval compares it by name.
    """

    def __init__(self, figures_dir: str = ""):
        self.figures_dir = Path(figures_dir) if figures_dir else None

    def show(self, fig, name: str) -> None:
        from IPython.display import display

        png = io.BytesIO()
        fig.savefig(png, format="png", dpi=110)
        alt = getattr(fig, "alt_text", "") or name
        if self.figures_dir is not None:
            self.figures_dir.mkdir(parents=True, exist_ok=True)
            files.write_bytes(self.figures_dir / f"{name}.png", png.getvalue())
            svg = io.BytesIO()
            fig.savefig(svg, format="svg", metadata={"Date": None})
            files.write_bytes(self.figures_dir / f"{name}.svg", svg.getvalue())
        width = int(fig.get_figwidth() * 110)
        display(
            {"image/png": base64.b64encode(png.getvalue()).decode(), "text/plain": f"<Figure '{name}': {alt}>"},
            raw=True,
            metadata={"image/png": {"alt": alt, "width": width}},
        )
