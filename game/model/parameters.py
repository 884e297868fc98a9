"""The model's named constants, each a default that a scenario may override under `parameters:`.

`docs/calibration.md` gives the basis of every value; keep the two in step.
"""

from typing import Any

from pydantic import Field, model_validator

from game.model.base import Fraction, NonNegative, ScenarioModel

RETIRED = frozenset({"capital_spending", "extradition_core_rate", "testimony_prosecution"})
"""Parameters of earlier rules that no mechanic reads any more (money and extradition were remodelled
in rules 4; testimony_prosecution gave way to testimony_cases in rules 6): a save written under those
rules embeds its scenario with them, and must still load."""


class Parameters(ScenarioModel):
    @model_validator(mode="before")
    @classmethod
    def _drop_retired(cls, data: Any) -> Any:
        if isinstance(data, dict) and not RETIRED.isdisjoint(data):
            return {key: value for key, value in data.items() if key not in RETIRED}
        return data

    # Budgets and capacities (model card 5.2)
    capacity_decay: Fraction = Field(0.10, description="Share of a capacity lost in a round it is unfunded.")
    capacity_upkeep: NonNegative = Field(0.3, le=100, description="Points a round to hold one capacity level.")
    capacity_gain: NonNegative = Field(0.25, le=10, description="Levels bought by one point above upkeep at level 0.")
    political_capital_income: NonNegative = Field(2.0, le=100, description="Political capital a round at approval 50.")
    approval_drift: Fraction = Field(0.10, description="Share of the gap to its start that approval closes a round.")
    corruption_reform_rate: Fraction = Field(0.08, description="Share of corruption removed a round by reform.")
    supply_chain_demand_fall: Fraction = Field(
        0.004, description="Labour demand lost a round in markets abroad while any supply-chain law is in force."
    )
    supply_chain_floor: Fraction = Field(
        0.04, description="The most supply-chain laws take off a market's labour demand at the scenario's start.")
    import_ban_fall: Fraction = Field(
        0.01, description="Labour demand lost a round in markets abroad while any import ban is in force.")
    import_ban_floor: Fraction = Field(
        0.06, description="The most import bans (with supply-chain laws) take off a market's start labour demand.")
    demand_reduction_fall: Fraction = Field(0.006, description="Sexual demand lost a round to the law.")
    fair_recruitment_fall: Fraction = Field(0.04, description="Vulnerability lost a round to fair recruitment.")

    # Recruitment (5.3)
    prevention_effect: NonNegative = Field(0.06, le=1, description="Recruitment falls by exp(-this x prevention).")
    periphery_productivity: NonNegative = Field(25.0, le=10_000, description="People a periphery member moves a round.")
    recruitment_matching: NonNegative = Field(
        4.0, le=64, description="How strictly the scarcer of crew and reachable people limits recruitment: "
        "the exponent k of the soft minimum (p^-k + c^-k)^(-1/k); 0 gives the hard minimum.")
    new_route_recruitment: NonNegative = Field(2.0, le=1_000, description="People a round per million x V x demand.")

    # Detection in transit (5.4)
    detect_base: NonNegative = Field(0.0002, le=10, description="Detection hazard in any controlled region.")
    detect_border: NonNegative = Field(0.0015, le=10, description="Hazard per border level on a physical crossing.")
    detect_enforcement: NonNegative = Field(0.0005, le=10, description="Hazard per enforcement level.")
    detect_cyber: NonNegative = Field(0.002, le=10, description="Hazard per cyber level on the online share.")
    detect_shared: NonNegative = Field(0.005, le=10, description="Hazard per unit of information (own and shared).")
    border_security_multiplier: NonNegative = Field(2.0, le=10, description="Border hazard with border_security.")
    platform_duties_multiplier: NonNegative = Field(2.0, le=10, description="Cyber hazard with online duties.")
    form_detectability_sexual: NonNegative = Field(1.2, le=10, description="Detection x this for sexual exploitation.")
    form_detectability_labour: NonNegative = Field(0.8, le=10, description="Detection x this for labour.")
    form_detectability_criminality: NonNegative = Field(0.7, le=10, description="Detection x this for forced crime.")

    # Exploitation and identification (5.5)
    identify_base: NonNegative = Field(0.001, le=10, description="Yearly identification hazard with no capacity.")
    identify_enforcement: NonNegative = Field(0.0008, le=10, description="Identification hazard per enforcement level.")
    identify_shared: NonNegative = Field(
        0.006, le=10, description="Identification hazard per unit of information partners share about a network."
    )
    identify_referral_multiplier: NonNegative = Field(1.8, le=10, description="Identification x this with referral.")
    identify_inspection: NonNegative = Field(
        0.004, le=10, description="Identification hazard of labour victims per labour inspection level, x (1 - C).")
    self_identify_protection: NonNegative = Field(0.0006, le=1, description="Self-identification per protection level.")
    self_identify_victim_protection: NonNegative = Field(0.003, le=1, description="Self-identification with the law.")
    identify_ceiling: float = Field(
        0.005, gt=0, le=1, description="The yearly identification hazard in exploitation that no effort passes: "
        "the channels overlap on the part of the stock that can be seen (rules 10).")
    initial_stock: bool = Field(True, description="Start with the stock that the starting flows sustain.")
    escape_rate: Fraction = Field(
        0.35, description="Share of the stock that leaves exploitation a round by other ways than identification."
    )
    profit_sexual: NonNegative = Field(27.0, le=1_000, description="Network capital per victim-round, thousand USD.")
    profit_labour: NonNegative = Field(3.7, le=1_000, description="Capital per labour victim-round.")
    profit_criminality: NonNegative = Field(10.0, le=1_000, description="Capital per forced-crime victim-round.")

    # Justice (5.6)
    prosecutions_per_identified: NonNegative = Field(0.14, le=10, description="Prosecutions per identified victim.")
    prosecution_enforcement: NonNegative = Field(0.08, le=10, description="Prosecutions x (1 + this x enforcement).")
    prosecution_without_criminalization: Fraction = Field(0.2, description="Prosecutions x this without the law.")
    conviction_rate: Fraction = Field(0.42, description="Convictions per prosecution, before bonuses.")
    testimony_bonus: NonNegative = Field(0.10, le=1, description="Conviction rate added by victim protection.")

    # Network adaptation (5.7)
    risk_prior_a: NonNegative = Field(1.0, le=1_000, description="Prior interdictions in a risk belief.")
    risk_prior_b: NonNegative = Field(66.0, le=1_000, description="Prior safe passages in a risk belief.")
    risk_discount: Fraction = Field(0.7, description="Weight kept by last round's interdictions.")
    loss_tolerance: Fraction = Field(0.015, description="Loss share past which a network reroutes.")
    reroute_advantage: Fraction = Field(0.7, description="A new path must expect below this x the old loss.")
    displacement_share: Fraction = Field(0.9, description="Share of a dropped route's flow that reappears.")
    periphery_replacement: Fraction = Field(0.9, description="Chance a removed member is replaced.")
    span_slack: NonNegative = Field(1.25, le=10, description="A leader can run this x the scenario's crew per leader.")
    min_span: NonNegative = Field(10.0, le=1_000, description="The least crew one leader can run.")
    periphery_growth: Fraction = Field(0.1, description="Share a round a network short of people grows.")
    replacement_cost: NonNegative = Field(5.0, le=1_000, description="Capital to replace a periphery member.")
    tau_growth: Fraction = Field(0.08, description="Growth of tech a round at full pressure.")
    split_periphery: NonNegative = Field(400, le=1_000_000, description="Periphery above which a network splits.")
    emergence_chance: Fraction = Field(0.05, description="Chance a round of a new network where V is high.")
    emergence_vulnerability: Fraction = Field(0.6, description="Vulnerability above which networks emerge.")

    # Network money (5.5-5.7): what a network spends, keeps and loses
    member_pay: NonNegative = Field(10.0, le=1_000, description="Pay of a periphery member a round, thousand USD.")
    transport_cost: NonNegative = Field(
        0.3, le=10, description="Transport per person per region entered, thousand USD."
    )
    bribe_cost: NonNegative = Field(1.0, le=1_000, description="Bribes per person per region entered, x its state's C.")
    arrest_cost: NonNegative = Field(10.0, le=1_000, description="Legal defence and silence per member convicted.")
    reroute_cost: NonNegative = Field(
        50.0, le=1_000_000_000, description="Capital to open a new path (contacts, safe houses).")
    working_capital_rounds: NonNegative = Field(
        1.0, le=1_000, description="Rounds of costs a network keeps; its leaders take out the rest of its profit.")
    confiscation_per_conviction: Fraction = Field(0.002, description="Share of proceeds seized per conviction.")
    confiscation_cap: Fraction = Field(0.1, description="Most of a network's proceeds one state seizes a round.")
    assistance_cost: NonNegative = Field(5.0, le=1_000, description="Seized thousand USD that assist one victim.")

    # Leaders (5.6-5.7): located, surrendered, succeeded
    leader_named_chance: Fraction = Field(0.01, description="Chance a conviction names where a leader hides.")
    leader_located_intelligence: Fraction = Field(
        0.02, description="Chance a round, per intelligence level, of locating a leader abroad.")
    succession_lag: int = Field(1, ge=1, le=10, description="Rounds before a promoted member leads.")
    succession_interim: Fraction = Field(0.5, description="Share of a leader's crew a leader-to-be runs.")
    succession_skill_loss: Fraction = Field(0.3, description="Productivity lost when every leader is new.")
    skill_recovery: Fraction = Field(0.25, description="Share of lost productivity regained a round.")
    fragment_periphery: NonNegative = Field(20, le=1_000, description="Crew from which a leaderless network splits.")

    # Victims (5.8)
    retrafficking_rate: Fraction = Field(0.25, description="Share of unassisted identified re-trafficked.")
    assisted_per_protection: NonNegative = Field(60.0, le=10_000, description="Victims assisted a round per level.")

    # Mixed migration (model card 5.4b): people on a corridor who are not trafficked
    migrants_per_victim: NonNegative = Field(
        3.0, le=1_000,
        description="Migrants who are not trafficked a round per person trafficked at the start, where a route "
                    "gives none.")
    regular_share: Fraction = Field(0.5, description="Share of those migrants who travel regularly (visa, permit).")
    pathway_share: Fraction = Field(
        0.2, description="Regular share added by each regular pathway (labour MoU, fair recruitment law).")
    pathway_rounds: NonNegative = Field(
        3.0, le=50, description="Rounds of payment before a labour MoU's regular channel carries its full share.")
    migrant_stop_border: NonNegative = Field(
        0.03, le=10, description="Hazard per border level that a smuggled migrant is stopped at a checked crossing.")
    migration_push: NonNegative = Field(
        1.0, le=5, description="Migrants on a corridor x (origin's vulnerability / at the start) to this power.")
    migration_pull: NonNegative = Field(
        1.0, le=5,
        description="Migrants on a corridor x (destination's labour demand / at the start) to this power.")
    migration_ceiling: NonNegative = Field(
        3.0, le=100, description="The most migrants on a corridor can rise against the start (x this).")
    migrant_divert: NonNegative = Field(
        1.2, le=100,
        description="Smuggled migrants who go around a check with smugglers: 1 - exp(-this x the stop chance).")
    smuggling_debt: Fraction = Field(
        0.05, description="Share of those who went around a check whom the route's network takes through debt.")
    migrant_return_share: Fraction = Field(0.8, description="Share of stopped migrants sent back to their origin.")
    returned_recruitment: Fraction = Field(
        0.1, description="Share of the people returned to a region whom its networks recruit a round.")
    returned_settle: Fraction = Field(
        0.5, description="Share of the returned who settle a round (no longer at the smugglers' call).")
    screen_base: Fraction = Field(0.3, description="Share of victims caught in transit recognised as victims.")
    screen_referral: Fraction = Field(0.5, description="Recognised share added by a referral mechanism (screening).")
    screen_non_punishment: Fraction = Field(
        0.2, description="Recognised share added by non-punishment (the victim protection law).")

    # Who the victims are (model card 5.10)
    share_children: Fraction = Field(0.38, description="Share of a route's victims who are children (GLOTIP 2024).")
    share_female: Fraction = Field(0.61, description="Share of a route's victims who are women and girls.")
    form_detectability_marriage: NonNegative = Field(0.5, le=10, description="Detection x this for forced marriage.")
    profit_marriage: NonNegative = Field(2.0, le=1_000, description="Capital per forced-marriage victim-round.")

    # Victims decide (model card 5.5b): trust, coming forward, assistance, testimony
    trust_base: Fraction = Field(0.25, description="Victims' trust in a state that offers nothing.")
    trust_protection: Fraction = Field(0.35, description="Trust added by protection at level 10.")
    trust_permit: Fraction = Field(0.25, description="Trust added by permits and non-punishment (the law).")
    trust_speed: Fraction = Field(0.3, description="Share of the gap to what a state offers trust closes a round.")
    trust_reference: NonNegative = Field(
        0.5, le=10, description="Trust at which self-identification is what the identification rows say.")
    raid_trust_loss: Fraction = Field(
        0.1, description="Trust raids at enforcement 10, no protection, take off what victims' trust settles at.")
    deport_trust_loss: Fraction = Field(
        0.2, description="Trust taken off what it settles at while every victim caught at the border is deported.")
    raid_moved_on: Fraction = Field(
        0.1, description="People a network moves on or takes back per victim a raid finds, without protection.")
    accept_base: Fraction = Field(0.6, description="Share of identified victims who accept assistance at trust 0.")
    accept_trust: Fraction = Field(0.4, description="Acceptance added at trust 1.")
    testify_base: Fraction = Field(0.1, description="Share of those accepting who testify, at reference trust.")
    testify_permit: Fraction = Field(0.3, description="Testifying share added by the victim protection law.")
    raided_testimony: Fraction = Field(
        0.3, description="Testimony of a victim found by a raid or at a border, x that of one who came forward.")
    unsupported_testimony: Fraction = Field(
        0.25, description="Testimony of a victim without a place in services, x that of a supported one.")
    testimony_reference: Fraction = Field(
        0.1, description="Share of identified victims who testify at which the justice rows hold as measured.")
    testimony_cases: Fraction = Field(
        0.6, description="Share of prosecutions that rest on a victim's testimony where testimony_reference testify.")
    testimony_conviction: NonNegative = Field(
        0.5, le=10, description="Conviction rate added x (the share who testify - testimony_reference).")
    permit_retrafficking: Fraction = Field(
        0.5, description="Re-trafficking of unassisted victims x this with residence permits (the law).")

    # Agreements (model card 4)
    proposal_rounds: int = Field(2, ge=0, le=10, description="Rounds after its own a proposal stays open.")
    breaches_to_lapse: int = Field(3, ge=1, le=10, description="Rounds in a row unpaid before an agreement lapses.")
    information_per_partner: NonNegative = Field(
        1.0, le=10,
        description="Information a partner shares once built up, at intelligence 10, before diminishing returns."
    )
    estimate_noise_sharing: Fraction = Field(0.8, description="Estimate noise x this per unit of shared information.")
    sharing_build: Fraction = Field(0.4, description="Share of the rest a paying partner's sharing builds a round.")
    sharing_decay: Fraction = Field(0.5, description="Share of built-up sharing lost a round a partner does not pay.")
    legal_assistance_bonus: NonNegative = Field(0.15, le=1, description="Conviction rate added on cross-border cases.")
    extradition_chance: Fraction = Field(0.5, description="Chance a located leader is surrendered, x (1 - host's C).")
    joint_team_core_share: Fraction = Field(0.3, description="Share of a network's core a strong team removes.")
    joint_team_periphery_share: Fraction = Field(0.15, description="Share of periphery a strong team removes.")
    repatriation_factor: Fraction = Field(0.4, description="Re-trafficking x this under a repatriation protocol.")
    labour_mou_fall: Fraction = Field(
        0.05, description="Vulnerability and labour demand a fully carried-out MoU takes off its corridor a round."
    )
    labour_mou_floor: Fraction = Field(0.3, description="The most an MoU takes off a corridor's start figures.")
    convention_reputation: NonNegative = Field(
        0.5, le=10, description="Approval a round for a member in good standing."
    )
    peer_review_gap_cost: NonNegative = Field(1.0, le=10, description="Approval lost a round per gap a review exposes.")
    holdout_cost: NonNegative = Field(
        0.5, le=10, description="Approval a state outside a convention loses a round while a neighbour is a member "
                         "(assumption: peer pressure, as in the naming of non-ratifying states).")

    # Organizations (model card 4b)
    training_cost: NonNegative = Field(
        3.0, le=1_000, description="Points to train one state's officials in one capacity."
    )
    training_rounds: int = Field(3, ge=1, le=20, description="Rounds a training keeps its effect.")
    training_bonus: NonNegative = Field(0.3, le=10, description="A trained capacity works as this much more.")
    joint_training_bonus: NonNegative = Field(
        0.5, le=10, description="Joint team strength added when all trained alike."
    )
    monitor_cost: NonNegative = Field(2.0, le=1_000, description="Points for one published review of a state.")
    monitor_shame: NonNegative = Field(
        2.0, le=100, description="Approval lost when a review finds gaps or rising victims."
    )
    monitor_praise: NonNegative = Field(1.0, le=100, description="Approval won when a review finds neither.")
    campaign_cost: NonNegative = Field(2.0, le=1_000, description="Points for an awareness campaign in one region.")
    campaign_rounds: int = Field(3, ge=1, le=20, description="Rounds a campaign runs.")
    campaign_vulnerability: Fraction = Field(0.03, description="Share of vulnerability a campaign removes a round.")
    campaign_self_identification: NonNegative = Field(0.0015, le=1, description="Self-identification a campaign adds.")
    convene_cost: NonNegative = Field(2.0, le=1_000, description="Points to host a multilateral negotiation.")
    convene_discount: Fraction = Field(0.5, description="Share of a convention's political cost its host saves.")
    convene_trust: int = Field(1, ge=0, le=10, description="Kept commitments each pair of a convened treaty gets.")

    # Intelligence (2)
    estimate_noise: NonNegative = Field(0.6, le=3, description="Log-scale noise of an estimate at intelligence 0.")
    estimate_noise_per_level: NonNegative = Field(0.15, le=1, description="Noise x exp(-this x intelligence).")

    # Random shocks (5.1)
    shock_chance: Fraction = Field(0.15, description="Chance a round of a random shock in a region.")
