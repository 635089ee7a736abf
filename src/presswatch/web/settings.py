"""The web app's settings: one frozen object built once from defaults, CLI flags and environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

#: Pasted text or an uploaded file larger than this is refused (413) before it is read in full.
DEFAULT_MAX_UPLOAD_BYTES = 1_000_000

#: Host names a browser may use to reach a server bound to the loopback interface.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})

#: The header and the cookie that carry the access token when one is configured.
TOKEN_HEADER = "X-Presswatch-Token"
TOKEN_COOKIE = "presswatch_token"
TOKEN_ENV = "PRESSWATCH_TOKEN"


def is_loopback(host: str) -> bool:
    """Whether ``host`` names the loopback interface (the only default bind address)."""
    h = host.strip().lower().strip("[]")
    return h in {"localhost", "::1"} or h.startswith("127.")


@dataclass(frozen=True)
class WebSettings:
    """How `presswatch serve` runs: which database, whether /analyze may write, who may connect."""

    db: Path
    allow_analyze: bool = False
    token: str | None = None
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    #: Host header values accepted (DNS-rebinding guard); None accepts any (only with a token).
    allowed_hosts: frozenset[str] | None = LOOPBACK_HOSTS
    #: Stages /analyze runs; None means every registered stage whose module is installed.
    stages: tuple[str, ...] | None = None
    #: Whether /analyze also updates the cross-article corpus layer.
    analyze_corpus: bool = True
    extra: dict[str, str] = field(default_factory=dict, hash=False)

    @classmethod
    def build(
        cls,
        db: str | Path,
        *,
        host: str = "127.0.0.1",
        token: str | None = None,
        **kwargs,
    ) -> "WebSettings":
        """Settings for serving on ``host``; refuses a non-loopback address without a token."""
        token = token or os.environ.get(TOKEN_ENV) or None
        if token is not None and len(token) < 16:
            raise ValueError("the access token must be at least 16 characters long")
        if not is_loopback(host) and token is None:
            raise ValueError(
                f"refusing to serve on {host}: only 127.0.0.1 is served without a token; "
                f"set --token or {TOKEN_ENV} to serve on another address"
            )
        if "allowed_hosts" not in kwargs:
            kwargs["allowed_hosts"] = LOOPBACK_HOSTS if is_loopback(host) else None
        return cls(db=Path(db), token=token, **kwargs)
