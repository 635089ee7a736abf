from presswatch.model import Article
from presswatch.nlp.stage import NlpStage


def test_nlp_stage_parses_english_and_other_languages_with_their_own_pipelines(nlp):
    en = Article.create("en", "Vladimir Putin met Alexander Lukashenko in Sochi on Monday. They talked for hours.")
    de = Article.create("de", "Der russische Präsident hat am Mittwoch eine Teilmobilmachung angeordnet, die viele Menschen beunruhigt.")
    NlpStage(nlp=nlp)([en, de])
    assert en.language == "en" and en.doc is not None and en.doc.vocab is nlp.vocab
    assert len(list(en.doc.sents)) == 2
    assert de.language == "de" and de.doc is not None and de.doc.lang_ == "de"
    assert de.doc.text == de.text and de.unsupported == {}


def test_nlp_stage_leaves_empty_text_unparsed(nlp):
    a = Article.create("e", "")
    NlpStage(nlp=nlp)([a])
    assert a.language is None and a.doc is None


def test_nlp_sentences_never_cross_paragraph_breaks(nlp):
    text = "Officials gave no figure\n\nThe queue stretched for miles. Drivers waited overnight."
    doc = nlp(text)
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Officials gave no figure"
    assert all("\n\n" not in s for s in sents)


def test_nlp_lazy_lemmas_equal_the_lemmatizer_pipe(nlp):
    from presswatch.nlp import lemma

    text = ("The officials said they were running out of buses; men were queueing at the borders, "
            "and Putin's spokesman, who has denied it, continued saying the figures were lies. Better days?")
    assert "lemmatizer" not in nlp.pipe_names  # on demand only
    lazy = [lemma(t) for t in nlp(text)]
    nlp.enable_pipe("lemmatizer")
    try:
        piped = [t.lemma_ for t in nlp(text)]
    finally:
        nlp.disable_pipe("lemmatizer")
    assert lazy == piped
    assert {"say", "be", "run", "official", "continue", "figure"} <= set(lazy)


def test_nlp_stage_parse_is_the_same_whatever_the_parse_batch(nlp):
    texts = [
        "Thousands of men queued at the Upper Lars crossing on Sunday.\n\nOfficials said 2,300 cars waited.",
        "Vladimir Putin announced a partial mobilisation. The Kremlin said 300,000 reservists would be called up.",
        "Protesters in Makhachkala clashed with police, according to OVD-Info.",
    ] * 3

    def parse(batch_size: int):
        articles = [Article.create("<t>", t) for t in texts]
        NlpStage(nlp=nlp, batch_size=batch_size)(articles)
        return articles

    one, eight = parse(1), parse(8)
    for a, b in zip(one, eight):
        assert [(t.tag_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in a.doc] == [
            (t.tag_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in b.doc
        ]
        assert b.doc.tensor.size == 0  # the tok2vec output is not kept on the parse


def test_nlp_chunk_offsets_cover_the_text_in_bounded_paragraph_aligned_pieces():
    from presswatch.nlp.stage import chunk_offsets

    text = "\n\n".join(f"Paragraph {i} says something.\nA second line of it." for i in range(40))
    spans = chunk_offsets(text, 200)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))  # consecutive, nothing lost
    assert all(0 < e - s <= 200 for s, e in spans)
    assert all(text[s:].startswith("Paragraph") for s, _ in spans)  # cut at paragraph breaks
    assert chunk_offsets("short", 100) == [(0, 5)]
    # a line is cut only past `most`, then after a sentence end, else a space, else where it must be
    one_line = "One sentence here. " * 20
    assert chunk_offsets(one_line, 64) == [(0, len(one_line))]
    spans = chunk_offsets(one_line, 64, most=100)
    assert all(e - s <= 100 and one_line[s:e].rstrip().endswith(".") for s, e in spans[:-1])
    assert "".join(one_line[s:e] for s, e in spans) == one_line
    assert chunk_offsets("x" * 10, 4, most=4) == [(0, 4), (4, 8), (8, 10)]
    lines = "a line\n" * 30
    assert all(lines[s:e].endswith("\n") and e - s <= 64 for s, e in chunk_offsets(lines, 64)[:-1])


def test_nlp_stage_parses_a_long_text_in_pieces_joined_into_one_doc(nlp, monkeypatch):
    import presswatch.nlp.stage as nlp_stage

    paragraphs = [f"Vladimir Putin met officials in region {i} on Monday.\nThey talked for hours." for i in range(30)]
    text = "\n\n".join(paragraphs)
    whole = Article.create("w", text)
    NlpStage(nlp=nlp)([whole])
    monkeypatch.setattr(nlp_stage, "WHOLE_CHARS", 300)
    monkeypatch.setattr(nlp_stage, "CHUNK_CHARS", 300)
    long = Article.create("l", text)
    NlpStage(nlp=nlp)([long])
    assert long.doc.text == text and len(nlp_stage.chunk_offsets(text, 300)) > 5
    assert all("\n\n" not in s.text.strip() for s in long.doc.sents)
    # the pieces are whole paragraphs, so the parse is the one-piece parse
    assert [(t.idx, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in long.doc] == [
        (t.idx, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in whole.doc]
    assert [e.text for e in long.doc.ents].count("Vladimir Putin") == 30
