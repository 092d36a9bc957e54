"""Plausibility: how a text-only model reads a caption, so negatives can be chosen that it
cannot tell from their positives (issue: hard negatives a blind model cannot spot)."""
