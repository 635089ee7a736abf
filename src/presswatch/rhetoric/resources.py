"""Label sets of the shared tasks and where their data lives, kept as data apart from the code."""

from __future__ import annotations

import os
from pathlib import Path

#: The 23 persuasion techniques of SemEval-2023 Task 3 (subtask 3), in the official list order.
TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_Popularity",
    "Appeal_to_Values",
    "Appeal_to_Fear-Prejudice",
    "Flag_Waving",
    "Causal_Oversimplification",
    "False_Dilemma-No_Choice",
    "Consequential_Oversimplification",
    "Straw_Man",
    "Red_Herring",
    "Whataboutism",
    "Slogans",
    "Appeal_to_Time",
    "Conversation_Killer",
    "Loaded_Language",
    "Repetition",
    "Exaggeration-Minimisation",
    "Obfuscation-Vagueness-Confusion",
    "Name_Calling-Labeling",
    "Doubt",
    "Guilt_by_Association",
    "Appeal_to_Hypocrisy",
    "Questioning_the_Reputation",
)

#: The 14 technique labels of SemEval-2020 Task 11 (PTC v2); names contain commas.
TECHNIQUES_2020: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)

#: How the 14 PTC labels map onto the 23 of 2023 (merged PTC classes map to several).
TECHNIQUES_2020_TO_2023: dict[str, tuple[str, ...]] = {
    "Appeal_to_Authority": ("Appeal_to_Authority",),
    "Appeal_to_fear-prejudice": ("Appeal_to_Fear-Prejudice",),
    "Bandwagon,Reductio_ad_hitlerum": ("Appeal_to_Popularity", "Guilt_by_Association"),
    "Black-and-White_Fallacy": ("False_Dilemma-No_Choice",),
    "Causal_Oversimplification": ("Causal_Oversimplification",),
    "Doubt": ("Doubt",),
    "Exaggeration,Minimisation": ("Exaggeration-Minimisation",),
    "Flag-Waving": ("Flag_Waving",),
    "Loaded_Language": ("Loaded_Language",),
    "Name_Calling,Labeling": ("Name_Calling-Labeling",),
    "Repetition": ("Repetition",),
    "Slogans": ("Slogans",),
    "Thought-terminating_Cliches": ("Conversation_Killer",),
    "Whataboutism,Straw_Men,Red_Herring": ("Whataboutism", "Straw_Man", "Red_Herring"),
}

#: The 14 generic frames of SemEval-2023 Task 3 (subtask 2).
FRAMES: tuple[str, ...] = (
    "Economic",
    "Capacity_and_resources",
    "Morality",
    "Fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence",
    "Policy_prescription_and_evaluation",
    "Crime_and_punishment",
    "Security_and_defense",
    "Health_and_safety",
    "Quality_of_life",
    "Cultural_identity",
    "Public_opinion",
    "Political",
    "External_regulation_and_reputation",
)

#: Article genres of SemEval-2023 Task 3 (subtask 1).
GENRES: tuple[str, ...] = ("opinion", "reporting", "satire")

#: Train articles that also appear in the held-out SemEval-2023 EN dev set (dataset README):
#: kept for training, never scored, so they cannot inflate a reported number.
DEV_OVERLAP_IDS: frozenset[str] = frozenset(
    {"814777937", "821744708", "832959523", "833032367", "833036489", "833039623", "833042063"}
)

#: Where the trained artefacts live (gitignored; built by `make models`).
TRAINED_DIR = Path(os.environ.get("PRESSWATCH_RHETORIC_MODELS", Path(__file__).resolve().parent / "trained"))


def datasets_dir() -> Path:
    """The shared train datasets, next to the repository unless PRESSWATCH_DATASETS says otherwise."""
    env = os.environ.get("PRESSWATCH_DATASETS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3].parent / "shared" / "datasets"


SEMEVAL2023 = "semeval2023-task3-en-train/data/en"
#: The French, German, Italian, Polish and Russian train data of the same task, one folder per language.
SEMEVAL2023_MULTILINGUAL = "semeval2023-task3-multilingual-train/data"
#: ISO 639-1 code (what the language detector gives) -> that language's folder in the multilingual data.
MULTILINGUAL_FOLDERS: dict[str, str] = {"fr": "fr", "de": "ge", "it": "it", "pl": "po", "ru": "ru"}
PTC2020 = "ptc-semeval2020-task11-train/shared-task/datasets"
#: Unlabelled English articles of SemEval-2025 Task 10 (train): only used to fit the static encoder.
SEMEVAL2025_EN = "semeval2025-task10-train/data/train_data/EN/raw-documents"

#: Words that cannot trigger a technique alone: a candidate fragment made only of these is dropped.
FUNCTION_WORDS: frozenset[str] = frozenset(
    "a an the this that these those and or but if of to in on at by for from with as is are was were be been "
    "it its he she they we you i his her their our your my me him them us not no so than then there here "
    "who whom which what when where why how all any some such do does did has have had will would can could "
    "should may might must just also very nor neither either into onto about after before while because yet up out "
    "over under through off".split()
)
