"""`presswatch serve --db FILE`: the local web app over a presswatch database."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import CONTEXT_SETTINGS
from .settings import DEFAULT_MAX_UPLOAD_BYTES, TOKEN_ENV, WebSettings


@click.command(context_settings=CONTEXT_SETTINGS)
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), required=True, help="A presswatch DuckDB file (e.g. out/presswatch.duckdb).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; anything but loopback needs a token.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token", default=None, help=f"Access token (or set {TOKEN_ENV}); required as the X-Presswatch-Token header or the login cookie.")
@click.option("--allow-analyze", is_flag=True, help="Open the database read-write and let /analyze add articles.")
@click.option("--max-upload-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_UPLOAD_BYTES, show_default=True, help="Largest text or file /analyze accepts.")
def serve(db: Path, host: str, port: int, token: str | None, allow_analyze: bool, max_upload_bytes: int) -> None:
    """Browse, search and compare the analysed news in a browser."""
    import uvicorn

    from .app import create_app

    try:
        settings = WebSettings.build(db, host=host, token=token, allow_analyze=allow_analyze, max_upload_bytes=max_upload_bytes)
        app = create_app(settings)
    except (ValueError, FileNotFoundError) as exc:
        raise click.ClickException(str(exc)) from exc
    except Exception as exc:  # duckdb refuses a file another process is writing
        if type(exc).__module__.startswith("duckdb") or exc.__class__.__name__ == "IOException":
            raise click.ClickException(
                f"cannot open {db}: {exc}. Another process (a running `presswatch analyze`?) may hold it; "
                "DuckDB allows one writer at a time."
            ) from exc
        raise
    mode = "read-write, /analyze on" if allow_analyze else "read-only"
    click.echo(f"presswatch: serving {db} ({mode}) at http://{'[' + host + ']' if ':' in host else host}:{port}/")
    # a long keep-alive: closing idle connections races with clients that reuse them under load
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, timeout_keep_alive=30)
