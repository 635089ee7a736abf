"""A database for the narrative and role pages: our own articles in the seeds' shapes, with the narrative
and role layers annotated by hand (as the layer contract writes them), stored by the real writers, and
the real corpus layer run over them (stories and narrative conflicts)."""

from __future__ import annotations

from pathlib import Path

from presswatch.model import Annotation, Article

XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>"
HOPELESS = "URW: Discrediting Ukraine"
HOPELESS_SUB = "URW: Discrediting Ukraine: Situation in Ukraine is hopeless"
WEST = "URW: Discrediting the West, Diplomacy"

# one event told by two outlets (one story), a third that is about the weather, one the layer did not run on
TEXTS = {
    "rt": ("Zelensky's appeal to Russians falls flat " + XSS,
           "Volodymyr Zelensky addressed Russians in a late-night video on Wednesday, urging them to resist the "
           "partial mobilisation ordered by Vladimir Putin. The minister spoke after him.\n\n"
           "Kyiv's situation is hopeless, the commentator said, and the appeal changes nothing at the front."),
    "kp": ("Zelensky appeals to Russians over mobilisation",
           "Volodymyr Zelensky addressed Russians in a late-night video on Wednesday, urging them to resist the "
           "partial mobilisation ordered by Vladimir Putin.\n\n"
           "Western capitals, he said, must stop pretending that talks with the Kremlin can end the war."),
    "weather": ("Heavy rain expected across the region this week",
                "Forecasters expect heavy rain across the region from Tuesday, with local flooding possible in "
                "low-lying streets.\n\nResidents were advised to clear gutters before the weekend."),
    "bg": ("Зеленски се обърна към руснаците",
           "Президентът Володимир Зеленски се обърна към руснаците във видеообръщение в сряда вечерта."),
}
META = {
    "rt": ("RT", "2022-09-21T22:00:00", "en"),
    "kp": ("Kyiv Post", "2022-09-21T23:30:00", "en"),
    "weather": ("Local Gazette", "2022-09-28", "en"),
    "bg": ("Dnevnik", "2022-09-22", "bg"),
}


def _mention(a: Article, words: str, canonical: str, role: str, score: float, fine: tuple[str, ...]) -> None:
    s = a.text.index(words)
    a.add(Annotation("entity", "PERSON", s, s + len(words), None, {"canonical": canonical}))
    a.add(Annotation("role", role, s, s + len(words), score, {"canonical": canonical, "fine": list(fine)}))


def _narrative(a: Article, label: str, domain: str | None, score: float, subs: tuple[str, ...] = ()) -> None:
    a.add(Annotation("narrative", label, None, None, score, {"domain": domain, "subnarratives": list(subs)}))


def articles() -> dict[str, Article]:
    out = {}
    for key, (title, body) in TEXTS.items():
        outlet, published, language = META[key]
        out[key] = Article.create(f"{key}.txt", body, title=title, outlet=outlet, published=published,
                                  language=language)
    rt, kp, weather, bg = out["rt"], out["kp"], out["weather"], out["bg"]
    _mention(rt, "Volodymyr Zelensky", "Volodymyr Zelensky", "Antagonist", 0.82, ("Deceiver", "Incompetent"))
    _mention(rt, "The minister", XSS, "Innocent", 0.6, ("Victim",))
    _narrative(rt, HOPELESS, "URW", 0.87, (HOPELESS_SUB,))
    _mention(kp, "Volodymyr Zelensky", "Volodymyr Zelensky", "Protagonist", 0.91, ("Guardian",))
    _narrative(kp, WEST, "URW", 0.66)
    _narrative(weather, "Other", None, 0.97)
    bg.mark_unsupported("narrative", "no narrative model for Bulgarian in this build")
    return out


def build(path: Path) -> dict[str, str]:
    """Store the articles, the entity table and the corpus results; returns key -> article id."""
    from presswatch.corpus import stage as corpus_stage
    from presswatch.corpus.embed import FALLBACK_NAME
    from presswatch.options import Options
    from presswatch.store import Store
    from presswatch.store.entities import write_entities

    arts = articles()
    with Store(path) as store:
        store.write_articles(list(arts.values()))
        write_entities(store)
        corpus_stage.make_corpus(Options.build(corpus_embedder=FALLBACK_NAME))(store=store, articles=[])
    return {k: a.id for k, a in arts.items()}
