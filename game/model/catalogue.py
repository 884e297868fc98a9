"""The built-in catalogues of laws and agreements, with the real instrument behind each.

A scenario may override any field of an entry or add an entry `based_on` a built-in one: the
engine's rules are keyed to the built-in ids, so an addition borrows the effect of its base.
"""

from pydantic import Field

from game.model.base import NonNegative, Slug, StrictModel


class LawSpec(StrictModel):
    id: Slug
    name: str
    based_on: Slug | None = None
    political_cost: NonNegative = Field(description="Political capital spent to adopt it.")
    upkeep: NonNegative = Field(description="Budget points a round while in force.")
    prerequisites: list[Slug] = Field(default_factory=list, description="Laws that must be in force first.")
    delay: int = Field(ge=0, description="Rounds between adoption and entry into force.")
    approval: float = Field(ge=-100, le=100, description="Change in domestic approval on entry into force.")
    effect: str
    source: str
    names: dict[Slug, str] = Field(
        default_factory=dict, description="The name a state's players read, where it differs (state id -> name).")

    @property
    def rule(self) -> str:
        """The built-in law whose rule this entry follows."""
        return self.based_on or self.id

    def name_for(self, state_id: str | None) -> str:
        """The name the players of `state_id` read: their own name for the law, else the common one."""
        return self.names.get(state_id or "", self.name)


class AgreementSpec(StrictModel):
    id: Slug
    name: str
    based_on: Slug | None = None
    min_parties: int = Field(ge=2)
    political_cost: NonNegative = Field(0.0, description="Political capital each party spends to sign it.")
    duration: int = Field(
        ge=1, description="Default length: the rounds its contributions fall due, from the round after signature.")
    contribution: NonNegative = Field(description="Default points a round per party.")
    approval: float = Field(ge=-100, le=100, description="Approval change for each party on entry into force.")
    requires_laws: list[Slug] = Field(default_factory=list, description="Laws every party must hold.")
    eligible: list[Slug] | None = Field(
        None, description="The only states that may be parties (e.g. ASEAN members); None: any state.")
    effect: str
    source: str

    @property
    def rule(self) -> str:
        return self.based_on or self.id

    def admits(self, party: str) -> bool:
        """Whether `party` (a state) may be a party to this agreement."""
        return self.eligible is None or party in self.eligible

    @property
    def opt_in(self) -> bool:
        """A convention binds those who accept it: it enters into force among them once enough
        have, a holdout stays outside rather than vetoing it, and others may accede later."""
        return self.rule == "regional_convention"


def _law(**fields: object) -> LawSpec:
    return LawSpec.model_validate(fields)


def _agreement(**fields: object) -> AgreementSpec:
    return AgreementSpec.model_validate(fields)


BUILTIN_LAWS: dict[str, LawSpec] = {
    law.id: law
    for law in (
        _law(id="criminalization", name="Criminalization of trafficking", political_cost=2, upkeep=1,
             delay=1, approval=2,
             effect="Full prosecutions (x0.2 without it); prerequisite of extradition.",
             source="Palermo Protocol art. 3 and 5; TVPA minimum standards"),
        _law(id="victim_protection", name="Victim protection", political_cost=2, upkeep=2,
             prerequisites=["criminalization"], delay=1, approval=1,
             effect="Reflection period and non-punishment: more self-identification, testimony bonus.",
             source="Council of Europe Convention art. 13-14; EU Directive 2011/36 art. 11-17"),
        _law(id="referral_mechanism", name="National referral mechanism", political_cost=1, upkeep=2,
             prerequisites=["victim_protection"], delay=1, approval=0,
             effect="Proactive identification: more victims identified among the exploited.",
             source="TIP Report 'proactive identification'; Global Slavery Index milestone 1"),
        _law(id="national_rapporteur", name="National rapporteur", political_cost=1, upkeep=1,
             delay=1, approval=0,
             effect="Less noise in the state's own estimates; a point of partnership.",
             source="EU Directive 2011/36 art. 19"),
        _law(id="border_security", name="Border security act", political_cost=2, upkeep=2,
             delay=1, approval=3,
             effect="More risk on physical border crossings (drives displacement); nothing online.",
             source="Palermo Protocol art. 11-13"),
        _law(id="supply_chain_transparency", name="Supply chain transparency", political_cost=2, upkeep=1,
             delay=2, approval=0,
             effect="Companies report on forced labour in their supply chains: labour demand falls a little in "
                    "other states' regions, where the goods are made.",
             source="UK Modern Slavery Act 2015 s.54"),
        _law(id="demand_reduction", name="Demand reduction", political_cost=3, upkeep=1,
             delay=1, approval=-4,
             effect="Sexual demand in the state's regions falls.",
             source="EU Directive 2024/1712 (knowing use of a victim's services)"),
        _law(id="fair_recruitment", name="Fair recruitment", political_cost=2, upkeep=1,
             delay=2, approval=1,
             effect="Vulnerability falls in the state's regions that send labour.",
             source="ILO General principles for fair recruitment"),
        _law(id="anti_corruption", name="Anti-corruption reform", political_cost=3, upkeep=2,
             delay=1, approval=2,
             effect="Corruption falls over time; every enforcement effect is multiplied by (1 - C).",
             source="Cho, Dreher and Neumayer 2013"),
        _law(id="online_platform_duties", name="Online platform duties", political_cost=2, upkeep=1,
             delay=1, approval=1,
             effect="Online recruitment is detected more; slows the growth of networks' technology.",
             source="UNODC Global Report on Trafficking in Persons 2020, ch. V"),
        _law(id="asset_confiscation", name="Asset confiscation", political_cost=2, upkeep=1,
             prerequisites=["criminalization"], delay=1, approval=1,
             effect="Financial investigations seize convicted networks' money; it funds victims' services.",
             source="FATF/APG 2018, Financial Flows from Human Trafficking; UNTOC art. 12-14"),
        _law(id="forced_labour_import_ban", name="Forced labour import ban", political_cost=2, upkeep=1,
             delay=1, approval=0,
             effect="Goods made with forced labour are stopped at the border and importers must show due "
                    "diligence: labour demand falls a little in the markets abroad that make them.",
             source="US Tariff Act 1930 s.307 (19 U.S.C. 1307); EU Forced Labour Regulation 2024/3015"),
    )
}


BUILTIN_AGREEMENTS: dict[str, AgreementSpec] = {
    spec.id: spec
    for spec in (
        _agreement(id="information_sharing", name="Information sharing", min_parties=2, duration=4,
                   contribution=2, approval=0,
                   effect="Detection bonus on networks active in both; better estimates.",
                   source="Europol and Interpol channels; Bali Process"),
        _agreement(id="mutual_legal_assistance", name="Mutual legal assistance", min_parties=2,
                   duration=4, contribution=2, approval=0,
                   effect="Conviction bonus on cross-border cases.",
                   source="UNTOC art. 18"),
        _agreement(id="extradition", name="Extradition treaty", min_parties=2, duration=6, political_cost=1,
                   contribution=0, approval=-3, requires_laws=["criminalization"],
                   effect="Leaders one party located hiding in the other are surrendered, with a chance.",
                   source="UNTOC art. 16 (dual criminality)"),
        _agreement(id="joint_investigation_team", name="Joint investigation team", min_parties=2,
                   duration=3, contribution=3, approval=1,
                   effect="One operation a round against a named network: arrests leaders hiding in a "
                          "party's territory, locates those hiding elsewhere.",
                   source="EU Council Framework Decision 2002/465/JHA; Eurojust JITs"),
        _agreement(id="repatriation_protocol", name="Repatriation protocol", min_parties=2, duration=4,
                   contribution=2, approval=0,
                   effect="Returned victims are re-trafficked less.",
                   source="Palermo Protocol art. 8"),
        _agreement(id="funding", name="Funding", min_parties=2, duration=3, contribution=0, approval=0,
                   effect="Donor points go to a recipient's capacity, with conditions.",
                   source="Official development assistance; US TIP Office grants"),
        _agreement(id="labour_migration_mou", name="Labour migration MoU", min_parties=2, duration=4,
                   contribution=1, approval=-1,
                   effect="Vulnerability and irregular labour demand fall on the corridor.",
                   source="Bilateral labour agreements (e.g. Thailand-Myanmar MoU 2003)"),
        _agreement(id="regional_convention", name="Regional convention", min_parties=3, duration=10, political_cost=3,
                   contribution=2, approval=1, requires_laws=["criminalization", "victim_protection"],
                   effect="Peer review; information sharing among all members; reputation.",
                   source="Council of Europe Convention 2005; ASEAN ACTIP 2015"),
    )
}


_NOUNS = frozenset({"agreement", "treaty", "protocol", "convention", "mou", "memorandum", "guidelines",
                    "compact", "pact", "charter", "accord", "declaration"})
"""Words that make an agreement's name a noun phrase already: 'Information sharing' needs 'agreement'
after it, 'Extradition treaty' does not ('sign a joint investigation team' read oddly: a team is not
signed, the agreement that sets it up is)."""


def agreement_phrase(agreement: str, name: str) -> str:
    """An agreement's kind as a sentence names it: a built-in kind under its own name is one of many
    ('an information sharing agreement', 'an extradition treaty'), a scenario's own or renamed one is
    itself ('the ASEAN Convention against Trafficking in Persons (ACTIP)'). Objectives read 'sign the
    Information sharing with Meridia': a kind's capitalised name mid-sentence, with no article."""
    words = {word.strip("().,;:").lower() for word in name.split()}
    noun = name if words & _NOUNS else f"{name} agreement"
    builtin = BUILTIN_AGREEMENTS.get(agreement)
    if builtin is None or builtin.name != name:
        return f"the {noun}"
    if len(noun) > 1 and not noun[1].isupper():  # 'MoU' and 'ACTIP' keep their capitals
        noun = noun[0].lower() + noun[1:]
    return f"{'an' if noun[0].lower() in 'aeiou' else 'a'} {noun}"
