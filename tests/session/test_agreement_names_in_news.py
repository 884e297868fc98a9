"""The news names an agreement as the catalogue does: the engine writes some names in lower case
('breaches the information sharing with ...'), and a name of common words read as a phrase of the
sentence instead of the agreement it is; it is written as the engine's other sentences write it
('Information sharing signed')."""

from game.model.actions import Allocate
from game.model.scenario import AgreementInForce
from game.report.describe import event_words
from game.session.session import Session
from game.tui.widgets.news_panel import events_text
from tests.session.helpers import shipped, short

TITLES = ["Information sharing", "Funding", "COMMIT repatriation and reintegration guidelines"]
NAMES = {"myanmar": "Myanmar", "thailand": "Thailand"}


def test_the_news_of_a_real_breach_names_a_common_words_agreement_as_the_catalogue_does() -> None:
    mekong = shipped("mekong")
    sharing = AgreementInForce(agreement="information_sharing", parties=["myanmar", "thailand"], rounds_left=10)
    scenario = short(mekong, 2).model_copy(update={"agreements_in_force": [*mekong.agreements_in_force, sharing]})
    session = Session.new(scenario, 2015, saves_dir=None, path=None)
    # every free point on capacities: nothing is left for the agreements Myanmar is party to
    session.submit(Allocate.model_validate({"state": "myanmar", "budget": {"enforcement": 9}}), by="myanmar")
    session.resolve()
    news = events_text(session.view("myanmar"), session.reports[0])
    assert "✗ [b]Myanmar breaches the Information sharing with Thailand[/]" in news, news
    assert not [line for line in news if "the information sharing" in line]


def test_every_engine_sentence_that_lowers_an_agreements_name_reads_the_catalogues_name() -> None:
    def said(text: str) -> str:
        return event_words(text, "breach", NAMES, "year", TITLES)

    assert said("myanmar breaches the information sharing with thailand") == (
        "Myanmar breaches the Information sharing with Thailand")
    assert said("The information sharing lapses") == "The Information sharing lapses"
    assert said("thailand join(s) the ASEAN Summit treaty's funding") == (
        "Thailand join(s) the ASEAN Summit treaty's Funding")
    assert said("myanmar breaches the commit repatriation and reintegration guidelines with thailand") == (
        "Myanmar breaches the COMMIT repatriation and reintegration guidelines with Thailand")


def test_the_same_common_words_outside_an_agreements_place_stay_as_they_are() -> None:
    def said(text: str) -> str:
        return event_words(text, "agreement", NAMES, "year", TITLES)

    assert said("The ASEAN Summit treaty's funding pool opens") == "The ASEAN Summit treaty's funding pool opens"
    assert said("Under its clause on information sharing on shared routes") == (
        "Under its clause on information sharing on shared routes")
    assert said("Information sharing signed") == "Information sharing signed"
