"""Where the trained narrative and role models live, and which article languages they cover."""

from __future__ import annotations

import os
from pathlib import Path

#: The trained narrative (narratives.joblib) and role (roles.joblib) bundles; gitignored, built by
#: `make models`. PRESSWATCH_NARRATIVE_MODELS points elsewhere (a test's tiny model, a shared cache).
TRAINED_DIR = Path(os.environ.get("PRESSWATCH_NARRATIVE_MODELS", Path(__file__).resolve().parent / "trained"))

#: Article language (ISO 639-1, as the nlp stage detects it) -> the train data's language folder.
TRAIN_LANGUAGE: dict[str, str] = {"en": "EN", "bg": "BG", "hi": "HI", "pt": "PT", "ru": "RU"}
