"""The digest's chart: drones launched per night and attacker over the last nights, with records.

matplotlib is imported here, inside the function, and only its object API is used (no pyplot
global state, no GUI backend): the CLI starts without it and the service can render in a thread.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

#: Pixels: readable in a Slack preview and on a phone; the PNG stays well under 200 KB.
WIDTH_PX, HEIGHT_PX, DPI = 1200, 500, 100
_COLOURS = {"Russia": "#c0392b", "Ukraine": "#2471a3"}
_OTHER = ("#7d3c98", "#117a65", "#b9770e")


def warm_up() -> None:
    """Import matplotlib now (the service does it in a thread at start, when a digest is set up),
    so the morning's digest does not pay the second or so it takes."""
    from matplotlib import figure  # noqa: F401
    from matplotlib.backends import backend_agg  # noqa: F401


def render_png(nights: dict[date, dict[str, int]], records: dict[str, int], title: str = "") -> bytes:
    """A PNG of one line per attacker (gaps for nights with no report) and its record as a line."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    days = sorted(nights)
    xs: list[Any] = list(days)  # matplotlib's stubs do not list dates, its date converter takes them
    attackers = sorted({a for figures in nights.values() for a in figures} | set(records))
    figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    for n, attacker in enumerate(attackers):
        colour = _COLOURS.get(attacker, _OTHER[n % len(_OTHER)])
        values = [nights[d].get(attacker, float("nan")) for d in days]
        axes.plot(xs, values, marker="o", markersize=3, linewidth=1.2, color=colour, label=f"{attacker}")
        if attacker in records:
            record = records[attacker]
            axes.axhline(record, color=colour, linestyle="--", linewidth=1)
            axes.annotate(
                f"{attacker} record {record}",
                (days[0] if days else date.today(), record),
                xytext=(4, 3),
                textcoords="offset points",
                color=colour,
                fontsize=8,
            )
    axes.set_title(title or f"Drones launched per night, last {len(days)} nights")
    axes.set_ylabel("drones launched")
    axes.set_ylim(bottom=0)
    axes.grid(axis="y", alpha=0.3)
    if attackers:
        axes.legend(loc="upper right", fontsize=8, frameon=False)
    figure.autofmt_xdate()
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI)
    return out.getvalue()
