"""Claims across articles: which numbers measure the same quantity, and whether they agree.

Claims are blocked by the event they count (killed, detained, mobilised, ...) and compared only
with claims of the same block inside a time window, never all pairs. Two claims measure the same
quantity when what they count is compatible (soldiers vs civilians never), their side agrees
(Russian vs Ukrainian never), places named for place-bound counts overlap, and the days they
refer to fit (one day's figure vs another day's figure never; a running total vs a figure from
inside its span may). Linked claims are then a conflict (values disagree beyond what modifiers
allow), an update (a running count grew at a plausible pace), and agreeing clusters from
independent sources are corroborations.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from typing import Iterable, Sequence

from ..attrs import ClaimAttrs
from ..extract import claims as extract_claims
from ..model import Article
from .graph import components
from .resources import (
    CLAIM_WINDOW_DAYS, CUMULATIVE_KINDS, DATED_KINDS, MAX_RATIO, MODIFIER_RANGE, NEEDS_QUALIFIER, NON_CLAIM_GENRES,
    PLACE_BOUND_KINDS, SUBJECT_COMPATIBLE, UPDATE_GROWTH_PER_DAY, VALUE_TOLERANCE,
)
from .text import sort_key_published
from .types import ClaimGroup, ClaimRecord


def _with_qualifier(a: ClaimRecord, b: ClaimRecord) -> bool:
    return bool(a.qualifier and a.qualifier == b.qualifier)


def claim_records(
    article: Article, *, story: str | None = None, source: str | None = None, copies: tuple[str, ...] = (),
    with_sentence: bool = True,
) -> list[ClaimRecord]:
    """The comparable numeric claims of one article, as the extract layer decided them (ClaimAttrs.kind
    and the fields after it); claims whose counted event is unknown are left out, and so is satire.

    A claim stored before the extract layer decided these (no ``decided``) is decided here, through
    the same function (extract/claims.compared). ``with_sentence=False`` leaves ``sentence`` empty:
    a corpus run keeps millions of records and fills the sentence in only for the claims that end up
    in a group (see with_sentences).
    """
    if any(a.layer == "genre" and a.label in NON_CLAIM_GENRES for a in article.annotations):
        return []
    anns = article.layer("claim")
    decided = [ClaimAttrs.of(a) for a in anns]
    if not all(d.decided for d in decided):
        decided = extract_claims.compared(article, anns)
    out = []
    for ann, attrs in zip(anns, decided):
        if attrs.kind is None or attrs.value is None or attrs.subject is None:
            continue
        sentence = ""
        if with_sentence:
            if attrs.sentence_start is not None and attrs.sentence_end is not None:
                sentence = article.text[attrs.sentence_start : attrs.sentence_end]
            else:
                sentence = attrs.sentence if attrs.sentence and attrs.sentence.strip() else ""
                sentence = sentence or ann.span_text(article.text) or ""
        out.append(
            ClaimRecord(
                article=article.id,
                start=ann.start,
                value=float(attrs.value),
                modifier=attrs.plain_modifier,
                text=extract_claims.claim_text(article, ann),
                sentence=" ".join(sentence.split()),
                speaker=attrs.speaker or None,
                published=article.published,
                kind=attrs.kind,
                subject=attrs.subject,
                qualifier=attrs.qualifier,
                unit=attrs.unit or None,
                when=attrs.when_day,
                explicit_when=attrs.explicit_when,
                cumulative=attrs.cumulative,
                since=attrs.since_day,
                part=attrs.part,
                places=frozenset(attrs.places),
                story=story,
                source=source or article.id,
                copies=copies,
                outlet=article.outlet,
            )
        )
    return out


def _bare(c: ClaimRecord) -> ClaimRecord:
    return replace(c, sentence="", story=None, source=None, copies=())


def with_sentences(groups: Sequence[ClaimGroup], articles: Iterable[Article]) -> list[ClaimGroup]:
    """Groups whose claims (made with ``with_sentence=False``) get their sentences back from their articles."""
    wanted = {_bare(c) for g in groups for c in g.claims if not c.sentence}
    sentence: dict[ClaimRecord, str] = {}
    for article in articles:
        for c in claim_records(article):
            key = _bare(c)
            if key in wanted:
                sentence.setdefault(key, c.sentence)
    return [
        replace(g, claims=tuple(c if c.sentence else replace(c, sentence=sentence.get(_bare(c), "")) for c in g.claims))
        for g in groups
    ]


def interval(claim: ClaimRecord) -> tuple[float, float]:
    """The values a claim allows, given its modifier."""
    lo, hi = MODIFIER_RANGE.get(claim.modifier or "", MODIFIER_RANGE[""])
    return claim.value * lo, claim.value * hi


def agree(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Whether two figures for one quantity are consistent, allowing for their modifiers."""
    alo, ahi = interval(a)
    blo, bhi = interval(b)
    slack = VALUE_TOLERANCE * max(a.value, b.value)
    return alo <= bhi + slack and blo <= ahi + slack


def _times_fit(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Whether the days two claims refer to allow them to be one quantity."""
    if a.kind not in DATED_KINDS:
        return True  # a target or a poll holds for a while: the window is enough
    day = timedelta(days=1)
    if (a.part or b.part) and (a.when is None or b.when is None):
        return False  # one day's or one place's share, with no day to match it by
    if a.cumulative and b.cumulative:
        return not (a.since and b.since and abs((a.since - b.since).days) > 31)  # different running counts
    if a.cumulative or b.cumulative:
        run, other = (a, b) if a.cumulative else (b, a)
        if other.part:
            return False  # one day's share is not the running total
        if other.explicit_when:
            # One named day's figure is the running total only on its first day or on the day it is given for.
            return other.when in (run.since, run.when)
        if run.when is None or other.when is None:
            return True
        start = run.since or run.when - timedelta(days=CLAIM_WINDOW_DAYS)
        return start - day <= other.when <= run.when + day
    if a.explicit_when and b.explicit_when:
        return a.when == b.when
    if a.explicit_when or b.explicit_when:
        named, other = (a, b) if a.explicit_when else (b, a)
        # An undated figure can be about the named day only if published on it or the day after.
        return other.when is None or named.when is None or timedelta(0) <= other.when - named.when <= day
    return True


def same_event(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Whether two claims can be about one event: one article, one story, one claimant, or one place.

    "people killed" in a prison story and in a helicopter crash count different things: across
    articles a comparison needs something the two share besides the verb: the story layer put both
    in one story, the same named claimant gives both (one monitor's running count), or both
    sentences name the same place. (The time window is checked by the caller.)
    """
    if a.article == b.article or (a.source is not None and a.source == b.source):
        return True
    if a.story is not None and a.story == b.story:
        return True
    if a.speaker and b.speaker and a.speaker.strip().lower() == b.speaker.strip().lower():
        return True
    return bool(a.places & b.places)


def same_quantity(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Whether two claims of one kind measure the same thing: compatible subject, side, place and time."""
    if a.kind != b.kind:
        return False
    if a.subject != b.subject:
        if b.subject not in SUBJECT_COMPATIBLE.get(a.subject, frozenset()):
            return False
        if {a.subject, b.subject} == {"people", "soldiers"} and not _with_qualifier(a, b):
            return False  # "six people killed" is not a count of soldiers
    if a.qualifier and b.qualifier and a.qualifier != b.qualifier:
        return False
    if a.kind in NEEDS_QUALIFIER and not (a.qualifier and a.qualifier == b.qualifier):
        return False
    low, high = sorted((a.value, b.value))
    if low <= 0 or high / low > MAX_RATIO:
        return False
    if a.kind in PLACE_BOUND_KINDS and a.places and b.places and not (a.places & b.places):
        return False
    if a.when and b.when and abs((a.when - b.when).days) > CLAIM_WINDOW_DAYS:
        return False
    return _times_fit(a, b)


def linked_pairs(claims: Sequence[ClaimRecord]) -> list[tuple[int, int]]:
    """Pairs of claims about the same quantity, compared only inside a kind and a time window."""
    blocks: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        blocks.setdefault(c.kind, []).append(i)
    pairs = []
    for idx in blocks.values():
        idx.sort(key=lambda i: (claims[i].when or date.min, i))
        for k, i in enumerate(idx):
            for j in idx[k + 1 :]:
                wi, wj = claims[i].when, claims[j].when
                if wi and wj and (wj - wi).days > CLAIM_WINDOW_DAYS:
                    break
                if same_quantity(claims[i], claims[j]):
                    pairs.append((i, j))
    return pairs


def _dedupe(claims: Iterable[ClaimRecord]) -> list[ClaimRecord]:
    """One claim per (source, value): a headline repeating the body, or a syndicated copy, is not a second source."""
    seen: dict[tuple[str | None, float], int] = {}
    out: list[ClaimRecord] = []
    for c in sorted(claims, key=lambda c: (sort_key_published(c.published, c.article), c.start or 0)):
        key = (c.source, round(c.value, 6))
        if key not in seen:
            seen[key] = len(out)
            out.append(c)
        elif c.speaker and not out[seen[key]].speaker:
            out[seen[key]] = c  # the article says later who gives the figure: keep that mention
    return out


def _is_update(a: ClaimRecord, b: ClaimRecord) -> bool:
    """A later, larger running count growing at a pace one source could report (else two sources disagree)."""
    if a.kind not in CUMULATIVE_KINDS or a.when is None or b.when is None:
        return False
    if b.when < a.when:
        a, b = b, a
    days = (b.when - a.when).days
    if days < 1 or b.value <= a.value or b.part:
        return False
    same_speaker = bool(a.speaker and b.speaker and a.speaker.lower() == b.speaker.lower())
    return same_speaker or b.value <= a.value * (1 + UPDATE_GROWTH_PER_DAY * days)


def _disputed(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Whether two disagreeing figures of one event are a dispute a reader would recognise.

    Two sources disagreeing is one. Inside one article (or its copies) two different figures are
    mostly two different things the sentence words alike (two plagues' tolls, two years' counts):
    they are a dispute only when the article gives them to different claimants.
    """
    if a.source != b.source:
        return True
    return len({(c.speaker or "").strip().lower() for c in (a, b)}) == 2


def _at_known_times(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Whether two figures' times are known well enough to say they cannot both be true.

    A running count only grows: from two sources, a smaller figure of unknown day may simply be an
    earlier count ("more than 1,400 arrested" from an undated page vs "more than 2,000" on 25 Sept).
    One article states its figures at one time.
    """
    if a.source == b.source or a.kind not in CUMULATIVE_KINDS:
        return True
    return a.when is not None and b.when is not None


def _num(v: float) -> str:
    return f"{int(v):,}" if v == int(v) else f"{v:,.2f}"


def _fmt(c: ClaimRecord) -> str:
    return f"{c.modifier + ' ' if c.modifier else ''}{_num(c.value)}"


def topic(claims: Sequence[ClaimRecord]) -> str:
    """A short name for the quantity: side, what is counted, and the event ("Russian soldiers killed")."""
    qual = Counter(c.qualifier for c in claims if c.qualifier).most_common(1)
    subjects = Counter(c.subject for c in claims)
    subj = subjects.most_common(1)[0][0]
    if subj == "people" and "soldiers" in subjects:
        subj = "soldiers"
    parts = [qual[0][0].capitalize()] if qual else []
    return " ".join(parts + [subj, claims[0].kind])


def _group(kind: str, members: Sequence[ClaimRecord], note: str) -> ClaimGroup:
    members = sorted(members, key=lambda c: (sort_key_published(c.published, c.article), c.start or 0))
    story = Counter(c.story for c in members if c.story).most_common(1)
    key = kind + "|" + "|".join(sorted(f"{c.article}:{c.start}" for c in members))
    return ClaimGroup(
        id="claims-" + hashlib.sha1(key.encode()).hexdigest()[:10],
        kind=kind,
        topic=topic(members),
        story=story[0][0] if story else None,
        claims=tuple(members),
        note=note,
    )


def judge(members: Sequence[ClaimRecord], pairs: Iterable[tuple[int, int]]) -> list[ClaimGroup]:
    """Groups for claims about one quantity: a conflict or an update, and the corroborated figures."""
    conflicts, updates, agreeing = [], [], []
    for i, j in pairs:
        a, b = members[i], members[j]
        if (a.part or b.part) and not agree(a, b):
            continue  # a share ("on Saturday alone") differing from a total is no disagreement
        if _is_update(a, b) and abs(a.value - b.value) > VALUE_TOLERANCE * max(a.value, b.value):
            updates.append((i, j))
        elif agree(a, b):
            if a.source != b.source and same_event(a, b):
                agreeing.append((i, j))  # two sources on one event, not one number turning up twice
        elif same_event(a, b) and _disputed(a, b) and _at_known_times(a, b):
            conflicts.append((i, j))  # a disagreement a reader would believe, not two events or two things
    out = []
    if conflicts:
        # one group a dispute: two events whose claims merely link (a flood toll, a war toll) stay apart
        for comp in components(len(members), conflicts):
            if len(comp) < 2:
                continue
            values = sorted({members[k].value for k in comp})
            out.append(_group("conflict", [members[k] for k in sorted(comp)],
                              f"figures from {_num(values[0])} to {_num(values[-1])}"))
    elif updates:
        involved = sorted({k for p in updates for k in p})
        notes = []
        for i, j in updates:
            a, b = sorted((members[i], members[j]), key=lambda c: c.when or date.min)
            notes.append(f"{_fmt(a)} by {a.when} rose to {_fmt(b)} by {b.when}")
        out.append(_group("update", [members[k] for k in involved], "; ".join(dict.fromkeys(notes))))
    for comp in components(len(members), agreeing):
        group = [members[k] for k in comp]
        sources = {c.source for c in group}
        if len(sources) >= 2:
            out.append(_group("corroboration", group,
                              f"{len(sources)} independent sources agree on {_fmt(group[0])}"))
    return out


def find_claim_groups(claims: Sequence[ClaimRecord]) -> list[ClaimGroup]:
    """Conflicts, updates and corroborations among claims, each listing who claims what, where and when."""
    claims = _dedupe(claims)
    pairs = linked_pairs(claims)
    comps = [c for c in components(len(claims), pairs) if len(c) > 1]
    where = {g: (n, k) for n, comp in enumerate(comps) for k, g in enumerate(comp)}
    local_pairs: list[list[tuple[int, int]]] = [[] for _ in comps]
    for i, j in pairs:
        n, ki = where[i]
        local_pairs[n].append((ki, where[j][1]))
    out = []
    for comp, lp in zip(comps, local_pairs):
        out.extend(judge([claims[g] for g in comp], lp))
    order = {"conflict": 0, "update": 1, "corroboration": 2}
    out.sort(key=lambda g: (order[g.kind], -len(g.claims), g.topic))
    return out

