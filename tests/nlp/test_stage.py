from presswatch.model import Article
from presswatch.nlp.stage import NlpStage


def test_nlp_stage_parses_english_and_keeps_other_languages(nlp):
    en = Article.create("en", "Vladimir Putin met Alexander Lukashenko in Sochi on Monday. They talked for hours.")
    de = Article.create("de", "Der russische Präsident hat am Mittwoch eine Teilmobilmachung angeordnet, die viele Menschen beunruhigt.")
    NlpStage(nlp=nlp)([en, de])
    assert en.language == "en" and en.doc is not None
    assert len(list(en.doc.sents)) == 2
    assert de.language == "de" and de.doc is None


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
