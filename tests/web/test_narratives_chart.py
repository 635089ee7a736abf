"""The Narratives plot (inline SVG built on the server): bars proportional to the counts, weeks in
order, links to each bar's articles, and hostile outlet or label text kept as text."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from presswatch.web.narratives import UNDATED, UNKNOWN_OUTLET, chart_svg
from presswatch.web.schemas import NarrativeGrid

XSS = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


def _grid(groups, counts, narratives=("URW: A", XSS)):
    return NarrativeGrid(groups=list(groups), narratives=list(narratives), counts=[list(c) for c in counts],
                         colors=["red", "blue"][: len(narratives)])


def test_narratives_chart_bar_widths_follow_the_counts():
    svg = str(chart_svg(_grid(["RT", "BBC"], [[3, 1], [1, 0]]), by="outlet", title="t"))
    widths = [float(w) for w in re.findall(r'<rect x="[\d.]+" y="\d+" width="([\d.]+)"', svg)]
    assert len(widths) == 3  # a zero count draws nothing
    assert widths[0] == 3 * widths[2] and widths[1] == widths[2]  # RT's 3 + 1 and BBC's 1, one scale


def test_narratives_chart_links_each_bar_to_its_group_and_narrative():
    svg = str(chart_svg(_grid(["RT", UNKNOWN_OUTLET], [[1, 0], [0, 2]]), by="outlet", title="t"))
    hrefs = [parse_qs(urlparse(h.replace("&amp;", "&")).query) for h in re.findall(r'<a href="([^"]+)">', svg)]
    assert hrefs[0] == {"narrative": ["URW: A"], "outlet": ["RT"]}
    assert hrefs[1] == {"narrative": [XSS]}  # an unknown outlet cannot be filtered on: all its articles
    assert "<a " not in str(chart_svg(_grid(["RT"], [[1, 1]]), by="outlet", title="t", links=False))


def test_narratives_chart_weeks_in_time_order_undated_last():
    svg = str(chart_svg(_grid([UNDATED, "2022-09-26", "2022-09-19"], [[5, 0], [1, 0], [2, 0]]), by="week", title="t"))
    assert re.findall(r'text-anchor="end">([^<]+)<title>', svg) == ["2022-09-19", "2022-09-26", UNDATED]
    assert "week=2022-09-19" in svg and "week=undated" not in svg


def test_narratives_chart_escapes_hostile_outlets_and_labels():
    svg = str(chart_svg(_grid([XSS], [[1, 1]]), by="outlet", title=XSS))
    assert "<script" not in svg and "<img" not in svg
    assert 'data-narrative="&lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;&lt;img' in svg  # the quote cannot end it
