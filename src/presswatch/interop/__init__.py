"""Interop: exports to the tools people already use, Label Studio round trip, the static report, CLI docs."""

from .exports import FORMATS, export

__all__ = ["FORMATS", "export"]
