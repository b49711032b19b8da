"""The backtest report: one self-contained HTML file with an inline SVG chart of hits per rule."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from html import escape

from monitor.tools.backtest import BacktestResult, Comparison

_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")
_W, _H, _PAD = 800, 260, 40


def html_report(result: BacktestResult, comparison: Comparison | None = None) -> str:
    """The whole report; no scripts, fonts or images from elsewhere."""
    rows = []
    for rule in result.rules.values():
        examples = "<br>".join(escape(h.title) for h in rule.hits[:3])
        rows.append(
            f"<tr><td>{escape(rule.rule)}</td><td>{len(rule.hits)}</td><td>{_day(rule.first)}</td>"
            f"<td>{_day(rule.last)}</td><td>{examples}</td></tr>"
        )
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>Backtest</title>",
        "<style>body{font-family:sans-serif;margin:2em}td,th{border:1px solid #ccc;padding:4px 8px}"
        "table{border-collapse:collapse}</style></head><body>",
        f"<h1>Backtest: {result.items} items, {len(result.hits)} alerts</h1>",
        chart_svg(result),
        "<table><tr><th>rule</th><th>hits</th><th>first</th><th>last</th><th>examples</th></tr>",
        *rows,
        "</table>",
    ]
    if comparison is not None:
        parts.append(_comparison(comparison))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def chart_svg(result: BacktestResult) -> str:
    """Hits per day and rule as lines (one colour per rule), with a legend."""
    days = sorted({h.at.date() for h in result.hits})
    if not days:
        return "<p>No alerts fired.</p>"
    counts = {r: Counter(h.at.date() for h in rh.hits) for r, rh in result.rules.items() if rh.hits}
    peak = max(max(c.values()) for c in counts.values())
    step = (_W - 2 * _PAD) / max(1, len(days) - 1)
    out = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{_W}' height='{_H + 20 * len(counts)}'>"]
    out.append(f"<line x1='{_PAD}' y1='{_H - _PAD}' x2='{_W - _PAD}' y2='{_H - _PAD}' stroke='#333'/>")
    out.append(f"<text x='{_PAD}' y='{_H - 10}' font-size='11'>{days[0]}</text>")
    out.append(f"<text x='{_W - _PAD - 60}' y='{_H - 10}' font-size='11'>{days[-1]}</text>")
    out.append(f"<text x='4' y='{_PAD}' font-size='11'>{peak}</text>")
    for index, (rule, counter) in enumerate(counts.items()):
        color = _COLORS[index % len(_COLORS)]
        points = " ".join(
            f"{_PAD + i * step:.1f},{_H - _PAD - counter.get(day, 0) / peak * (_H - 2 * _PAD):.1f}"
            for i, day in enumerate(days)
        )
        out.append(f"<polyline fill='none' stroke='{color}' stroke-width='2' points='{points}'/>")
        out.append(f"<text x='{_PAD}' y='{_H + 14 + 20 * index}' fill='{color}'>{escape(rule)}</text>")
    out.append("</svg>")
    return "".join(out)


def _comparison(comparison: Comparison) -> str:
    items = ["<h2>Compared with the other rules</h2>"]
    for label, hits in (("added", comparison.added), ("removed", comparison.removed)):
        items.append(f"<h3>{len(hits)} {label}</h3><ul>")
        items.extend(f"<li>{escape(h.rule)}: {escape(h.title)} ({_day(h.at)})</li>" for h in hits)
        items.append("</ul>")
    return "\n".join(items)


def _day(moment: datetime | None) -> str:
    return moment.date().isoformat() if moment else "-"
