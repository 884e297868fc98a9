"""Issue 17.1: the debrief draws the map as SVG with the terminal's layout: every region with its
holder's letter, the routes held at the end with their true flows, every displacement; valid XML
that needs no font or file from outside."""

import re
import xml.etree.ElementTree as ET

from game.model.report import Displacement, NetworkFigures, RoundReport, RouteFigures
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.scenario.map_layout import MapRoute, layout
from game.scenario.map_svg import briefing_figure, game_picture, map_figure, map_svg


def mekong_reports() -> list[RoundReport]:
    routes = [RouteFigures("r1", ["yangon-delta", "myawaddy", "mae-sot", "bangkok"], "labour", 4200),
              RouteFigures("r2", ["phnom-penh", "sihanoukville"], "criminality", 700),
              RouteFigures("r3", ["phnom-penh", "bangkok"], "labour", 300, held=False)]
    network = NetworkFigures(capital=1.0, core=5, periphery=50, tau=0.5, active=True, routes=routes)
    move = Displacement("ring", "labour", ["phnom-penh", "bangkok"], 300, ["phnom-penh", "vientiane", "bangkok"],
                        250.0, 0.5, "bangkok", "thailand", ["laos"])
    return [RoundReport(round=1, states={}, networks={}, events=[], displacement=[]),
            RoundReport(round=2, states={}, networks={"ring": network}, events=[], displacement=[move])]


def test_the_debrief_map_is_valid_svg_naming_every_region_and_holder() -> None:
    scenario = load_scenario(resolve_scenario("mekong"))
    svg = map_svg(game_picture(scenario, mekong_reports()), label="year")
    root = ET.fromstring(svg)
    text = " ".join(t.text or "" for t in root.iter("text"))
    for word in ("Bangkok and the", "Vientiane and the", "Shan State", "Thailand", "Laos", "no state"):
        assert word in text, word
    assert "http" not in svg and "@import" not in svg, "nothing fetched from outside"


def test_the_debrief_map_draws_the_routes_held_at_the_end_with_their_true_flows_and_the_moves() -> None:
    scenario = load_scenario(resolve_scenario("mekong"))
    picture = game_picture(scenario, mekong_reports())
    assert [(r.path, r.flow) for r in picture.routes] == [
        (("yangon-delta", "myawaddy", "mae-sot", "bangkok"), 4200.0), (("phnom-penh", "sihanoukville"), 700.0)]
    root = ET.fromstring(map_svg(picture, label="year"))
    titles = [t.text or "" for line in root.iter("polyline") for t in line.iter("title")]
    assert any("about 4,200 people a year" in t for t in titles)
    assert any("year 2: ring moved its labour flow here" in t for t in titles)
    assert any("year 2: ring gave up this labour path" in t for t in titles)


def test_the_svg_places_regions_where_the_shared_layout_does() -> None:
    scenario = load_scenario(resolve_scenario("tutorial"))
    picture = game_picture(scenario, [])
    cells = layout(picture.places)
    svg = map_svg(picture, label="year")
    corners = {(float(x), float(y)) for x, y in re.findall(r'<rect x="([\d.]+)" y="([\d.]+)" width="156"', svg)}
    assert corners == {(14.0 + 180 * c, 14.0 + 86 * r) for c, r in cells.values()}


def test_the_map_section_says_what_it_shows() -> None:
    scenario = load_scenario(resolve_scenario("tutorial"))
    section = map_figure(game_picture(scenario, []), "year", 0)
    assert section.startswith("<h2>The map</h2>") and "before play" in section


def test_the_briefing_map_shows_who_holds_what_and_no_route() -> None:
    scenario = load_scenario(resolve_scenario("mekong"))
    section = briefing_figure(scenario)
    svg = section[section.index("<svg"):section.index("</svg>") + 6]
    root = ET.fromstring(svg)
    assert not list(root.iter("polyline")), "the routes are each team's to discover"
    text = " ".join(t.text or "" for t in root.iter("text"))
    assert "Bangkok and the" in text and "Thailand" in text


def svg_root(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_the_map_shrinks_to_the_page_that_holds_it() -> None:
    """At 1024 px the briefing's mekong map (904 px in a 768 px column) ran off the page: the drawing
    carries its own max-width, whatever the page's style sheet says."""
    scenario = load_scenario(resolve_scenario("mekong"))
    root = svg_root(map_svg(game_picture(scenario, []), label="year"))
    assert int(root.get("width", "0")) > 768, "this map is wider than the briefing's column (48rem)"
    assert "max-width:100%" in root.get("style", "") and "height:auto" in root.get("style", "")


def test_every_legend_entry_stays_inside_the_drawing() -> None:
    """The line styles were laid out in one row of 900 px on a 718 px drawing: 'the path taken inste'."""
    scenario = load_scenario(resolve_scenario("tutorial"))
    reports = [RoundReport(round=1, states={}, networks={}, events=[], displacement=[
        Displacement("ring", "labour", ["korvia-hills", "meridia-pass", "aldmark-metro"], 300,
                     ["korvia-hills", "korvia-city", "meridia-coast"], 250.0, 0.5, "aldmark-metro", "aldmark", [])])]
    picture = game_picture(scenario, reports)
    picture.routes.append(MapRoute(("korvia-hills", "meridia-pass"), "labour", 400.0))
    root = svg_root(map_svg(picture, label="year"))
    width = float(root.get("width", "0"))
    for text in root.iter("text"):
        words = text.text or ""
        assert float(text.get("x", "0")) + 6.8 * len(words) <= width, words


def test_the_briefing_legend_explains_only_what_it_draws() -> None:
    scenario = load_scenario(resolve_scenario("tutorial"))
    root = svg_root(map_svg(game_picture(scenario, []), label="year"))
    words = " ".join(t.text or "" for t in root.iter("text"))
    assert "a route" not in words and "given up" not in words and "taken instead" not in words


def test_a_flow_figure_sits_between_boxes_not_on_a_regions_name() -> None:
    scenario = load_scenario(resolve_scenario("mekong"))
    svg = map_svg(game_picture(scenario, mekong_reports()), label="year")
    boxes = [(float(x), float(y)) for x, y in re.findall(r'<rect x="([\d.]+)" y="([\d.]+)" width="156"', svg)]
    flows = [t for t in svg_root(svg).iter("text") if (t.text or "") in ("4,200", "700")]
    assert len(flows) == 2
    for text in flows:
        x, y = float(text.get("x", "0")), float(text.get("y", "0")) - 3
        assert not any(left <= x <= left + 156 and top <= y <= top + 42 for left, top in boxes), text.text


def contrast(one: str, other: str) -> float:
    def luminance(colour: str) -> float:
        parts = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in parts)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_holders_letter_reads_at_4_5_to_1_or_better() -> None:
    """Black on every colour gave 4.2:1 on the blue of a fifth state and 1.8:1 on a twelfth's indigo."""
    from game.scenario.map_layout import HOLDER_COLOURS, NO_HOLDER, ink_on

    for colour in (*HOLDER_COLOURS, NO_HOLDER):
        assert contrast(ink_on(colour), colour) >= 4.5, colour


def test_the_svg_writes_each_letter_in_the_ink_its_colour_needs() -> None:
    from game.scenario.map_layout import ink_on

    scenario = load_scenario(resolve_scenario("europe"))
    picture = game_picture(scenario, [])
    svg = map_svg(picture, label="year")
    for holder in picture.holders.values():
        assert f'fill="{ink_on(holder.colour)}">{holder.letter}</text>' in svg, holder.name
    assert 'fill="#ffffff">' in svg, "europe has a state on a dark colour"
