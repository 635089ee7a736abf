"""What keeps a local web app over hostile text safe: headers, host and token checks, body limits, URL hygiene."""

from __future__ import annotations

import hmac
import json
from http.cookies import SimpleCookie
from typing import Any, Awaitable, Callable
from urllib.parse import urlsplit

from .settings import TOKEN_COOKIE, TOKEN_HEADER, WebSettings

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]

#: Scripts only from this server, no inline script, no plugins, no framing, forms post only here.
#: Inline *styles* are allowed because plotly.js injects its stylesheet at run time; our own
#: markup carries no style attributes, and all text is escaped, so this opens no script path.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # no-referrer would make Chromium send Origin: null on our own forms
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)

#: Paths reachable without the token: the login form and the stylesheet it uses.
TOKEN_EXEMPT = ("/login", "/static/style.css", "/favicon.ico")

#: Multipart framing around an upload of the allowed size.
BODY_SLACK_BYTES = 64 * 1024

SAFE_SCHEMES = ("http", "https")


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address fit for an href, else None (javascript:, data:, ...)."""
    if not url:
        return None
    u = url.strip()
    if any(ord(ch) < 0x21 or ch in "\"'<>`\\" for ch in u):
        return None
    try:
        parts = urlsplit(u)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc:
        return None
    return u


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers") or ():
        if key == name:
            return value.decode("latin-1")
    return None


def _host_name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def token_matches(scope: Scope, token: str) -> bool:
    """Whether the request carries the configured token in the header, a bearer header or the cookie."""
    offered: list[str] = []
    if (h := _header(scope, TOKEN_HEADER.lower().encode())) is not None:
        offered.append(h)
    auth = _header(scope, b"authorization")
    if auth and auth.lower().startswith("bearer "):
        offered.append(auth[7:].strip())
    cookie = _header(scope, b"cookie")
    if cookie:
        jar = SimpleCookie()
        try:
            jar.load(cookie)
        except Exception:  # noqa: BLE001 - a malformed cookie header is just no token
            jar = SimpleCookie()
        if TOKEN_COOKIE in jar:
            offered.append(jar[TOKEN_COOKIE].value)
    return any(hmac.compare_digest(o.encode(), token.encode()) for o in offered)


class SecurityMiddleware:
    """ASGI middleware: security headers, Host check, token check, cross-site POST refusal, body limit."""

    def __init__(self, app: Callable[..., Awaitable[None]], settings: WebSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refuse(scope)
        if refusal is not None:
            await _plain(send, *refusal)
            return
        limit = self.settings.max_upload_bytes + BODY_SLACK_BYTES
        length = _header(scope, b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await _plain(send, 413, f"request body over the limit of {self.settings.max_upload_bytes} bytes")
            return
        seen = 0
        started = False
        too_large = False

        async def limited_receive() -> dict[str, Any]:
            # Past the limit the app is told the client went away; its answer is replaced by a 413.
            nonlocal seen, too_large
            if too_large:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    too_large = True
                    return {"type": "http.disconnect"}
            return message

        async def send_with_headers(message: dict[str, Any]) -> None:
            nonlocal started
            if too_large:
                return
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", []) if k not in dict(SECURITY_HEADERS)]
                message = {**message, "headers": headers + list(SECURITY_HEADERS)}
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except Exception:
            if not too_large:
                raise
        if too_large and not started:
            await _plain(send, 413, f"request body over the limit of {self.settings.max_upload_bytes} bytes")

    def _refuse(self, scope: Scope) -> tuple[int, str] | None:
        s = self.settings
        host = _header(scope, b"host") or ""
        if s.allowed_hosts is not None and _host_name(host) not in s.allowed_hosts:
            return 400, "unknown Host header; open the app at http://127.0.0.1:PORT/"
        if scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            fetch_site = _header(scope, b"sec-fetch-site")
            if fetch_site in ("cross-site", "same-site"):
                return 403, "cross-site request refused"
            origin = _header(scope, b"origin")
            if origin and origin != "null" and urlsplit(origin).netloc.lower() != host.lower():
                return 403, "cross-origin request refused"
            if origin == "null":
                return 403, "cross-origin request refused"
        if s.token and not scope["path"].startswith(TOKEN_EXEMPT) and not token_matches(scope, s.token):
            accept = _header(scope, b"accept") or ""
            if scope["method"] == "GET" and "text/html" in accept:
                return 303, "/login"
            return 401, f"a token is required: send the {TOKEN_HEADER} header or log in at /login"
        return None


async def _plain(send: Send, status: int, text: str) -> None:
    """A short plain-text (or redirect) response sent from the middleware itself."""
    headers = list(SECURITY_HEADERS)
    if status == 303:
        headers.append((b"location", text.encode()))
        body = b""
    else:
        body = json.dumps({"detail": text}).encode()
        headers.append((b"content-type", b"application/json"))
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
