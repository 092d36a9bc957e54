"""A stand-in blind language model for the quality tests: add-one word unigrams with an
end-of-caption token, leave-one-out through ``exclude`` (the interface of NgramModel.logprob)."""
import math
from collections import Counter

from sgshards.augment.plausibility.ngram import words

END = "</s>"


class UnigramLM:
    def __init__(self, captions):
        self.counts = Counter()
        for caption in captions:
            self.counts.update(words(caption) + [END])

    def logprob(self, text, exclude=None):
        counts = Counter(self.counts)
        if exclude is not None:
            counts.subtract(words(exclude) + [END])
        counts = {w: max(c, 0) for w, c in counts.items()}
        total, vocabulary = sum(counts.values()), len(counts) + 1
        return sum(math.log((counts.get(w, 0) + 1) / (total + vocabulary)) for w in words(text) + [END])
