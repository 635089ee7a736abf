"""MiniLM's precision switch: bfloat16 only where the CPU has it natively, overridable by environment."""

import pytest

from presswatch.corpus.embed import native_bf16


@pytest.mark.parametrize("value,expected", [("0", False), ("1", True)])
def test_embed_precision_environment_overrides_the_cpu_probe(monkeypatch, value, expected):
    monkeypatch.setenv("PRESSWATCH_BF16", value)
    assert native_bf16() is expected


def test_embed_precision_follows_the_cpu_probe_without_override(monkeypatch):
    torch = pytest.importorskip("torch")
    monkeypatch.delenv("PRESSWATCH_BF16", raising=False)
    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: False, raising=False)
    monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", lambda: False, raising=False)
    assert native_bf16() is False
    monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", lambda: True, raising=False)
    assert native_bf16() is True
