"""Handouts before class: the public briefing of a scenario, and one team's private brief.

The class briefing holds only what every team may know: the story, the years, the map and who holds
each region, each state's public face, the organizations at the table, and the laws and agreements
the scenario offers. Private briefs, networks (hidden truth) and scripted events (surprises) are left
out on purpose. A team's brief adds that team's private brief, its starting position and its
objectives: it is for that team only.

Each is built once as sections and written as plain text (the terminal), Markdown or HTML (one
self-contained page that prints cleanly).
"""

import textwrap
from dataclasses import dataclass, field
from html import escape

from game.model.actions import NOTE_CHARACTERS
from game.model.rounds import round_name
from game.model.scenario import Organization, Region, Scenario, State
from game.model.vocabulary import tier_title
from game.scenario.suggest import closest
from game.scenario.wording import objective_text

WIDTH = 88
FORMATS = ("text", "md", "html")


@dataclass(slots=True)
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Handout:
    title: str
    sections: list[Section]
    lead: list[str] = field(default_factory=list)
    """Paragraphs before the first section."""
    figure: str | None = None
    """A drawing for the HTML version (the class briefing's map), as SVG markup."""


def render_briefing(scenario: Scenario, format: str = "text") -> str:
    """The class briefing (every team may read it)."""
    return render(class_briefing(scenario), format)


def render_team_brief(scenario: Scenario, team: str, format: str = "text") -> str:
    """One team's private brief; `KeyError` naming the teams when `team` is not one."""
    return render(team_brief(scenario, team), format)


def teams(scenario: Scenario) -> list[str]:
    return [state.id for state in scenario.states] + [org.id for org in scenario.organizations]


def class_briefing(scenario: Scenario) -> Handout:
    names = _names(scenario)
    regions = {region.id: region for region in scenario.regions}
    sections = []
    if scenario.learning_objectives:
        sections.append(Section("Learning objectives", items=numbered_objectives(scenario)))
    sections.append(Section("The map", items=[_region(r, regions, names) for r in scenario.regions]))
    sections.append(Section("The states", items=[_profile(s, scenario) for s in scenario.states]))
    if scenario.organizations:
        sections.append(Section("The organizations", items=[_organization(o) for o in scenario.organizations]))
    sections.append(_laws(scenario))
    sections.append(_agreements(scenario))
    from game.scenario.map_svg import briefing_figure

    return Handout(scenario.title, sections, [_flat(scenario.summary), _years(scenario)],
                   figure=briefing_figure(scenario))


def team_brief(scenario: Scenario, team: str) -> Handout:
    names = _names(scenario) | {k: v.name for k, v in scenario.law_catalogue().items()} | {
        k: v.name for k, v in scenario.agreement_catalogue().items()}
    state = next((s for s in scenario.states if s.id == team), None)
    org = next((o for o in scenario.organizations if o.id == team), None)
    if state is None and org is None:
        near = closest(team, teams(scenario))
        hint = f" (did you mean '{near}'?)" if near is not None else ""
        raise KeyError(f"no team '{team}' in {scenario.id}{hint}; its teams are {', '.join(teams(scenario))}")
    spec: State | Organization = state if state is not None else org  # type: ignore[assignment]
    lead = [f"For the team of {spec.name} only: do not show it to the other teams.", _flat(scenario.summary),
            _years(scenario)]
    sections = [Section("Your brief", [_flat(spec.brief) or "Your scenario gives no private brief."])]
    objectives = [objective_text(o, names, scenario.round_label, organization=org is not None)
                  for o in spec.objectives]
    sections.append(Section("Your objectives", items=objectives or ["none: play for the shared outcome"]))
    if state is not None:
        sections.append(Section("Where you start", items=_start(state, scenario)))
    else:
        assert org is not None
        sections.append(Section("Where you start", items=[_organization(org)]))
    if scenario.learning_objectives:
        sections.append(Section("What the class should take away", items=numbered_objectives(scenario)))
    return Handout(f"{scenario.title}: the brief of {spec.name}", sections, lead)


def numbered_objectives(scenario: Scenario) -> list[str]:
    """`LO1: ...`, `LO2: ...`: the numbers the quiz and the rubrics of docs/teaching/assessment.md
    name an objective by, so a teacher finds it in the handout."""
    return [f"LO{number}: {text}" for number, text in enumerate(scenario.learning_objectives, 1)]


def render(handout: Handout, format: str) -> str:
    if format == "md":
        return _markdown(handout)
    if format == "html":
        return _html(handout)
    if format == "text":
        return _text(handout)
    raise ValueError(f"a brief is written as {', '.join(FORMATS)}, not {format!r}")


def _years(scenario: Scenario) -> str:
    """`8 rounds, each a year.`, and the calendar years they stand for when the scenario gives a
    `start_year` (`from 2023 to 2030`), as every screen and report then names its rounds."""
    label = scenario.round_label
    counted = f"{scenario.rounds} round{'s' if scenario.rounds != 1 else ''}, each a {label}"
    first, last = (round_name(label, number, scenario.start_year) for number in (1, scenario.rounds))
    if first[:1].isdigit():
        return f"{counted}, {first}." if scenario.rounds == 1 else f"{counted}, from {first} to {last}."
    return f"{counted}."


def _laws(scenario: Scenario) -> Section:
    laws = scenario.law_catalogue()
    items = []
    for law in laws.values():
        needs = ", ".join(laws[p].name if p in laws else p for p in law.prerequisites)
        items.append(f"{law.name}: {law.effect} Costs {law.political_cost:g} political capital to adopt and "
                     f"{_points(law.upkeep)} a round; in force {_after(law.delay)}"
                     + (f"; needs {needs} first" if needs else "") + ".")
    return Section("Laws you can adopt", ["Every state may adopt these; each costs political capital once "
                                          "and budget every round."], items)


def _agreements(scenario: Scenario) -> Section:
    laws = scenario.law_catalogue()
    items = []
    for spec in scenario.agreement_catalogue().values():
        needs = ", ".join(laws[p].name if p in laws else p for p in spec.requires_laws)
        items.append(f"{spec.name}: {spec.effect} At least {spec.min_parties} parties; {_points(spec.contribution)} "
                     f"a round from each party by default, for {spec.duration} rounds"
                     + (f"; every party needs {needs}" if needs else "") + ".")
    return Section("Agreements you can propose", ["Proposed by one party, in force once every party accepts (a "
                                                  "convention: among those that accept, once its minimum "
                                                  "number has); "
                                                  "each party pays its contribution every round. A proposal, a "
                                                  "counter-proposal and an answer may carry a line (up to "
                                                  f"{NOTE_CHARACTERS} characters) that every party reads."], items)


def _points(amount: float) -> str:
    return f"{amount:g} budget point{'' if amount == 1 else 's'}"


def _after(delay: int) -> str:
    return "at once" if delay == 0 else f"after {delay} round{'s' if delay != 1 else ''}"


def _start(state: State, scenario: Scenario) -> list[str]:
    laws = scenario.law_catalogue()
    capacities = ", ".join(f"{name} {level:g}" for name, level in state.capacities.model_dump().items())
    return [
        _profile(state, scenario),
        f"Budget {state.budget:g} points a round; political capital {state.political_capital:g}; "
        f"corruption {state.corruption:.0%}.",
        f"Capacities (0-10): {capacities}.",
        "Laws in force: " + (", ".join(laws[law].name if law in laws else law for law in state.laws) or "none") + ".",
    ]


def _organization(org: Organization) -> str:
    kind = "an NGO" if org.kind == "ngo" else "an intergovernmental organization"
    return (f"{org.name}: {kind} with {org.budget:g} points a round and no territory; it may "
            f"{', '.join(org.mandate)}.")


def _names(scenario: Scenario) -> dict[str, str]:
    return ({s.id: s.name for s in scenario.states} | {o.id: o.name for o in scenario.organizations}
            | {r.id: r.name for r in scenario.regions})


def _region(region: Region, regions: dict[str, Region], names: dict[str, str]) -> str:
    holder = names.get(region.controlled_by or "", "no state")
    neighbours = ", ".join(regions[other].name for other in region.neighbours if other in regions) or "none"
    return f"{region.name}: {_people(region.population)}, held by {holder}; neighbours: {neighbours}."


def _profile(state: State, scenario: Scenario) -> str:
    laws = scenario.law_catalogue()
    held = [region.name for region in scenario.regions if region.controlled_by == state.id]
    in_force = ", ".join(laws[law].name if law in laws else law for law in state.laws) or "none"
    where = ", ".join(held) if held else "no territory"
    # a declared tier is public: the report that placed the state is published
    tier = "" if state.tier is None else f"; {tier_title(state.tier)} at the start"
    return f"{state.name}: {where}; laws in force: {in_force}; approval {state.approval:.0f}%{tier}."


def _people(millions: float) -> str:
    if millions >= 1:
        return f"{millions:g} million people"
    return f"{millions * 1000:,.0f} thousand people"


def _flat(text: str) -> str:
    return "\n\n".join(" ".join(part.split()) for part in text.strip().split("\n\n"))


def _text(handout: Handout) -> str:
    lines = [handout.title, "=" * min(len(handout.title), WIDTH)]
    for paragraph in handout.lead:
        lines += ["", *_wrapped(paragraph)]
    for section in handout.sections:
        lines += ["", section.heading]
        for paragraph in section.paragraphs:
            lines += _wrapped(paragraph, first="  ", rest="  ")
        for item in section.items:
            lines += _wrapped(item, first="  - ", rest="    ")
    return "\n".join(lines) + "\n"


def _markdown(handout: Handout) -> str:
    out = [f"# {handout.title}", ""]
    for paragraph in handout.lead:
        out += [paragraph, ""]
    for section in handout.sections:
        out += [f"## {section.heading}", ""]
        for paragraph in section.paragraphs:
            out += [paragraph, ""]
        out += [f"- {item}" for item in section.items] + ([""] if section.items else [])
    return "\n".join(out)


STYLE = """
body{font:15px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.6rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:1.8rem}
li{margin:.25rem 0}.lead{color:#333}
@media print{body{max-width:none;margin:0;font-size:11pt}h2{break-after:avoid}li{break-inside:avoid}}
"""


def _html(handout: Handout) -> str:
    e = escape
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{e(handout.title)}</title><style>{STYLE}</style></head><body>", f"<h1>{e(handout.title)}</h1>"]
    for paragraph in handout.lead:
        out += [f'<p class="lead">{e(part)}</p>' for part in paragraph.split("\n\n")]
    if handout.figure:
        out.append(handout.figure)
    for section in handout.sections:
        out.append(f"<h2>{e(section.heading)}</h2>")
        out += [f"<p>{e(paragraph)}</p>" for paragraph in section.paragraphs]
        if section.items:
            out.append("<ul>" + "".join(f"<li>{e(item)}</li>" for item in section.items) + "</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _wrapped(text: str, first: str = "", rest: str = "") -> list[str]:
    paragraphs = [" ".join(part.split()) for part in text.strip().split("\n\n")] or [""]
    lines: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        if number:
            lines.append("")
        lines += textwrap.wrap(paragraph, WIDTH, initial_indent=first if number == 0 else rest,
                               subsequent_indent=rest) or [first.rstrip()]
    return lines
