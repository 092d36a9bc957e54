"""Beam composition, CLI and engine adapters: wires sgshards.transforms."""
