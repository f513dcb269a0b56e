"""Server-rendered bar charts as SVG, each with the same figures as a data table.

Pure Python, no Django request needed: the instruments, the public pages, the PDF and the
overviews all draw through here so every chart looks and reads the same. The SVG carries its
colours as presentation attributes (no `style`), so it passes a Content Security Policy without
'unsafe-inline' and renders the same in WeasyPrint. The SVG is `role="img"` with a title and a
description; the table beside it is the accessible form of the data.

Being pure, a chart does not write numbers itself: the caller passes `number(value, places)`,
in practice `core.numbers.dutch_number` (the template tag `{% chart %}` does), so the bars and
the table read "1,5" as everywhere else.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

# Calm, neutral series colours that keep 3:1 contrast against white (WCAG 1.4.11).
PALETTE = ("#2b5f75", "#8a5a00", "#5b4a8b", "#1a7f37", "#9a3b3b", "#4d5b6a")

BAR_HEIGHT = 18
BAR_GAP = 4
GROUP_GAP = 14
LABEL_WIDTH = 190  # fits 24 characters of 13 px text; longer labels are shortened
CHART_WIDTH = 640
VALUE_WIDTH = 70

Number = Callable[[float, int], str]


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Chart:
    """Horizontal bars: one group per category, one bar per series (None draws no bar)."""

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    description: str = ""
    # Header of the table's first column, e.g. "Groep".
    category_label: str = ""
    unit: str = ""
    decimals: int = 1
    max_value: float | None = None
    # Dashed reference lines, e.g. a signal threshold: (label, value).
    markers: tuple[tuple[str, float], ...] = field(default=())

    def __post_init__(self):
        for s in self.series:
            if len(s.values) != len(self.categories):
                raise ValueError(
                    f"series {s.name!r} has {len(s.values)} values "
                    f"for {len(self.categories)} categories"
                )

    @property
    def scale_max(self) -> float:
        if self.max_value is not None:
            return self.max_value
        values = [v for s in self.series for v in s.values if v is not None]
        values += [value for _, value in self.markers]
        return max(values, default=0) or 1

    def format(self, value: float | None, number: Number) -> str:
        """A value as the chart and its table write it, with the chart's decimals and unit."""
        if value is None:
            return "\N{EN DASH}"
        text = number(value, self.decimals)
        return f"{text} {self.unit}".strip() if self.unit else text

    def table_rows(self, number: Number) -> list[tuple[str, list[str]]]:
        return [
            (category, [self.format(s.values[i], number) for s in self.series])
            for i, category in enumerate(self.categories)
        ]

    def svg(self, chart_id: str, number: Number) -> str:
        """The chart as an SVG string; `chart_id` makes its title/desc ids unique on a page."""
        plot_width = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
        group_height = len(self.series) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
        legend_height = 24 if len(self.series) > 1 else 0
        height = legend_height + len(self.categories) * (group_height + GROUP_GAP) + GROUP_GAP
        # Each further marker label gets a line of its own below the bars, so none overlap.
        height += 16 * max(0, len(self.markers) - 1)
        scale = plot_width / self.scale_max
        description = self.description or self._summary(number)
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="sw-chart__svg" role="img" '
            f'viewBox="0 0 {CHART_WIDTH} {height}" width="{CHART_WIDTH}" height="{height}" '
            f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
            f'font-family="system-ui, sans-serif" font-size="13">',
            f'<title id="{chart_id}-title">{escape(self.title)}</title>',
            f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        ]
        x = LABEL_WIDTH
        for index, s in enumerate(self.series if legend_height else ()):
            colour = PALETTE[index % len(PALETTE)]
            parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{colour}"/>')
            parts.append(f'<text x="{x + 16}" y="15" fill="#1f2328">{escape(s.name)}</text>')
            x += 24 + 8 * len(s.name)
        y = legend_height + GROUP_GAP
        for i, category in enumerate(self.categories):
            label_y = y + group_height / 2 + 4
            parts.append(
                f'<text x="{LABEL_WIDTH - 8}" y="{label_y:.0f}" text-anchor="end" '
                f'fill="#1f2328">{escape(_shorten(category))}</text>'
            )
            for index, s in enumerate(self.series):
                value = s.values[i]
                bar_y = y + index * (BAR_HEIGHT + BAR_GAP)
                if value is not None:
                    width = max(0.0, min(value, self.scale_max)) * scale
                    colour = PALETTE[index % len(PALETTE)]
                    parts.append(
                        f'<rect x="{LABEL_WIDTH}" y="{bar_y}" width="{width:.1f}" '
                        f'height="{BAR_HEIGHT}" fill="{colour}"/>'
                    )
                    text_x = LABEL_WIDTH + width + 6
                else:
                    text_x = LABEL_WIDTH + 6
                parts.append(
                    f'<text x="{text_x:.1f}" y="{bar_y + BAR_HEIGHT - 4}" '
                    f'fill="#1f2328">{escape(self.format(value, number))}</text>'
                )
            y += group_height + GROUP_GAP
        for number, (label, value) in enumerate(self.markers):
            mx = LABEL_WIDTH + min(value, self.scale_max) * scale
            label_y = height - 4 - 16 * (len(self.markers) - 1 - number)
            parts.append(
                f'<line x1="{mx:.1f}" y1="{legend_height}" x2="{mx:.1f}" y2="{height}" '
                f'stroke="#9a3b3b" stroke-width="2" stroke-dasharray="5 4"/>'
            )
            parts.append(
                f'<text x="{mx + 4:.1f}" y="{label_y}" fill="#9a3b3b">{escape(label)}</text>'
            )
        parts.append("</svg>")
        return "".join(parts)

    def _summary(self, number: Number) -> str:
        """A text alternative that states every figure, for screen readers and the PDF."""
        return "; ".join(
            f"{category}: "
            + ", ".join(
                f"{s.name} {value}" if len(self.series) > 1 else value
                for s, value in zip(self.series, values, strict=True)
            )
            for category, values in self.table_rows(number)
        )


def _shorten(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
