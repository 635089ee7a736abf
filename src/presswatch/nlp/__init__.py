"""The nlp layer: language identification and one shared spaCy parse per article."""

from .models import detect_language, lemma, load_sentence_encoder, load_spacy

__all__ = ["load_spacy", "load_sentence_encoder", "detect_language", "lemma"]
