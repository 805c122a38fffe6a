"""Server-rendered SVG bar charts (pure; no Django, no script, no inline style).

Horizontal bars, one group per row and one bar per series, scaled to the largest value.
Colours and fonts come from classes in ``static/laborlens/metrics.css``; sizes are SVG
presentation attributes. The chart is decorative for screen readers (``aria-hidden``): the
data table that follows it carries the same numbers."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

WIDTH = 440
BAR_HEIGHT = 16
LABEL_HEIGHT = 18
GAP = 12
VALUE_SPACE = 56
MAX_LABEL = 60


def bar_chart(labels: Sequence[str], series: Sequence[Sequence[float | int | None]],
              series_names: Sequence[str]) -> str:
    """``series[i][j]`` is the value of series i for row j. Each row: its label on one
    line, then one bar per series below it, so that the chart stays legible when it is
    scaled down to a phone's width."""
    values = [float(v or 0) for column in series for v in column]
    top = max(values, default=0.0) or 1.0
    per_row = LABEL_HEIGHT + len(series) * BAR_HEIGHT + GAP
    legend = 24 if len(series) > 1 else 0
    height = legend + max(len(labels), 1) * per_row
    track = WIDTH - VALUE_SPACE
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
             f'width="100%" preserveAspectRatio="xMinYMin meet" aria-hidden="true" focusable="false">']
    if legend:
        x = 0
        for index, name in enumerate(series_names):
            parts.append(f'<rect class="bar series-{index}" x="{x}" y="4" width="12" height="12"/>')
            parts.append(f'<text class="legend" x="{x + 16}" y="14">{escape(name)}</text>')
            x += 24 + 8 * len(name)
    for row, label in enumerate(labels):
        y = legend + row * per_row
        short = label if len(label) <= MAX_LABEL else label[:MAX_LABEL - 1] + "…"
        parts.append(f'<text class="label" x="0" y="{y + LABEL_HEIGHT - 5}">{escape(short)}</text>')
        for index, column in enumerate(series):
            value = float(column[row] or 0)
            width = track * value / top
            by = y + LABEL_HEIGHT + index * BAR_HEIGHT
            parts.append(f'<rect class="bar series-{index}" x="0" y="{by}" '
                         f'width="{width:.1f}" height="{BAR_HEIGHT - 3}"/>')
            shown = f"{value:g}" if column[row] is not None else "—"
            parts.append(f'<text class="value" x="{width + 4:.1f}" y="{by + BAR_HEIGHT - 5}">'
                         f'{escape(shown)}</text>')
    parts.append("</svg>")
    return "".join(parts)


SPARK_WIDTH = 120
SPARK_HEIGHT = 28


def sparkline(values: Sequence[float | int]) -> str:
    """A small trend line (one point per month), decorative: the tile states the numbers
    and the figure's table below carries them for screen readers."""
    top = max((float(v) for v in values), default=0.0) or 1.0
    step = SPARK_WIDTH / max(len(values) - 1, 1)
    points = " ".join(f"{i * step:.1f},{SPARK_HEIGHT - 2 - (SPARK_HEIGHT - 4) * float(v) / top:.1f}"
                      for i, v in enumerate(values))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="spark" viewBox="0 0 {SPARK_WIDTH} {SPARK_HEIGHT}" '
            f'width="{SPARK_WIDTH}" height="{SPARK_HEIGHT}" aria-hidden="true" focusable="false">'
            f'<polyline class="trend" fill="none" points="{points}"/></svg>')
