"""Names, not ids; sentences, not engine lines: the describer every screen and report uses."""

from game.model.world import World
from game.report.describe import describe, effect_sentence, event_words, world_names
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario

NAMES = {"aldmark": "Aldmark", "korvia": "Korvia", "phnom-penh": "Phnom Penh", "cambodia": "Cambodia",
         "thailand": "Thailand"}


def test_an_effect_on_a_states_capacity_reads_as_a_sentence() -> None:
    assert effect_sentence("state:aldmark capacities.enforcement: 6 -> 6.5", NAMES) == (
        "Aldmark's enforcement capacity rose from 6 to 6.5.")
    assert effect_sentence("state:aldmark capacities.enforcement: 6 -> 6.5", NAMES, me="aldmark") == (
        "Your enforcement capacity rose from 6 to 6.5.")


def test_an_effect_on_a_region_and_on_approval() -> None:
    assert effect_sentence("region:phnom-penh vulnerability: 0.55 -> 0.6", NAMES) == (
        "Vulnerability in Phnom Penh rose from 0.55 to 0.6.")
    assert effect_sentence("state:korvia approval: 51 -> 48", NAMES) == "Korvia's approval fell from 51% to 48%."
    assert effect_sentence("network:moei-ring core: 3 -> 3", NAMES) == "The moei ring network's leaders stayed at 3."
    assert effect_sentence("network:moei-ring no longer exists; nothing changed", NAMES) == (
        "The moei ring network no longer exists: nothing changed.")


def test_an_engine_event_gets_names_and_the_round_label_but_an_authors_event_is_left_alone() -> None:
    assert event_words("cambodia, thailand sign for 4 round(s).", "agreement", NAMES, "year") == (
        "Cambodia, Thailand sign for 4 years.")
    assert event_words("korvia did not pay its 2 points this round.", "breach", NAMES, "year") == (
        "Korvia did not pay its 2 points this year.")
    assert event_words("Information sharing signed", "agreement", NAMES, "year") == "Information sharing signed"
    assert event_words("korvia round", "scripted", NAMES, "year") == "korvia round"


def test_orders_in_words_name_the_parties() -> None:
    world = World(load_scenario(resolve_scenario("tutorial")))
    assert describe({"type": "message", "state": "korvia", "to": ["aldmark"], "text": "hi"}, world) == (
        "sent a message to Aldmark: “hi”")
    assert describe({"type": "respond", "state": "korvia", "proposal": "p2", "answer": "reject"}, world) == (
        "rejected proposal p2")
    # the note its parties read with the answer is listed with it (the end-of-turn question dropped it)
    assert describe({"type": "respond", "state": "korvia", "proposal": "p2", "answer": "accept",
                     "note": "if you pay your share"}, world) == "accepted proposal p2, saying: “if you pay your share”"
    assert describe({"type": "propose", "state": "korvia", "agreement": "information_sharing",
                     "parties": ["korvia", "meridia"]}, world) == "proposed Information sharing with Meridia"
    assert world_names(world)["korvia-city"] == "Port Sava (Korvian capital)"


def test_only_ids_that_cannot_be_words_are_replaced_in_engine_sentences() -> None:
    from game.report.describe import ids_to_names
    from game.session.seats import Seat
    from game.session.session import Session
    from game.tui.views import id_names

    scenario = load_scenario(resolve_scenario("tutorial"))
    session = Session.new(scenario, 7, {"aldmark": Seat.ai("cooperative")}, saves_dir=None, path=None)
    names = id_names(session.view("korvia"))
    said = ids_to_names("meridia lacks victim_protection; funding and extradition wait", names)
    assert said == "Meridia lacks Victim protection; funding and extradition wait"


def test_an_allocation_names_capacities_in_words() -> None:
    """Handouts and timelines read 'labour_inspection 0.85'."""
    world = World(load_scenario(resolve_scenario("tutorial")))
    line = describe({"type": "allocate", "state": "meridia",
                     "budget": {"enforcement": 2.75, "labour_inspection": 0.85, "cyber": 0}}, world)
    assert line == "allocated 3.6 points (enforcement 2.75, labour inspection 0.85)"


def test_an_effects_figures_are_written_with_at_most_two_decimals() -> None:
    # the news read 'Your political capital rose from 11.6429 to 13.6429.'
    assert effect_sentence("state:korvia political_capital: 11.6429 -> 13.6429", NAMES, me="korvia") == (
        "Your political capital rose from 11.64 to 13.64.")
    assert effect_sentence("region:phnom-penh vulnerability: 0.55 -> 0.6", NAMES).endswith("from 0.55 to 0.6.")
