"""The layers that could not run on an article's language are recorded by the run, stored in
DuckDB, read back by store/read.py and written to articles.jsonl."""

from __future__ import annotations

import json

from click.testing import CliRunner

import presswatch
from presswatch.show import show
from presswatch.store import Store

RUSSIAN = (
    "Вторник, 27 сентября 2022 09:35 Путин и Лукашенко встретились в Сочи ... читать далее\n\n"
    "МОСКВА. Президент России провёл переговоры с белорусским коллегой в Сочи. Встреча длилась три часа.\n\n"
    "«Мы победим, у нас нет другого выбора», — заявил Лукашенко журналистам после встречи.\n"
)
ENGLISH = (
    "Leaders meet in Sochi\n\n"
    "Vladimir Putin met Alexander Lukashenko in Sochi on Monday.\n\n"
    "The two leaders talked for three hours, officials said.\n"
)
STAGES = ("nlp.spacy.v1", "extract.entities.v1")


def test_analyze_unsupported_layers_are_stored_and_read_back(tmp_path):
    out = tmp_path / "out"
    presswatch.analyze(texts=[RUSSIAN, ENGLISH], out=out, stages=STAGES, corpus=False)
    with Store(out / "presswatch.duckdb", read_only=True) as store:
        stored = [store.get_article(i) for i in store.article_ids()]
    by_lang = {a.language: a for a in stored}
    assert set(by_lang) == {"ru", "en"}
    ru, en = by_lang["ru"], by_lang["en"]
    assert ru.unsupported == {"entity": "no named-entity model for Russian (ru) ships with presswatch"}
    assert ru.layer("entity") == []
    assert en.unsupported == {} and en.layer("entity")
    lines = [json.loads(l) for l in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {l["language"]: l["unsupported"] for l in lines}["ru"] == ru.unsupported
    assert all(l["schema_version"] == presswatch.SCHEMA_VERSION for l in lines)

    shown = CliRunner().invoke(show, [ru.id, "--db", str(out / "presswatch.duckdb"), "--no-text"], terminal_width=200)
    assert shown.exit_code == 0, shown.output
    assert "did not run" in shown.output
    assert "entity: no named-entity model for Russian (ru) ships with presswatch" in shown.output
    plain = CliRunner().invoke(show, [en.id, "--db", str(out / "presswatch.duckdb"), "--no-text"], terminal_width=200)
    assert plain.exit_code == 0 and "did not run" not in plain.output
