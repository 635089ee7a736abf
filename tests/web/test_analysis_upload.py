"""/analyze runs presswatch.analyze on pasted or uploaded text, stores it, and shows it."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from presswatch.web import WebSettings, create_app
from presswatch.web.analysis import installed_stages

PASTED = (
    "Volunteers leave for the front\n\n"
    "About 2,000 volunteers left the city on Monday, the governor said. "
    "'We are proud of every one of them,' said Maria Ivanova, a nurse.\n\n"
    "<script>alert('pasted')</script> was in the original page."
)


@pytest.fixture
def writable(web_db, tmp_path):
    path, _ = web_db
    copy = tmp_path / "rw.duckdb"
    shutil.copy(path, copy)
    settings = WebSettings(db=copy, allow_analyze=True, stages=("nlp.spacy.v1",), analyze_corpus=False,
                           allowed_hosts=frozenset({"testserver"}))
    with TestClient(create_app(settings)) as c:
        yield c


def test_analysis_upload_pasted_text_is_stored_and_shown(writable):
    assert writable.get("/index.json").json()["counts"]["articles"] == 3  # memoised until the write
    r = writable.post("/analyze", data={"text": PASTED}, headers={"accept": "text/html"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/articles/")
    page = writable.get(r.headers["location"], headers={"accept": "text/html"})
    assert page.status_code == 200
    assert "Volunteers leave for the front" in page.text
    assert "About 2,000 volunteers left the city on Monday" in page.text
    assert "&lt;script&gt;alert(&#39;pasted&#39;)&lt;/script&gt;" in page.text
    assert writable.get("/index.json").json()["counts"]["articles"] == 4


def test_analysis_upload_file_and_json_answer(writable):
    r = writable.post("/analyze.json", files={"file": ("note.txt", PASTED.encode("utf-8"), "text/plain")})
    assert r.status_code == 200
    body = r.json()
    assert body["enabled"] is True and len(body["article_ids"]) == 1 and body["stages"] == ["nlp.spacy.v1"]
    art = writable.get(f"/articles/{body['article_ids'][0]}.json").json()
    assert art["article"]["language"] == "en"
    again = writable.post("/analyze.json", data={"text": PASTED}).json()  # same content, same id, stored once
    assert again["article_ids"] == body["article_ids"]
    assert writable.get("/index.json").json()["counts"]["articles"] == 4


def test_analysis_upload_html_file_is_read_by_the_ingest_layer(writable):
    page = (
        "<!doctype html><html><head><title>Border queues grow | The Ledger</title>"
        '<meta property="og:site_name" content="The Ledger"><script>alert("x")</script></head><body>'
        "<nav>Home | World | Sport</nav><article><h1>Border queues grow</h1>"
        "<p>Thousands of cars waited at the Upper Lars crossing on Wednesday, border officials said.</p>"
        "<p>'We drove for two days without sleep,' said Anna Petrova, a teacher from Tyumen.</p>"
        "<p>About 10,000 people crossed in a single day, according to the regional authorities.</p>"
        "</article></body></html>"
    )
    r = writable.post("/analyze.json", files={"file": ("../../etc/passwd.html", page.encode(), "text/html")})
    assert r.status_code == 200, r.text
    art = writable.get(f"/articles/{r.json()['article_ids'][0]}.json").json()["article"]
    assert "Thousands of cars waited" in art["text"]
    assert "<p>" not in art["text"] and "alert" not in art["text"]  # markup was extracted, not kept as text
    assert art["source_path"] == "upload:passwd.html"  # the name is a label only


def test_analysis_upload_binary_file_is_refused_with_a_reason(writable):
    r = writable.post("/analyze.json", files={"file": ("x.bin", bytes(range(256)) * 20, "application/octet-stream")})
    assert r.status_code == 422 and "could not read x.bin" in r.json()["detail"]


def test_analysis_upload_empty_submission_is_refused(writable):
    r = writable.post("/analyze.json", data={"text": "   "})
    assert r.status_code == 400
    page = writable.post("/analyze", data={"text": ""}, headers={"accept": "text/html"})
    assert page.status_code == 400 and "nothing to analyse" in page.text


def test_analysis_upload_default_stages_are_the_installed_ones():
    stages = installed_stages()
    assert stages[0] == "nlp.spacy.v1"
    from presswatch.registry import DEFAULT_STAGES

    assert set(stages) <= set(DEFAULT_STAGES)
