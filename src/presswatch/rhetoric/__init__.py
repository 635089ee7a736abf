"""The rhetoric layer: persuasion techniques (span and paragraph), genre and frames.

Models are linear classifiers over TF-IDF and sentence embeddings (the static encoder distilled
from MiniLM for paragraphs and articles, MiniLM for spans), trained from the
public shared-task train data by ``python -m presswatch.rhetoric.train`` (``make models``).
"""

from .resources import FRAMES, GENRES, TECHNIQUES, TECHNIQUES_2020

__all__ = ["FRAMES", "GENRES", "TECHNIQUES", "TECHNIQUES_2020"]
