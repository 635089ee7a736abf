"""The local web app: read, search and compare analysed news (`presswatch serve`)."""

from .app import create_app
from .settings import WebSettings

__all__ = ["create_app", "WebSettings"]
