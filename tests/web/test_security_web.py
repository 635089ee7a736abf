"""Hostile text is escaped everywhere; host, token, origin and size checks refuse what they should."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from presswatch.web import WebSettings, create_app
from presswatch.web.security import CONTENT_SECURITY_POLICY, safe_url

HTML = {"accept": "text/html"}


class TagCollector(HTMLParser):
    """Every start tag with its attributes, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def assert_no_injected_markup(html: str) -> None:
    parser = TagCollector()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in ("img", "iframe", "object", "embed", "b"), (tag, attrs)
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/") or attrs.get("type") == "application/json", attrs
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action") and value:
                assert not value.startswith(("http://evil", "https://evil", "//")), (tag, name, value)
                assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (tag, name, value)
    assert "<script>alert" not in html and "onerror=alert(2)>" not in html


def pages(ids):
    from .conftest import XSS as xss_name

    return [
        "/", f"/articles/{ids['hostile']}", f"/articles/{ids['kyiv']}", "/conflicts", "/stories/s1",
        "/people/" + quote(xss_name, safe=""), "/search?q=" + quote(xss_name), "/search?q=spokesman",
        "/search?person=" + quote(xss_name) + "&outlet=" + quote(xss_name), "/analyze", "/api",
        "/articles/" + quote("<script>alert(1)</script>", safe=""),
    ]


def test_security_web_hostile_fields_are_escaped_on_every_page(client, web_db):
    _, ids = web_db
    for path in pages(ids):
        r = client.get(path, headers=HTML)
        assert r.status_code in (200, 404), path
        assert_no_injected_markup(r.text)


def test_security_web_hostile_text_shows_as_text(client, web_db):
    _, ids = web_db
    html = client.get(f"/articles/{ids['hostile']}", headers=HTML).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the title, visible as words
    assert "It is &lt;b&gt;bold&lt;/b&gt; &amp; dangerous," in html
    assert "javascript:" not in html  # the hostile URL is not offered as a link at all


def test_security_web_json_block_cannot_close_its_script(client):
    html = client.get("/", headers=HTML).text
    start = html.index('<script type="application/json" id="technique-data">')
    block = html[start:html.index("</script>", start)]
    assert "<" not in block[block.index(">") + 1:]  # tojson escapes < so </script> cannot appear inside


@pytest.mark.parametrize("url,ok", [
    ("https://example.org/a?b=1", True), ("http://example.org", True),
    ("javascript:alert(1)", False), (" JavaScript:alert(1)", False), ("java\tscript:alert(1)", False),
    ("data:text/html,<script>", False), ("//evil.example/x", False), ("/relative", False),
    ('https://x.org/"onmouseover="alert(1)', False), ("vbscript:msgbox", False), ("", False), (None, False),
])
def test_security_web_safe_url_allows_only_http(url, ok):
    assert (safe_url(url) is not None) is ok


def test_security_web_headers_on_every_response(client):
    for path in ("/", "/index.json", "/nope", "/static/style.css"):
        r = client.get(path, headers=HTML)
        assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert "script-src 'self'" in CONTENT_SECURITY_POLICY and "unsafe-inline" not in CONTENT_SECURITY_POLICY.split("script-src")[1].split(";")[0]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


def test_security_web_unknown_host_header_is_refused(client):
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"host": "127.0.0.1:8000"}).status_code == 200


def test_security_web_no_filesystem_path_from_request(client):
    for path in ("/static/../../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml",
                 "/static/..%2f..%2fsettings.py", "/static/vendor/..%2f..%2fapp.py"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert "create_app" not in r.text


def test_security_web_database_is_read_only_and_analyze_refused(client):
    db = client.app.state.pw.db
    with pytest.raises(Exception, match="(?i)read.only"):
        db.cursor().execute("CREATE TABLE intruder (x INTEGER)")
    r = client.post("/analyze.json", data={"text": "Title\n\nBody text."})
    assert r.status_code == 403 and "--allow-analyze" in r.json()["detail"]


def test_security_web_cross_site_posts_are_refused(client):
    assert client.post("/analyze.json", data={"text": "x"}, headers={"origin": "http://evil.example"}).status_code == 403
    assert client.post("/analyze.json", data={"text": "x"}, headers={"sec-fetch-site": "cross-site"}).status_code == 403
    assert client.post("/analyze.json", data={"text": "x"}, headers={"origin": "null"}).status_code == 403


def test_security_web_body_over_limit_is_refused(web_db, tmp_path):
    import shutil

    path, _ = web_db
    copy = tmp_path / "copy.duckdb"
    shutil.copy(path, copy)
    app = create_app(WebSettings(db=copy, max_upload_bytes=2_000, allow_analyze=True, stages=("nlp.spacy.v1",),
                                 analyze_corpus=False, allowed_hosts=frozenset({"testserver"})))
    with TestClient(app) as c:
        big = "x" * 200_000
        r = c.post("/analyze.json", data={"text": big})
        assert r.status_code == 413
        r = c.post("/analyze.json", files={"file": ("a.txt", big.encode(), "text/plain")})
        assert r.status_code == 413
        small_but_over = "x" * 3_000  # under the framing slack, so the view itself must refuse it
        r = c.post("/analyze.json", data={"text": small_but_over})
        assert r.status_code == 413 and "2,000 bytes" in r.json()["detail"]
        r = c.post("/analyze.json", files={"file": ("a.txt", small_but_over.encode(), "text/plain")})
        assert r.status_code == 413

        def chunks():  # no Content-Length: the body is cut off while it streams
            yield b"--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n"
            for _ in range(50):
                yield b"y" * 10_000
        r = c.post("/analyze.json", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"})
        assert r.status_code == 413
        assert c.get("/index.json").json()["counts"]["articles"] == 3  # nothing was stored


def test_security_web_token_required_when_configured(web_db):
    path, _ = web_db
    token = "s3cret-token-for-tests-only"
    app = create_app(WebSettings(db=path, token=token, allowed_hosts=None))
    with TestClient(app) as c:
        assert c.get("/index.json").status_code == 401
        assert c.get("/index.json", headers={"X-Presswatch-Token": "wrong-token-wrong-token"}).status_code == 401
        assert c.get("/index.json", headers={"X-Presswatch-Token": token}).status_code == 200
        assert c.get("/index.json", headers={"authorization": f"Bearer {token}"}).status_code == 200
        r = c.get("/", headers=HTML, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/login"
        assert c.get("/login", headers=HTML).status_code == 200
        assert c.post("/login", data={"token": "nope"}, headers=HTML).status_code == 401
        r = c.post("/login", data={"token": token}, follow_redirects=False)
        assert r.status_code == 303
        cookie = r.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        assert c.get("/", headers=HTML).status_code == 200  # the cookie now carries it


def test_security_web_other_hosts_need_a_token(monkeypatch, tmp_path):
    monkeypatch.delenv("PRESSWATCH_TOKEN", raising=False)
    with pytest.raises(ValueError, match="token"):
        WebSettings.build(tmp_path / "x.duckdb", host="0.0.0.0")
    with pytest.raises(ValueError, match="16 characters"):
        WebSettings.build(tmp_path / "x.duckdb", host="0.0.0.0", token="short")
    s = WebSettings.build(tmp_path / "x.duckdb", host="0.0.0.0", token="a" * 20)
    assert s.token == "a" * 20 and s.allowed_hosts is None
    monkeypatch.setenv("PRESSWATCH_TOKEN", "b" * 20)
    assert WebSettings.build(tmp_path / "x.duckdb", host="192.168.1.5").token == "b" * 20
    local = WebSettings.build(tmp_path / "x.duckdb")
    assert local.allowed_hosts and "127.0.0.1" in local.allowed_hosts


def test_security_web_serve_command_refuses_public_host_without_token(monkeypatch, web_db):
    from presswatch.cli import cli

    monkeypatch.delenv("PRESSWATCH_TOKEN", raising=False)
    path, _ = web_db
    result = CliRunner().invoke(cli, ["serve", "--db", str(path), "--host", "0.0.0.0"])
    assert result.exit_code != 0 and "token" in result.output
    result = CliRunner().invoke(cli, ["serve", "--db", str(path.parent / "missing.duckdb")])
    assert result.exit_code != 0 and "no presswatch database" in result.output
