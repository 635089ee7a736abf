from presswatch.extract.quotes import QuoteStage

from .conftest import quotes_of


def test_quotes_speakers_after_before_and_middle(extracted):
    a = extracted(
        "Alexander Lukashenko met Vladimir Putin in Sochi on Monday.\n\n"
        "'We will never give in,' Lukashenko told Putin.\n\n"
        "Putin said: 'The talks were useful.'\n\n"
        "'It is decided,' Lukashenko said. 'Nobody will stop us now.'"
    )
    assert quotes_of(a) == [
        ("We will never give in", "direct", "Alexander Lukashenko"),
        ("The talks were useful.", "direct", "Vladimir Putin"),
        ("It is decided", "direct", "Alexander Lukashenko"),
        ("Nobody will stop us now.", "direct", "Alexander Lukashenko"),
    ]


def test_quotes_speakers_pronoun_and_role(extracted):
    a = extracted(
        "Armed Forces minister James Heappey spoke in the Commons on Thursday.\n\n"
        "'Moscow has lost the initiative,' Mr Heappey said.\n\n"
        "'Its soldiers will pay for this hubris,' the minister added.\n\n"
        "'The mood is changing quickly,' he said."
    )
    assert [s for _, _, s in quotes_of(a)] == ["James Heappey"] * 3


def test_quotes_speakers_multi_paragraph_quote_named_once(extracted):
    a = extracted(
        "Tsikhanouskaya, speaking in Brussels, said: “I am sure he would give the order.\n\n"
        "“Just imagine the army crossing the border and then refusing to fight.”\n\n"
        "Officials in Minsk did not respond."
    )
    found = quotes_of(a)
    assert len(found) == 2
    assert all(label == "direct" and speaker == found[0][2] for _, label, speaker in found)
    assert found[0][2] and "Tsikhanouskaya" in found[0][2]


def test_quotes_speakers_partial_quotes_in_reported_speech(extracted):
    a = extracted(
        "Alexander Lukashenko told the state agency Belta that preparations must be “advanced” "
        "to counter “all kinds of enemies who want to drag us into the war”."
    )
    assert quotes_of(a) == [
        ("advanced", "partial", "Alexander Lukashenko"),
        ("all kinds of enemies who want to drag us into the war", "partial", "Alexander Lukashenko"),
    ]


def test_quotes_speakers_unclosed_quote_at_the_end(extracted):
    a = extracted(
        "Alexander Lukashenko kept talking in Sochi.\n\n"
        "'Let them run,' the Belarusian leader Lukashenko said.\n\n"
        "'I was not worried in 2020 when people left"
    )
    found = quotes_of(a)
    assert found[-1][0].endswith("when people left")
    assert found[-1][2] == "Alexander Lukashenko"


def test_quotes_speakers_scare_quotes_get_no_wrong_speaker(extracted):
    a = extracted(
        "Kremlin spokesman Dmitry Peskov spoke on Thursday.\n\n"
        "The 'special' operation has gone on for seven months, and the 'partial' call-up widened."
    )
    assert quotes_of(a) == []


def test_quotes_speakers_unnamed_speakers_keep_their_phrase(extracted):
    a = extracted(
        "'I will not let my husband go to that war,' a wife from Tyumen in Siberia said.\n\n"
        "'Closing our borders would betray our values,' a group of more than 40 French senators said."
    )
    assert [s for _, _, s in quotes_of(a)] == ["a wife from Tyumen in Siberia", "a group of more than 40 French senators"]


def test_quotes_speakers_guillemets_and_double_quotes(extracted):
    a = extracted(
        "«If thirty thousand run away, let them run,» the Belarusian leader said.\n\n"
        '"We are preparing the decision," one Finnish official said on Monday.'
    )
    assert [(t, s) for t, _, s in quotes_of(a)] == [
        ("If thirty thousand run away, let them run", "the Belarusian leader"),
        ("We are preparing the decision", "one Finnish official"),
    ]


def test_quotes_speakers_skip_languages_without_resources_and_say_why(parsed):
    a = parsed("'Esto es bueno,' dijo él.")
    a.language = "es"  # no quote resources for Spanish (extract/resources.py LANGS)
    QuoteStage()([a])
    assert a.layer("quote") == []
    assert "Spanish" in a.unsupported["quote"]
