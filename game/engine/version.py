"""Which rules produced a save's numbers.

A save records `ENGINE_RULES` beside `game.__version__`. Bump it whenever a change to the engine or
the model changes any state hash or report for the same scenario, seed and actions: a save written
under other rules then replays differently, and `accord verify` says "other rules", not "edited".
"""

ENGINE_RULES = 17
"""The version of the rules (docs/model.md as the engine implements it), as saves record it.

2: diplomacy tuned (conventions, suspension, political cost of signing), organizations as actors.
3: rerouting keeps nine tenths of a route's trade (displacement_share 0.9).
4: proposal ids are drawn (`p-kqzx`), not numbered, so that they tell a team nothing of the
   proposals it cannot see (`diplomacy.ids`; a numbered id of an older save still replays).
   Model 2: sharing worth what is shared, any loss of a site displaces, demand laws bounded, levels
   near the world's; network money binds (costs, working reserve, confiscation); extradition
   surrenders located leaders; removed leaders are succeeded or the network splits; conventions
   opt-in (accession, holdout cost), contributions from the round after signature, a
   joint team's first operation once its budget is pooled (default duration 3), scenarios' agreements
   in force at the start, a budget cut keeps what was set aside for contributions.
5: people, not only flows: migrants who are not trafficked travel the corridors and border
   checks stop them; the returned are recruited first; victims caught without screening are
   deported; victims' trust decides coming forward, assistance and testimony, which feeds justice.
6: migration is the corridor's: its migrants follow need at home and work abroad (not the
   networks' flows) on the roads the trafficked take, and a tight border sends some of them around
   its checks with smugglers, in debt, instead of stopping them. Most prosecutions rest on
   testimony (`testimony_cases` replaces `testimony_prosecution`), and the harm of raids and
   deportations lowers the trust victims settle at rather than draining it each round.
   Crew and people both limit recruitment (a soft minimum; opening reach fitted to the
   scenario's flows); a party's investigators are spread over the joint teams it works in.
7: a network whose market outgrows what its leaders can direct promotes members to lead (its core
   grows as its crew does when short); a network opens with at least the working reserve it keeps
   every round (a round's pay and transport), not bankrupt on its first payday. The AI ranks
   joint teams above information sharing.
8: a scenario may declare each state's opening tier (a TIP placement); the state opens there and
   its tier moves with its 4P sum graded from that opening (`tier_bar`), not on one scale for all.
   The cooperative AI offers a grant and a deal in one round and weighs a deal against a quarter of
   its capacities' upkeep besides its room. A party shares (and repatriates) from the first round it
   owes a contribution, not in the round it signs or accedes. A round's tier points add up to 0.5 for
   where the four pillars stand before rounding. A network pays its crew before it moves recruits.
9: the same model in expectation, in fewer steps (docs/performance.md, the seventh pass): movement
   draws once a passage through a state (a run of its regions on the path, their hazards summed)
   rather than once a region; a site that lost less than 2% of its demand moves a route's trade by
   lot (`sites.SMALL_FALL`: with the chance share/2%, a 2% loss's worth); a round's intelligence
   estimates come from one stream (`estimates`) rather than one a state. Supply-chain laws and
   import bans act on markets abroad once a round however many states hold them, never more than
   `supply_chain_floor` / `import_ban_floor` (now 0.06) below the start. A proposal cannot cut an
   agreement's contributions below its running cost (a summit clause not below half its default),
   and a sign_agreement objective needs the signature kept (not lapsed through the state's breach).
   A campaign adds half the victim protection law's self-identification (0.0015, was 0.005).
   A labour MoU's regular channel is built over `pathway_rounds` (3) rounds of payment, none in
   the round of signature (it moved a fifth of a corridor to regular travel at once).
   An organization convenes a convention only among states no opt-in convention binds already.
10: identification in exploitation saturates: the summed hazard h of police, a referral mechanism,
   services, victims coming forward, campaigns and partners' information works as
   `identify_ceiling (1 - exp(-h / identify_ceiling))` (0.005 a year), since these channels reach
   the same victims; labour inspection, which opens workplaces the others do not reach, adds above
   it. With nobody acting, identification falls from 1.6/1.4/3.2% of the stock a year to
   0.8/1.0/1.8% (tutorial, mekong, europe).
11: a network whose costs passed its takings in a round looks for a clearly safer path for its
   riskiest route, as one past its loss tolerance does: only detection made a network reconsider,
   so pressure saved networks going broke on a costly route (the shipped scenarios' benchmark
   games end in the same states).
12: an agreement's duration counts the rounds its contributions fall due, from the round after
   signature: a 3-round grant pays three times (signed in round 2, it ends after round 5). The round
   of signature, in which nothing is paid or shared, counted as one of them, so a grant of "3
   rounds" paid twice. A party whose unallocated points do not cover every contribution pays first
   those that one more miss would cost it (a lapse, or its suspension from a convention), then the
   others in the order signed: in signing order alone an older grant took what a free rider had
   kept back for a joint team one miss from lapsing, and the team lapsed.
13: an answer to a proposal may carry a line for its parties (`Respond.note`, kept in the
   proposal's `notes`): a computer player's refusal says why in the round it is given, where the
   news said so only once the round was resolved. The model is the same: the state holds the notes.
14: nothing is proposed, convened or acceded to in a game's last round, and a proposal still open
   then is not signed at the last resolution: it would never be paid or carried out (contributions
   fall due from the round after), yet counted for `sign_agreement` objectives and the partnership
   pillar, a loophole a class would find (student11).
15: the same for summit treaties: nothing is signed or ratified at a summit in the game's last
   round, no summit is called too late to be ratified before the last round, and nothing
   enters into force at the last resolution, neither a treaty nor a party joining a clause of one in
   force: its agreements would never be paid or carried out, yet counted for `sign_agreement`
   objectives and the partnership pillar. A treaty still short of its ratifications then is named
   in the news ("not in force: the game ends"). The AI no longer signs or ratifies in the last round.
   With 15, and changing no state or hash, a round's report records who paid into each state's
   capacities (`StateFigures.funding`, left out when empty); a save written before has no such
   field and still verifies (`verify.without_unrecorded_funding`). Also with 15: a joint team's
   counter-proposal may keep the target named by the offer it counters, an order refused before;
   refused orders are never logged, so every save of rules 15 replays as it did, and a class's save
   from before still opens (a bump would have refused it for this alone).
16: points a state kept aside for contributions its cut budget could not pay in full go back to its
   capacities after the payments (they lay idle: Ukraine, its budget cut by the war, paid the
   convention's 1, could not pay a joint team's 3.3, and 3 points funded nothing). An extradition's
   news names who handed whom over ("2 by Hungary to Austria"; it listed every party's id), and a
   pledge of one point says "1 point" ("at least 1 points" was stored in the pledge). A
   victim a state stops in transit and does not recognise is let go on the network's road, not
   deported, when the route began in another state of its open-border area or of its
   free-movement group (`free_movement`, new: europe's EU six; Germany deported EU citizens as
   irregular migrants). With 16, and changing no state or hash: a `sign_agreement` objective
   counts only an agreement that brought the state a partner it did not have (sharing, safe return
   and legal assistance count each partner once), and the AI signs a summit's text reserving the
   clauses that would bring it nothing, and proposes no convention again for two rounds after it
   was turned down.
17: two changes. Silence is nobody's consent at a summit (student tester, summit18): an
   amendment moved after others at the table had voted and closed their orders for the round (the hot seat's computer
   players play first) carried on its mover's yes alone, under consensus and under a qualified
   majority (1 yes of 1 cast). An amendment some participant has not answered is now decided at the
   drafting resolution only if no answer of theirs could change the outcome; otherwise it is put to
   them in the adoption round, beside the text (the AI answers it in its second pass), and closes
   at that resolution before the text does. Consensus then needs every participant's answer, nobody
   objecting; a qualified majority counts the votes cast. A signatory may reserve a clause a held
   amendment would add. AI games answer every amendment in the round it is moved: this change alone
   keeps their hashes. A save of rules 16 re-runs under these rules (a new file, as for any other
   rules): an amendment there adopted on fewer answers is held, then decided on the votes it had.
   One whose state signed after the adoption round reserving a clause that such an amendment alone
   had added cannot: the re-run refuses that signature and names the build that opens the save.
   And a citizen of a free-movement group crossing between two of its states shows an identity card
   at a minimum check and is not screened (`World.checked_for`): Romanians at the Hungarian border,
   whom europe's states screened as they screen Ukrainians. Of what europe's idle states identify,
   the share found in transit falls from 60% to 57%. And a standing allocation given before a
   budget cut gives way to the contributions in every round until the state allocates again (it
   did in the round of the cut only): in the baseline, Ukraine, whose allocation of year 1 the war
   left no point beside, was suspended from the convention in year 5; a state records the budget
   it allocated against (`StateRecord.allocated_against`).
"""
