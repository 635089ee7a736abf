"""The stage registry: early checks that catch bad names without loading what the stages need."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from presswatch.registry import DEFAULT_STAGES, check_stages


def test_registry_check_stages_catches_a_wrong_plugin_factory_and_module():
    with pytest.raises(ValueError, match="no_such_factory"):
        check_stages(["tests.pipeline.stages_for_tests:no_such_factory"])
    with pytest.raises(ValueError, match="cannot be loaded"):
        check_stages(["no_such_package.stage:make"])
    with pytest.raises(ValueError, match="unknown stage"):
        check_stages(["nlp.spacy.v9"])


def test_registry_check_of_the_default_stages_imports_none_of_their_libraries():
    code = (
        "import sys, json\n"
        "from presswatch.registry import DEFAULT_STAGES, check_stages\n"
        "check_stages(DEFAULT_STAGES)\n"
        "print(json.dumps(sorted(m for m in ('sklearn', 'pandas', 'spacy', 'torch') if m in sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
    check_stages(DEFAULT_STAGES)  # and they are all there


def test_registry_every_stage_declares_what_it_reads_and_writes_and_the_defaults_are_in_order():
    from presswatch.registry import STAGES

    assert set(DEFAULT_STAGES) <= set(STAGES)
    assert all(spec.assigns for spec in STAGES.values())
    check_stages(DEFAULT_STAGES)
    # reversed, the last default stage comes first and reads what no stage before it writes
    with pytest.raises(ValueError, match=f"'{DEFAULT_STAGES[-1]}' reads '.*', which no stage before it writes"):
        check_stages(list(reversed(DEFAULT_STAGES)))


def test_registry_quotes_without_entities_is_refused_naming_the_missing_stage():
    with pytest.raises(ValueError) as err:
        check_stages(["nlp.spacy.v1", "extract.quotes.v1"])
    msg = str(err.value)
    assert "'extract.quotes.v1' reads 'entity'" in msg and "'extract.entities.v1'" in msg
    assert "--stages nlp.spacy.v1,extract.entities.v1,extract.quotes.v1" in msg
    with pytest.raises(ValueError, match="reads 'doc', 'entity'"):
        check_stages(["extract.quotes.v1"])


def test_registry_plugin_declares_requires_on_its_factory_or_needs_nothing():
    plugin = "tests.pipeline.stages_for_tests:make_needs_quotes"
    with pytest.raises(ValueError, match="reads 'quote'.*'extract.quotes.v1'"):
        check_stages(["nlp.spacy.v1", plugin])
    check_stages(["nlp.spacy.v1", "extract.entities.v1", "extract.quotes.v1", plugin])
    check_stages(["tests.pipeline.stages_for_tests:make_mark"])


def test_registry_run_modules_import_each_other_without_a_cycle():
    import ast
    from pathlib import Path

    import presswatch

    root = Path(presswatch.__file__).parent
    names = ("pipeline", "runner", "options", "registry", "model", "cli", "progress")

    def imports(module: str) -> set[str]:
        tree = ast.parse((root / f"{module}.py").read_text(encoding="utf-8"))
        out = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
                out.add(node.module.split(".")[0])
        return out & set(names)

    graph = {m: imports(m) for m in names}

    def reaches(a: str, b: str, seen: frozenset[str] = frozenset()) -> bool:
        return any(n == b or (n not in seen and reaches(n, b, seen | {n})) for n in graph[a])

    assert not [m for m in names if reaches(m, m)], graph
    assert graph["registry"] <= {"model"}  # names only: it builds nothing, so it needs no Options
