"""Fuzzing (hypothesis): clean and every per-article stage on arbitrary Unicode never raise, keep every
offset inside the text, record span text that matches the offsets, and cleaning is idempotent."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from presswatch.clean import clean_record, repair_text
from presswatch.extract.quotemarks import FAMILY
from presswatch.model import Annotation, Article, RawRecord
from presswatch.runner import process_batch
from presswatch.registry import DEFAULT_STAGES
from presswatch.store import Store

from tests.robustness.badinput import available_stages, built_stages

#: Bounded so the whole file runs in under a minute on a shared machine (every stage, rhetoric included,
#: costs tens of milliseconds an article); raise max_examples locally for a longer hunt.
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PARSED = settings(max_examples=20, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

#: Layers whose labels are about the whole article (start = end = None).
ARTICLE_LEVEL = {"genre", "frame", "narrative"}

# -- strategies ---------------------------------------------------------------------------------
QUOTE_MARKS = sorted(FAMILY) + ["「", "」", "``", "''"]
ODD = [
    "👍🏽", "🇺🇦", "👩‍👩‍👧", "\U0001f600", "שלום עולם", "مرحبا بالعالم", "\u202eevil\u202c", "\u200f", "\u200b",
    "e\u0301", "\u0301", "a\u0308\u0323", "\ufeff", "\u2028", "\u2029", "\x00", "\x07", "\x1b[31m", "\x7f", "\r",
    "\t", "\xa0", "\u2009", "ﬁ", "Ⅻ", "²", "½", "٣", "१२", "𝟗", "x" * 3000, "9" * 400, "1" * 40 + "%",
    "1,000,000", "3.5%", "$2m", "£1.2bn", "1million", "three percent", "-0", "1e309", "NaN", "inf", "0x1F",
    "I.", "U.S.", "...", "…", "—", "–", "-", "&amp;", "<b>", "\\", "%s", "{0}",
]
WORDS = [
    "said", "told", "says", "according to", "President", "Putin", "Mr", "Ms", "the", "minister", "Kremlin",
    "more than", "up to", "at least", "about", "people", "percent", "million", "police", "Moscow", "Reuters",
    "he", "she", "they", "reporters", "claimed", "on Monday", "of", "and", ".", ",", ":", "?", "!",
]
NAMES = ["Vladimir Putin", "Anna Petrova", "Mr Peskov", "the Kremlin", "Olga Ivanova", "a spokesman",
         "the regional governor", "Dmitry Medvedev", "the UN", "a wife from Tyumen"]
UNITS = ["people", "reservists", "percent", "soldiers", "cars", "kilometres", "roubles", "days", "men"]
MODIFIERS = ["", "more than ", "up to ", "at least ", "about ", "nearly ", "over "]
CUES = ["said", "told reporters", "claimed", "wrote", "added", "insisted"]

piece = st.one_of(
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(ODD),
    st.sampled_from(WORDS),
    st.sampled_from(NAMES),
    st.integers(-10**12, 10**12).map(str),
    st.text(max_size=12),
)
separator = st.sampled_from([" ", " ", " ", "", "\n", "\n\n", ". ", ", "])


def _joined(parts: list[tuple[str, str]]) -> str:
    return "".join(p + s for p, s in parts)


arbitrary_text = st.lists(st.tuples(piece, separator), max_size=60).map(_joined)
#: Fewer pieces (so fewer paragraphs) for the stage tests: the rhetoric stage embeds every paragraph.
short_arbitrary_text = st.lists(st.tuples(piece, separator), max_size=25).map(_joined)


@st.composite
def ordinary_sentence(draw) -> str:
    """A news-like sentence: a claim, a quote with a speaker, or both."""
    name, unit = draw(st.sampled_from(NAMES)), draw(st.sampled_from(UNITS))
    number = draw(st.one_of(st.integers(1, 10**7).map(lambda n: f"{n:,}"), st.sampled_from(["three", "a dozen", "12.5"])))
    words = " ".join(draw(st.lists(st.sampled_from(["we", "will", "not", "leave", "our", "homes", "this", "is",
                                                    "a", "disgrace", "they", "lied", "again"]), min_size=1, max_size=9)))
    cue, modifier = draw(st.sampled_from(CUES)), draw(st.sampled_from(MODIFIERS))
    template = draw(st.sampled_from([
        "{name} {cue} that {modifier}{number} {unit} had left on Monday.",
        "“{words},” {name} {cue}.",
        '{name} {cue}: "{words}."',
        "According to {name}, {modifier}{number} {unit} were detained in {n} cities.",
        "The figure of {modifier}{number} {unit} was “{words}”, {name} {cue}.",
        "‘{words}’, {cue} {name}, adding that {number} {unit} had signed up.",
    ]))
    return template.format(name=name, cue=cue, modifier=modifier, number=number, unit=unit, words=words,
                           n=draw(st.integers(2, 99)))


ordinary_text = st.lists(st.lists(ordinary_sentence(), min_size=1, max_size=3).map(" ".join),
                         min_size=1, max_size=5).map("\n\n".join)



def _insert(text: str, pieces: list[tuple[int, str]]) -> str:
    for pos, p in pieces:
        k = pos % (len(text) + 1)
        text = text[:k] + p + text[k:]
    return text


#: News-like text with odd characters dropped in anywhere (inside names, numbers, quote marks).
noisy_text = st.builds(_insert, ordinary_text, st.lists(st.tuples(st.integers(0, 10**6), piece), max_size=8))

# -- checks ---------------------------------------------------------------------------------------
def check_offsets(article: Article) -> None:
    """Every span inside the text, article-level labels without offsets, span text as recorded."""
    text, n = article.text, len(article.text)
    for s, e in article.paragraphs:
        assert 0 <= s < e <= n
    for a in article.annotations:
        if a.layer in ARTICLE_LEVEL:
            assert a.start is None and a.end is None, f"article-level {a.layer} label with offsets: {a}"
            assert a.label and (a.score is None or 0.0 <= a.score <= 1.0), f"{a.layer} label: {a}"
            continue
        assert a.start is not None and a.end is not None, f"span layer {a.layer} without offsets: {a}"
        assert 0 <= a.start < a.end <= n, f"{a.layer} span {a.start}..{a.end} outside a {n}-char text"
        span = text[a.start : a.end]
        assert span.strip(), f"{a.layer} span of only whitespace: {span!r}"
        if "text" in a.attrs:
            assert a.attrs["text"] == span, f"{a.layer}: attrs.text {a.attrs['text']!r} != text[start:end] {span!r}"
        check_layer(article, a, span)
    # what is stored must survive JSON (DuckDB JSON columns refuse NaN and Infinity)
    for a in article.annotations:
        json.dumps(a.attrs, allow_nan=False, ensure_ascii=False)
        if a.score is not None:
            assert math.isfinite(a.score)


def check_layer(article: Article, a: Annotation, span: str) -> None:
    text = article.text
    if a.layer == "entity":
        assert isinstance(a.attrs.get("canonical"), str) and a.attrs["canonical"].strip()
    elif a.layer == "quote":
        assert a.label in ("direct", "partial")
        # the quoted words follow their opening mark, or start the line that closes a quote left open
        before = text[text.rfind("\n", 0, a.start) + 1 : a.start].rstrip()
        assert not before or before[-1] in FAMILY, f"quote span {span!r} does not follow a quote mark"
        s, e = a.attrs.get("speaker_start"), a.attrs.get("speaker_end")
        assert (s is None) == (e is None)
        if s is not None:
            assert 0 <= s < e <= len(text) and text[s:e].strip(), f"speaker offsets {s}..{e} point at nothing"
    elif a.layer == "claim":
        value = a.attrs.get("value")
        assert isinstance(value, (int, float)) and math.isfinite(value), f"claim value {value!r} for {span!r}"
        assert " ".join(span.split()) in a.attrs.get("sentence", ""), f"claim {span!r} not in its sentence"
    elif a.layer == "technique":
        assert a.score is not None and 0.0 <= a.score <= 1.0
        ps, pe = article.paragraphs[a.attrs["paragraph"]]
        assert ps <= a.start and a.end <= pe, f"technique span {span!r} outside its paragraph"
        assert a.attrs.get("trigger") in (None, span), f"trigger {a.attrs.get('trigger')!r} != {span!r}"


# -- ingest -> clean -----------------------------------------------------------------------------
json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30), arbitrary_text),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)
json_object = st.dictionaries(
    st.one_of(st.sampled_from(["title", "text", "body", "content", "html", "url", "published", "date", "outlet",
                               "author", "source"]),
              # keys with line breaks are covered by test_properties_jsonl_key_with_line_break_is_one_line
              st.text(st.characters(blacklist_categories=("Cc", "Zl", "Zp", "Cs")), max_size=8)),
    json_value, max_size=6,
)
HEADS = [b"", b"WARC/1.0\r\n", b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n", b"{",
         b"<!DOCTYPE html><html><head><title>", b"<html><body><article><p>", b"\xef\xbb\xbf", b"\xff\xfe",
         b"\xfe\xff\x00", b"\x1f\x8b", b"%PDF-1.4", b"\x89PNG\r\n\x1a\n"]
raw_bytes = st.one_of(
    st.tuples(st.sampled_from(HEADS), st.binary(max_size=400)).map(b"".join),
    st.lists(json_object, max_size=4).map(
        lambda objs: "\n".join(json.dumps(o, ensure_ascii=False) for o in objs).encode("utf-8", "surrogatepass")),
    st.tuples(st.sampled_from(HEADS), arbitrary_text).map(lambda t: t[0] + t[1].encode("utf-8", "surrogatepass")),
)


@FAST
@given(data=raw_bytes, name=st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.warc", "noext"]))
def test_properties_ingest_then_clean_on_arbitrary_bytes(data, name):
    """Any bytes give records or one-line failures, and every record cleans without raising."""
    from presswatch.ingest import read_blob
    from presswatch.ingest.source import Blob
    from presswatch.model import Failure

    for item in read_blob(Blob(f"/fuzz/{name}", data)):
        if isinstance(item, Failure):
            assert item.reason and "\n" not in item.reason and len(item.reason) <= 300, item.reason
            continue
        assert item.format in ("text", "html", "warc", "jsonl")
        check_offsets(clean_record(item))


def test_properties_jsonl_key_with_line_break_is_one_line():
    from presswatch.ingest import read_blob
    from presswatch.ingest.source import Blob

    (failure,) = read_blob(Blob("/fuzz/a.jsonl", b'{"\\n  failed /etc/passwd (ingest): spoofed": 1}\n'))
    assert "\n" not in failure.reason


# -- clean ----------------------------------------------------------------------------------------
def reclean(article: Article, fmt: str) -> Article:
    """Clean an already clean article again, laid out as its format's reader would give it."""
    if fmt == "text":  # blank lines between paragraphs, as in the seed layout (no line unwrapping)
        raw = f"{article.title or ''}\n\n{article.text}"
        meta = {}
    else:
        raw = "\n".join(article.paragraph_texts())
        meta = {"title": article.title} if article.title else {}
    return clean_record(RawRecord("<fuzz>", raw, fmt, meta))


@FAST
@given(text=arbitrary_text, fmt=st.sampled_from(["text", "html", "jsonl"]),
       meta=st.dictionaries(st.sampled_from(["title", "published", "outlet", "url", "author"]),
                            st.one_of(st.text(max_size=40), arbitrary_text, st.integers()), max_size=5))
def test_properties_clean_record_on_arbitrary_unicode(text, fmt, meta):
    article = clean_record(RawRecord("<fuzz>", text, fmt, meta))
    check_offsets(article)
    assert all(p == p.strip() and p for p in article.paragraph_texts())
    if article.published is not None:
        assert article.published[:4].isdigit(), f"published is not ISO 8601: {article.published!r}"
    json.dumps(article.to_dict(), allow_nan=False)


@FAST
@given(text=st.one_of(arbitrary_text, ordinary_text, st.text()))
def test_properties_repair_text_is_idempotent(text):
    once = repair_text(text)
    assert repair_text(once) == once


@FAST
@given(text=st.one_of(arbitrary_text, noisy_text, ordinary_text), fmt=st.sampled_from(["text", "html", "jsonl"]),
       title=st.one_of(st.none(), st.sampled_from(NAMES), arbitrary_text))
def test_properties_clean_record_is_idempotent(text, fmt, title):
    raw = f"{title or ''}\n\n{text}" if fmt == "text" else text
    meta = {"title": title} if title and fmt != "text" else {}
    once = clean_record(RawRecord("<fuzz>", raw, fmt, meta))
    if not once.text.strip():
        return
    twice = reclean(once, fmt)
    assert twice.text == once.text
    assert twice.title == once.title


# -- per-article stages --------------------------------------------------------------------------
@pytest.mark.parametrize("name", DEFAULT_STAGES)
def test_properties_default_stage_loads(name):
    """Each default stage is fuzzed below only once it imports; until then this says why it is not."""
    ok, missing = available_stages()
    if name in missing:
        pytest.skip(f"not fuzzed: {missing[name]}")
    assert name in ok


@pytest.fixture(scope="module")
def stages(nlp):
    """Every default stage that builds, built once per process (the spaCy model is shared with `nlp`)."""
    built, missing = built_stages()
    if "nlp.spacy.v1" in missing:
        pytest.skip(f"the nlp stage does not build ({missing['nlp.spacy.v1']}); nothing downstream can be fuzzed")
    return list(built)


@pytest.fixture(scope="module")
def light_stages(stages):
    """The stages without rhetoric (which embeds every paragraph), for the tests that do not need it."""
    return [s for s in stages if not s.name.startswith("rhetoric")]


def analyse(stages, texts: list[str], *, english: bool = True) -> list[Article]:
    articles = [Article.create(f"<fuzz>#{i}", t) for i, t in enumerate(texts)]
    if english:  # make the English-only layers run on text that does not look English
        for a in articles:
            a.language = "en"
    return process_batch(stages, articles)


def assert_clean_run(articles: list[Article]) -> None:
    for a in articles:
        assert a.errors == [], f"stage error on {a.text[:200]!r}: {a.errors}"
        check_offsets(a)
        back = Article.from_json(a.to_json())
        assert back.annotations == a.annotations


@PARSED
@given(texts=st.lists(st.one_of(short_arbitrary_text, noisy_text), min_size=1, max_size=2), english=st.booleans())
@example(texts=["Officials said " + "9" * 400 + " people joined the march."], english=True)  # value overflowed to inf
@example(texts=["“" * 50 + "He said: «‘“x”’» " * 20, "\u202e" + "١٢٣ people said “no”"], english=True)
def test_properties_stages_on_arbitrary_unicode(stages, texts, english):
    assert_clean_run(analyse(stages, texts, english=english))


@PARSED
@given(texts=st.lists(ordinary_text, min_size=1, max_size=2))
def test_properties_stages_on_ordinary_news_text(stages, texts):
    assert_clean_run(analyse(stages, texts))


@PARSED
@given(text=st.one_of(short_arbitrary_text, noisy_text, ordinary_text))
def test_properties_cleaned_then_analysed(stages, text):
    """The real order: clean a raw text, then run every stage on the clean article."""
    article = clean_record(RawRecord("<fuzz>", text, "text", {}))
    if not article.text.strip():
        return
    article.language = "en"
    (done,) = process_batch(stages, [article])
    assert_clean_run([done])


@settings(max_examples=40, deadline=None)
@given(text=arbitrary_text, label=st.text(min_size=1, max_size=20),
       attrs=st.dictionaries(st.text(max_size=10), st.one_of(st.text(max_size=30), st.integers(-2**53, 2**53),
                                                             st.floats(allow_nan=False, allow_infinity=False),
                                                             st.none(), st.booleans()), max_size=4))
def test_properties_store_round_trip(text, label, attrs):
    """Whatever text and attrs the layers produce, the store gives back exactly what it was given."""
    article = Article.create("<fuzz>", text, title=text[:30] or None)
    if text:
        article.add(Annotation("entity", label, 0, len(text), score=0.5, attrs=attrs))
    article.add(Annotation("genre", label, attrs=attrs))
    with Store(":memory:") as store:
        store.write_articles([article])
        back = store.get_article(article.id)
    assert back is not None
    assert (back.text, back.title, back.paragraphs) == (article.text, article.title, article.paragraphs)
    assert sorted(back.annotations, key=repr) == sorted(article.annotations, key=repr)


@PARSED
@given(text=st.one_of(noisy_text, ordinary_text), limit=st.integers(1, 400))
def test_properties_stages_on_text_longer_than_the_parse_limit(light_stages, text, limit):
    """An article longer than the nlp stage parses (a prefix only) still gets every layer, in bounds."""
    import presswatch.nlp.stage as nlp_stage

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(nlp_stage, "WHOLE_CHARS", limit)  # parsed in pieces of at most `limit` characters
        mp.setattr(nlp_stage, "CHUNK_CHARS", limit)
        assert_clean_run(analyse(light_stages, [text]))


# -- corpus ---------------------------------------------------------------------------------------
published = st.one_of(
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),
    st.sampled_from(["2022-13-45", "0000-00-00", "9999-12-31T23:59:59+14:00", "yesterday", "", "2022"]),
    st.text(max_size=12),
)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.one_of(ordinary_text, noisy_text, short_arbitrary_text), min_size=1, max_size=4),
       dates=st.lists(published, min_size=6, max_size=6),
       outlets=st.lists(st.one_of(st.none(), st.sampled_from(["Reuters", "TASS", "Meduza"]), st.text(max_size=8)),
                        min_size=6, max_size=6),
       copies=st.integers(0, 2))
def test_properties_corpus_on_fuzzed_articles(stages, texts, dates, outlets, copies):
    """Duplicates, stories, claim groups and timeline over odd articles (and syndicated copies) never raise."""
    from presswatch.corpus.embed import FALLBACK_NAME
    from presswatch.corpus.stage import run_corpus

    articles = analyse(stages, texts)
    for k in range(copies):  # a copy of the first article under another outlet and date
        src = articles[0]
        articles.append(Article(id=f"copy{k}{src.id}"[:16], source_path=f"<copy>#{k}", text=src.text,
                                title=src.title, paragraphs=list(src.paragraphs), annotations=list(src.annotations)))
    for a, date, outlet in zip(articles, dates, outlets):
        a.published, a.outlet = date, outlet
    result = run_corpus(articles=articles, embedder_name=FALLBACK_NAME)
    json.dumps(result, allow_nan=False, ensure_ascii=False)
    ids = {a.id for a in articles}
    for story in result["stories"]:
        assert {m["article"] for m in story["articles"]} <= ids
