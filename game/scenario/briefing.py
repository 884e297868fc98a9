"""The public briefing of a scenario, as the whole class may read it before play.

Only what every team may know: the story, the map and who holds each region, and each state's public
face. Private briefs, networks (hidden truth) and scripted events (surprises) are left out on purpose.
"""

import textwrap

from game.model.scenario import Region, Scenario, State

WIDTH = 88


def render_briefing(scenario: Scenario) -> str:
    names = {state.id: state.name for state in scenario.states}
    regions = {region.id: region for region in scenario.regions}
    lines = [scenario.title, "=" * min(len(scenario.title), WIDTH), ""]
    lines += _wrapped(scenario.summary)
    label = scenario.round_label
    lines += ["", f"{scenario.rounds} round{'s' if scenario.rounds != 1 else ''}, each a {label}."]
    if scenario.learning_objectives:
        lines += ["", "Learning objectives"]
        for objective in scenario.learning_objectives:
            lines += _wrapped(objective, first="  - ", rest="    ")
    lines += ["", "The map"]
    for region in scenario.regions:
        lines += _region(region, regions, names)
    lines += ["", "The states"]
    for state in scenario.states:
        lines += _wrapped(_profile(state, scenario), first="  - ", rest="    ")
    return "\n".join(lines) + "\n"


def _region(region: Region, regions: dict[str, Region], names: dict[str, str]) -> list[str]:
    holder = names.get(region.controlled_by or "", "no state")
    neighbours = ", ".join(regions[other].name for other in region.neighbours if other in regions) or "none"
    text = (
        f"{region.name} ({region.id}): {_people(region.population)}, held by {holder}; "
        f"neighbours: {neighbours}."
    )
    return _wrapped(text, first="  - ", rest="    ")


def _profile(state: State, scenario: Scenario) -> str:
    laws = scenario.law_catalogue()
    held = [region.name for region in scenario.regions if region.controlled_by == state.id]
    in_force = ", ".join(laws[law].name if law in laws else law for law in state.laws) or "none"
    where = ", ".join(held) if held else "no territory"
    return f"{state.name} ({state.id}): {where}; laws in force: {in_force}; approval {state.approval:.0f}%."


def _people(millions: float) -> str:
    if millions >= 1:
        return f"{millions:g} million people"
    return f"{millions * 1000:,.0f} thousand people"


def _wrapped(text: str, first: str = "", rest: str = "") -> list[str]:
    paragraphs = [" ".join(part.split()) for part in text.strip().split("\n\n")] or [""]
    lines: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        if number:
            lines.append("")
        lines += textwrap.wrap(paragraph, WIDTH, initial_indent=first if number == 0 else rest,
                               subsequent_indent=rest) or [first.rstrip()]
    return lines
