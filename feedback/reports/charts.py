"""Charts drawn on the server: SVG with ``role="img"``, a title and a description that says
what the chart shows, always next to a table of the same figures. No script needed."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import count

from babel.numbers import get_decimal_symbol, get_group_symbol
from flask_babel import get_locale
from flask_babel import gettext as _
from markupsafe import Markup, escape

BAR_HEIGHT = 16
ROW_HEIGHT = 46
_ids = count(1)


@dataclass
class Bar:
    label: str
    count: int | None
    percent: float | None = None


@lru_cache(maxsize=32)
def _symbols(locale: str) -> tuple[str, str]:
    return get_group_symbol(locale), get_decimal_symbol(locale)


def format_decimal(value: float, decimals: int = 1) -> str:
    """A number in the page's locale with at most ``decimals`` decimals (Babel's own
    formatter is far slower, and a summary shows hundreds of numbers)."""
    group, point = _symbols(str(get_locale() or "en"))
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", group)
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", point).replace("\x00", group)


def hidden_text(k: int) -> str:
    """What a hidden count shows instead."""
    return _("fewer than %(k)d", k=k)


def figure_text(bar: Bar, k: int) -> str:
    """ "12 (40%)", "12", or "fewer than 5"."""
    if bar.count is None:
        return hidden_text(k)
    if bar.percent is None:
        return format_decimal(bar.count)
    return _(
        "%(count)s (%(percent)s%%)",
        count=format_decimal(bar.count),
        percent=format_decimal(bar.percent),
    )


def bar_chart(title: str, bars: list[Bar], k: int, scale: float | None = None) -> Markup:
    """Horizontal bars, one per item, as accessible SVG. Bar length is the percentage, or the
    count relative to ``scale`` (the largest count by default)."""
    chart_id = f"chart-{next(_ids)}"
    largest = scale or max((b.count or 0 for b in bars), default=0) or 1
    parts = []
    for index, bar in enumerate(bars):
        top = index * ROW_HEIGHT
        text = Markup("{}: {}").format(bar.label, figure_text(bar, k))
        parts.append(
            Markup('<text x="0" y="{}" class="chart-label">{}</text>').format(top + 16, text)
        )
        if bar.count:
            share = bar.percent if bar.percent is not None else 100.0 * bar.count / largest
            width = max(0.5, min(100.0, share))
            parts.append(
                Markup(
                    '<rect x="0" y="{}" width="{}%" height="{}" class="chart-bar"></rect>'
                ).format(top + 24, f"{width:.1f}", BAR_HEIGHT)
            )
    description = "; ".join(
        _("%(label)s: %(figure)s", label=b.label, figure=figure_text(b, k)) for b in bars
    )
    return Markup(
        '<svg class="chart" role="img" aria-labelledby="{id}-title {id}-desc" width="100%" '
        'height="{height}" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{parts}</svg>'
    ).format(
        id=chart_id,
        height=max(ROW_HEIGHT, len(bars) * ROW_HEIGHT),
        title=title,
        desc=description or _("No answers yet."),
        parts=Markup("").join(parts),
    )


def column_chart(title: str, points: list[tuple[str, int | None]], k: int) -> Markup:
    """Columns over time (one per day), scaled to the width of the screen. Hidden counts
    draw no column; the description names the busiest day and the total."""
    chart_id = f"chart-{next(_ids)}"
    width = max(1, len(points)) * 10
    largest = max((n or 0 for _label, n in points), default=0) or 1
    parts = []
    for index, (_label, n) in enumerate(points):
        if n:
            height = max(1.0, 100.0 * n / largest)
            parts.append(
                Markup(
                    '<rect x="{}" y="{}" width="8" height="{}" class="chart-bar"></rect>'
                ).format(index * 10 + 1, f"{100 - height:.1f}", f"{height:.1f}")
            )
    shown = [(label, n) for label, n in points if n is not None]
    if shown:
        busiest = max(shown, key=lambda p: p[1])
        description = _(
            "%(days)d days from %(first)s to %(last)s; the busiest was %(day)s with %(count)s.",
            days=len(points),
            first=points[0][0],
            last=points[-1][0],
            day=busiest[0],
            count=format_decimal(busiest[1]),
        )
    else:
        description = _("No answers yet.")
    return Markup(
        '<svg class="chart chart-columns" role="img" aria-labelledby="{id}-title {id}-desc" '
        'viewBox="0 0 {width} 100" preserveAspectRatio="none" width="100%" height="120" '
        'xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{title}</title>'
        '<desc id="{id}-desc">{desc}</desc>{parts}</svg>'
    ).format(
        id=chart_id,
        width=width,
        title=title,
        desc=description,
        parts=Markup("").join(parts),
    )


def cell(value: int | None, k: int) -> Markup:
    """A table cell's content: the count, or "fewer than k"."""
    if value is None:
        return Markup('<span class="hidden-count">{}</span>').format(hidden_text(k))
    return escape(format_decimal(value))
