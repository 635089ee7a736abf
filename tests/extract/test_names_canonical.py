from presswatch.extract.names import canonical_names, merge_surnames, trim_tokens, unique_surnames


def trimmed(words: list[str], label: str = "PERSON") -> list[str]:
    i, j = trim_tokens(words, label)
    return words[i:j]


def test_names_trim_titles_possessives_and_headline_words():
    assert trimmed(["Mr", "Putin"]) == ["Putin"]
    assert trimmed(["President", "Vladimir", "Putin", "'s"]) == ["Vladimir", "Putin"]
    assert trimmed(["Vladimir", "Putin", "'"]) == ["Vladimir", "Putin"]
    assert trimmed(["Sergei", "Lavrov", "STORMS"]) == ["Sergei", "Lavrov"]
    assert trimmed(["the", "Kremlin"], "ORG") == ["Kremlin"]


def test_names_canonical_is_the_longest_full_name():
    canon = canonical_names(["Putin", "Vladimir Putin", "Putin", "Lukashenko", "Alexander Lukashenko"])
    assert canon["Putin"] == "Vladimir Putin"
    assert canon["Lukashenko"] == "Alexander Lukashenko"


def test_names_spelling_variants_of_one_person_merge():
    canon = canonical_names(["Sergei Shoigu", "Sergey Shoigu", "Shoigu"])
    assert len(set(canon.values())) == 1


def test_names_ambiguous_surname_stays_as_written():
    canon = canonical_names(["Boris Johnson", "Andrew Johnson", "Johnson"])
    assert canon["Johnson"] == "Johnson"
    assert canon["Boris Johnson"] == "Boris Johnson"


def test_names_corpus_merge_only_for_a_unique_full_name():
    assert merge_surnames(["Shoigu", "Sergei Shoigu", "Putin"]) == {"Shoigu": "Sergei Shoigu"}
    assert merge_surnames(["Johnson", "Boris Johnson", "Andrew Johnson"]) == {}


def test_names_first_name_joins_the_one_full_name_in_scope():
    canon = canonical_names(["Enrica Rosanna", "Enrica"])
    assert canon["Enrica"] == "Enrica Rosanna"
    assert canonical_names(["Enrica Rosanna", "Enrica Bianchi", "Enrica"])["Enrica"] == "Enrica"


def test_names_shared_surname_stands_for_nobody_whatever_the_set_order():
    names = ["Carter Page", "Lisa Page", "Vladimir Putin", "Page", "Putin"]
    for order in (names, names[::-1]):
        assert unique_surnames(n for n in order if " " in n) == {"Putin": "Vladimir Putin"}
        assert merge_surnames(order) == {"Putin": "Vladimir Putin"}


def test_names_variants_transliterations_and_acronyms_join_one_form():
    from presswatch.extract.names import variant_names

    joined = variant_names(
        ["Alexander Lukashenko", "Lugansk", "European Union", "Alexander Lukashenka", "Luhansk", "EU",
         "Luhansk", "Alexander Lukashenko", "Austria", "Australia", "Iran", "Iraq", "Hanson", "Hansen"]
    )
    assert joined == {
        "Alexander Lukashenka": "Alexander Lukashenko",
        "Lugansk": "Luhansk",
        "EU": "European Union",
    }
