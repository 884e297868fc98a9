"""Agreements between states (model card section 4): proposals, their settlement, what agreements in
force do to the other mechanics, and the trust that kept and broken commitments build."""
