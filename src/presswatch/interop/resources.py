"""Label sets offered to reviewers in Label Studio, as data: the shared-task taxonomies.

Labels found in the database are always offered too; these make sure a reviewer can add a
label the model never predicted.
"""

from __future__ import annotations

#: Span layers in the order they are drawn and exported; other layers found in the data follow.
SPAN_LAYERS: tuple[str, ...] = ("entity", "quote", "claim", "technique")
#: Article-level layers (no offsets).
DOC_LAYERS: tuple[str, ...] = ("genre", "frame", "narrative")

#: SemEval-2023 Task 3 subtask 3: the 23 persuasion techniques.
TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority", "Appeal_to_Popularity", "Appeal_to_Values", "Appeal_to_Fear-Prejudice",
    "Flag_Waving", "Causal_Oversimplification", "False_Dilemma-No_Choice",
    "Consequential_Oversimplification", "Straw_Man", "Red_Herring", "Whataboutism", "Slogans",
    "Appeal_to_Time", "Conversation_Killer", "Loaded_Language", "Repetition",
    "Exaggeration-Minimisation", "Obfuscation-Vagueness-Confusion", "Name_Calling-Labeling", "Doubt",
    "Guilt_by_Association", "Appeal_to_Hypocrisy", "Questioning_the_Reputation",
)

#: SemEval-2023 Task 3 subtask 1: genre.
GENRES: tuple[str, ...] = ("opinion", "reporting", "satire")

#: SemEval-2023 Task 3 subtask 2: the 14 generic frames.
FRAMES: tuple[str, ...] = (
    "Economic", "Capacity_and_resources", "Morality", "Fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence", "Policy_prescription_and_evaluation", "Crime_and_punishment",
    "Security_and_defense", "Health_and_safety", "Quality_of_life", "Cultural_identity", "Public_opinion",
    "Political", "External_regulation_and_reputation",
)

#: Labels offered per layer even when the database has none yet.
DEFAULT_LABELS: dict[str, tuple[str, ...]] = {
    "entity": ("PERSON", "ORG", "GPE", "NORP", "LOC"),
    "quote": ("direct", "partial"),
    "claim": ("claim",),
    "technique": TECHNIQUES,
    "genre": GENRES,
    "frame": FRAMES,
}

#: Highlight colours per span layer (Label Studio labels).
LAYER_COLOURS: dict[str, str] = {
    "entity": "#6b7280",
    "quote": "#15803d",
    "claim": "#0e7490",
    "technique": "#c026d3",
}
