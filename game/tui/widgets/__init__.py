"""The panels of a team's screen and the replay viewer, one concern each: each shows the data it
is given (a `PlayerView`, a report) and posts a message when the player asks for something."""
