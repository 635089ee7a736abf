"""The nlp layer: language identification and one shared spaCy parse per article."""

from .models import load_spacy, detect_language

__all__ = ["load_spacy", "detect_language"]
