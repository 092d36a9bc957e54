"""Plausibility of hard negatives: blind (text-only) models that judge a caption without its
image, so negatives a text model can spot are measured and avoided (issue 16)."""
from .pairwise import PairwiseModel, cross_fit, cross_fitted_gaps, fit, gap

__all__ = ["PairwiseModel", "cross_fit", "cross_fitted_gaps", "fit", "gap"]
