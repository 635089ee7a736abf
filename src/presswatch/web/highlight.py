"""Render an article's clean text as escaped HTML with its span annotations highlighted.

Every character of article text and every attribute value goes through ``markupsafe.escape``;
the only markup is ours. Overlapping spans are split into segments that carry every layer
covering them, so layers can be toggled independently with CSS.
"""

from __future__ import annotations

from typing import Iterable, Sequence
from urllib.parse import quote

from markupsafe import Markup, escape

from ..attrs import ClaimAttrs
from .schemas import AnnotationOut
from .techniques import hover_text, note

#: Span layers drawn in the text, bottom to top (``role``: the part an article casts a named entity in).
SPAN_LAYERS = ("entity", "role", "claim", "quote", "technique")
#: The CSS class of each main role on a cast mention.
ROLE_CLASSES = {"Protagonist": "role-protagonist", "Antagonist": "role-antagonist", "Innocent": "role-innocent"}

#: The 23 persuasion techniques of SemEval-2023 Task 3; each gets a fixed colour class.
TECHNIQUES = (
    "Appeal_to_Authority", "Appeal_to_Popularity", "Appeal_to_Values", "Appeal_to_Fear-Prejudice",
    "Flag_Waving", "Causal_Oversimplification", "False_Dilemma-No_Choice", "Consequential_Oversimplification",
    "Straw_Man", "Red_Herring", "Whataboutism", "Slogans", "Appeal_to_Time", "Conversation_Killer",
    "Loaded_Language", "Repetition", "Exaggeration-Minimisation", "Obfuscation-Vagueness-Confusion",
    "Name_Calling-Labeling", "Doubt", "Guilt_by_Association", "Appeal_to_Hypocrisy", "Questioning_the_Reputation",
)
PALETTE_SIZE = len(TECHNIQUES)


def technique_index(label: str) -> int:
    """A stable palette slot for a technique label (unknown labels share the palette by hash)."""
    if label in TECHNIQUES:
        return TECHNIQUES.index(label)
    return sum(label.encode()) % PALETTE_SIZE


def technique_class(label: str) -> str:
    return f"tc{technique_index(label)}"


def technique_hue(index: int) -> int:
    """Golden-angle hues, skipping the greens that mark quotes, so neighbouring slots differ."""
    h = (index * 137.508) % 360 * 290 / 360
    return round(h + 70 if h >= 100 else h)


def technique_color(label: str) -> str:
    """The bar colour of a technique in charts: the same hue as its highlight in the text."""
    return f"hsl({technique_hue(technique_index(label))}, 65%, 58%)"


def palette_css() -> str:
    """The CSS rules of the technique colour classes (kept in static/style.css; a test checks they match)."""
    return "\n".join(
        f".tc{i} {{ --tc: hsl({technique_hue(i)}, 85%, 87%); --tl: hsl({technique_hue(i)}, 60%, 40%); }}"
        for i in range(PALETTE_SIZE)
    )


def person_href(name: str) -> str:
    return "/people/" + quote(name, safe="")


def outlet_href(name: str) -> str:
    return "/outlets/" + quote(name, safe="")


def search_href(text: str) -> str:
    return "/search?q=" + quote(text, safe="")


def entity_href(ann: AnnotationOut) -> str:
    """Where an entity links: a person's page, or a search for any other kind of name."""
    name = str(ann.attrs.get("canonical") or ann.text or ann.label)
    return person_href(name) if ann.label == "PERSON" else search_href(name)


def _tooltip(anns: Iterable[AnnotationOut]) -> str:
    parts = []
    for a in anns:
        if a.layer == "technique":
            parts.append("technique: " + hover_text(a.label, a.score))
        elif a.layer == "quote":
            parts.append(f"{a.label} quote: {a.attrs.get('speaker') or 'unknown speaker'}")
        elif a.layer == "claim":
            claim = ClaimAttrs.from_dict(a.attrs)
            parts.append(f"claim: {claim.modifier or ''} {claim.amount()} {claim.unit or ''}".replace("  ", " "))
        elif a.layer == "entity":
            parts.append(f"{a.label}: {a.attrs.get('canonical') or a.text}")
        elif a.layer == "role":
            fine = ", ".join(str(f) for f in a.attrs.get("fine") or ())
            score = f" {a.score:.2f}" if a.score is not None else ""
            parts.append(f"cast as {a.label}{f' ({fine})' if fine else ''}{score}")
    return "; ".join(p.strip() for p in parts)


def _badge(ann: AnnotationOut) -> Markup:
    """A small note after a span: who is quoted, what value a claim has, which technique it is."""
    if ann.layer == "technique":
        return Markup('<span class="badge b-technique {}" data-score="{}" aria-hidden="true">{}</span>').format(
            technique_class(ann.label), _score(ann), note(ann.label).name)
    if ann.layer == "quote":
        who = ann.attrs.get("speaker")
        if not who:
            return Markup("")
        return Markup('<span class="badge b-quote" aria-hidden="true">— {}</span>').format(str(who))
    if ann.layer == "claim" and ann.attrs.get("value") is not None:
        claim = ClaimAttrs.from_dict(ann.attrs)  # a vague amount or a range is never shown as one exact value
        text = ("= " if claim.exact else "≈ ") + claim.amount() + (f" {claim.unit}" if claim.unit else "")
        return Markup('<span class="badge b-claim" aria-hidden="true">{}</span>').format(text)
    return Markup("")


def _score(ann: AnnotationOut) -> str:
    """A technique's score for the confidence slider (a rule without a score always shows)."""
    return f"{ann.score:.3f}" if ann.score is not None else "1"


def _segment(text: str, active: Sequence[AnnotationOut], links: bool = True) -> Markup:
    body = escape(text).replace("\n", Markup("<br>"))
    if not active:
        return body
    layers: list[str] = []
    for a in active:
        if a.layer not in layers:
            layers.append(a.layer)
    classes = ["hl"] + [f"l-{layer}" for layer in layers]
    techs = [a for a in active if a.layer == "technique"]
    if techs:
        classes.append(technique_class(techs[0].label))
    role = next((a for a in active if a.layer == "role"), None)
    if role is not None:
        classes.append(ROLE_CLASSES.get(role.label, "role-other"))
    ent = next((a for a in active if a.layer == "entity"), None)
    attrs = Markup(' class="{}" title="{}"').format(" ".join(classes), _tooltip(active))
    if techs:
        # the slider hides a segment once every technique on it scores below the threshold
        top = max(techs, key=lambda a: 1.0 if a.score is None else a.score)
        attrs += Markup(' data-score="{}"').format(_score(top))
    if ent is not None and links:
        return Markup('<a{} href="{}">{}</a>').format(attrs, entity_href(ent), body)
    return Markup("<span{}>{}</span>").format(attrs, body)


def render_text(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    annotations: Sequence[AnnotationOut],
    layers: Sequence[str] = SPAN_LAYERS,
    *,
    links: bool = True,
) -> Markup:
    """The article as escaped ``<p>`` paragraphs with span annotations of ``layers`` highlighted
    (``links=False``: names are not links, for the static report, which has no person pages)."""
    n = len(text)
    spans = [
        a for a in annotations
        if a.layer in layers and a.start is not None and a.end is not None and 0 <= a.start < a.end <= n
    ]
    spans.sort(key=lambda a: (layers.index(a.layer), a.start, -(a.end or 0)))
    paras = [(s, e) for s, e in paragraphs if 0 <= s < e <= n] or ([(0, n)] if n else [])
    out: list[Markup] = []
    for ps, pe in paras:
        here = [a for a in spans if a.start < pe and a.end > ps]  # type: ignore[operator]
        cuts = sorted({ps, pe} | {x for a in here for x in (a.start, a.end) if ps < x < pe})  # type: ignore[operator]
        pieces: list[Markup] = []
        for s, e in zip(cuts, cuts[1:]):
            pieces.append(_segment(text[s:e], [a for a in here if a.start < e and a.end > s], links))  # type: ignore[operator]
            pieces.extend(_badge(a) for a in here if a.end == e)
        out.append(Markup("<p>") + Markup("").join(pieces) + Markup("</p>"))
    return Markup("\n").join(out)
