"""French named entities: fr_core_news_sm's NER, its labels renamed to ours, canonical names by the
language-neutral rules; no English rule (titles, role phrases) applied to French."""

from __future__ import annotations

import pytest

from presswatch.extract.entities import EntityStage
from presswatch.model import Article
from presswatch.nlp.models import load_spacy
from presswatch.nlp.stage import NlpStage

# Written here in the shape of the scraped seeds: a banner line repeated, a caption repeated, a
# dateline, « » quotes, "M." before a surname.
FRENCH = (
    "Mardi 27 septembre 2022 09h35 Guerre en Ukraine : le Kremlin durcit le ton ... à la une\n\n"
    "Mardi 27 septembre 2022 09h35 Guerre en Ukraine : le Kremlin durcit le ton ... à la une\n"
    "Mardi 27 septembre 2022 09h35 Guerre en Ukraine : le Kremlin durcit le ton ... à la une\n\n"
    "PARIS — Le président Emmanuel Macron a reçu mardi le chancelier allemand Olaf Scholz à l'Élysée "
    "pour évoquer la mobilisation décrétée par Vladimir Poutine.\n\n"
    "Emmanuel Macron et Olaf Scholz à l'Élysée, le 27 septembre 2022. (Photo AFP)\n"
    "Emmanuel Macron et Olaf Scholz à l'Élysée, le 27 septembre 2022. (Photo AFP)\n\n"
    "« Nous ne céderons pas au chantage », a déclaré M. Macron devant la presse. Selon le ministère "
    "des Armées, plusieurs milliers de soldats russes ont fui vers la Géorgie et le Kazakhstan.\n\n"
    "Poutine a signé le décret mercredi. L'Organisation des Nations unies a demandé une enquête à Kiev.\n"
)


@pytest.fixture(scope="module")
def french() -> Article:
    article = Article.create("fr.txt", FRENCH)
    NlpStage(nlp=load_spacy())([article])
    EntityStage()([article])
    return article


def by_label(article: Article) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for a in article.layer("entity"):
        out.setdefault(a.label, set()).add(a.attrs["canonical"])
    return out


def test_entities_lang_fr_article_is_french_and_parsed_by_the_french_pipeline(french):
    assert french.language == "fr"
    assert french.doc is not None and french.doc.lang_ == "fr"
    assert "entity" not in french.unsupported


def test_entities_lang_fr_labels_are_ours_not_wikiner(french):
    labels = {a.label for a in french.layer("entity")}
    assert labels and not labels & {"PER", "LOC"}
    assert labels <= {"PERSON", "ORG", "GPE", "MISC"}


def test_entities_lang_fr_people_get_one_canonical_name_each(french):
    people = by_label(french)["PERSON"]
    assert {"Emmanuel Macron", "Olaf Scholz"} <= people
    # "M. Macron" is trimmed to the surname and joins the full name; no title stays on a name
    macron = [french.text[a.start : a.end] for a in french.layer("entity") if a.attrs["canonical"] == "Emmanuel Macron"]
    assert "Macron" in macron and len(macron) >= 3
    assert not any(c.startswith(("M. ", "président ", "Le ")) for c in people)


def test_entities_lang_fr_places_and_bodies(french):
    found = by_label(french)
    assert {"Géorgie", "Kazakhstan"} <= found.get("GPE", set())
    assert any("Nations unies" in c for c in found.get("ORG", set()))


def test_entities_lang_fr_spans_are_offsets_into_the_clean_text(french):
    for a in french.layer("entity"):
        assert french.text[a.start : a.end] == french.doc.char_span(a.start, a.end).text
        assert "\n" not in french.text[a.start : a.end]


def test_entities_lang_fr_no_english_role_mentions(french):
    assert not any(a.attrs.get("role") for a in french.layer("entity"))


def test_entities_lang_fr_trimming_keeps_a_particle_of_a_surname_and_drops_articles():
    from presswatch.extract.names import trim_tokens

    assert trim_tokens(["Le", "Drian"], "PERSON", "fr") == (0, 2)  # "tel Le Drian": a particle of the name
    assert trim_tokens(["La", "France"], "GPE", "fr") == (1, 2)
    assert trim_tokens(["l’", "Élysée"], "GPE", "fr") == (1, 2)
    assert trim_tokens(["L’", "Élysée"], "GPE", "fr") == (1, 2)
    assert trim_tokens(["d’", "Omicron"], "ORG", "fr") == (1, 2)
    assert trim_tokens(["M.", "Macron"], "PERSON", "fr") == (1, 2)
    # English rules stay English: "President" is not a French title, "the" not a French article
    assert trim_tokens(["President", "Macron"], "PERSON", "fr") == (0, 2)
    assert trim_tokens(["The", "Guardian"], "ORG", "en") == (1, 2)
    assert trim_tokens(["Mr", "Putin"], "PERSON", "en") == (1, 2)
