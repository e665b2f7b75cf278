"""``summitwatch``: the typer application."""
from __future__ import annotations

import typer

from . import analyze as analyze_cmd
from . import corpus as corpus_cmd
from . import dossier as dossier_cmd
from . import evaluate as evaluate_cmd
from . import serve as serve_cmd

app = typer.Typer(name="summitwatch", add_completion=False, no_args_is_help=True,
                  help="Facts an analyst can trust, from Korean diplomacy briefs and news.")
app.command("analyze")(analyze_cmd.analyze)
app.command("eval")(evaluate_cmd.evaluate)
corpus_cmd.register(app)
app.command("dossier")(dossier_cmd.dossier)
app.command("serve")(serve_cmd.serve)


def main() -> None:
    app()
