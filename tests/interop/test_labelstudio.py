"""Label Studio round trip: tasks with predictions out, a reviewer's export back in as its own source."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET

import presswatch
from presswatch.interop import export
from presswatch.interop.labelstudio import import_labels, locate, parse_export


def _tasks(db_path, tmp_path):
    result = export(db_path, "label-studio", tmp_path / "tasks.json")
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    return tasks, result


def _reviewed(task, annotator=7, drop_labels=(), add=(), cancelled=False):
    """What Label Studio exports after a person reviewed the task's prediction."""
    out = copy.deepcopy(task)
    result = [r for r in out["predictions"][0]["result"] if not set(r["value"].get("labels", [])) & set(drop_labels)]
    for r in result:
        r.pop("origin", None)
        r.pop("score", None)
    result += list(add)
    out["id"] = 101
    out["annotations"] = [{"id": 1, "completed_by": annotator, "result": result, "was_cancelled": cancelled,
                           "created_at": "2026-11-22T10:00:00Z", "updated_at": "2026-11-22T10:05:00Z"}]
    return out


def test_labelstudio_tasks_carry_text_and_predictions_that_point_at_the_words(db_path, built_db, tmp_path):
    tasks, result = _tasks(db_path, tmp_path)
    assert len(tasks) == len(built_db[1])
    for task in tasks:
        text = task["data"]["text"]
        for r in task["predictions"][0]["result"]:
            assert r["to_name"] == "text"
            if r["type"] == "labels":
                assert text[r["value"]["start"]:r["value"]["end"]] == r["value"]["text"]
    config = ET.fromstring(result.files[1].read_text(encoding="utf-8"))
    controls = {el.get("name") for el in config if el.tag in ("Labels", "Choices")}
    assert {"entity", "quote", "claim", "technique", "genre", "frame"} <= controls
    techniques = {el.get("value") for el in config.find("Labels[@name='technique']")}
    assert {"Slogans", "Loaded_Language", "Whataboutism"} <= techniques


def test_labelstudio_import_stores_reviews_beside_model_output(db_copy, tmp_path):
    tasks, _ = _tasks(db_copy, tmp_path)
    task = next(t for t in tasks if "Lukashenko" in t["data"]["text"])
    text = task["data"]["text"]
    i = text.index("Officials")
    added = {"id": "new1", "from_name": "entity", "to_name": "text", "type": "labels",
             "value": {"start": i, "end": i + 9, "text": "Officials", "labels": ["ORG"]}}
    export_file = tmp_path / "ls-export.json"
    export_file.write_text(json.dumps([_reviewed(task, drop_labels=["Slogans"], add=[added])]), encoding="utf-8")
    with presswatch.open(db_copy) as db:
        model_before = db.annotations()
    res = import_labels(export_file, db_copy)
    assert res.skipped == ()
    with presswatch.open(db_copy) as db:
        reviewed = db.reviewed()
        model_after = db.annotations()
    assert model_after.drop(columns="attrs").equals(model_before.drop(columns="attrs"))
    assert set(reviewed["source"]) == {"label-studio:7"}
    assert "Slogans" not in set(reviewed["label"])
    new = reviewed[reviewed["label"] == "ORG"].iloc[0]
    assert new["text"] == "Officials" and new["attrs"]["review"] == "added"
    quote = reviewed[reviewed["layer"] == "quote"].iloc[0]
    assert quote["attrs"] == {"speaker": "Alexander Lukashenko", "cue": "told", "review": "confirmed"}
    assert set(reviewed[reviewed["layer"] == "frame"]["label"]) == {"Political", "Security_and_defense"}


def test_labelstudio_reimport_replaces_the_same_annotators_work(db_copy, tmp_path):
    tasks, _ = _tasks(db_copy, tmp_path)
    export_file = tmp_path / "ls-export.json"
    export_file.write_text(json.dumps([_reviewed(t) for t in tasks]), encoding="utf-8")
    first = import_labels(export_file, db_copy)
    second = import_labels(export_file, db_copy)
    assert first.annotations == second.annotations > 0
    other = tmp_path / "other.json"
    other.write_text(json.dumps([_reviewed(t, annotator={"email": "b@example.org"}) for t in tasks]), encoding="utf-8")
    import_labels(other, db_copy)
    with presswatch.open(db_copy) as db:
        counts = db.reviewed()["source"].value_counts().to_dict()
    assert counts == {"label-studio:7": first.annotations, "label-studio:b@example.org": first.annotations}


def test_labelstudio_cancelled_annotations_and_unknown_articles_are_skipped(db_path, built_db, tmp_path):
    tasks, _ = _tasks(db_path, tmp_path)
    texts = {a.id: a.text for a in built_db[1]}
    stray = copy.deepcopy(tasks[0])
    stray["data"]["article_id"] = "not-in-db"
    reviewed, skipped = parse_export([_reviewed(tasks[0], cancelled=True), _reviewed(stray)], texts)
    assert reviewed == []
    assert len(skipped) == 1 and "not-in-db" in skipped[0]


def test_labelstudio_offsets_in_utf16_units_are_repaired():
    text = "Boom \U0001F4A5 and then a betrayal."
    i = text.index("betrayal")
    # JavaScript counts the emoji as two code units
    assert locate(text, i + 1, i + 9, "betrayal") == (i, i + 8)
    assert locate(text, i, i + 8, "betrayal") == (i, i + 8)
    assert locate(text, 0, 4, "nowhere") is None


def test_labelstudio_json_min_export_is_read_too(built_db):
    article = next(a for a in built_db[1] if "Peskov" in a.text)
    i = article.text.index("Dmitry Peskov")
    row = {"id": 5, "article_id": article.id, "text": article.text, "annotator": "c@example.org",
           "entity": [{"start": i, "end": i + 13, "text": "Dmitry Peskov", "labels": ["PERSON"]}],
           "genre": "reporting"}
    reviewed, skipped = parse_export([row], {article.id: article.text})
    assert skipped == []
    assert {(r.annotation.layer, r.annotation.label) for r in reviewed} == {("entity", "PERSON"), ("genre", "reporting")}
    assert {r.source for r in reviewed} == {"label-studio:c@example.org"}


def test_labelstudio_does_not_import_the_exports_module():
    """exports dispatches to labelstudio; the shared parts live in resources and result, so no cycle."""
    import subprocess
    import sys

    # the package __init__ imports exports, so load labelstudio without it
    code = ("import importlib.util, sys, types; import presswatch; "
            "pkg = types.ModuleType('presswatch.interop'); pkg.__path__ = [presswatch.__path__[0] + '/interop']; "
            "sys.modules['presswatch.interop'] = pkg; import presswatch.interop.labelstudio; "
            "print('presswatch.interop.exports' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
