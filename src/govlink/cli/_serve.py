"""``govlink serve``: the web app on this machine, behind a printed access token."""

from __future__ import annotations

from pathlib import Path

import click

from govlink.cli._app import open_store, store_option
from govlink.cli._lang import texts
from govlink.environment import environment_settings
from govlink.plugins import Registry

__all__ = ["serve"]


@click.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
def serve(store_path: Path, host: str, port: int) -> None:
    """Serve the web app (import overview, companies, settings); open the printed link."""
    try:
        import uvicorn

        from govlink.web import create_app, new_access_token
    except ImportError as error:
        raise click.ClickException(texts()("serve.needs_web")) from error
    token = new_access_token()
    with open_store(store_path, create=True) as store:
        app = create_app(store, Registry(), environment_settings(), access_token=token)
        shown = f"[{host}]" if ":" in host else host
        url = f"http://{shown}:{port}/?token={token}"
        click.echo(texts()("serve.started", url=url))
        # no access log: it would write the token of the first request
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
