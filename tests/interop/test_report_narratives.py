"""The static report's narratives section: the plots, each narrative's articles, outlets on opposite
sides, the role table per person, and each article's narratives, all escaped."""

from __future__ import annotations

import re

import pytest

from presswatch.interop.report import write_report
from tests.web.narratives_fixture import HOPELESS, HOPELESS_SUB, WEST, build


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    d = tmp_path_factory.mktemp("report-narratives")
    ids = build(d / "presswatch.duckdb")
    return write_report(d / "presswatch.duckdb", d / "report.html").read_text(encoding="utf-8"), ids


def _section(html: str) -> str:
    return html.split('<section class="card" id="narratives">')[1].split("</section>")[0]


def test_report_narratives_section_plots_and_lists_each_narratives_articles(report):
    html, ids = report
    sec = _section(html)
    assert sec.count('<svg class="narrative-chart"') == 2
    assert "<a " not in sec.split("<h3>By week</h3>")[1].split("</svg>")[0]  # no links to a page the report lacks
    for label in (HOPELESS, WEST, "Other"):
        assert f"<b>{label}</b>" in sec
    # each narrative links to its articles inside the report
    hopeless = sec.split(f"<b>{HOPELESS}</b>")[1].split("</p>")[0]
    assert f'href="#a-{ids["rt"]}"' in hopeless and f'href="#a-{ids["kp"]}"' not in hopeless
    assert f'id="a-{ids["rt"]}"' in html


def test_report_narratives_role_table_and_conflicts(report):
    html, _ = report
    sec = _section(html)
    roles = sec.split('<table id="roles">')[1].split("</table>")[0]
    rows = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td><td><span class=\"l-role ([^\"]+)\">([^<]*)</span>", roles)
    assert ("Volodymyr Zelensky", "Kyiv Post", "role-protagonist", "Protagonist") in rows
    assert ("", "RT", "role-antagonist", "Antagonist") in rows  # the person named once, on their first row
    assert "<td>role</td><td>Volodymyr Zelensky</td>" in sec  # the role conflict


def test_report_narratives_on_each_article_and_escaped(report):
    html, ids = report
    art = html.split(f'id="a-{ids["rt"]}"')[1].split("</article>")[0]
    assert f"narrative: {HOPELESS} (0.87) — {HOPELESS_SUB}" in art
    assert "role-antagonist" in art  # the cast mention in the text
    weather = html.split(f'id="a-{ids["weather"]}"')[1].split("</article>")[0]
    assert "about neither domain" in weather
    bg = html.split(f'id="a-{ids["bg"]}"')[1].split("</article>")[0]
    assert "did not run on this article: no narrative model for Bulgarian" in bg
    body = html.split("<body>")[1]
    scripts = re.findall(r"<script[^>]*>", body)
    assert len(scripts) == len(re.findall(r"<script>\n", body)) == 1  # only the report's own toggle script
    assert "<img src=x" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body
