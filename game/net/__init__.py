"""A classroom over the network: one host owns the session, each team plays from its own machine.

- `codes`: the join codes, one per seat and one for the facilitator, kept beside the save (and one
  per team member with roles).
- `roles`: roles within a team (`accord host --roles`): which member may give which order.
- `protocol`: the JSON a host and its clients exchange, as pydantic models.
- `table`: the host's game logic over the session (who may act, when the round resolves, pause).
- `reading`: the round timer's wait while the teams read the last round's report (`--reading-minutes`).
- `limits`: rate limits, so that a flood from one client does not disturb the others.
- `host`: the aiohttp application (HTTP and a WebSocket of change notices), `server`: running it.
- `door`: the connections the host holds and for how long (idle timeouts, a cap under the descriptor
  limit, the oldest idle one closed to make room, one line a minute about it).
- `client`: `RemoteTable` and `RemoteFacilitator`, the same interface the screens use locally.
- `web`: the join screen in a browser, through textual-serve, started only for a valid code
  (`pages/`: the code page and the terminal page).

The host trusts nothing a client sends: every request is authenticated by its code, every action
validated by the engine for the code's own seat, every body bounded in size and rate.
"""
