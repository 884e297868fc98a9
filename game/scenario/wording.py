"""Objectives in words, as a team's brief, its screen and the printed handouts show them."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pydantic loads with the first game, not before the title screen
    from pydantic import BaseModel


def objective_text(objective: "BaseModel", names: dict[str, str], label: str = "round",
                   organization: bool = False) -> str:
    """An objective from the brief in words, with its points; `label` is the scenario's word for a
    round (a dashboard headed 'Year 1/6' read 'keep approval at 45 or more every round').

    A state's sign_agreement counts only a signature it kept (`scoring`: one that lapsed unpaid or
    that it walked out of earns nothing), and an `organization`'s is met by an agreement signed
    under its auspices: the brief says so in the words the final scores use, where it read 'sign
    Funding' and the end judged 'sign the Funding ... and keep it'."""
    from game.model.catalogue import agreement_phrase  # pydantic: imported with the first objective shown

    data = objective.model_dump()
    kind = data["kind"]
    points = data.get("points", 0)
    if kind == "reduce_victims":
        place = names.get(data.get("region") or data.get("state") or "", data.get("region") or data.get("state"))
        text = f"cut true victims in {place} by {data['by']:.0%} against nobody acting"
    elif kind == "reach_tier":
        text = f"reach Tier {data['tier']} or better by the end"
    elif kind == "adopt_law":
        text = f"have the law {names.get(data['law'], data['law'])} in force at the end"
    elif kind == "sign_agreement":
        partners = data.get("with_") or []
        others = ", ".join(names.get(p, p) for p in partners)
        # 'sign an information sharing agreement with Meridia', as English reads: 'sign the
        # Information sharing with Meridia' put a kind's capitalised name mid-sentence
        agreement = agreement_phrase(data["agreement"], names.get(data["agreement"], data["agreement"]))
        if organization:
            text = f"see {agreement} signed under its auspices or with it as a party"
        else:
            text = f"sign {agreement}" + (f" with {others}" if partners else "") + " and keep it"
    elif kind == "train_states":
        text = f"train the officials of {data['count']} different states"
    elif kind == "states_monitored":
        text = f"review and publish {data['count']} different states"
    elif kind == "keep_approval":
        text = f"keep approval at {data['at_least']:g}% or more every {label}"
    else:
        text = kind.replace("_", " ")
    return f"{text} ({points} pts)"
