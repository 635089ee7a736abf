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
