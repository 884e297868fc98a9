"""One entry point for the debrief in any format, as the command line and the TUI ask for it."""

from collections.abc import Callable

from game.report.debrief import Debrief, build_debrief
from game.report.debrief_csv import render_csv
from game.report.debrief_html import render_html
from game.report.debrief_md import render_markdown
from game.report.gradebook import render_gradebook
from game.session.replay import Replay

RENDERERS: dict[str, Callable[[Debrief], str]] = {
    "md": render_markdown, "html": render_html, "csv": render_csv, "gradebook": render_gradebook,
}
TEACHING = {"md", "html", "gradebook"}
"""The formats that show the summary, the re-runs, the ledger and the handouts (the per-round CSV does not)."""


def render_all(replay: Replay, formats: list[str], audiences: list[str]) -> dict[tuple[str, str], str]:
    """Every (audience, format) of one game, the re-runs made once: what the final screen writes."""
    texts: dict[tuple[str, str], str] = {}
    previous = None
    for audience in audiences:
        debrief = build_debrief(replay, audience, reuse=previous)
        previous = debrief.teaching
        for format in formats:
            texts[(audience, format)] = RENDERERS[format](debrief)
    return texts


def render(replay: Replay, format: str, audience: str = "class") -> str:
    """The debrief of `replay` as `md`, `html`, `csv` or `gradebook`, for the `class` (private
    messages' text left out) or the `facilitator`."""
    return RENDERERS[format](build_debrief(replay, audience, teaching=format in TEACHING))
