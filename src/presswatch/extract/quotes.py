"""Direct and partial quotes with their speaker.

`find(...)` pairs every quoted stretch (see quotemarks) with the reporting clause before it
(`X said: '…'`), after it (`'…,' X said`) or around it (`told Belta that plans must be
"advanced"`), resolves the clause's subject (see speakers), and lets a quote with no clause of its
own inherit the speaker of the quote it continues (a quote run over several lines, told only at its
end, gives its speaker back to its earlier pieces). Transcript turns (``PENCE: …``) are direct
quotes of the turn's speaker. Titles in quote marks (shows, books, events, subheads: short, every
word capitalised, or a line that is only a short unpunctuated quote) are not quotes. One- and
two-word quotes are scare quotes unless a reporting verb close above them in the parse claims
them; a quote whose speaker cannot be told keeps speaker None.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Any, Iterator, Sequence

from ..attrs import EntityAttrs, QuoteAttrs
from ..model import Annotation, Article
from ..nlp.models import lemma
from ..nlp.stage import can_run, is_english
from ..options import Options
from . import quotemarks
from .quotemarks import QuoteSpan
from .resources import LANGS
from .speakers import (
    EntityIndex, Pronouns, Speaker, according_to, is_speech_verb, plain_speaker, resolve, speech_form, subject_of,
)

#: A quote this short (in words) is a scare quote unless a reporting verb claims it.
SHORT_WORDS = 2
#: How many lines back "he said" may look for the person who spoke.
PRONOUN_LINES = 3
#: Characters that may sit between a reporting clause and a quote that counts as direct.
_LEAD_PUNCT = " ,:;—–-\u00a0"
_SENT_END = ".!?"
#: Conjunctions that open a clause telling of another event, not of what the speaker said.
TEMPORAL_MARKS = frozenset({"after", "as", "when", "while", "before", "since", "until", "once", "whereas"})
#: How many steps up the parse a one- or two-word quote may sit below the verb that claims it
#: ("called it 'a lie'", "said the border was 'under control'"; not "said ... a basket of 'deplorables'").
SHORT_REACH = 7
#: Words a title leaves in lower case ("Face the Nation", "State of the Union").
TITLE_SMALL = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "vs", "de", "&"}
)
#: Longest title (in words) told apart by its capitalisation alone.
TITLE_WORDS = 7
#: A transcript turn: a speaker's name in capitals, a colon, what they said.
TURN = re.compile(r"([A-Z][A-Z.'’\- ]{1,28}[A-Z])\s?:\s+(?=\S)")
#: Characters before a quote that must match too for a repeated quote to be the same passage again.
REPEAT_CONTEXT = 30
#: How far (characters) from a quote its attribution is looked for where the language has no parse:
#: a sentence with no end (a megabyte line) must not make every quote read all of it.
PLAIN_REACH = 400
#: How many turns make an article a transcript (one capitalised label is a kicker: "UPDATE: ...").
TURNS = 3


@dataclass(frozen=True)
class Quote:
    """A quoted span and who says it (speaker None when the text does not tell)."""

    start: int
    end: int
    label: str
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    named: bool = False


def _tokens_in(doc: Any, starts: list[int], a: int, b: int) -> list[Any]:
    i = bisect.bisect_left(starts, a)
    j = bisect.bisect_left(starts, b)
    return [doc[k] for k in range(i, j)]


def _sentence_start(text: str, inside: quotemarks.Covered, line_start: int, pos: int) -> int:
    """Where the sentence holding ``pos`` begins, ignoring full stops inside quotes."""
    k = pos - 1
    while k > line_start:
        if text[k] in _SENT_END and text[k + 1 : k + 2].isspace() and k not in inside:
            return k + 1
        k -= 1
    return line_start


def _other_event(tok: Any) -> bool:
    """A clause with its own subject that tells of another event ("after X triggered ...")."""
    return (
        tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("advcl", "relcl")
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in tok.children)
    )


def _path_up(doc: Any, starts: list[int], q: QuoteSpan) -> Iterator[Any]:
    """The quote's first token and its heads, up to the root (at most 12 steps)."""
    k = bisect.bisect_left(starts, q.start)
    tok = doc[k] if k < len(doc) else None
    for _ in range(12):
        if tok is None:
            return
        yield tok
        if tok.head.i == tok.i:
            return
        tok = tok.head


def _aside(doc: Any, starts: list[int], q: QuoteSpan) -> bool:
    """Whether the quote sits in a clause about another event ("after X triggered 'plans to ...'")."""
    return any(_other_event(t) for t in _path_up(doc, starts, q))


def _governs(verb: Any, doc: Any, starts: list[int], q: QuoteSpan) -> bool:
    """Whether the quote sits in the verb's clause, not in one about another event in between
    ("... as thousands scramble after conscripts are given 'four hours'")."""
    for tok in _path_up(doc, starts, q):
        if tok.i == verb.i:
            return True
        if _other_event(tok):
            return False
    return False


class _Finder:
    """The state of one article's pass: token offsets, quote spans, who spoke where."""

    def __init__(self, doc: Any, text: str, paragraphs: Sequence[tuple[int, int]], entities: Sequence[Annotation]):
        self.doc, self.text = doc, text
        self.starts = [t.idx for t in doc]
        self.lines = quotemarks.lines_of(text, paragraphs)
        self.spans = list(quotemarks.find(text, paragraphs))
        self.inside = quotemarks.marked(self.spans)
        self.index = EntityIndex(entities)
        self.pronouns = Pronouns(
            doc, self.index, [s for s, _ in self.lines], PRONOUN_LINES, [(q.start, q.end) for q in self.spans]
        )

    def clause(
        self, tokens: list[Any], last: bool, q: QuoteSpan, governs: bool = False, reach: int | None = None,
    ) -> Speaker | None:
        """The speaker of the reporting verb nearest the quote among ``tokens`` (with ``reach``, a
        verb before the quote counts only when it is at most that many steps above it in the parse;
        `'…,' X said` right after the quote always counts)."""
        ls, le = self.lines[q.line]
        verbs = [
            t for t in tokens
            if is_speech_verb(t) and t.idx not in self.inside
            # "the Treasury continued to deny it": "continue" reports speech only on its own
            and not (lemma(t) == "continue" and any(c.dep_ == "xcomp" for c in t.children))
            # "waits to be called up": a passive phrasal verb tells of something done to its subject
            and not (any(c.dep_ == "auxpass" for c in t.children) and any(c.dep_ == "prt" for c in t.children))
        ]
        for verb in reversed(verbs) if last else verbs:
            if governs and not (_governs(verb, self.doc, self.starts, q) or _parenthetical(verb)):
                continue
            if reach is not None and last and not _within(verb, self.doc, self.starts, q, reach):
                continue
            subj = subject_of(verb)
            if subj is None and last and tokens and verb.i - tokens[0].i <= 1:
                subj = _inverted_subject(verb)  # "Said Ellis: '...'"
            elif subj is None and not last and tokens and verb.i - tokens[0].i <= 1:
                subj = _inverted_subject(verb)  # "'...,' explained a spokeswoman for the border service"
            elif subj is None and last and verb.tag_ in ("VBD", "VBZ", "VBP") and self.doc[verb.i - 1].pos_ in ("NOUN", "PROPN"):
                subj = self.doc[verb.i - 1]  # "..., Franken's office said he has not 'engaged in'"
            elif subj is None and not last and tokens and verb.i > tokens[0].i:
                # a parse that made the speaker an object of the quote: "'...,' a group of senators said"
                root = self.doc[tokens[0].i : verb.i].root
                subj = root if root.pos_ in ("NOUN", "PROPN", "PRON") else None
            if subj is None or subj.idx in self.inside or not ls <= subj.idx < le:
                continue
            sp = resolve(self.doc, subj, self.index, self.pronouns, cue=verb.text)
            if sp is not None:
                return sp
        return None

    def attribute(self, q: QuoteSpan, k: int, short: bool = False) -> tuple[Speaker | None, bool, bool]:
        """(speaker, whether the quote reads as direct speech, whether a reporting clause was there);
        a ``short`` quote takes only a reporting verb close above it in the parse."""
        text = self.text
        ls, le = self.lines[q.line]
        sent = _sentence_start(text, self.inside, ls, q.open_at)
        lead = text[sent : q.open_at]
        at_start = lead.strip(_LEAD_PUNCT + "•*·") == ""
        colon = lead.rstrip().endswith(":")
        # the spans come line by line, so the next one on this line, if any, is the next one
        nxt = self.spans[k + 1].open_at if k + 1 < len(self.spans) and self.spans[k + 1].line == q.line else le
        after_start = (q.close_at + 1) if q.close_at is not None else le
        after = _tokens_in(self.doc, self.starts, after_start, nxt)
        cut = next((n for n, t in enumerate(after) if n > 0 and t.text in _SENT_END), len(after))
        after = after[: cut + 1]
        before = [t for t in _tokens_in(self.doc, self.starts, sent, q.open_at) if t.idx not in self.inside]
        speech_lead = bool(before) and (
            is_speech_verb(before[-1]) or before[-1].text in ",:" and len(before) > 1 and is_speech_verb(before[-2])
        )
        direct = at_start or colon or (speech_lead and text[q.start : q.start + 1].isupper())
        # `'…,' X said` attributes what comes before it; a mid-sentence quote followed by some
        # other clause ("a 'partial' mobilisation, and Shoigu said") does not
        mark_end = q.close_at if q.close_at is not None else q.end
        ends_speech = text[mark_end - 1 : mark_end] in ",.!?…" or text[after_start : after_start + 1] == ","
        if colon or speech_lead:
            order = [(before, True, False), (after, False, False)]
        elif at_start:
            order = [(after, False, False)]
        else:
            order = [(before, True, True)] + ([(after, False, False)] if ends_speech else [])
        for tokens, last, governs in order:
            sp = self.clause(tokens, last, q, governs, SHORT_REACH if short else None)
            if sp is not None:
                return sp, direct, True
        clause = any(is_speech_verb(t) for tokens, _, _ in order for t in tokens if t.idx not in self.inside)
        return None, direct, clause

    def inherit(self, q: QuoteSpan, prev: Quote, prev_span: QuoteSpan, clause: bool, words: int) -> bool | None:
        """Whether an unattributed quote goes on with the previous speaker: None if not, else
        whether it reads as direct speech."""
        opens_line = q.open_at == self.lines[q.line][0]
        gap = self.text[(prev_span.close_at or prev_span.end) : q.open_at]
        # "'The head,' he added, 'is optional.'": the gap is the previous quote's attribution
        told_between = prev_span.line == q.line and bool(prev.cue) and prev.cue in gap and len(gap) < 60
        if clause and not told_between:
            return None  # it has a reporting clause of its own that could not be resolved
        if q.continues or (opens_line and prev_span.line in (q.line, q.line - 1)):
            return True
        if prev_span.line == q.line and (words > SHORT_WORDS or told_between) and not _aside(self.doc, self.starts, q):
            return prev.label == "direct" and told_between
        return None

    def title(self, q: QuoteSpan) -> bool:
        """Whether a quoted stretch is a name or a heading, not words someone said: a show, book or
        event ("Face the Nation", "State of the Union."), or a line that is only a short quote with
        no sentence punctuation (a subhead)."""
        span = self.text[q.start : q.end]
        if span.endswith((",", "?", "!", "…", ":")):
            return False
        ws = span.rstrip(".").split()
        if not ws:
            return False
        ls, le = self.lines[q.line]
        alone = q.open_at == ls and (q.close_at is not None and q.close_at + 1 >= le) and not (q.continues or q.continued)
        if alone and len(ws) <= TITLE_WORDS and not span.endswith("."):
            return True
        if len(ws) > TITLE_WORDS or ws[0].lower() == "i" or not ws[0][:1].isupper():
            return False
        big = [w for w in ws if w.lower() not in TITLE_SMALL and any(ch.isalpha() for ch in w)]
        return bool(big) and all(w[:1].isupper() for w in big) and (len(ws) > 1 or not alone)

    def worded(self, q: QuoteSpan) -> bool:
        """Whether a short quote holds words of someone's: not only function words ("'yet'"), not
        one figure on its own ("'1million'"; "'around 2,300'" is a phrase of the source's)."""
        toks = _tokens_in(self.doc, self.starts, q.start, q.end)
        words = [t for t in toks if any(ch.isalnum() for ch in t.text)]
        if not words:
            return False
        if len(toks) == 1 and (toks[0].like_num or any(ch.isdigit() for ch in toks[0].text)):
            return False
        return not all(t.is_stop for t in words)

    def turns(self) -> dict[int, Quote]:
        """Transcript turns by line (``WALLACE: Governor, will you ...``) when the article has
        enough of them to be a transcript."""
        found = {}
        for n, (ls, le) in enumerate(self.lines):
            m = TURN.match(self.text, ls, le)
            if m is None or not any(ch.isalpha() for ch in m.group(1)):
                continue
            who = self.index_name(m.group(1))
            found[n] = Quote(m.end(), le, "direct", speaker=who[0], speaker_start=ls, speaker_end=ls + len(m.group(1)),
                             cue=None, named=who[1])
        return found if len(found) >= TURNS and len({q.speaker for q in found.values()}) >= 2 else {}

    def index_name(self, label: str) -> tuple[str, bool]:
        """The person a transcript label names ("PENCE" → "Mike Pence" when the article names him)."""
        key = label.strip().lower()
        plain = " ".join(w.capitalize() for w in label.split())
        for ent in self.index.persons():
            name = self.index.canonical(ent)
            if name.isupper():
                continue  # the label itself, tagged as a name
            if name.lower() == key or name.lower().split()[-1] == key.split()[-1]:
                return name, True
        return plain, False

    def run(self) -> Iterator[Quote]:
        """Every quote of the article with its speaker, in text order."""
        turns = self.turns()
        out: list[tuple[Quote, QuoteSpan | None]] = []
        prev: Quote | None = None
        prev_span: QuoteSpan | None = None
        done_turns: set[int] = set()
        seen: set[tuple[str, str, str | None]] = set()
        for k, q in enumerate(self.spans):
            for n in sorted(t for t in turns if t <= q.line and t not in done_turns):
                done_turns.add(n)
                out.append((turns[n], None))
            if q.line in turns:
                continue  # quote marks inside a turn are the turn's words
            words = len(self.text[q.start : q.end].split())
            if self.title(q):
                continue
            sp, direct, clause = self.attribute(q, k, short=words <= SHORT_WORDS)
            cue = sp.cue if sp else None
            inherited = False
            if sp is None and prev is not None and prev.speaker and prev_span is not None:
                reads_direct = self.inherit(q, prev, prev_span, clause, words)
                if reads_direct is not None:
                    sp = Speaker(prev.speaker, None, None, prev.named, prev.cue)
                    cue, inherited = prev.cue, True
                    direct = direct or reads_direct
            if words <= SHORT_WORDS and (sp is None or not self.worded(q)):
                continue  # a scare quote, a stressed word ("not 'yet'") or a quoted figure ("'1million'")
            key = (
                " ".join(self.text[max(self.lines[q.line][0], q.open_at - REPEAT_CONTEXT) : q.start].lower().split()),
                " ".join(self.text[q.start : q.end].lower().rstrip(".,!?…").split()),
                sp.name if sp else None,
            )
            if key in seen:
                continue  # the same words, led in the same way, from the same speaker: a repeated caption
            seen.add(key)
            label = "direct" if direct and (words > SHORT_WORDS or inherited) else "partial"
            quote = Quote(
                q.start, q.end, label,
                speaker=sp.name if sp else None,
                speaker_start=sp.start if sp else None,
                speaker_end=sp.end if sp else None,
                cue=cue,
                named=bool(sp and sp.named),
            )
            if sp is not None:
                if sp.label == "PERSON" and sp.start is not None:
                    self.pronouns.spoke(sp.start, sp.name)
                self.pronouns.quoted(q.open_at, sp.name)
            out.append((quote, q))
            prev, prev_span = quote, q
        out.extend((turns[n], None) for n in sorted(set(turns) - done_turns))
        yield from _told_at_the_end(out)


def _told_at_the_end(found: list[tuple[Quote, QuoteSpan | None]]) -> list[Quote]:
    """A quote run over several lines and told only after its last piece (`“…\n…\n…,” Hickey
    said`): its earlier pieces take that speaker."""
    quotes = [q for q, _ in found]
    for k in range(len(found) - 1, 0, -1):
        q, span = found[k]
        p, pspan = found[k - 1]
        if (
            span is not None and pspan is not None and span.continues and pspan.continued
            and q.speaker is not None and p.speaker is None
        ):
            found[k - 1] = (replace(quotes[k - 1], speaker=q.speaker, cue=q.cue, named=q.named,
                                    label="direct" if pspan.open_at == pspan.start - 1 or pspan.continues else quotes[k - 1].label), pspan)
            quotes[k - 1] = found[k - 1][0]
    return quotes


def _parenthetical(verb: Any) -> bool:
    """`The mobilisation, he said, was ...`: a reporting clause set off by commas inside the sentence."""
    doc = verb.doc
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    return (
        subj is not None and subj.left_edge.i > 0 and doc[subj.left_edge.i - 1].text == ","
        and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","
    )


def _within(verb: Any, doc: Any, starts: list[int], q: QuoteSpan, reach: int) -> bool:
    """Whether the verb is at most ``reach`` steps above the quote's first token in the parse."""
    return any(tok.i == verb.i for n, tok in enumerate(_path_up(doc, starts, q)) if n <= reach)


def _inverted_subject(verb: Any) -> Any | None:
    """The noun right after a reporting verb that opens its clause ("said one woman", "Said
    Ellis:", a parse that made "Said" part of the name)."""
    for c in verb.rights:
        if c.dep_ in ("dobj", "attr", "npadvmod", "dep", "oprd", "nsubj", "appos", "xcomp") and c.pos_ in ("NOUN", "PROPN"):
            return c
    if verb.dep_ == "compound" and verb.head.i > verb.i and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


class _PlainFinder:
    """Quotes of an article that has tokens and sentences but no parse (a blank pipeline's
    languages): the attribution is a verb of saying next to the quote, found by its forms, and
    its speaker the name or phrase written beside the verb (see speakers.plain_speaker)."""

    def __init__(self, doc: Any, text: str, paragraphs: Sequence[tuple[int, int]], lang: str,
                 entities: Sequence[Annotation]):
        self.doc, self.text, self.lang = doc, text, lang
        self.res = LANGS[lang]
        self.tokens = list(doc)
        self.starts = [t.idx for t in self.tokens]
        self.lines = quotemarks.lines_of(text, paragraphs)
        self.line_starts = [ls for ls, _ in self.lines]
        self.spans = [self._dialogue_told(q) for q in quotemarks.find(text, paragraphs, lang)]
        if self.res.dialogue:
            self.spans = sorted(self.spans + self._midline_dialogue(), key=lambda q: (q.line, q.open_at))
        self.inside = quotemarks.marked(self.spans)
        self.index = EntityIndex(entities)
        self.spoken: list[tuple[int, str, bool]] = []  # where a quote was told, by whom, a named person?

    def _line(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.line_starts, pos) - 1)

    def previous(self, pos: int) -> tuple[str, bool] | None:
        """Who "он"/"il"/"er" is: the speaker of the last quote told within a few lines before."""
        line = self._line(pos)
        for at, name, person in reversed(self.spoken):
            if at < pos and self._line(at) >= line - PRONOUN_LINES:
                return name, person
        return None

    def _speaker_at(self, toks: list[Any], k: int, subject_first: bool = False) -> Speaker | None:
        return plain_speaker(toks, k, self.lang, self.index, self.previous, subject_first)

    def _midline_dialogue(self) -> list[QuoteSpan]:
        """Dialogue opened by a dash after a sentence inside a line, on a line with no other quote,
        kept when the piece after it tells who speaks ("… на дым. — Дышать невозможно, — рассказала
        жительница …")."""
        taken = {q.line for q in self.spans}
        out: list[QuoteSpan] = []
        for n, (ls, le) in enumerate(self.lines):
            if n in taken:
                continue
            for run in quotemarks.midline_dialogue(self.text, ls, le, n):
                if not run or run[0].close_at is None:
                    continue
                told = self.text[run[0].close_at + 1 : run[1].open_at if len(run) > 1 else le]
                if any(speech_form(w, self.lang) for w in re.findall(r"\w+", told)[:4]):
                    out.extend(run)
                    break
        return out

    def _dialogue_told(self, q: QuoteSpan) -> QuoteSpan:
        """`— Nous ne partirons pas, a lancé une manifestante.`: a dialogue line told after a comma,
        not a dash; the quote ends at the comma before the verb of saying."""
        if q.family != "dash" or q.close_at is not None:
            return q
        toks = _tokens_in(self.doc, self.starts, q.start, q.end)
        for n in range(1, len(toks) - 1):
            if toks[n].text != ",":
                continue
            m = n + 1
            while m < len(toks) - 1 and toks[m].text.lower() in self.res.auxiliaries:
                m += 1
            if speech_form(toks[m].text, self.lang):
                return replace(q, end=toks[n].idx, close_at=toks[n].idx)
        return q

    def _according(self, toks: list[Any]) -> Speaker | None:
        return according_to(toks, self.text, self.lang, self.index)

    def attribute(self, q: QuoteSpan, k: int) -> tuple[Speaker | None, bool]:
        """(speaker, whether the reporting clause sits right beside the quote: direct speech)."""
        text = self.text
        ls, le = self.lines[q.line]
        nxt = self.spans[k + 1].open_at if k + 1 < len(self.spans) and self.spans[k + 1].line == q.line else le
        after_start = (q.close_at + 1) if q.close_at is not None else le
        after = _tokens_in(self.doc, self.starts, after_start, min(nxt, after_start + PLAIN_REACH))
        cut = next((n for n, t in enumerate(after) if t.text in _SENT_END + "…"), len(after))
        after = after[:cut]
        lead = 0
        while lead < len(after) and not any(ch.isalnum() for ch in after[lead].text):
            lead += 1
        # "«…», — сказал он", "„…“, sagte Scholz", "« … », a déclaré Emmanuel Macron", "«…», — Песков заявил"
        for n in range(lead, min(len(after), lead + 4)):
            if speech_form(after[n].text, self.lang):
                sp = self._speaker_at(after, n)
                if sp is not None:
                    return sp, lead > 0
        if lead > 0 and (sp := self._according(after[lead : lead + 6])) is not None:
            return sp, True
        sent = _sentence_start(text, self.inside, max(ls, q.open_at - PLAIN_REACH), q.open_at)
        before = [t for t in _tokens_in(self.doc, self.starts, sent, q.open_at)
                  if t.idx not in self.inside and t.text not in quotemarks.FAMILY]  # (« moved by a space: see normalised)
        # "Песков заявил: «…»", "Macron a déclaré : « … »", "Как заявил Песков, «…»"
        for n in range(len(before) - 1, max(-1, len(before) - 9), -1):
            if speech_form(before[n].text, self.lang):
                sp = self._speaker_at(before, n, subject_first=True)
                if sp is not None:
                    tail = text[before[-1].idx : q.open_at] if before else ""
                    return sp, ":" in tail or "," in tail
        sp = self._according(before)
        return sp, sp is not None and text[sent:q.open_at].rstrip().endswith((",", ":"))

    def run(self) -> Iterator[Quote]:
        out: list[tuple[Quote, QuoteSpan | None]] = []
        prev: Quote | None = None
        prev_span: QuoteSpan | None = None
        for k, q in enumerate(self.spans):
            words = len(self.text[q.start : q.end].split())
            ls, le = self.lines[q.line]
            alone = q.open_at == ls and (q.close_at is not None and q.close_at + 1 >= le)
            if alone and words <= TITLE_WORDS and not self.text[q.start : q.end].rstrip().endswith((".", "!", "?", "…", ",")):
                continue  # a subhead or a title on a line of its own
            sp, beside = self.attribute(q, k)
            inherited = False
            told_between = (
                prev is not None and prev_span is not None and prev_span.line == q.line and bool(prev.cue)
                and str(prev.cue) in self.text[(prev_span.close_at or prev_span.end) : q.open_at]
            )
            if sp is None and prev is not None and prev.speaker and prev_span is not None and (
                q.continues or q.open_at == ls and prev_span.line in (q.line, q.line - 1) or told_between
            ):
                sp, inherited = Speaker(prev.speaker, None, None, prev.named, prev.cue), True
            if words <= SHORT_WORDS and sp is None:
                continue  # a scare quote
            lead = self.text[_sentence_start(self.text, self.inside, max(ls, q.open_at - PLAIN_REACH), q.open_at) : q.open_at]
            at_start = lead.strip(_LEAD_PUNCT + "•*·") == ""
            direct = (at_start or beside or inherited or q.family == "dash") and words > SHORT_WORDS
            quote = Quote(
                q.start, q.end, "direct" if direct else "partial",
                speaker=sp.name if sp else None,
                speaker_start=sp.start if sp else None,
                speaker_end=sp.end if sp else None,
                cue=sp.cue if sp else None,
                named=bool(sp and sp.named),
            )
            if sp is not None and not inherited:
                self.spoken.append((q.open_at, sp.name, sp.label == "PERSON" or not sp.named))
            out.append((quote, q))
            prev, prev_span = quote, q
        yield from _told_at_the_end(out)


def find(doc: Any, text: str, paragraphs: Sequence[tuple[int, int]], entities: Sequence[Annotation]) -> Iterator[Quote]:
    """Every quote of a parsed article with its speaker, in text order."""
    yield from _Finder(doc, text, paragraphs, entities).run()


def find_plain(
    doc: Any, text: str, paragraphs: Sequence[tuple[int, int]], lang: str, entities: Sequence[Annotation] = ()
) -> Iterator[Quote]:
    """Every quote of an article in ``lang`` (one of resources.LANGS) that has tokens and
    sentences but no parse, with its speaker, in text order."""
    yield from _PlainFinder(doc, text, paragraphs, lang, entities).run()


def to_annotation(q: Quote) -> Annotation:
    """The `quote` annotation of a quote."""
    attrs = QuoteAttrs(speaker=q.speaker, cue=q.cue, speaker_start=q.speaker_start, speaker_end=q.speaker_end)
    return Annotation(QuoteAttrs.layer, q.label, q.start, q.end, attrs=attrs.to_dict())


@dataclass
class QuoteStage:
    """Writes `quote` annotations, reading the article's `entity` annotations for canonical names."""

    name: str = "extract.quotes.v1"

    def __call__(self, articles: list[Article]) -> None:
        for article in articles:
            if is_english(article):
                entities = article.layer(EntityAttrs.layer)
                for q in find(article.doc, article.text, article.paragraphs, entities):
                    article.add(to_annotation(q))
                continue
            if can_run(article, QuoteAttrs.layer) and article.language in LANGS:
                entities = article.layer(EntityAttrs.layer)
                for q in find_plain(article.doc, article.text, article.paragraphs, str(article.language), entities):
                    article.add(to_annotation(q))


def make_stage(options: Options) -> QuoteStage:
    """The quote stage (no model of its own: it reads the parse and the entities)."""
    return QuoteStage()
