"""Validity checks of records, and parser scoring against FACTUAL scene graphs."""
