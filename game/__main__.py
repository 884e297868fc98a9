"""`python -m game` is the `accord` command."""

from game.cli import main

raise SystemExit(main())
