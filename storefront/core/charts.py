"""Server-side SVG charts (horizontal bars, lines) with a title, text labels and a data table beside them.

Drawn for a phone first: the view box is about a phone's width in CSS pixels, so text keeps its size there (and
grows a little on a desktop); a bar's label sits on its own line above the bar instead of sharing the width with
it. A value that does not exist (a share of nothing, 0/0) is ``None``: drawn as no bar and shown as "—"."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 360
LABEL_H = 18
BAR_H = 14
BAR_GAP = 10
LINE_H = 220
#: Shown for a value that does not exist (e.g. a percentage of nothing).
NO_VALUE = "—"
PALETTE = ("#0e7490", "#b42318", "#067647", "#b54708", "#6941c6", "#334155")


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5 × 10^n that is at least ``value`` (axis maximum)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


@dataclass(frozen=True)
class Chart:
    """A chart's data with its rendered SVG; ``rows`` are (label, value, formatted value)."""

    id: str
    title: str
    kind: str
    rows: tuple[tuple[str, float, str], ...]
    value_label: str = ""

    @property
    def empty(self) -> bool:
        """True when there is nothing to draw."""
        return not self.rows

    @property
    def svg(self) -> Markup:
        """The chart as inline, accessible SVG."""
        return _bars(self) if self.kind == "bar" else _line(self)


def _rows(rows: Sequence[tuple[object, float | None]], fmt: Callable[[float], str]) -> tuple:
    return tuple((str(label), float(value or 0), NO_VALUE if value is None else fmt(value)) for label, value in rows)


def bar_chart(
    chart_id: str,
    title: str,
    rows: Sequence[tuple[object, float]],
    *,
    fmt: Callable = str,
    value_label: str = "",
) -> Chart:
    """A horizontal bar chart: one labelled bar per row."""
    return Chart(chart_id, str(title), "bar", _rows(rows, fmt), str(value_label))


def line_chart(
    chart_id: str,
    title: str,
    rows: Sequence[tuple[object, float]],
    *,
    fmt: Callable = str,
    value_label: str = "",
) -> Chart:
    """A line chart over ordered labels (months)."""
    return Chart(chart_id, str(title), "line", _rows(rows, fmt), str(value_label))


def _open(chart: Chart, height: int) -> str:
    cid = escape(chart.id)
    return (
        f'<svg class="chart chart-{chart.kind}" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{cid}-title" xmlns="http://www.w3.org/2000/svg" '
        'preserveAspectRatio="xMinYMin meet">'
        f'<title id="{cid}-title">{escape(chart.title)}</title>'
    )


def _truncate(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bars(chart: Chart) -> Markup:
    n = max(len(chart.rows), 1)
    step = LABEL_H + BAR_H + BAR_GAP
    height = n * step + BAR_GAP
    top = max((v for _l, v, _f in chart.rows), default=0) or 1
    parts = [_open(chart, height)]
    for i, (label, value, shown) in enumerate(chart.rows):
        y = BAR_GAP + i * step
        w = max(value / top * WIDTH, 1 if value else 0)
        color = PALETTE[i % len(PALETTE)]
        parts.append(
            f"<g><title>{escape(label)}: {escape(shown)}</title>"
            f'<text x="0" y="{y + 13}" class="chart-label">{escape(_truncate(label))}</text>'
            f'<text x="{WIDTH}" y="{y + 13}" text-anchor="end" class="chart-value">{escape(shown)}</text>'
            f'<rect x="0" y="{y + LABEL_H}" width="{w:.1f}" height="{BAR_H}" rx="3" fill="{color}"/>'
            "</g>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every interpolated value is escaped above


def _line(chart: Chart) -> Markup:
    left, right, top_pad, bottom = 44, 12, 16, 36
    plot_w, plot_h = WIDTH - left - right, LINE_H - top_pad - bottom
    peak = nice_ceiling(max((v for _l, v, _f in chart.rows), default=0))
    n = len(chart.rows)
    parts = [_open(chart, LINE_H)]
    for k in range(5):
        value = peak * k / 4
        y = top_pad + plot_h - plot_h * k / 4
        parts.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" class="chart-gridline"/>')
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="chart-axis">{escape(_short(value))}</text>'
        )
    points = []
    for i, (label, value, shown) in enumerate(chart.rows):
        x = left + (plot_w * (i + 0.5) / n if n else 0)
        y = top_pad + plot_h - plot_h * value / peak
        points.append((x, y, label, shown))
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _l, _s in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{PALETTE[0]}" stroke-width="2.5"/>')
    every = max(1, math.ceil(n / 4))  # at most four axis labels (a phone's width); every point has a <title>
    for i, (x, y, label, shown) in enumerate(points):
        parts.append(
            f"<g><title>{escape(label)}: {escape(shown)}</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{PALETTE[0]}"/></g>'
        )
        if i % every == 0:
            parts.append(
                f'<text x="{x:.1f}" y="{LINE_H - bottom + 18}" text-anchor="middle" class="chart-axis">'
                f"{escape(label)}</text>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every interpolated value is escaped above


def _short(value: float) -> str:
    """Axis numbers: 1200 → 1.2k, 3000000 → 3M."""
    for limit, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if value >= limit:
            return f"{value / limit:g}{suffix}"
    return f"{value:g}"
