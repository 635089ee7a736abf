"""The SemEval-2025 Task 10 train readers: every mention sits on its text, labels match the taxonomy."""

import pytest

from presswatch.narratives.data import LANGUAGES, MAIN_ROLES, Mention, align, load_language, parent, role_descriptions, taxonomy


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_mention_is_on_its_text_after_alignment(code):
    lang = load_language(code)
    assert lang.mentions, code
    for m in lang.mentions:
        assert lang.documents[m.doc_id].text[m.start : m.end] == m.text
        assert m.main in MAIN_ROLES and m.fine


def test_english_counts_match_the_dataset_readme():
    en = load_language("EN")
    assert len(en.documents) == 200 and len(en.mentions) == 414 and len(en.narratives) == 200
    assert sum(1 for n in en.narratives.values() if n.coarse == ("Other",)) == 97


def test_every_english_subnarrative_has_its_parent_in_the_taxonomy():
    coarse, fine = taxonomy()
    assert len(coarse) == 22 and len(fine) == 91
    for n in load_language("EN").narratives.values():
        for f in n.fine:
            assert f in fine and parent(f) in coarse


def test_align_moves_a_drifted_mention_onto_its_text_and_drops_a_missing_one():
    text = "Киев: сказал Ермак."
    drifted = Mention("d", "Ермак", 15, 20, "Antagonist", ("Incompetent",))
    assert align(drifted, text).start == text.index("Ермак")
    assert align(Mention("d", "Зеленский", 0, 9, "Protagonist", ("Guardian",)), text) is None


def test_role_descriptions_cover_the_22_fine_roles_under_3_main_roles():
    roles = role_descriptions()
    assert len(roles) == 22 and {main for main, _ in roles.values()} == set(MAIN_ROLES)
