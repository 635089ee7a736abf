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
