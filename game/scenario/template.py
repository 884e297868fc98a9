"""The starting scenario that `accord new-scenario` writes: small, valid, and commented key by key.

An instructor learns the format fastest by editing a file that already works; every key is shown
once, with its unit or range, and the whole loads with no error and no warning (a test holds it so).
"""

from string import Template

_TEXT = Template('''\
# yaml-language-server: $$schema=$schema
#
# A new Accord scenario. Check it at any time with:  accord validate $name
# Every key is explained beside it; `accord schema` prints the full format as JSON Schema.
# Units: population in millions; flow in people a round; capital in thousand USD; budget in points
# a round; capacities, levels 0-10; vulnerability, corruption, demand and shares, 0-1.

format: 1                       # the version of this format; always 1 for now
id: my-scenario                 # lower-case letters, digits, '_' and '-'
title: "My scenario"
summary: >
  One paragraph that the class reads first: who the states are, where the people come from and
  where they are exploited.
rounds: 6                       # how many rounds the game lasts (1-1000)
round_label: year               # what one round stands for, shown to players
seed: 1                         # same seed, same game; leave it out for a new seed each time
learning_objectives:
  - "Recognize displacement: pressure in one place moves the flow to a neighbour."

regions:                        # the map; neighbours are listed both ways
  - id: hills
    name: The hill country
    population: 2.0             # millions
    vulnerability: 0.5          # 0 (safe) to 1 (very vulnerable)
    demand: {}                  # demand per form of exploitation, 0-1: none here
    neighbours: [border-town, mountain-pass]
    controlled_by: southland    # a state id, or null where no state controls it
  - id: border-town
    name: The border town
    population: 0.2
    vulnerability: 0.3
    neighbours: [hills, capital]
    controlled_by: midland
  - id: mountain-pass           # a second way north: a crackdown in the border town moves people here
    name: The mountain pass
    population: 0.05
    vulnerability: 0.4
    neighbours: [hills, capital]
    controlled_by: null         # nobody's: no state detects anything here
  - id: capital
    name: The northern capital
    population: 5.0
    vulnerability: 0.2
    demand:
      labour: 0.5               # built-in forms: sexual, labour, criminality, marriage
      sexual: 0.3
    neighbours: [border-town, mountain-pass]
    controlled_by: northland

states:
  - id: southland
    name: Southland
    budget: 10                  # points a round
    political_capital: 5
    approval: 55                # 0-100
    corruption: 0.3             # 0-1: every enforcement effort counts (1 - corruption): 70% here
    capacities: {enforcement: 2, border: 2, protection: 1, prevention: 1, intelligence: 1, cyber: 0}
    laws: [criminalization]     # laws in force at the start
    brief: |
      Private to Southland's team: your villages lose their young people to false job offers.
    objectives:
      - {kind: adopt_law, law: victim_protection, points: 2}
      - {kind: sign_agreement, agreement: information_sharing, with: [northland], points: 3}
  - id: midland
    name: Midland
    budget: 8
    political_capital: 4
    approval: 50
    corruption: 0.4
    capacities: {enforcement: 2, border: 3, protection: 1, prevention: 1, intelligence: 1, cyber: 0}
    laws: [criminalization]
    brief: |
      Private to Midland's team: the road north runs through your border town. Close it, and the
      traffic takes the mountain pass, which nobody polices.
    objectives:
      - {kind: sign_agreement, agreement: joint_investigation_team, with: [northland], points: 3}
      - {kind: keep_approval, at_least: 45, points: 2}
  - id: northland
    name: Northland
    budget: 30
    political_capital: 8
    approval: 60
    corruption: 0.1
    capacities: {enforcement: 5, border: 4, protection: 4, prevention: 2, intelligence: 4, cyber: 3}
    laws: [criminalization, victim_protection]
    brief: |
      Private to Northland's team: the demand is here, and so are the victims.
    objectives:
      - {kind: reduce_victims, region: capital, by: 0.2, points: 4}
      - {kind: keep_approval, at_least: 50, points: 2}
      - {kind: reach_tier, tier: 1, points: 2}

networks:
  - id: hill-recruiters
    name: The hill recruiters
    capital: 400                # thousand USD
    core: 3                     # leaders: only joint investigations and extradition reach them
    periphery: 40               # recruiters and transporters
    tech: 0.2                   # share recruited online
    routes:
      - path: [hills, border-town, capital]   # origin first, each step to a neighbour
        form: labour
        flow: 300               # people a round at the start

events:                         # each has either `round` or `when`, never both
  - id: harvest-fails
    title: The harvest fails
    text: A drought in the hills leaves families without income.
    round: 2
    effects:
      - {target: "region:hills", field: vulnerability, add: 0.1}     # `add` a change, or `set` a value
  - id: scandal
    title: A scandal in the capital
    text: A newspaper finds exploited workers on a state building site.
    when: {target: "state:northland", field: approval, below: 45}  # `below` or `above`
    effects:
      - {target: "state:northland", field: "capacities.protection", add: 1}

laws:                           # optional: change a built-in law, or add one `based_on` a built-in
  - id: border_security
    political_cost: 3

agreements: []                  # the same for agreements

parameters:                     # optional: the model's constants (see `accord schema`)
  shock_chance: 0.1
''')


def new_scenario_text(*, schema: str = "schema.json", name: str = "THIS-FILE.yaml") -> str:
    """The template, its first line naming `schema` (a path relative to the new file) for editors."""
    return _TEXT.substitute(schema=schema, name=name)
