"""What keeping text between drawings saves: the report charts of every jurisdiction and indicator
of the real data, each drawn to its PNG and SVG twice in one process (as a batch kernel draws
them), once on matplotlib's own canvases and once on the report canvas, the order alternating.

Prints the CPU seconds of each and their ratio (report canvas over matplotlib's), and checks
that both gave the same bytes.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from matplotlib.backends.backend_agg import FigureCanvasAgg

from analysis import paths
from analysis.data import load
from analysis.presentation import charts, exports
from analysis.presentation.display import FILE_DPI


def drawn(make: Callable, stock: bool) -> tuple[float, bytes]:
    """CPU seconds to draw a new chart's PNG and SVG, and the files' bytes."""
    fig = make()
    if stock:
        FigureCanvasAgg(fig)  # savefig(format="svg") then switches to matplotlib's SVG canvas
    start = time.process_time()
    files = exports.chart_png(fig, FILE_DPI) + exports.chart_svg(fig)
    return time.process_time() - start, files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", default="zh", choices=["zh", "en"])
    args = parser.parse_args()
    dataset = load(paths.DATA_DIR)
    indicators = dataset.targets["indicator_id"].value_counts()
    makers: list[Callable] = [
        *(
            lambda j=j: charts.jurisdiction_profile(dataset, j, args.lang)
            for j in dataset.documents["jurisdiction_id"].unique()
        ),
        *(lambda i=i: charts.indicator_spread(dataset, i, args.lang) for i in indicators[indicators >= 2].index),
    ]
    seconds = {True: 0.0, False: 0.0}
    for n, make in enumerate(makers):
        order = (True, False) if n % 2 == 0 else (False, True)
        files = []
        for stock in order:
            spent, data = drawn(make, stock)
            seconds[stock] += spent
            files.append(data)
        assert files[0] == files[1], "the report canvas drew different bytes"
    print(f"{len(makers)} charts ({args.lang}), PNG and SVG each, the same bytes on both canvases")
    print(f"matplotlib's canvases: {seconds[True]:.2f} s CPU; report canvas: {seconds[False]:.2f} s CPU")
    print(f"ratio (report canvas / matplotlib's): {seconds[False] / seconds[True]:.2f}")


if __name__ == "__main__":
    main()
