"""/analyze: pasted or uploaded text analysed with the same library call as the CLI, then stored."""

from __future__ import annotations

import importlib.util
import logging
import re
from pathlib import Path

from ..model import Failure, RawRecord
from ..registry import DEFAULT_STAGES, STAGES
from .db import Database
from .settings import WebSettings

log = logging.getLogger(__name__)

SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class AnalysisError(Exception):
    """Why a submission was not analysed, with the HTTP status to answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def installed_stages() -> tuple[str, ...]:
    """The default stages whose modules are installed (layers land one by one)."""
    out = []
    for name in DEFAULT_STAGES:
        module = STAGES[name].target.partition(":")[0]
        try:
            found = importlib.util.find_spec(module) is not None
        except ModuleNotFoundError:
            found = False
        if found:
            out.append(name)
    return tuple(out)


class Analyzer:
    """Runs ``presswatch.analyze`` on one submission at a time and stores the result."""

    def __init__(self, settings: WebSettings, db: Database) -> None:
        self.settings = settings
        self.db = db
        self.stages = settings.stages if settings.stages is not None else installed_stages()

    def records(self, data: bytes, filename: str | None) -> list[RawRecord]:
        """Raw records from an uploaded file, read by the ingest layer (format sniffed from content)."""
        from ..ingest import read_blob
        from ..ingest.source import Blob

        # the file name is only a label and a format hint: nothing is ever opened by it
        label = SAFE_NAME.sub("_", Path(filename or "file").name)[:80] or "file"
        out: list[RawRecord] = []
        for item in read_blob(Blob(source_path=f"upload:{label}", data=data)):
            if isinstance(item, Failure):
                raise AnalysisError(422, f"could not read {label}: {item.reason}")
            out.append(item)
        return out

    def run(self, submission: str | list[RawRecord]) -> tuple[list[str], str]:
        """Analyse pasted text or uploaded records; returns the stored article ids and a note for the reader."""
        from .. import analyze

        if not self.settings.allow_analyze:
            raise AnalysisError(403, "analysis is off: start the server with `presswatch serve --allow-analyze`")
        texts = [submission] if isinstance(submission, str) else list(submission)
        if not texts or (isinstance(submission, str) and not submission.strip()):
            raise AnalysisError(400, "nothing to analyse: paste a text or choose a file")
        with self.db.writing():
            kwargs = dict(texts=texts, db=self.db.path, stages=self.stages, force=True)
            note = ""
            try:
                result = analyze(**kwargs, corpus=self.settings.analyze_corpus)
            except Exception as exc:  # noqa: BLE001 - the corpus layer must not lose the article
                if not self.settings.analyze_corpus:
                    raise
                log.warning("analysis with the corpus layer failed; retrying without it", exc_info=True)
                result = analyze(**kwargs, corpus=False)
                note = f" The corpus layer failed ({type(exc).__name__}); stories and duplicates were not updated."
        if result.summary.failures:
            raise AnalysisError(422, "could not analyse this text: " + result.summary.failures[0].reason)
        if not result.articles:
            raise AnalysisError(422, "the text held no article after cleaning")
        errors = [f"{e.stage}: {e.message}" for a in result.articles for e in a.errors]
        if errors:
            note += " Some layers failed: " + "; ".join(errors[:3])
        return [a.id for a in result.articles], ("Analysed and stored." + note).strip()
