"""register_page: one context function served as HTML at /x and as JSON at /x.json."""

from __future__ import annotations

import jinja2
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel


class Echo(BaseModel):
    name: str
    times: int


def context(pw, name: str, times: int = 1) -> Echo:
    return Echo(name=name, times=times)


def test_pages_register_serves_one_context_as_html_and_json_and_documents_only_json(tmp_path):
    from presswatch.web.pages import AppState, register_page
    from presswatch.web.settings import WebSettings

    templates = jinja2.Environment(loader=jinja2.DictLoader({"echo.html": "<p>{{ ctx.name }} x{{ ctx.times }}</p>"}),
                                   autoescape=True)
    pw = AppState(settings=WebSettings(db=tmp_path / "x.duckdb"), db=None, templates=templates, analyzer=None)
    app = FastAPI()
    register_page(app, pw, "/echo/{name:path}", context, template="echo.html", model=Echo, summary="Echo")
    with TestClient(app) as c:
        assert c.get("/echo/a/b.json", params={"times": 3}).json() == {"name": "a/b", "times": 3}
        assert c.get("/echo/<b>", params={"times": 2}).text == "<p>&lt;b&gt; x2</p>"
        assert c.get("/echo/x.json", params={"times": "many"}).status_code == 422
    paths = app.openapi()["paths"]
    assert list(paths) == ["/echo/{name}.json"]
    assert [p["name"] for p in paths["/echo/{name}.json"]["get"]["parameters"]] == ["name", "times"]
