"""Intelligence: the state's estimates of the hidden numbers (victims in its territory, flows on
the routes it knows, by network) with their ranges, and the other states' published records."""

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from game.model.view import PlayerView
from game.tui.text import bar, check, escape, four_p, num, short, tier_label
from game.tui.views import names_of, network_names
from game.tui.widgets.wrapped import Wrapped


def route_lines(head: str, places: list[str], width: int) -> list[str]:
    """A route: `head` (its form, bar and figures, of the same width on every route) and its path,
    broken between places into lines of `width` cells, each continuation under the path's first
    place: a path wrapped back under the form column ('Aldmark City' under 'labour') read as a route
    of its own. A column too narrow for a place's name (mekong's 'Yangon, Bago and the Ayeyarwady
    delta'), and the path goes on the lines under the head. Plain text: the caller escapes it."""
    column = cell_len(head)
    if column + max((cell_len(place) for place in places), default=0) + 2 > width:
        head, column = head.rstrip() + "\n" + " " * 6, 8  # its continuation under its first place
    lines: list[str] = []
    line = head
    last = len(places) - 1
    for index, place in enumerate(places):
        piece = place if index == 0 else f" → {place}"
        # room for the ' →' a line that the path goes on from ends with: without it the arrow alone
        # was folded onto a line of its own ('Kyiv and western Ukraine → Hungary' / '→' / 'Austria')
        arrow = 0 if index == last else 2
        if index and cell_len(line.rsplit("\n", 1)[-1]) + cell_len(piece) + arrow > width:
            lines.append(line + " →")
            line = " " * column + place
        else:
            line += piece
    lines.append(line)
    return lines


def intel_text(view: PlayerView, width: int = 78) -> str:
    """`width`: the cells the text has, to which each route's path is broken (`route_lines`)."""
    names = names_of(view)
    me = view.me
    estimate = me.victims_estimate
    label = view.round_label
    spread = estimate.high - estimate.low
    lines = [
        "[b]Victims held in your territory[/] (an estimate: the truth is hidden)",
        f"  about {num(estimate.value)}, somewhere between {num(estimate.low)} and {num(estimate.high)}"
        f" (a range of {num(spread)}; more intelligence capacity narrows it: yours is "
        f"{me.capacities.get('intelligence', 0):.1f})",
        "  estimates move with the noise of intelligence, not only with what you did: a change inside the "
        "range may mean nothing",
        f"  identified last {label}: {num(me.identified)} · prosecutions {num(me.prosecutions)} · "
        f"convictions {num(me.convictions)}" if view.round > 1 else
        f"  identified, prosecutions, convictions: none published yet (the first at the end of {label} 1)",
        "",
        f"[b]Networks you know of[/] (estimated people a {label} on each route, with their range)",
    ]
    by_network: dict[str, list[str]] = {}
    top = max((route.flow.high for route in view.routes), default=1)
    figures = [f"~{num(route.flow.value)} ({num(route.flow.low)}-{num(route.flow.high)})" for route in view.routes]
    room = max((len(figure) for figure in figures), default=0)  # the paths in one column
    forms = max((len(route.form) for route in view.routes), default=8)  # 'criminality' pushed its bar out
    for route, figure in zip(view.routes, figures, strict=True):
        network = route.id.split("/")[0]
        head = f"    {route.form:<{forms}} {bar(route.flow.value, top, 8)} {figure:<{room}}  "
        places = [short(names.get(r, r)) for r in route.path]
        by_network.setdefault(network, []).extend(escape(line) for line in route_lines(head, places, width))
    networks = network_names(view)
    for network, routes in by_network.items():
        lines.append(f"  [b]{escape(networks.get(network, network))}[/]")
        lines += routes
    if not by_network:
        lines.append("  none known: raise intelligence or share information with a partner")
    lines += ["", "[b]Other states[/] (published, as in a TIP Report country narrative)"]
    for other in view.others:
        laws = ", ".join(view.rules.laws[law].name if law in view.rules.laws else law for law in other.laws) or "none"
        lines.append(f"  [b]{escape(other.name)}[/] {tier_label(other.tier)} · approval {other.approval:.0f}% · "
                     f"{check(other.ready)} {'ready' if other.ready else 'not ready'}")
        lines.append(f"    4P {four_p(other.scores_4p)}")
        record = (f"identified {num(other.identified)} · prosecutions {num(other.prosecutions)} · "
                  f"convictions {num(other.convictions)}" if view.round > 1 else "no figures published yet")
        lines.append(f"    {record} · your trust {me.trust.get(other.id, 0.5):.2f}")
        lines.append(f"    laws: {escape(laws)}")
    return "\n".join(lines)


class IntelPanel(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Wrapped(id="intel-text")

    def show(self, view: PlayerView) -> None:
        # laid out at the width the text has, again whenever it changes
        self.query_one("#intel-text", Wrapped).update(lambda width: intel_text(view, width))
