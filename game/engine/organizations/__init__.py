"""International organizations and NGOs as actors (model card 4b): a budget and a mandate, no
territory and no laws; they train, monitor, assist, campaign and convene."""
