"""``summitwatch serve``: the web app and JSON API over the corpus, on 127.0.0.1 unless a token
protects it."""
from __future__ import annotations

import os
from typing import Annotated, Optional

import typer

from .batch import say as _say
from .corpus import DB


def serve(
    db: DB = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on; any but loopback needs a token.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port.")] = 8000,
    token: Annotated[Optional[str], typer.Option("--token", help="Access token every request must carry "
                                                 "(default $SUMMITWATCH_TOKEN).", show_default=False)] = None,
    upload_dir: Annotated[Optional[str], typer.Option("--upload-dir", help="Where uploaded files are kept "
                                                      "(default: ./summitwatch-uploads).")] = None,
    page_cache: Annotated[bool, typer.Option("--page-cache/--no-page-cache", help="Keep rendered pages while "
                                             "the corpus is unchanged.")] = True,
) -> None:
    """Serve the corpus as a web app (Korean first, ?lang=en) with its JSON API under /api."""
    from ..store import StoreError, open_store
    from ..web import create_app
    from ..web.security import check_bind

    token = token or os.environ.get("SUMMITWATCH_TOKEN") or None
    try:
        check_bind(host, token)
    except ValueError as e:
        _say(f"summitwatch: {e}")
        raise typer.Exit(2)
    try:
        store = open_store(db)
    except StoreError as e:
        _say(f"summitwatch: {e}")
        raise typer.Exit(1)
    import uvicorn

    app = create_app(store, token=token, upload_dir=upload_dir or "summitwatch-uploads",
                     page_cache=page_cache)
    shown = f"[{host}]" if ":" in host else host
    _say(f"summitwatch: serving on http://{shown}:{port}/" + (" (token required)" if token else ""))
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    finally:
        store.close()
