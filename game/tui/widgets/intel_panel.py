"""Intelligence: the state's estimates of the hidden numbers (victims in its territory, flows on
the routes it knows, by network) with their ranges, and the other states' published records."""

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from game.model.view import PlayerView
from game.tui.text import bar, check, escape, four_p, num, short, tier_label
from game.tui.views import names_of, network_names
from game.tui.widgets.wrapped import Wrapped


def intel_text(view: PlayerView) -> str:
    names = names_of(view)
    me = view.me
    estimate = me.victims_estimate
    label = view.round_label
    width = estimate.high - estimate.low
    lines = [
        "[b]Victims held in your territory[/] (an estimate: the truth is hidden)",
        f"  about {num(estimate.value)}, somewhere between {num(estimate.low)} and {num(estimate.high)}"
        f" (a range of {num(width)}; more intelligence capacity narrows it: yours is "
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
    for route in view.routes:
        network = route.id.split("/")[0]
        path = " → ".join(short(names.get(r, r)) for r in route.path)
        by_network.setdefault(network, []).append(
            f"    {route.form:<8} {bar(route.flow.value, top, 8)} ~{num(route.flow.value)} "
            f"({num(route.flow.low)}-{num(route.flow.high)})  {escape(path)}")
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
        self.query_one("#intel-text", Static).update(intel_text(view))
