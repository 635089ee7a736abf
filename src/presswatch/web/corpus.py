"""What the corpus layer found (stories, duplicates, claim conflicts, timeline), as the pages use it.

The records are the corpus layer's own (``corpus/types.py``), read from its tables by
``presswatch.store.read``; a section is empty when the layer has not run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..store.read import Reader

if TYPE_CHECKING:
    from ..corpus.types import ClaimGroup, DuplicateGroup, Story, TimelineEntry


@dataclass(frozen=True)
class CorpusView:
    """Everything the corpus layer found, with the lookups the pages make."""

    stories: tuple["Story", ...] = ()
    duplicates: tuple["DuplicateGroup", ...] = ()
    conflicts: tuple["ClaimGroup", ...] = ()
    timeline: tuple["TimelineEntry", ...] = ()

    def story_of(self, article_id: str) -> "Story | None":
        """The story an article belongs to, if any."""
        return next((s for s in self.stories if any(a.article == article_id for a in s.articles)), None)

    def duplicates_of(self, article_id: str) -> list[str]:
        """Ids of the other articles in any duplicate group of this one."""
        out: list[str] = []
        for g in self.duplicates:
            ids = [m.article for m in g.members]
            if article_id in ids:
                out.extend(a for a in ids if a != article_id and a not in out)
        return out

    def story(self, story_id: str) -> "Story | None":
        """A story by id."""
        return next((s for s in self.stories if s.id == story_id), None)


def load_corpus(reader: Reader) -> CorpusView:
    """The corpus results stored in the database (empty sections when the corpus layer has not run)."""
    return CorpusView(
        stories=tuple(reader.stories()),
        duplicates=tuple(reader.duplicates()),
        conflicts=tuple(reader.conflicts()),
        timeline=tuple(reader.timeline()),
    )
