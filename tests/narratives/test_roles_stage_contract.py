"""The role stage's layer contract on articles we wrote: role spans are entity spans of PERSON / ORG /
GPE / NORP, the canonical is the entity's, labels and fine roles come from the taxonomy, scores are
probabilities, and an article whose language has no entity layer is marked unsupported."""

from __future__ import annotations

import pytest

from presswatch.attrs import RoleAttrs
from presswatch.model import Article
from presswatch.narratives.data import MAIN_ROLES, role_descriptions
from presswatch.narratives.roles import ROLE_LABELS

WAR = (
    "Tuesday 27 September 2022 09:35 AM Kremlin tyrant Putin orders new wave of strikes on Kyiv ... trends now\n\n"
    "Vladimir Putin today ordered another wave of missile strikes on Kyiv, killing at least 14 civilians "
    "as they queued for water , officials said.   The Russian dictator, who launched the invasion in "
    "February, has repeatedly threatened the West with nuclear weapons.\n\n"
    "Ukrainian President Volodymyr Zelensky vowed to defend every city and thanked NATO for the air defence "
    "systems that shot down 40 of the missiles. 'We will not surrender, we will rebuild,' Zelensky said in "
    "his nightly address.\n"
    "Thousands of families in Kharkiv have spent a third night without heat or power. Ukrainians say they "
    "have nowhere left to go. Putin's spokesman Dmitry Peskov denied that Russia targets civilians.\n\n"
    "Read More @ DailyWire | Comments (34)"
)
BULGARIAN = (
    "Путин нареди нови удари срещу Киев\n\n"
    "Владимир Путин нареди нова вълна ракетни удари срещу Киев, съобщиха официални лица. "
    "Зеленски обеща да защити всеки град."
)


@pytest.fixture(scope="module")
def stage():
    from presswatch.narratives.roles_stage import make_stage
    from presswatch.options import Options

    return make_stage(Options())


@pytest.fixture(scope="module")
def analysed(nlp, stage):
    from presswatch.extract.entities import EntityStage

    article = Article.create("<test>", WAR, title=None)
    article.language = "en"
    article.doc = nlp(WAR)
    EntityStage()([article])
    stage([article])
    return article


def test_roles_sit_on_entity_mentions_and_copy_their_canonical(analysed):
    roles = analysed.layer("role")
    assert roles, "the article casts Putin and Zelensky; the stage cast nobody"
    entities = {(e.start, e.end): e for e in analysed.layer("entity")}
    for r in roles:
        e = entities[(r.start, r.end)]
        assert e.label in ROLE_LABELS
        assert RoleAttrs.from_dict(r.attrs).canonical == e.attrs["canonical"]


def test_labels_fine_roles_and_scores_follow_the_taxonomy(analysed):
    desc = role_descriptions()
    for r in analysed.layer("role"):
        attrs = RoleAttrs.from_dict(r.attrs)
        assert r.label in MAIN_ROLES
        assert attrs.fine and all(type(f) is str and desc[f][0] == r.label for f in attrs.fine)
        assert 1 / 3 <= r.score <= 1.0


def test_the_article_casts_putin_as_an_antagonist(analysed):
    # an article's casting of an entity is the main role its mentions carry most (summed scores), as the
    # corpus layer reads it; single mentions may disagree (bench/roles_results.md: main-role accuracy)
    by_role: dict[str, float] = {}
    for r in analysed.layer("role"):
        if "Putin" in (r.attrs.get("canonical") or ""):
            by_role[r.label] = by_role.get(r.label, 0.0) + r.score
    assert by_role and max(by_role, key=by_role.get) == "Antagonist"


def test_an_article_without_an_entity_layer_for_its_language_is_marked_unsupported(stage):
    article = Article.create("<test>", BULGARIAN)
    article.language = "bg"
    stage([article])
    assert article.layer("role") == []
    assert "Bulgarian" in article.unsupported["role"] and "named-entity" in article.unsupported["role"]


def test_an_english_article_without_entities_gets_no_roles_and_no_unsupported_mark(stage):
    article = Article.create("<test>", "It rained all day.\n\nNobody came to the fair.")
    article.language = "en"
    stage([article])
    assert article.layer("role") == [] and "role" not in article.unsupported
