"""Stories: incremental grouping by embedding, entities and time, and their labels."""

from datetime import date

import numpy as np

from presswatch.corpus.stories import StoryInput, assign, entity_weights, idf_weights, key_phrase, phrases, to_story


def _vec(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def _item(aid: str, v: np.ndarray, day: int, ents=("Putin",), idf=None) -> StoryInput:
    weights = entity_weights({e: 1 for e in ents}, idf or {})
    return StoryInput(aid, v, weights, date(2022, 9, day), f"2022-09-{day:02d}", aid)


MOB = _vec(1, 0.1, 0)
SOCHI = _vec(0, 1, 0.1)


def test_stories_articles_about_one_event_share_a_story():
    items = [_item("a", MOB, 21), _item("b", _vec(1, 0.15, 0.05), 22), _item("c", SOCHI, 26),
             _item("d", _vec(0.05, 1, 0.1), 27)]
    states = []
    placed = assign(items, states)
    assert placed["a"] == placed["b"] != placed["c"] == placed["d"]
    assert len(states) == 2


def test_stories_distant_publication_founds_a_new_story():
    states = []
    placed = assign([_item("a", MOB, 1), _item("b", MOB, 28)], states, window=7)
    assert placed["a"] != placed["b"]


def test_stories_duplicates_follow_their_original():
    states = []
    placed = assign([_item("a", MOB, 21), _item("copy", SOCHI, 21)], states, follow={"copy": "a"})
    assert placed["copy"] == placed["a"]


def test_stories_new_articles_join_existing_stories_without_moving_old_ones():
    states = []
    first = assign([_item("a", MOB, 21), _item("c", SOCHI, 26)], states)
    before = {s.id: [m.article for m in s.members] for s in states}
    second = assign([_item("a", SOCHI, 21), _item("e", _vec(1, 0.05, 0.1), 23)], states)
    assert second["a"] == first["a"]  # already placed: not re-assigned even with another vector
    assert second["e"] == first["a"]
    assert [m.article for m in next(s for s in states if s.id == first["c"]).members] == before[first["c"]]


def test_stories_shared_rare_entities_pull_an_article_in():
    idf = idf_weights({"Russia": 10, "Lukashenko": 2}, 10)
    between = _vec(0.7, 0.7, 0)  # equally close to both by embedding
    states = []
    assign([_item("a", MOB, 21, ("Russia",), idf), _item("c", SOCHI, 21, ("Lukashenko",), idf)], states,
           idf=idf, threshold=0.6)
    placed = assign([_item("x", between, 21, ("Lukashenko", "Russia"), idf)], states, idf=idf, threshold=0.6)
    assert placed["x"] == next(s.id for s in states if s.members[0].article == "c")


def test_stories_label_has_main_entities_and_a_distinctive_phrase():
    states = []
    items = [_item("a", MOB, 21, ("Vladimir Putin", "Sergei Shoigu")), _item("b", MOB, 22, ("Vladimir Putin",))]
    assign(items, states)
    member_phrases = [phrases("Putin orders partial mobilisation of reservists"),
                      phrases("Partial mobilisation sparks protests across Russia")]
    corpus_df = {"partial mobilisation": 2, "sparks protests": 1}
    phrase = key_phrase(member_phrases, corpus_df, 10, ["Vladimir Putin"])
    assert phrase == "partial mobilisation"
    story = to_story(states[0], phrase)
    assert story.label.startswith("Vladimir Putin") and story.label.endswith(": partial mobilisation")
    assert (story.start, story.end) == ("2022-09-21", "2022-09-22")
    assert [a.article for a in story.articles] == ["a", "b"]
