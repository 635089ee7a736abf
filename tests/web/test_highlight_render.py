"""The article text renders as escaped paragraphs with every span layer marked, whatever the spans."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from presswatch.web.highlight import TECHNIQUES, palette_css, render_text, technique_class
from presswatch.web.schemas import AnnotationOut


def ann(layer, label, start, end, **attrs):
    return AnnotationOut(layer=layer, label=label, start=start, end=end, attrs=attrs)


def test_highlight_render_marks_layers_and_badges():
    text = "Putin said 'we will win' and 300,000 men went."
    s = text.index("we will win")
    n = text.index("300,000")
    html = render_text(text, [(0, len(text))], [
        ann("entity", "PERSON", 0, 5, canonical="Vladimir Putin"),
        ann("quote", "direct", s, s + 11, speaker="Vladimir Putin"),
        ann("claim", "count", n, n + 7, value=300000.0, unit="men"),
        ann("technique", "Slogans", s, s + 11),
    ])
    assert '<a class="hl l-entity" title="PERSON: Vladimir Putin" href="/people/Vladimir%20Putin">Putin</a>' in html
    assert f'class="hl l-quote l-technique {technique_class("Slogans")}"' in html
    assert '<span class="badge b-quote" aria-hidden="true">— Vladimir Putin</span>' in html
    assert '= 300,000 men' in html
    assert html.startswith("<p>") and html.endswith("</p>")


def test_highlight_render_escapes_text_and_attributes():
    text = '<img src=x onerror=alert(1)> "quoted" & more'
    html = render_text(text, [], [ann("quote", "direct", 0, 10, speaker='"><script>x</script>')])
    assert "<img" not in html and "<script>" not in html
    assert "&lt;img src=x" in html and "&amp; more" in html
    assert "&#34;&gt;&lt;script&gt;" in html


def test_highlight_render_splits_paragraphs_and_ignores_bad_offsets():
    text = "First para here.\n\nSecond para there."
    second = text.index("Second")
    html = render_text(text, [(0, 16), (second, len(text))], [
        ann("technique", "Doubt", 6, second + 6),  # crosses the paragraph break
        ann("claim", "count", 5, 500),  # past the end: ignored
        ann("claim", "count", 9, 3),  # backwards: ignored
    ])
    assert html.count("<p>") == 2
    assert html.count("l-technique") == 2 and "l-claim" not in html


def test_highlight_palette_in_stylesheet_matches_code():
    css = (Path(__import__("presswatch.web", fromlist=["x"]).__file__).parent / "static" / "style.css").read_text()
    assert palette_css() in css
    assert len({technique_class(t) for t in TECHNIQUES}) == len(TECHNIQUES)


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(max_size=80),
    spans=st.lists(st.tuples(st.sampled_from(["entity", "quote", "claim", "technique"]),
                             st.integers(-5, 90), st.integers(-5, 90)), max_size=8),
)
def test_highlight_render_never_fails_and_keeps_all_text(text, spans):
    import html as htmlmod
    import re

    anns = [ann(layer, "X", s, e) for layer, s, e in spans if 0 <= s <= e]
    out = render_text(text, [(0, len(text))] if text else [], anns)
    visible = re.sub(r'<span class="badge[^>]*>.*?</span>', "", str(out))
    visible = re.sub(r"<br>", "\n", visible)
    visible = htmlmod.unescape(re.sub(r"<[^>]+>", "", visible))
    assert visible == text


def test_highlight_render_names_each_technique_with_its_definition_and_score():
    from presswatch.web.highlight import TECHNIQUES
    from presswatch.web.techniques import NOTES

    assert set(NOTES) == set(TECHNIQUES) and all(n.definition and n.example for n in NOTES.values())
    text = "A reckless, disastrous gamble."
    html = str(render_text(text, [(0, len(text))], [
        AnnotationOut(layer="technique", label="Loaded_Language", start=2, end=28, score=0.42),
        AnnotationOut(layer="technique", label="<b>odd</b>", start=2, end=10),
    ]))
    assert 'data-score="1"' in html  # a rule's span (no score) is never hidden by the slider
    assert '<span class="badge b-technique tc14" data-score="0.420" aria-hidden="true">Loaded Language</span>' in html
    assert "emotional connotations" in html and "(0.42)" in html
    assert "<b>odd</b>" not in html and "&lt;b&gt;odd&lt;/b&gt;" in html


def test_highlight_render_vague_amounts_and_ranges_are_never_shown_as_exact():
    text = "Thousands of troops and between 200 and 300 people came; 40 buses waited."
    v, r, b = text.index("Thousands"), text.index("200 and 300"), text.index("40 buses")
    html = render_text(text, [(0, len(text))], [
        ann("claim", "number", v, v + 9, value=2000, unit="troops", vague=True, high=1000000),
        ann("claim", "number", r, r + 11, value=200, unit="people", high=300),
        ann("claim", "number", b, b + 2, value=40, unit="buses"),
    ])
    assert "= 2,000" not in html and "≈ 2,000 to 1,000,000 (vague) troops" in html
    assert "= 200" not in html and "≈ 200–300 people" in html
    assert "= 40 buses" in html
