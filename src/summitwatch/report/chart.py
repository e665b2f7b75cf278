"""Poll series as an inline SVG chart (matplotlib's SVG backend, no pyplot state, no fonts
embedded: text stays text, drawn with the reader's fonts; ids salted for byte-identical output)."""
from __future__ import annotations

import datetime as dt
import io
import re
import warnings

_HEAD = re.compile(r"^.*?(?=<svg)", re.S)
_META = re.compile(r"\s*<metadata>.*?</metadata>", re.S)


def poll_chart(lines: dict[str, list[tuple[str, float]]], summit_date: str, title: str = "") -> str:
    """``lines``: label -> [(ISO date, value)]; a dashed line marks the summit. Returns ``<svg …>``."""
    import matplotlib
    from matplotlib.figure import Figure

    # text stays text in the SVG, drawn by the reader's fonts: matplotlib's own fonts lacking a
    # Hangul glyph for layout is no fault of the chart
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "summitwatch", "font.size": 9,
                                "font.family": "sans-serif"}), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from")
        fig = Figure(figsize=(6.4, 2.8))
        ax = fig.add_subplot()
        for label in sorted(lines):
            pts = sorted(lines[label])
            xs = [dt.date.fromisoformat(d[:10]) for d, _ in pts]
            ax.plot(xs, [v for _, v in pts], marker="o", label=label)
            for x, (_, v) in zip(xs, pts):
                ax.annotate(f"{v:g}", (x, v), textcoords="offset points", xytext=(0, 5), ha="center", fontsize=7)
        ax.axvline(dt.date.fromisoformat(summit_date[:10]), linestyle="--", color="0.4", linewidth=1, label="summit")
        ax.margins(x=0.05, y=0.2)         # room for the value labels
        ax.set_ylabel("%")
        if title:
            ax.set_title(title)
        ax.legend(loc="best", frameon=False)
        ax.grid(True, alpha=0.3)
        fig.autofmt_xdate()
        fig.tight_layout()
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return _META.sub("", _HEAD.sub("", buf.getvalue(), count=1), count=1).strip()
