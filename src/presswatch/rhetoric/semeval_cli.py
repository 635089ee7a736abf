"""`presswatch semeval`: predict and score in the file formats of SemEval-2023 Task 3 and SemEval-2020 Task 11."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import click

from ..cli import CONTEXT_SETTINGS
from .scorers import SCORERS

PREDICT_TASKS = ("2023-st1", "2023-st2", "2023-st3", "2020-si", "2020-tc", "2025-t10-st1", "2025-t10-st2")


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as fh:
        return [l.rstrip("\r\n").split("\t") for l in fh if l.strip("\r\n")]


#: `--language` values of the 2023 tasks: auto (detect per article), English, or a multilingual-bundle language
#: (the dataset's folder names ge and po are accepted for de and pl).
LANGUAGE_CHOICES = ("auto", "en", "fr", "de", "it", "pl", "ru", "ge", "po")


def article_languages(arts: dict[str, str], language: str | None) -> dict[str, str]:
    """The language each 2023 article is predicted as: ``language`` for all of them, or (None / "auto")
    the detected language of its text. An article in a language no 2023 model covers (or whose language
    cannot be told) gets the English models, as every article did before, with a warning."""
    from ..nlp.models import detect_language
    from .multilingual import LANGUAGES
    from .resources import MULTILINGUAL_FOLDERS

    if language not in (None, "auto"):
        code = {folder: code for code, folder in MULTILINGUAL_FOLDERS.items()}.get(language, language)
        return {aid: code for aid in arts}
    out = {}
    for aid, text in arts.items():
        lang = detect_language(text)
        if lang != "en" and lang not in LANGUAGES:
            click.echo(f"warning: article {aid} looks {lang or 'like no language'}, which no SemEval-2023 model "
                       f"covers (en, {', '.join(LANGUAGES)}): predicted with the English models; "
                       "pass --language if the detector is wrong", err=True)
            lang = "en"
        out[aid] = lang
    return out


def predict_lines(task: str, articles: Path, template: Path | None = None, language: str | None = None) -> list[str]:
    """Prediction lines of one task for the article files in ``articles`` (and the template where one is needed).

    The 2023 tasks pick the model per article by its language (``language``, or detected from its text):
    English articles get the English bundle, fr/de/it/pl/ru ones the multilingual bundle."""
    from .data import line_offsets, read_articles_from_dir
    from .models import load_models

    arts = read_articles_from_dir(articles)
    if not arts:
        raise click.UsageError(f"no .txt articles in {articles}")
    ids = sorted(arts)
    langs = article_languages(arts, language) if task.startswith("2023-") else {}
    english = [a for a in ids if langs.get(a, "en") == "en"]
    models = load_models() if english else None
    if any(lang != "en" for lang in langs.values()):
        from .multilingual import load_multilingual

        ml = load_multilingual()
    if task in ("2023-st1", "2023-st2"):
        found: dict[str, str] = {}
        if english:
            G, F = models.documents_proba([arts[a] for a in english])
            if task == "2023-st1":
                found.update((a, g) for a, (g, _) in zip(english, models.genre_of(G)))
            else:
                found.update((a, ",".join(l for l, _ in fr)) for a, fr in zip(english, models.frames_of(F)))
        for lang in sorted({l for l in langs.values() if l != "en"}):
            group = [a for a in ids if langs[a] == lang]
            texts = [arts[a] for a in group]
            if task == "2023-st1":
                found.update((a, g) for a, (g, _) in zip(group, ml.genre_of(texts, lang)))
            else:
                found.update((a, ",".join(l for l, _ in fr)) for a, fr in zip(group, ml.frames_of(texts, lang)))
        return [f"{a}\t{found[a]}" for a in ids]
    if task == "2020-si":
        return [f"{a}\t{s}\t{e}" for a in ids for s, e, _ in models.si2020.find(arts[a])]
    if template is None:
        raise click.UsageError(f"{task} needs --template")
    rows = _rows(template)
    if task == "2023-st3":
        wanted: dict[str, list[int]] = defaultdict(list)
        for r in rows:
            wanted[r[0]].append(int(r[1]))
        out = []
        for aid, lines in wanted.items():
            if aid not in arts:
                raise click.UsageError(f"article {aid} of the template is not in {articles}")
            offs = line_offsets(arts[aid])
            texts = [arts[aid][offs[n - 1][0] : offs[n - 1][1]] for n in lines]
            if langs[aid] == "en":
                found = models.paragraph_techniques(models.paragraph_proba(texts))
            else:
                found = ml.paragraph_techniques(ml.paragraph_proba(texts, langs[aid]), langs[aid])
            out += [f"{aid}\t{n}\t{','.join(l for l, _ in f)}" for n, f in zip(lines, found)]
        return out
    # 2020-tc: id ? start end
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_article[r[0]].append(i)
    labels = [""] * len(rows)
    for aid, idx in by_article.items():
        if aid not in arts:
            raise click.UsageError(f"article {aid} of the template is not in {articles}")
        spans = [(int(rows[i][2]), int(rows[i][3])) for i in idx]
        for i, label in zip(idx, models.label_spans_2020(arts[aid], spans)):
            labels[i] = label
    return [f"{r[0]}\t{label}\t{r[2]}\t{r[3]}" for r, label in zip(rows, labels)]


@click.group(context_settings=CONTEXT_SETTINGS)
def semeval() -> None:
    """Shared-task predictions and official-style scores (SemEval-2023 Task 3, SemEval-2020 Task 11)."""


@semeval.command()
@click.argument("task", type=click.Choice(PREDICT_TASKS))
@click.option("--articles", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="folder of articleNNN.txt files (2025-t10-st2: the task's <ID>.txt files)")
@click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="2023-st3: id⇥line⇥text lines; 2020-tc: id⇥?⇥start⇥end lines")
@click.option("--mentions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="2025-t10-st1: doc id⇥mention⇥start⇥end lines (end inclusive, as the task gives them)")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="prediction file to write")
@click.option("--language", type=click.Choice(LANGUAGE_CHOICES), default="auto", show_default=True,
              help="2023 tasks: the articles' language (auto: detected per article; ge and po name de and pl)")
def predict(task: str, articles: Path, template: Path | None, mentions: Path | None, out: Path, language: str) -> None:
    """Write predictions for TASK in the shared-task submission format."""
    if task == "2025-t10-st1":
        from ..narratives.roles_semeval import predict_lines as role_lines

        if mentions is None:
            raise click.UsageError("2025-t10-st1 needs --mentions")
        lines = role_lines(articles, mentions)
        out.write_text("".join(l + "\n" for l in lines), encoding="utf-8")
        click.echo(f"{len(lines)} lines written to {out}")
        return
    if task == "2025-t10-st2":
        from ..narratives.semeval import predict_lines as narrative_lines

        lines = narrative_lines(articles)
        out.write_text("".join(l + "\n" for l in lines), encoding="utf-8")
        click.echo(f"{len(lines)} lines written to {out}")
        return
    lines = predict_lines(task, articles, template, language)
    out.write_text("".join(l + "\n" for l in lines), encoding="utf-8")
    click.echo(f"{len(lines)} lines written to {out}")


@semeval.command()
@click.argument("task", type=click.Choice(sorted(SCORERS)))
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True)
@click.option("--pred", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True)
def score(task: str, gold: Path, pred: Path) -> None:
    """Score a prediction file against gold with the task's official metric; prints JSON."""
    result = SCORERS[task](gold, pred)
    click.echo(json.dumps({"task": task, **result.to_dict()}))
