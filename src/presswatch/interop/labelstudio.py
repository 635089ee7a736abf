"""Label Studio round trip: tasks with model pre-annotations out, reviewed annotations back in.

Reviewed annotations go to their own table (``reviewed_annotations``) with the annotator as
their source, so human corrections sit beside model output and a re-analysis never erases them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator
from xml.sax.saxutils import quoteattr

from .. import __version__
from ..model import Annotation, Article
from ..query import REVIEWED_TABLE, Database
from .resources import DEFAULT_LABELS, DOC_LAYERS, LAYER_COLOURS, SPAN_LAYERS
from .result import ExportResult

__all__ = [
    "article_task", "label_config", "export_label_studio", "parse_export", "import_labels",
    "ReviewedAnnotation", "ImportResult",
]

# -- export -----------------------------------------------------------------------------------------
def article_task(article: Article) -> dict[str, Any]:
    """One Label Studio task: the article as data, the model's annotations as a prediction."""
    results: list[dict[str, Any]] = []
    scores: list[float] = []
    doc_labels: dict[str, list[Annotation]] = {}
    for i, ann in enumerate(sorted(article.annotations, key=lambda a: (a.layer, a.start or -1, a.end or -1))):
        if ann.score is not None:
            scores.append(float(ann.score))
        if ann.start is None or ann.end is None:
            doc_labels.setdefault(ann.layer, []).append(ann)
            continue
        result: dict[str, Any] = {
            "id": f"pw{i}",
            "from_name": ann.layer,
            "to_name": "text",
            "type": "labels",
            "origin": "prediction",
            "value": {
                "start": ann.start,
                "end": ann.end,
                "text": article.text[ann.start : ann.end],
                "labels": [ann.label],
            },
        }
        if ann.score is not None:
            result["score"] = float(ann.score)
        results.append(result)
    for layer, anns in sorted(doc_labels.items()):
        # a genre is one choice (the best scored); frames are many
        picked = [max(anns, key=lambda a: a.score or 0.0)] if layer == "genre" else anns
        results.append({
            "id": f"pw-{layer}",
            "from_name": layer,
            "to_name": "text",
            "type": "choices",
            "origin": "prediction",
            "value": {"choices": sorted({a.label for a in picked})},
        })
    return {
        "data": {
            "text": article.text,
            "article_id": article.id,
            "title": article.title or "",
            "outlet": article.outlet or "",
            "published": article.published or "",
            "url": article.url or "",
        },
        "predictions": [{
            "model_version": f"presswatch-{__version__}",
            "score": round(sum(scores) / len(scores), 4) if scores else None,
            "result": results,
        }],
    }


def label_config(labels: dict[str, set[str]]) -> str:
    """A Label Studio labeling config with one Labels block per span layer and Choices per article layer."""
    lines = ["<View>", '  <Header value="$title"/>']
    for layer in _ordered(labels, SPAN_LAYERS):
        if layer in DOC_LAYERS:
            continue
        colour = LAYER_COLOURS.get(layer, "#6b7280")
        lines.append(f"  <Labels name={quoteattr(layer)} toName=\"text\" showInline=\"true\">")
        lines += [f"    <Label value={quoteattr(v)} background={quoteattr(colour)}/>" for v in sorted(labels[layer])]
        lines.append("  </Labels>")
    lines.append('  <Text name="text" value="$text" granularity="word"/>')
    for layer in _ordered(labels, DOC_LAYERS):
        if layer not in DOC_LAYERS:
            continue
        choice = "single" if layer == "genre" else "multiple"
        lines.append(f"  <Choices name={quoteattr(layer)} toName=\"text\" choice=\"{choice}\" showInline=\"true\">")
        lines += [f"    <Choice value={quoteattr(v)}/>" for v in sorted(labels[layer])]
        lines.append("  </Choices>")
    lines.append("</View>")
    return "\n".join(lines) + "\n"


def _ordered(labels: dict[str, set[str]], first: Iterable[str]) -> list[str]:
    first = [l for l in first if l in labels]
    return first + sorted(l for l in labels if l not in first)


def export_label_studio(db: Database, out: Path) -> ExportResult:
    """Write the tasks JSON (import it into a Label Studio project) and the labeling config beside it."""
    target = out / "label-studio-tasks.json" if out.is_dir() else out
    target.parent.mkdir(parents=True, exist_ok=True)
    labels: dict[str, set[str]] = {k: set(v) for k, v in DEFAULT_LABELS.items()}
    tasks = []
    for article in db.iter_articles():
        tasks.append(article_task(article))
        for ann in article.annotations:
            labels.setdefault(ann.layer, set()).add(ann.label)
    target.write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    config = target.with_name(target.stem + ".label_config.xml")
    config.write_text(label_config(labels), encoding="utf-8")
    return ExportResult("label-studio", (target, config), len(tasks))


# -- import -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReviewedAnnotation:
    """One annotation a person made or confirmed in Label Studio."""

    article_id: str
    annotation: Annotation
    annotator: str
    reviewed_at: str | None

    @property
    def source(self) -> str:
        return f"label-studio:{self.annotator}"


@dataclass(frozen=True)
class ImportResult:
    """What an import stored, and what it could not place."""

    tasks: int
    annotations: int
    skipped: tuple[str, ...]


def _annotator(item: dict[str, Any]) -> str:
    who = item.get("completed_by", item.get("annotator"))
    if isinstance(who, dict):
        who = who.get("email") or who.get("username") or who.get("id")
    return str(who) if who not in (None, "") else "unknown"


def utf16_to_codepoints(text: str, offset: int) -> int:
    """A UTF-16 code unit offset (what some Label Studio versions store) as a Python string index."""
    units = 0
    for i, ch in enumerate(text):
        if units >= offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def locate(text: str, start: int, end: int, expected: str | None) -> tuple[int, int] | None:
    """Offsets of a reviewed span in ``text``, repairing UTF-16 offsets and small drifts."""
    in_range = 0 <= start <= end <= len(text)
    if expected is None:
        return (start, end) if in_range else None
    if in_range and text[start:end] == expected:
        return start, end
    s16, e16 = utf16_to_codepoints(text, start), utf16_to_codepoints(text, end)
    if text[s16:e16] == expected:
        return s16, e16
    # the nearest occurrence of the words the reviewer saw, if they still occur in the text
    best = None
    pos = text.find(expected)
    while pos != -1:
        if best is None or abs(pos - start) < abs(best - start):
            best = pos
        pos = text.find(expected, pos + 1)
    return (best, best + len(expected)) if best is not None and expected else None


def _results_of(task: dict[str, Any]) -> Iterator[tuple[str, str | None, list[dict[str, Any]]]]:
    """(annotator, time, results) for every completed annotation of a task, full or JSON-MIN export."""
    if "annotations" in task or "completions" in task:
        for ann in task.get("annotations") or task.get("completions") or []:
            if ann.get("was_cancelled"):
                continue
            yield _annotator(ann), ann.get("updated_at") or ann.get("created_at"), ann.get("result") or []
        return
    # JSON-MIN: data fields at the top level, one key per control holding its values
    results = []
    for key, values in task.items():
        if isinstance(values, list) and values and isinstance(values[0], dict) and "labels" in values[0]:
            results += [{"from_name": key, "type": "labels", "value": v} for v in values]
        elif key in DOC_LAYERS and values:
            choices = values.get("choices", []) if isinstance(values, dict) else values
            choices = [choices] if isinstance(choices, str) else choices
            results.append({"from_name": key, "type": "choices", "value": {"choices": choices}})
    yield _annotator(task), task.get("updated_at") or task.get("created_at"), results


def parse_export(
    tasks: list[dict[str, Any]], texts: dict[str, str], model: dict[str, list[Annotation]] | None = None
) -> tuple[list[ReviewedAnnotation], list[str]]:
    """Reviewed annotations from a Label Studio JSON export, checked against the stored texts.

    Returns the annotations and a list of reasons for what could not be placed. An annotation
    equal to a model one keeps the model's attrs (speaker, value, ...) and is marked ``confirmed``.
    """
    out: list[ReviewedAnnotation] = []
    skipped: list[str] = []
    model = model or {}
    for n, task in enumerate(tasks):
        data = task.get("data", task)
        article_id = data.get("article_id")
        if article_id not in texts:
            skipped.append(f"task {task.get('id', n)}: article {article_id!r} is not in the database")
            continue
        text = texts[article_id]
        known = {(a.layer, a.label, a.start, a.end): a for a in model.get(article_id, [])}
        for annotator, when, results in _results_of(task):
            for r in results:
                value = r.get("value") or {}
                layer = r.get("from_name")
                if not layer:
                    continue
                if r.get("type") == "choices" or "choices" in value:
                    for label in value.get("choices", []):
                        attrs = {"review": "confirmed" if (layer, label, None, None) in known else "added"}
                        out.append(ReviewedAnnotation(article_id, Annotation(layer, label, attrs=attrs), annotator, when))
                    continue
                if "start" not in value or "end" not in value:
                    continue
                where = locate(text, int(value["start"]), int(value["end"]), value.get("text"))
                if where is None:
                    skipped.append(f"article {article_id}: span {value.get('text')!r} not found in the text")
                    continue
                for label in value.get("labels") or []:
                    match = known.get((layer, label, where[0], where[1]))
                    attrs = dict(match.attrs) if match else {}
                    attrs["review"] = "confirmed" if match else "added"
                    out.append(ReviewedAnnotation(
                        article_id, Annotation(layer, label, where[0], where[1], None, attrs), annotator, when
                    ))
    return out, skipped


def import_labels(export_file: str | Path, db: str | Path) -> ImportResult:
    """Store a Label Studio JSON export as reviewed annotations, replacing earlier imports of the same annotator and article."""
    from ..store import Store

    tasks = json.loads(Path(export_file).read_text(encoding="utf-8"))
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise ValueError(f"{export_file}: expected a Label Studio JSON export (a list of tasks)")
    with Store(db) as store:
        wanted = {(t.get("data", t) or {}).get("article_id") for t in tasks if isinstance(t, dict)}
        found = store.get_articles(sorted(a for a in wanted if isinstance(a, str)))
        texts = {aid: a.text for aid, a in found.items()}
        model = {aid: a.annotations for aid, a in found.items()}
        reviewed, skipped = parse_export([t for t in tasks if isinstance(t, dict)], texts, model)
        rows = [
            (r.article_id, r.annotation.layer, r.annotation.label, r.annotation.start, r.annotation.end,
             r.annotation.score, json.dumps(r.annotation.attrs, ensure_ascii=False), r.source, r.annotator, r.reviewed_at)
            for r in reviewed
        ]
        # every (article, annotator) reviewed now replaces its earlier import, even when now empty
        keys = sorted({
            (t.get("data", t).get("article_id"), f"label-studio:{who}")
            for t in tasks if isinstance(t, dict) and t.get("data", t).get("article_id") in texts
            for who, _, _ in _results_of(t)
        })
        con = store.con
        store.ensure_table(REVIEWED_TABLE)
        con.execute("BEGIN TRANSACTION")
        try:
            for aid, source in keys:
                con.execute(f"DELETE FROM {REVIEWED_TABLE} WHERE article_id = ? AND source = ?", [aid, source])
            store.insert_rows(REVIEWED_TABLE, rows)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return ImportResult(tasks=len(tasks), annotations=len(rows), skipped=tuple(skipped))
