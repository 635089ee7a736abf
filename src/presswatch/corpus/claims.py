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

import bisect
import hashlib
import re
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from typing import Iterable, Sequence

from ..attrs import ClaimAttrs
from ..extract.resources import COUNTED_KINDS, COUNTED_PLACES, COUNTED_QUALIFIERS, COUNTED_SUBJECTS, LANGS
from ..model import Annotation, Article
from .resources import (
    BASE_OF, CLAIM_KINDS, CLAIM_WINDOW_DAYS, CUMULATIVE_KINDS, CUMULATIVE_MARKERS, DATED_KINDS, HYPOTHETICAL,
    INCLUDING, KIND_ALLOWS, KIND_FORCES_SUBJECT, KIND_SUBJECT, MAX_RATIO, MODIFIER_RANGE, NEEDS_QUALIFIER,
    NOMINAL_UNITS, NON_CLAIM_GENRES, PART_MARKERS, PLACE_BOUND_KINDS, QUALIFIERS, RATE, SENTENCE_PLACE_LABELS,
    SUBJECT_COMPATIBLE, SUBJECTS, UPDATE_GROWTH_PER_DAY, VALUE_TOLERANCE,
)
from .text import sentences, sort_key_published, words
from .timeline import DateMention, find_dates, reference_date
from .graph import components
from .types import ClaimGroup, ClaimRecord

#: How far (characters) from the number a word may be to say what the number counts.
TRIGGER_REACH = 120

_TRIGGERS = sorted(
    ((phrase, kind) for kind, phrases in CLAIM_KINDS.items() for phrase in phrases), key=lambda t: -len(t[0])
)
_TRIGGER_RE = re.compile(r"\b(" + "|".join(re.escape(p) for p, _ in _TRIGGERS) + r")\b", re.I)
_TRIGGER_KIND = {p: k for p, k in _TRIGGERS}
_RANGE_START = re.compile(r"\b(?:between|from)\s+$", re.I)
_RANGE_JOIN = re.compile(r"\s+(?:and|to|until)\s+", re.I)
_SINCE = re.compile(r"\bsince\b[^.;,]*$", re.I)


def kind_of(
    predicate: str | None, unit: str | None, sentence: str, pos: int, only: frozenset[str] | None = None
) -> str | None:
    """The event a number counts: from its predicate, its unit, else the nearest trigger word in the sentence."""
    for part in (predicate, unit):
        if part:
            for m in _TRIGGER_RE.finditer(part):
                kind = _TRIGGER_KIND[m.group(1).lower()]
                if only is None or kind in only:
                    return kind
    best: tuple[float, str] | None = None
    for m in _TRIGGER_RE.finditer(sentence):
        if only is not None and _TRIGGER_KIND[m.group(1).lower()] not in only:
            continue
        # Words after the number ("55,000 soldiers died") bind tighter than words before it.
        dist = m.start() - pos if m.start() >= pos else (pos - m.end()) * 1.5
        if dist <= TRIGGER_REACH and (best is None or dist < best[0]):
            best = (dist, _TRIGGER_KIND[m.group(1).lower()])
    return best[1] if best else None


def subject_of(unit: str | None, after: str, kind: str | None) -> str | None:
    """What category is counted: from the unit, else the words after the number, else implied by the kind.

    A unit that names nothing known ("sources", "countries") means the number counts something else: None.
    """
    for t in reversed(words(unit or "")):
        if t in SUBJECTS:
            return SUBJECTS[t]
    if (unit and "%" in unit) or after.lstrip().startswith("%"):
        return "percent"
    if unit and words(unit) and words(unit)[-1] not in NOMINAL_UNITS:
        return None
    for t in words(after)[:4]:
        if t in SUBJECTS:
            return SUBJECTS[t]
    return KIND_SUBJECT.get(kind or "")


def qualifier_of(unit: str | None, after: str, before: str) -> str | None:
    """The side or nationality a number is about ("Russian soldiers"), nearest the number first."""
    for t in words(unit or "") + words(after) + list(reversed(words(before))):
        if t in QUALIFIERS:
            return QUALIFIERS[t]
    return None


def _with_qualifier(a: ClaimRecord, b: ClaimRecord) -> bool:
    return bool(a.qualifier and a.qualifier == b.qualifier)


def _sentence_of(article: Article, ann: Annotation, sents: Sequence[tuple[int, int]]) -> tuple[str, int, int]:
    """The claim's sentence, its offset in the text (-1 if unknown) and the number's position in it."""
    span = ann.span_text(article.text) or ""
    if ann.start is not None:
        k = bisect.bisect_right([s for s, _ in sents], ann.start) - 1
        if k >= 0 and sents[k][0] <= ann.start < sents[k][1]:
            s, e = sents[k]
            return article.text[s:e], s, ann.start - s
    sent = ann.attrs.get("sentence")
    if isinstance(sent, str) and sent.strip():
        return sent, -1, max(sent.find(span), 0) if span else 0
    return span, -1, 0


def _timing(
    sentence: str, pos: int, end: int, published: date | None, cumulative_kind: bool,
    neighbours: Sequence[int] = (),
) -> tuple[date | None, bool, date | None, bool]:
    """(when, explicit, since, cumulative): the day a figure refers to and whether it is a running count."""
    since: DateMention | None = None
    others: list[DateMention] = []
    mentions = find_dates(sentence, published)
    for d, nxt_d in zip(mentions, mentions[1:]):
        # "between September 21 and September 27": a running count over that span
        if _RANGE_START.search(sentence[max(0, d.start - 10) : d.start]) and _RANGE_JOIN.fullmatch(
            sentence[d.end : nxt_d.start]
        ):
            since = d
            mentions = [m for m in mentions if m is not d]
            break
    for d in mentions:
        if d.text.lower().startswith("since") or _SINCE.search(sentence[max(0, d.start - 100) : d.start]):
            since = since or d
        elif d.precision in ("day", "week"):  # "in February" dates the background, not the figure
            others.append(d)
    low = sentence.lower()
    cumulative = cumulative_kind and (since is not None or any(m in low for m in CUMULATIVE_MARKERS))
    # The date after the number names its day ("8,572 entered on Saturday"), up to the next number;
    # one before it (after the previous number) is second best.
    nxt = min((n for n in neighbours if n >= end), default=len(sentence))
    prv = max((n for n in neighbours if n < pos), default=-1)
    after = [d for d in others if end <= d.start < nxt]
    before = [d for d in others if prv < d.start and d.end <= pos] or [d for d in others if d.end <= pos]
    chosen = after[0] if after else (before[-1] if before else None)
    if chosen is not None and chosen.precision == "day":
        return chosen.first, True, since.first if since else None, cumulative
    when = published
    if chosen is not None and published is not None:
        when = min(chosen.last, published)
    return when, False, since.first if since else None, cumulative


def _value(raw: object) -> float | None:
    try:
        v = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return v if v == v and v not in (float("inf"), float("-inf")) else None


def _sentence_places(article: Article, start: int, end: int) -> frozenset[str]:
    out = set()
    for a in article.annotations:
        if a.layer == "entity" and a.label in SENTENCE_PLACE_LABELS and a.start is not None and start <= a.start < end:
            out.add(" ".join(str(a.attrs.get("canonical") or a.span_text(article.text) or "").split()).lower())
    return frozenset(out - {""})


def _clause_before(sentence: str, pos: int) -> str:
    """The words between the last clause break and the number."""
    head = sentence[:pos]
    cut = max(head.rfind(ch) for ch in ",;:«»\"“”‘’()—–")
    return head[cut + 1 :]


def _kind_in_context(article: Article, offset: int, back: int = 2) -> str | None:
    """The event named in the sentences just before (an elliptical "up to 1 million" takes its verb from there)."""
    if offset < 0:
        return None
    para = next(((s, e) for s, e in article.paragraphs if s <= offset < e), (0, offset))
    prev = [(s, e) for s, e in sentences(article.text, para[0], offset)][-back:]
    for s, e in reversed(prev):
        kind = kind_of(None, None, article.text[s:e], e - s, frozenset(KIND_ALLOWS) - {"approve"})
        if kind is not None:
            return kind
    return None


# -- claims in other languages ------------------------------------------------------------------
# A Russian "300 000 человек будут мобилизованы" and an English "300,000 reservists will be
# mobilised" are one quantity: the claim's words map onto the kinds, subjects, sides, places and
# modifiers the English claims are compared by (extract/resources.py COUNTED_*, Lang.modifiers).

#: Modifier as written in any language -> the English modifier whose range it allows.
_PLAIN_MODIFIERS = {m: en for res in LANGS.values() for m, en in res.modifiers.items()}
#: How far (characters) from the number a place named in its sentence may be.
PLACE_REACH = 400
#: Most letters of case ending a place name may carry ("России", "Украине"; not "российских").
_PLACE_ENDING = 2


def _stem_key(word: str, table: dict[str, dict[str, tuple[str, ...]]], lang: str) -> str | None:
    low = word.lower()
    return next((key for key, per in table.items() if any(low.startswith(s) for s in per.get(lang, ()))), None)


def plain_kind(predicate: str | None, unit: str | None, sentence: str, pos: int, lang: str) -> str | None:
    """The event a number counts in ``lang``: its predicate, its unit, else the nearest event word
    of the sentence within TRIGGER_REACH (words after the number bind tighter)."""
    for part in (predicate, unit):
        if part and (kind := _stem_key(part, COUNTED_KINDS, lang)) is not None:
            return kind
    best: tuple[float, str] | None = None
    lo = max(0, pos - 2 * TRIGGER_REACH)  # words further off are out of reach: a sentence may be a megabyte line
    for m in re.finditer(r"\w+", sentence[lo : pos + 2 * TRIGGER_REACH]):
        m_start, m_end = m.start() + lo, m.end() + lo
        kind = _stem_key(m.group(0), COUNTED_KINDS, lang)
        if kind is None:
            continue
        dist = m_start - pos if m_start >= pos else (pos - m_end) * 1.5
        if dist <= TRIGGER_REACH and (best is None or dist < best[0]):
            best = (dist, kind)
    return best[1] if best else None


def plain_subject(unit: str | None, kind: str | None, lang: str) -> str | None:
    """What is counted, as the English claims' subject: the unit's category, the kind's group for
    no unit or a unit that names the event ("5937 погибших"), None for a unit that names something else."""
    if unit and (subject := _stem_key(unit, COUNTED_SUBJECTS, lang)) is not None:
        return subject
    if unit and "percent" in unit:
        return "percent"
    if unit and _stem_key(unit, COUNTED_KINDS, lang) is None:
        return None
    return KIND_SUBJECT.get(kind or "")


def plain_qualifier(unit: str | None, around: str) -> str | None:
    """The side a number is about ("российских военных"), from the unit and the words around it."""
    for w in words(unit or "") + words(around):
        for side, stems in COUNTED_QUALIFIERS.items():
            if any(w.startswith(s) for s in stems):
                return side
    return None


def plain_places(sentence: str) -> frozenset[str]:
    """The places a sentence in any language names, by their English names (COUNTED_PLACES)."""
    found = set()
    for w in words(sentence):
        for place, stems in COUNTED_PLACES.items():
            if any(w.startswith(s) and len(w) - len(s) <= _PLACE_ENDING for s in stems):
                found.add(place)
    return frozenset(found)


def claim_records(
    article: Article, *, story: str | None = None, source: str | None = None, copies: tuple[str, ...] = (),
    with_sentence: bool = True,
) -> list[ClaimRecord]:
    """The comparable numeric claims of one article (claims whose counted event is unknown are left out).

    ``with_sentence=False`` leaves ``sentence`` empty: a corpus run keeps millions of records and fills
    the sentence in only for the claims that end up in a group (see with_sentences).
    """
    if any(a.layer == "genre" and a.label in NON_CLAIM_GENRES for a in article.annotations):
        return []
    published = reference_date(article)
    lang = article.language if article.language in LANGS else None  # None: English (and any unlisted)
    anns = article.layer("claim")
    sents = list(sentences(article.text)) if anns else []
    out = []
    for ann in anns:
        attrs = ClaimAttrs.of(ann)
        value = _value(attrs.value)
        if value is None or value < 3 or not attrs.exact:
            continue  # a vague amount ("thousands") or a range is never one side of a comparison
        unit = attrs.unit or None
        if not unit and 1900 <= value <= 2100 and value == int(value):
            continue  # a year, not a count
        sentence, offset, pos = _sentence_of(article, ann, sents)
        span = ann.span_text(article.text) or str(ann.attrs.get("text") or value)
        clause = _clause_before(sentence, pos)
        if HYPOTHETICAL.search(clause) or BASE_OF.search(sentence[:pos]):
            continue
        if lang is not None and set(words(clause)) & set(LANGS[lang].hypothetical):
            continue  # "если призовут 1 млн человек": a supposed figure, not a count
        is_percent = bool(unit and (words(unit)[-1:] in (["percent"], ["cent"]) or "%" in unit))
        only = frozenset({"approve"}) if is_percent else frozenset(KIND_ALLOWS) - {"approve"}
        including = bool(INCLUDING.search(sentence[:pos])) and bool(out) and out[-1].start is not None \
            and offset >= 0 and out[-1].start >= offset
        if including:
            kind = out[-1].kind  # a part of the count just before it, counting the same thing
        elif lang is not None:
            kind = None if is_percent else plain_kind(attrs.predicate, unit, sentence, pos, lang)
        else:
            kind = kind_of(attrs.predicate, unit, sentence, pos, only)
        if kind is None and unit is None and lang is None:
            kind = _kind_in_context(article, offset)
        if kind is None:
            continue
        after = sentence[pos + len(span) : pos + len(span) + 60]
        if RATE.search(after):
            continue  # "10,000 a day" is a rate, not a count
        subject = plain_subject(unit, kind, lang) if lang is not None else subject_of(unit, after, kind)
        if subject is None or subject not in KIND_ALLOWS.get(kind, frozenset()):
            continue
        subject = KIND_FORCES_SUBJECT.get(kind, subject)
        # Other counts in the sentence bound which date belongs to this one ("8,572 on Saturday, 6,470 on Sunday").
        neighbours = [
            o.start - offset for o in anns
            if o is not ann and o.start is not None and offset <= o.start < offset + len(sentence)
            and not (o.attrs.get("unit") and subject_of(o.attrs.get("unit"), "", None) in ("places", "distance", None))
        ] if offset >= 0 else []
        when, explicit, since, cumulative = _timing(
            sentence, pos, pos + len(span), published, kind in CUMULATIVE_KINDS, neighbours
        )
        low = sentence.lower()
        modifier = str(attrs.modifier or "").strip().lower() or None
        places = _sentence_places(article, offset, offset + len(sentence)) if offset >= 0 else frozenset()
        if lang is not None:
            modifier = _PLAIN_MODIFIERS.get(modifier or "", modifier) or None
            qualifier = plain_qualifier(unit, sentence[max(0, pos - 30) : pos + len(span) + 30])
            places = places | plain_places(sentence[max(0, pos - PLACE_REACH) : pos + PLACE_REACH])
        else:
            qualifier = qualifier_of(unit, after[:30], sentence[max(0, pos - 30) : pos])
        out.append(
            ClaimRecord(
                article=article.id,
                start=ann.start,
                value=value,
                modifier=modifier,
                text=span,
                sentence=" ".join(sentence.split()) if with_sentence else "",
                speaker=attrs.speaker or None,
                published=article.published,
                kind=kind,
                subject=subject,
                qualifier=qualifier,
                unit=unit,
                when=when,
                explicit_when=explicit,
                cumulative=cumulative,
                since=since,
                part=including or any(re.search(rf"\b{re.escape(m)}\b", low) for m in PART_MARKERS),
                places=places,
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

