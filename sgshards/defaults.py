"""Every option default, stated once: the command line (pipeline/commands/cli.py) and the option
dataclasses (AnnotateOptions, AugmentOptions, RunConfig, normalize_caption) read them from here."""

MAX_CHARS = 512                  # a cleaned caption longer than this is cut at a word
MIN_CHARS = 2                    # a shorter caption is rejected (caption_too_short)
MAX_POSITIVES = 3                # sub-graph positives per caption, besides the caption itself
MAX_NEGATIVES = 6                # hard negatives per caption
SEED = 0                         # mixed with each record key for sampling
MIN_CONFIDENCE = 0.7             # positives and negatives use graph elements at or above it (README: Confidence)
MIN_SCENE_SCORE = 0.25           # what the suitability rules keep is skipped below this learned P(scene),
#                                  shifted to the run's share of scenes (README: Suitability)
BATCH_SIZE = 256                 # captions per parser batch
SAMPLES_PER_SHARD = 10_000
BUNDLE_SIZE = 1024               # records a worker annotates at a time: the unit of parallelism below the shard
BALANCE_BLOCK = 1024             # records whose balancing-pass sample is parsed in batches of its own (engines.blind)
LOCAL_SPLIT_RECORDS = 250_000    # a local runner's in-memory shuffle holds at most this many bundled records
PARSER_BACKEND = "spacy"
SELECTION = "plausible"           # how a negative is chosen among its type's candidates (README: Hard negatives)
BLIND_PAIRS = 2000               # (positive, negative) pairs `sgshards audit --blind` samples
