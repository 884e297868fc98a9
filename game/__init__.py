"""Accord: a classroom simulation of international cooperation against human trafficking."""

__version__ = "0.1.0"
