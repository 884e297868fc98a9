"""The rules in brief and the keys, one key away on every screen."""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown, Static

GLOSSARY = """
## What the numbers mean

- **Political capital** (PC, "capital"): goodwill at home you spend to adopt a law or sign an
  agreement. It is spent the moment you give the order, and some comes back at every resolution
  (more when approval is high). A round's report compares the end of the last round with the end of
  this one, so in a round you paid for a law it may read unchanged: the income made up for the cost.
- **Approval** (percent): how your public rates the government; the Dashboard and each report show
  it. Every round it moves a tenth of the way back towards where it started, and the tier moves it
  (Tier 1 raises it a point, the Watch List lowers it half a point, Tier 3 a point); a law entering
  into force, an agreement, an organization's published review (gaps named lower it) and the year's
  events move it too. High approval brings more political capital; with low approval a parliament
  may refuse to ratify.
- **Corruption** (0 to 1): the share of every enforcement effort that is bought off: at 0.45, police
  and prosecutors do 55% of what their levels would. The anti-corruption law lowers it.
- **Vulnerability** (0 to 1): how easily people in a region are recruited (poverty, conflict,
  exclusion folded into one number); fair recruitment and campaigns lower it, and prevention holds
  back the recruiters where it is high.
- **Free points**: your budget this round minus the upkeep of your laws; what you may share among
  capacities. What you leave unallocated pays your agreements' contributions; what is left after
  them is not kept for the next round. A round's report says, capacity by capacity, what your own
  allocation paid and what partners' funding added (and from whom), and when an event or law upkeep
  left too little, by how much the allocation was scaled down.
- **Upkeep**: budget points a law (or a capacity level) costs every round while it lasts; a capacity
  paid less than its upkeep decays.
- **Delay**: rounds between adopting a law and its entering into force.
- **4P**: prevention, protection, prosecution, partnership: each scored 1 to 5 every round.
- **Tiers**: the annual assessment, as in the US TIP Report: Tier 1 ★ meets the minimum standards,
  Tier 2 ● makes efforts, Tier 3 ✗ does neither. A real scenario opens each state at its real tier
  and grades its progress from there: the Dashboard shows the 4P sum your next tier needs.
- **Watch List** (Tier 2 WL ⚠): Tier 2 with a warning: the 4P total reaches Tier 2 but victims are
  rising or the scores are falling; a second round in a row on it and the state drops to Tier 3.
- **Estimates**: your intelligence's figures for hidden numbers, with a range. They move with the
  noise of intelligence, not only with what you did: a change inside the range may mean nothing.
- **Victim-years** (victim-rounds): people held in exploitation, added up over the rounds: 100
  people for 3 years are 300 victim-years.
- **Harm averted**: victim-years in this game against the same game (same seed) in which nobody
  acts; the table's shared result.
- **Trust** (0 to 1): how far a state has kept its word to you: 0.5 with no record; paying an
  agreement raises it, a breach or an early exit lowers it.
"""

RULES_IN_BRIEF = """\
## Accord in brief

Your team governs a **state**. Trafficking **networks** move people along **routes** from poor
regions to places where someone pays for their exploitation. Push them in one place and they move
to the weakest neighbour (the *balloon effect*): acting alone mostly moves the problem, acting
together shrinks it.

**Each round** (a year) every team, in turn at one screen or each at its own:

1. **Budget** (b): points per capacity: enforcement, border, protection, prevention,
   intelligence, cyber, labour inspection. Holding a level costs upkeep; a capacity you stop paying for decays.
   Your allocation stands until you change it; if an event cuts your budget, an allocation given
   before the cut gives way to your agreements until you allocate again.
   Police, victim services and what partners share reach the same victims, those within reach: past a
   point, more of them find few more people in exploitation. Labour inspectors open workplaces the
   others do not reach.
2. **Laws** (l): adopt or repeal. A law costs political capital, a budget upkeep each round,
   may need another law first, and enters into force after a delay.
3. **Diplomacy** (p): propose agreements (information sharing, legal assistance, extradition,
   joint investigations, funding...), with a line for the parties if you like (the composer's
   note), answer others' proposals (accept, reject, counter; with a line saying why, which every
   party reads beside your answer), send messages. An agreement costs
   each party its contribution every round; not paying is a breach. A grant (funding) costs its
   donor only its points a round: the form asks no contribution for it.
   Its duration counts the rounds it is paid, from the round after signature. When what your
   allocation leaves does not cover every contribution, those one more miss would end (or suspend
   you from) are paid first, then the others in the order they were signed; the Budget tab and
   the end-of-turn question name those your allocation would leave unpaid, and what the miss costs.
   A proposal may split the cost between the parties as you like, but not cut it: an agreement
   nobody pays for does nothing. One party may pay nothing, the others carrying its share: a
   computer player that refuses for the price says what it could pay, in the proposal's detail
   ("Meridia says: ..."), as soon as it answers. A proposal another party
   rejected stays on the table until the round resolves: to offer new terms at once, withdraw
   yours (`w`) and propose again, or counter theirs (`c`). Nothing can be signed in the game's
   last round: it would never be paid or carried out. Information sharing, safe return and legal
   assistance count each partner once: with a partner that does it with you already (under a
   convention, say), a second agreement costs its contribution and adds nothing from it; the
   proposal form and the proposal's detail name such partners.
4. **Summits** (s): when the scenario holds a summit, the states at the table draft a convention
   clause by clause: move amendments and vote on them in its first round, vote on the text and sign
   it (with reservations where a clause allows them) in the next, then ratify at home: it costs
   political capital, and a parliament may refuse when approval is low. It binds only those who ratify.
   Silence is nobody's consent: an amendment a state at the table has not answered yet (the
   computer players vote before you play) is put to it in the next round, beside the text; under
   consensus it needs every state's answer, and nobody's no. Vote on each amendment you see open.
   Nothing is signed or ratified in the game's last round: a treaty in force only then would never
   be carried out, so the tab offers no Sign or Ratify then and says why.
5. **Ready** (r): end your turn. When every team is ready the round resolves together.

**Organizations** (UNODC, IOM, NGOs...) may have seats too: no territory and no laws, but a budget
and a mandate: train officials, monitor and publish reviews, fund victim services, run awareness
campaigns, convene a regional convention (`i` instruments on their screen).

**What you see** is not the whole truth: the true number of victims is hidden. You see identified
victims, prosecutions and convictions, and intelligence estimates with a range that narrows as your
intelligence capacity grows.

**Tiers** (as in the US TIP Report): Tier 1 ★ (full standards), Tier 2 ●, Tier 2 Watch List ⚠,
Tier 3 ✗. The **4 Ps**: prevention, protection, prosecution, partnership, each scored 1 to 5.

**At the end** each state is scored on its objectives (in its private brief), its tiers and the
harm spared at home; the table together is judged on **harm averted**: true victims against a run
of the same game in which nobody acts.

## Keys

- **Everywhere**: `?` this help · `q` quit to the title (everything submitted is saved) ·
  `Tab` next field · `Esc` leave a field or close a window · the mouse works too.
- **Team screen**: `d` dashboard · `m` map · `l` laws · `b` budget · `p` diplomacy · `s` summits ·
  `i` intelligence · `n` news · `o` last round's report (`←` `→` the earlier ones) · `r` ready (end the turn) ·
  `h` pass the screen on without ending the turn · `N` new proposal · `M` message ·
  with a turn timer (`accord play --turn-minutes`, or the new-game screen): `T` pause or resume it ·
  `+` two more minutes.
- **Facilitator's console** (network): `R` resolve now · `i` inject an event · `p` pause or resume
  (the round timer too) · `+` two more minutes on the round timer · `a` note · `t` the truth.
- **Laws**: `↑` `↓` choose · `a` adopt · `x` repeal (or cancel an adoption).
- **Budget**: `b` puts you in the first field: type points (a number from 0 to 1,000,000; an empty
  field is 0), `Tab` to the next, then `Enter` or *Submit budget*; the cost is shown before you
  confirm. The tab keys and `r` still work from a field.
- **Diplomacy**: `↑` `↓` choose a proposal · `a` accept · `x` reject · `A` / `X` accept / reject
  with a note: one line, up to 300 characters, that every party reads ("Korvia says: …"; empty: no
  note) · `c` counter · `w` withdraw your own · `N` new proposal · `M` message (a proposal and a
  counter-proposal take a note too: the composer's last field, with the same limits) · `P` (from any tab)
  a public statement or a pledge (every seat reads it; a pledge is judged when it falls due, and
  every other seat's trust in you follows the verdict; one of yours already broken reads so at once
  in the Pledges list below the agreements).
- **Replay** (facilitator): `←` `→` previous / next moment · `[` `]` previous / next round ·
  `,` `.` one action back / on · `v` whose view (each team, then the truth) · `t` the truth ·
  `a` add a note · `B` branch a what-if from here · `q` back to the title.

Symbols always come with words: ✓ yes / done, ✗ no / breach, … pending, ⚠ warning.
""" + GLOSSARY


FACILITATOR_HELP = """\
## The facilitator's console

The console follows a networked classroom: who is connected and ready, the negotiation (every
proposal and its answers, agreements in force, payments and breaches, trust between states), what
each team has ordered this round and when it last acted, the scenario's events and your notes.

## Keys

- `R` resolve the open round now, whoever is not ready (their standing orders carry on)
- `i` fire one of the scenario's events when this round resolves (ids in brackets)
- `p` pause the game (no orders are accepted) or resume it
- `a` write a note on this round, kept in the save for the debrief
- `m` send a message to every team or to one team: it shows on their screens at once (and is kept
  in the save as a note on the round)
- `t` show or hide the truth behind the fog (not on the projector!)
- `S` call a summit of every state that you chair: its name, a colon, its clauses
  (`Review conference: information_sharing, non_punishment`); it drafts next round, and the
  console follows its amendments, votes, signatures and ratifications
- `?` this help · `q` leave the console (the host and the game go on)

Events: ✓ fired (by its script, or "fired by the facilitator in year 2" for one you fired with `i`) ·
… fires at this resolution (injected, scripted for this round, or its condition holds now) · · later.
""" + GLOSSARY


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close help"),
    ]

    def __init__(self, text: str = RULES_IN_BRIEF) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static("[b]Help[/]  (Esc to close)", classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Markdown(self.text, id="help-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
