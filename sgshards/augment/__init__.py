"""Positives (sub-graphs realised as text), realisation, hard negatives and their vocabularies."""
