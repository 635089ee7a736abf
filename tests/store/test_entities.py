from presswatch.model import Annotation, Article
from presswatch.store import Store
from presswatch.store.entities import entity_table, write_entities


def person(text: str, name: str, canonical: str) -> Annotation:
    i = text.index(name)
    return Annotation("entity", "PERSON", i, i + len(name), attrs={"canonical": canonical})


def test_entities_table_merges_surname_only_canonicals(tmp_path):
    t1 = "Sergei Shoigu said the call-up was limited. Shoigu spoke on television."
    t2 = "Shoigu said on Wednesday the total would not grow."
    a1 = Article.create("a1", t1)
    a1.annotations += [person(t1, "Sergei Shoigu", "Sergei Shoigu"), person(t1, "Shoigu spoke", "Sergei Shoigu")]
    a2 = Article.create("a2", t2)
    a2.add(person(t2, "Shoigu", "Shoigu"))
    with Store(tmp_path / "db.duckdb") as store:
        store.write_articles([a1, a2])
        assert write_entities(store) == 1
        rows = store.con.execute("SELECT canonical, label, mentions, articles FROM entities").fetchall()
        aliases = dict(store.con.execute("SELECT name, canonical FROM entity_aliases").fetchall())
    assert rows == [("Sergei Shoigu", "PERSON", 3, 2)]
    assert aliases == {"Shoigu": "Sergei Shoigu", "Sergei Shoigu": "Sergei Shoigu"}


def test_entities_table_keeps_ambiguous_surnames_apart():
    rows, _ = entity_table(
        [("a", "PERSON", "Boris Johnson", "Boris Johnson"), ("b", "PERSON", "Andrew Johnson", "Andrew Johnson"),
         ("c", "PERSON", "Johnson", "Johnson"), ("c", "ORG", "Kremlin", "the Kremlin")]
    )
    assert sorted(r[0] for r in rows) == ["Andrew Johnson", "Boris Johnson", "Johnson", "Kremlin"]


def test_entities_table_joins_spellings_of_one_name_across_articles():
    rows, aliases = entity_table(
        [("a", "PERSON", "Alexander Lukashenko", "Alexander Lukashenko"), ("a", "PERSON", "Alexander Lukashenko", "Lukashenko"),
         ("b", "PERSON", "Alexander Lukashenka", "Alexander Lukashenka"), ("c", "PERSON", "Lukashenka", "Lukashenka"),
         ("b", "GPE", "Lugansk", "Lugansk"), ("c", "GPE", "Luhansk", "Luhansk"), ("a", "GPE", "Luhansk", "Luhansk")]
    )
    table = {r[0]: (r[2], r[3]) for r in rows}
    assert table == {"Alexander Lukashenko": (4, 3), "Luhansk": (3, 3)}
    assert aliases == [("Alexander Lukashenka", "Alexander Lukashenko"), ("Alexander Lukashenko", "Alexander Lukashenko"),
                       ("Lugansk", "Luhansk"), ("Luhansk", "Luhansk"), ("Lukashenka", "Alexander Lukashenko")]


def test_entities_table_keeps_short_or_differently_begun_names_apart():
    rows, _ = entity_table(
        [("a", "GPE", "Iran", "Iran"), ("b", "GPE", "Iraq", "Iraq"), ("a", "PERSON", "Tom Hansen", "Tom Hansen"),
         ("b", "PERSON", "Tom Hanson", "Tom Hanson"), ("a", "PERSON", "Anna Kowalski", "Anna Kowalski"),
         ("b", "PERSON", "Anna Kowalska", "Anna Kowalska"), ("c", "PERSON", "Maria Kowalska", "Maria Kowalska")]
    )
    names = sorted(r[0] for r in rows)
    assert names == ["Anna Kowalska", "Iran", "Iraq", "Maria Kowalska", "Tom Hansen", "Tom Hanson"]
