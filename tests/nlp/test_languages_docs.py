"""docs/data-model.md's per-language capability table is the one in nlp/languages.py."""

from pathlib import Path

from presswatch.nlp import languages

PAGE = Path(__file__).resolve().parents[2] / "docs" / "data-model.md"


def test_languages_docs_capability_table_is_generated_from_languages_py():
    page = PAGE.read_text(encoding="utf-8")
    assert page == languages.with_capability_table(page), "run `python docs/gen_languages.py`"
    assert "| French (fr) | fr_core_news_sm | yes |" in page


def test_languages_docs_table_has_a_row_per_detected_language_and_a_column_per_layer():
    table = languages.capability_table().splitlines()
    assert len(table) == 2 + len(languages.NAMES)
    assert all(line.count("|") == len(languages.LAYERS) + 3 for line in table)
