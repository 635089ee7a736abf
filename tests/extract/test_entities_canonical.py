from presswatch.extract import entities
from presswatch.extract.entities import EntityStage


def canon_by_text(article) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for a in article.layer("entity"):
        out.setdefault(article.text[a.start : a.end], set()).add(a.attrs["canonical"])
    return out


def test_entities_canonical_person_forms_are_one(parsed):
    a = parsed(
        "Vladimir Putin signed the decree on Wednesday. Critics said Mr Putin had miscalculated.\n\n"
        "Putin's spokesman declined to comment, and Putin himself stayed silent."
    )
    EntityStage()([a])
    people = {x.attrs["canonical"] for x in a.layer("entity") if x.label == "PERSON"}
    assert people == {"Vladimir Putin"}
    assert sum(1 for x in a.layer("entity") if x.label == "PERSON") == 4


def test_entities_canonical_role_resolves_to_the_titled_person(parsed):
    a = parsed(
        "Armed Forces minister James Heappey told MPs that Russia was running out of troops.\n\n"
        "'Moscow has made a grave mistake,' the minister added."
    )
    EntityStage()([a])
    roles = [x for x in a.layer("entity") if x.attrs.get("role")]
    assert [(a.text[r.start : r.end], r.attrs["canonical"]) for r in roles] == [("the minister", "James Heappey")]
    heappey = [x for x in a.layer("entity") if x.attrs["canonical"] == "James Heappey" and not x.attrs.get("role")]
    assert heappey and heappey[0].attrs.get("title") == "Armed Forces minister"


def test_entities_canonical_role_needs_matching_qualifiers(parsed):
    a = parsed(
        "Belarusian president Alexander Lukashenko flew to Sochi. Ukrainian President Volodymyr Zelensky "
        "spoke in Kyiv.\n\nThe Belarusian president said little. The Ukrainian President said more."
    )
    EntityStage()([a])
    roles = {a.text[r.start : r.end]: r.attrs["canonical"] for r in a.layer("entity") if r.attrs.get("role")}
    assert roles == {"The Belarusian president": "Alexander Lukashenko", "The Ukrainian President": "Volodymyr Zelensky"}


def test_entities_canonical_unknown_role_is_not_guessed(parsed):
    a = parsed("Vladimir Putin arrived late. The Kremlin leader then spoke for an hour.")
    EntityStage()([a])
    assert not [x for x in a.layer("entity") if x.attrs.get("role")]


def test_entities_canonical_batch_merges_surname_only_articles(parsed):
    full = parsed("Defence Minister Sergei Shoigu said the call-up was limited.")
    short = parsed("Shoigu said on Wednesday that the total would not grow.")
    EntityStage()([full, short])
    assert {x.attrs["canonical"] for x in short.layer("entity") if x.label == "PERSON"} == {"Sergei Shoigu"}


def test_entities_canonical_find_yields_frozen_records(nlp):
    doc = nlp("Alexander Lukashenko met Vladimir Putin in Sochi.")
    found = list(entities.find(doc))
    assert {m.canonical for m in found} >= {"Alexander Lukashenko", "Vladimir Putin", "Sochi"}
    assert all(doc.text[m.start : m.end] == m.text for m in found)


def test_entities_canonical_skips_other_languages(parsed):
    a = parsed("Vladimir Putin met Alexander Lukashenko.")
    a.language = "de"
    EntityStage()([a])
    assert a.layer("entity") == []


def test_entities_canonical_surname_of_two_people_is_given_to_neither(parsed):
    a = parsed(
        "Carter Page, a former campaign aide, was watched for months. Lisa Page, an FBI lawyer, sent the messages.\n\n"
        "Page said the warrant was unlawful. Investigators questioned Page again in March, and Page declined to comment."
    )
    EntityStage()([a])
    bare = canon_by_text(a).get("Page", set())
    assert bare and not bare & {"Carter Page", "Lisa Page"}  # not a coin toss between the two


def test_entities_canonical_spelling_variants_and_acronym_in_one_article(extracted):
    a = extracted(
        "Belarusian leader Alexander Lukashenka met officials from the European Union on Monday.\n\n"
        "Alexander Lukashenko said the EU had no right to judge Minsk, and that shelling near "
        "Luhansk would go on. Lugansk is held by Moscow's proxies; Luhansk residents fled."
    )
    canon = {a.text[e.start : e.end]: e.attrs.get("canonical") for e in a.layer("entity")}
    assert canon["Alexander Lukashenka"] == canon["Alexander Lukashenko"] == "Alexander Lukashenka"
    assert canon["EU"] == "European Union"
    assert canon["Lugansk"] == canon["Luhansk"] == "Luhansk"


def test_entities_typed_by_their_sentence_not_as_persons(extracted):
    a = extracted(
        "Referendum votes start on Friday and end next Tuesday in the Luhansk, Kherson, Zaporizhzhia "
        "and Donetsk regions.\n\n"
        "'The figure was corrected several times,' the source told opposition newspaper Novaya Gazeta.\n\n"
        "Talks between Putin, Russia and Ukraine failed, Vladimir Putin said on Friday."
    )
    labels = {a.text[e.start : e.end]: e.label for e in a.layer("entity")}
    assert labels["Kherson"] == labels["Zaporizhzhia"] == "GPE"
    assert labels["Novaya Gazeta"] == "ORG"
    assert labels["Putin"] == "PERSON"  # a known person listed with places stays a person
