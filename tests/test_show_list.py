"""`presswatch show`: --list names the stored ids, and an ambiguous prefix names its matches."""

from __future__ import annotations

from collections import defaultdict

from click.testing import CliRunner

from presswatch.model import Article
from presswatch.show import show
from presswatch.store import Store


def _store(tmp_path):
    articles = []
    for i in range(24):
        a = Article.create(f"note{i}.txt", f"Council note number {i} about the bus timetable.", title=f"Bus note {i}")
        a.outlet, a.published = "Valley Post", f"2022-09-{i + 1:02d}"
        articles.append(a)
    articles[0].title = "<b>[red]markup[/red]</b>"
    db = tmp_path / "presswatch.duckdb"
    with Store(db) as s:
        s.write_articles(articles)
    return db, articles


def test_show_list_names_every_id_newest_first(tmp_path):
    db, articles = _store(tmp_path)
    out = CliRunner().invoke(show, ["--list", "--db", str(db)], terminal_width=200)
    assert out.exit_code == 0, out.output
    assert "24 articles" in out.output
    newest, oldest = articles[-1], articles[0]
    assert out.output.index(newest.id) < out.output.index(oldest.id)
    assert "<b>[red]markup[/red]</b>" in out.output  # a title is printed as written, not as rich markup
    prefix = newest.id[:3]
    narrowed = CliRunner().invoke(show, ["--list", prefix, "--db", str(db)], terminal_width=200)
    assert newest.id in narrowed.output and all(a.id in narrowed.output for a in articles if a.id.startswith(prefix))


def test_show_ambiguous_prefix_names_its_matches(tmp_path):
    db, articles = _store(tmp_path)
    by_first = defaultdict(list)
    for a in articles:
        by_first[a.id[0]].append(a)
    prefix, same = next((k, v) for k, v in by_first.items() if len(v) > 1)
    out = CliRunner().invoke(show, [prefix, "--db", str(db)], terminal_width=200)
    assert out.exit_code != 0
    assert f"matches {len(same)} articles" in out.output
    assert all(a.id in out.output for a in same)
    missing = CliRunner().invoke(show, ["zzzz", "--db", str(db)])
    assert missing.exit_code != 0 and "--list" in missing.output
    bare = CliRunner().invoke(show, ["--db", str(db)])
    assert bare.exit_code == 2 and "--list" in bare.output
    one = CliRunner().invoke(show, [articles[5].id, "--db", str(db), "--no-text"], terminal_width=200)
    assert one.exit_code == 0 and "Bus note 5" in one.output
