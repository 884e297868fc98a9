"""One entry point for the debrief in any format, as the command line and the TUI ask for it."""

from game.report.debrief import build_debrief
from game.report.debrief_csv import render_csv
from game.report.debrief_html import render_html
from game.report.debrief_md import render_markdown
from game.session.replay import Replay

RENDERERS = {"md": render_markdown, "html": render_html, "csv": render_csv}


def render(replay: Replay, format: str) -> str:
    """The debrief of `replay` as `md`, `html` or `csv`."""
    return RENDERERS[format](build_debrief(replay))
