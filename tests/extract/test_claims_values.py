from .conftest import claims_of


def by_text(article) -> dict[str, dict]:
    return {c["text"]: c for c in claims_of(article)}


def test_claims_values_unit_modifier_predicate(extracted):
    a = extracted(
        "More than 1,400 people were arrested in at least 38 cities on Wednesday. "
        "Putin has ordered the mobilisation of some 300,000 military reservists."
    )
    c = by_text(a)
    assert (c["1,400"]["value"], c["1,400"]["unit"], c["1,400"]["modifier"], c["1,400"]["predicate"]) == (1400, "people", "more than", "arrested")
    assert (c["38"]["value"], c["38"]["unit"], c["38"]["modifier"]) == (38, "cities", "at least")
    assert (c["300,000"]["unit"], c["300,000"]["modifier"]) == ("reservists", "some")


def test_claims_values_glued_words_and_currency(extracted):
    a = extracted(
        "The Kremlin wants up to 1million men, and only three percent of Belarusians back the war. "
        "A one-way ticket to Dubai went up to $50,000, while hundreds of thousands of Russian men fled."
    )
    c = by_text(a)
    assert (c["1million"]["value"], c["1million"]["unit"], c["1million"]["modifier"]) == (1000000, "men", "up to")
    assert (c["three percent"]["value"], c["three percent"]["unit"]) == (3, "percent")
    assert (c["$50,000"]["value"], c["$50,000"]["unit"]) == (50000, "dollars")
    assert (c["hundreds of thousands"]["value"], c["hundreds of thousands"]["unit"]) == (200000, "men")
    assert c["hundreds of thousands"]["vague"] is True


def test_claims_values_speaker_from_quote_and_attribution(extracted):
    a = extracted(
        "Volodymyr Zelensky addressed Russians on Wednesday.\n\n"
        "'55,000 Russian soldiers died in six months of war,' Zelensky said.\n\n"
        "At least 2,000 people have been detained, according to OVD-Info.\n\n"
        "Russian missile strikes killed five civilians, Ukrainian officials said."
    )
    c = by_text(a)
    assert (c["55,000"]["unit"], c["55,000"]["predicate"], c["55,000"]["speaker"]) == ("soldiers", "died", "Volodymyr Zelensky")
    assert c["2,000"]["speaker"] == "OVD-Info"
    assert c["five"]["speaker"] == "Ukrainian officials"
    assert "2,000 people have been detained" in c["2,000"]["sentence"]


def test_claims_values_not_claims(extracted):
    a = extracted(
        "On September 21, 2022 at 09:35 the 68-year-old leader, in power since 1994, spoke for the first time "
        "since World War Two. Female teacher, 35, was arrested. His son is 23. The two men met on 24th February "
        "and discussed paragraph seven of the decree."
    )
    assert claims_of(a) == []


def test_claims_values_rates_and_durations(extracted):
    a = extracted("About 10,000 Russians a day crossed the border. He faces up to 15 years in prison.")
    c = by_text(a)
    assert "15" not in c
    assert c["10,000"]["value"] == 10000


def test_claims_values_speaker_through_a_participle_and_an_owned_role(extracted):
    a = extracted(
        "Putin ordered a partial mobilisation that his defence minister said would put 300,000 more men into uniform.\n\n"
        "Defence Minister Sergei Shoigu, interviewed on television, said the call-up would be limited to 300,000 people."
    )
    assert [(c["unit"], c["speaker"]) for c in claims_of(a)] == [("men", "Sergei Shoigu"), ("people", "Sergei Shoigu")]
