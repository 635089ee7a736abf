"""Regenerate the per-language capability table of docs/data-model.md from presswatch/nlp/languages.py:
`python docs/gen_languages.py`."""

from pathlib import Path

from presswatch.nlp.languages import with_capability_table

if __name__ == "__main__":
    page = Path(__file__).resolve().parent / "data-model.md"
    page.write_text(with_capability_table(page.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {page}")
