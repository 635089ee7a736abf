"""What each SemEval-2023 Task 3 persuasion technique is, as data: a one-sentence definition and a
short made-up example, shown when a reader hovers a technique on the article page.

Written for presswatch after the task's annotation guidelines; the examples are our own sentences.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TechniqueNote:
    """A technique's name for readers (the taxonomy label, spaced), its definition and an example."""

    name: str
    definition: str
    example: str


def _n(name: str, definition: str, example: str) -> TechniqueNote:
    return TechniqueNote(name, definition, example)


NOTES: dict[str, TechniqueNote] = {
    "Appeal_to_Authority": _n("Appeal to Authority", "Presents a claim as true because an expert, leader or institution says so.",
                              "Leading economists agree, so the plan must work."),
    "Appeal_to_Popularity": _n("Appeal to Popularity", "Argues that something is right because many people believe or do it.",
                               "Millions have already signed: join them."),
    "Appeal_to_Values": _n("Appeal to Values", "Links an idea to values the audience holds dear (tradition, freedom, faith).",
                           "This is about the freedom our grandparents fought for."),
    "Appeal_to_Fear-Prejudice": _n("Appeal to Fear-Prejudice", "Seeks support by stirring fear of an outcome or prejudice against a group.",
                                   "If we do nothing, our towns will be overrun."),
    "Flag_Waving": _n("Flag Waving", "Justifies an idea by appeal to national or group pride.",
                      "A true patriot would never question this decision."),
    "Causal_Oversimplification": _n("Causal Oversimplification", "Reduces a complex outcome to one cause.",
                                    "Prices rose for one reason only: the new minister."),
    "False_Dilemma-No_Choice": _n("False Dilemma-No Choice", "Presents two options as the only ones when more exist.",
                                  "Either you support the war or you support the enemy."),
    "Consequential_Oversimplification": _n("Consequential Oversimplification", "Claims one step will inevitably lead to a chain of bad consequences.",
                                           "Allow this protest and next there will be riots in every city."),
    "Straw_Man": _n("Straw Man", "Refutes a distorted version of the opponent's position instead of the real one.",
                    "They want peace talks, which means they want to surrender."),
    "Red_Herring": _n("Red Herring", "Diverts attention to an irrelevant topic.",
                      "Why discuss the budget when the opposition leader was late again?"),
    "Whataboutism": _n("Whataboutism", "Deflects criticism by pointing to the critic's own wrongs.",
                       "Who are they to talk about rights after what they did?"),
    "Slogans": _n("Slogans", "A brief, striking phrase that works as a call to action or label.",
                  "We will win, we have no other choice!"),
    "Appeal_to_Time": _n("Appeal to Time", "Argues that now is the moment to act, or that time will prove a side right.",
                         "It is now or never."),
    "Conversation_Killer": _n("Conversation Killer", "A phrase that discourages further thought or debate.",
                              "It is what it is; end of discussion."),
    "Loaded_Language": _n("Loaded Language", "Words with strong emotional connotations chosen to sway the reader.",
                          "A reckless, disastrous gamble."),
    "Repetition": _n("Repetition", "Repeats the same message so that the audience comes to accept it.",
                     "Strong borders, strong country, strong future."),
    "Exaggeration-Minimisation": _n("Exaggeration-Minimisation", "Makes something seem much larger, or much smaller, than it is.",
                                    "It was just a minor incident, nothing more."),
    "Obfuscation-Vagueness-Confusion": _n("Obfuscation-Vagueness-Confusion", "Uses deliberately vague words so the audience can read them as it likes.",
                                          "Certain measures will be taken in due course."),
    "Name_Calling-Labeling": _n("Name Calling-Labeling", "Attaches a label to a person or group to make the audience dislike them.",
                                "The warmonger in the capital spoke again."),
    "Doubt": _n("Doubt", "Questions someone's credibility or motives without evidence.",
                "Can we really trust a minister who changed his mind twice?"),
    "Guilt_by_Association": _n("Guilt by Association", "Discredits an idea by linking it to a disliked person or group.",
                               "That is exactly what the old regime proposed."),
    "Appeal_to_Hypocrisy": _n("Appeal to Hypocrisy", "Attacks an argument by calling its maker a hypocrite.",
                              "He preaches saving money but flies on private jets."),
    "Questioning_the_Reputation": _n("Questioning the Reputation", "Attacks the character of a person rather than their argument.",
                                     "Nothing she says counts: she has always been a failure."),
}


def note(label: str) -> TechniqueNote:
    """The note for a technique label (its own label, spaced, and no definition when unknown)."""
    return NOTES.get(label) or TechniqueNote(label.replace("_", " "), "", "")


def hover_text(label: str, score: float | None = None) -> str:
    """What a reader sees on hovering a technique: name, score, definition, example."""
    n = note(label)
    head = n.name + (f" ({score:.2f})" if score is not None else "")
    parts = [head]
    if n.definition:
        parts.append(n.definition)
    if n.example:
        parts.append(f"Example: \u201c{n.example}\u201d")
    return " \u2014 ".join(parts)
