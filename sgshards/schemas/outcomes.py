"""What becomes of each input row: the records passed between stages, and every stage and
rejection reason a run can name.

Every input row gives exactly one ``Outcome``: ``written`` (with its sample record) or
``rejected`` (with the ``stage`` that rejected it and a ``reason`` from ``REASONS``, or
``error_<Type>`` when a stage raised).  The names here are a published contract: they
appear in dead letters, index rows, ``stats.json`` and the Beam counters
(``sgshards:rejected_<reason>``), and the README's table of reasons is generated from
``REASONS`` (``python -m sgshards.schemas.outcomes --markdown``).

The records are ``TypedDict``s: plain dicts at run time (their JSON is the output), typed
for readers and mypy.
"""
from __future__ import annotations

import sys
from typing import NamedTuple, Optional, TypedDict

from .. import defaults

# -- stages, in the order a row meets them ------------------------------------------------

STAGE_READ = "read"              # the input row or sample as read from the file
STAGE_NORMALIZE = "normalize"    # caption clean-up (sgshards.text.normalize)
STAGE_PARSE = "parse"            # dependency parse
STAGE_GRAPH = "graph"            # scene graph from the parse
STAGE_SUITABILITY = "suitability"  # does the caption describe a visible scene? (sgshards.text.suitability)
STAGE_AUGMENT = "augment"        # positives and hard negatives
STAGES = (STAGE_READ, STAGE_NORMALIZE, STAGE_PARSE, STAGE_GRAPH, STAGE_SUITABILITY, STAGE_AUGMENT)

STATUS_WRITTEN = "written"
STATUS_REJECTED = "rejected"

# -- reasons ------------------------------------------------------------------------------

# read: the row or sample could not be used as read
MALFORMED_ROW = "malformed_row"
INVALID_UTF8 = "invalid_utf8"
BLANK_ROW = "blank_row"
MISSING_CAPTION = "missing_caption"
CAPTION_NOT_TEXT = "caption_not_text"
URL_NOT_TEXT = "url_not_text"
DOWNLOAD_FAILED = "download_failed"
MISSING_KEY = "missing_key"
DUPLICATE_KEY = "duplicate_key"
UNSUPPORTED_MEMBER = "unsupported_member"
DUPLICATE_MEMBER = "duplicate_member"
CORRUPT_TAR = "corrupt_tar"
# read, YFCC metadata: no usable caption in title or description (sgshards.text.yfcc)
NO_TEXT = "no_text"
MOSTLY_LINKS_OR_TAGS = "mostly_links_or_tags"
FILE_NAME_OR_DATE = "file_name_or_date"
TOO_FEW_WORDS = "too_few_words"
DESCRIPTION_TOO_LONG = "description_too_long"
# normalize
NOT_TEXT = "not_text"
EMPTY_CAPTION = "empty_caption"
CONTROL_CHARACTERS_ONLY = "control_characters_only"
NO_LETTERS = "no_letters"
CAPTION_TOO_SHORT = "caption_too_short"
CAPTION_TOO_LONG = "caption_too_long"
# graph
NO_OBJECT = "no_object"
# suitability: never a rejection; the record is written with only the caption as a positive and
# no negatives, its ``skipped`` field naming the reason (counted in stats.json ``skipped``)
FILE_NAME_OR_URL = "file_name_or_url"
NOT_ENGLISH = "not_english"
TEXT_ONLY = "text_only"
PRODUCT_LISTING = "product_listing"
KEYWORD_LIST = "keyword_list"
NAMES_LIST = "names_list"
TITLE_CASE = "title_case"
SENTENCE_TITLE = "sentence_title"
STATEMENT = "statement"
GENERIC_CLAIM = "generic_claim"
NO_VISIBLE_OBJECT = "no_visible_object"
PAGE_TEXT = "page_text"
SEGMENTED_LISTING = "segmented_listing"
UNLIKELY_SCENE = "unlikely_scene"

ERROR_PREFIX = "error_"          # error_<ExceptionType>: a stage raised (parse, graph, augment)
ERROR_FAMILY = ERROR_PREFIX + "<Type>"
ERROR_STAGES = (STAGE_PARSE, STAGE_GRAPH, STAGE_AUGMENT)


class Reason(NamedTuple):
    stage: str
    meaning: str


REASONS: dict[str, Reason] = {
    MALFORMED_ROW: Reason(STAGE_READ, "a row that does not split into the table's fields, or JSON that is "
                                      "not an object"),
    INVALID_UTF8: Reason(STAGE_READ, "bytes that are not UTF-8 (or undecodable UTF-16/32)"),
    BLANK_ROW: Reason(STAGE_READ, "an empty line"),
    MISSING_CAPTION: Reason(STAGE_READ, "no caption value (or, img2dataset, no .txt and no caption in .json)"),
    CAPTION_NOT_TEXT: Reason(STAGE_READ, "a JSONL/Parquet caption, or an img2dataset .json "
                                         "caption, that is a list, dict, struct, number or bool (never its repr)"),
    URL_NOT_TEXT: Reason(STAGE_READ, "a URL that is not a string"),
    DOWNLOAD_FAILED: Reason(STAGE_READ, "an img2dataset/LAION row whose status is not \"success\""),
    MISSING_KEY: Reason(STAGE_READ, "a keyed run's row (or img2dataset sample) without a key"),
    DUPLICATE_KEY: Reason(STAGE_READ, "a key an earlier row already took"),
    UNSUPPORTED_MEMBER: Reason(STAGE_READ, "an img2dataset member that is a link, device or fifo"),
    DUPLICATE_MEMBER: Reason(STAGE_READ, "a second img2dataset member with the same name"),
    CORRUPT_TAR: Reason(STAGE_READ, "the unreadable rest of a truncated or corrupt img2dataset tar"),
    NO_TEXT: Reason(STAGE_READ, "YFCC: title and description both empty after decoding"),
    MOSTLY_LINKS_OR_TAGS: Reason(STAGE_READ, "YFCC: more than half of the words are URLs, #tags or @mentions"),
    FILE_NAME_OR_DATE: Reason(STAGE_READ, "YFCC: a camera file name or a date, no other words"),
    TOO_FEW_WORDS: Reason(STAGE_READ, "YFCC: fewer than two alphabetic words"),
    DESCRIPTION_TOO_LONG: Reason(STAGE_READ, "YFCC: a description over the word limit whose first sentence is "
                                             "unusable too"),
    NOT_TEXT: Reason(STAGE_NORMALIZE, "a caption that is not a string"),
    EMPTY_CAPTION: Reason(STAGE_NORMALIZE, "nothing left after clean-up (whitespace, `<br>`, `&nbsp;`)"),
    CONTROL_CHARACTERS_ONLY: Reason(STAGE_NORMALIZE, "control characters only"),
    NO_LETTERS: Reason(STAGE_NORMALIZE, "digits, punctuation or emoji only: nothing to parse"),
    CAPTION_TOO_SHORT: Reason(STAGE_NORMALIZE, f"fewer than {defaults.MIN_CHARS} characters"),
    CAPTION_TOO_LONG: Reason(STAGE_NORMALIZE, "over 100,000 characters: a scraped page (longer than --max-chars "
                                              "is cut at a word, not rejected)"),
    NO_OBJECT: Reason(STAGE_GRAPH, "the scene graph has no object"),
    FILE_NAME_OR_URL: Reason(STAGE_SUITABILITY, "written, not augmented: a file name, URL or slug "
                                                "(`how-to-fix-dns-server`, `etihad-airways`), an address or a file format in words "
                                                "(`www`, `mp3`), names joined by underscores"),
    NOT_ENGLISH: Reason(STAGE_SUITABILITY, "written, not augmented: another script, or more function and common "
                                           "words of other languages than function words of English, or few "
                                           "English words"),
    TEXT_ONLY: Reason(STAGE_SUITABILITY, "written, not augmented: a question (or a caption that opens with "
                                         "one), an imperative (also one the tagger misread: a first word English "
                                         "has only as a verb, \"Expand display adapters to ...\"), a call to the "
                                         "reader (\"check out ...\") or a first or second person statement, not a "
                                         "description"),
    PRODUCT_LISTING: Reason(STAGE_SUITABILITY, "written, not augmented: prices, model numbers, sizes, shop "
                                               "words, trademark signs, a colour variant after the product "
                                               "(\"... - navy\", \"... in Black\"), a verbless pile of a "
                                               "product's attributes (\"6 panel ... hat\", \"for pet\")"),
    KEYWORD_LIST: Reason(STAGE_SUITABILITY, "written, not augmented: #tags or a \"Tags:\" list, comma- or "
                                            "pipe-separated keywords, repeated keywords, a noun stack with a "
                                            "listing's marks, names and keywords in lower case"),
    NAMES_LIST: Reason(STAGE_SUITABILITY, "written, not augmented: Title Case text of mostly names"),
    TITLE_CASE: Reason(STAGE_SUITABILITY, "written, not augmented: Title Case text (a product, book, film or "
                                     "article title)"),
    SENTENCE_TITLE: Reason(STAGE_SUITABILITY, "written, not augmented: a title in sentence case (\"how to ...\", a "
                                              "listicle, \"The Field Guide to ...\", \"X vs Y\" between names, "
                                              "\"image titled ...\", a headline's \"X to do Y\" or "
                                              "\"N people in X affected by Y\")"),
    STATEMENT: Reason(STAGE_SUITABILITY, "written, not augmented: a statement of what someone says, thinks, "
                                         "plans or owns, or of what will or can happen (news, opinions, advice)"),
    GENERIC_CLAIM: Reason(STAGE_SUITABILITY, "written, not augmented: a generic claim, evaluation or piece of "
                                             "advice (\"smiling helps ...\", \"it's tricky to ...\", \"dinners will be "
                                             "harder ...\", \"X is a thrifty way to ...\"), not a description"),
    UNLIKELY_SCENE: Reason(STAGE_SUITABILITY, "written, not augmented: every rule kept it, but the learned scene "
                                              "score (text.scene_model) is below --min-scene-score"),
    NO_VISIBLE_OBJECT: Reason(STAGE_SUITABILITY, "written, not augmented: no object a picture can show, only "
                                                 "ideas, qualities and kinds of text (\"the effects of diet on "
                                                 "sports\")"),
    PAGE_TEXT: Reason(STAGE_SUITABILITY, "written, not augmented: a page's furniture: a copyright notice or a "
                                         "slide's footer (\"All rights reserved\"), numbered steps of instructions, a "
                                         "page's navigation (\"return to the main poster page for ...\")"),
    SEGMENTED_LISTING: Reason(STAGE_SUITABILITY, "written, not augmented: a shop's or site's listing: three short "
                                                 "segments or more between pipes or bullets (a shop's code, category and "
                                                 "name), names between bullets (\"Garderobe klein • coat rack small\")"),
}
# Reasons a caption is written without sub-graph positives and negatives (the record's ``skipped``).
SKIP_REASONS = tuple(name for name, r in REASONS.items() if r.stage == STAGE_SUITABILITY)
ERROR_MEANING = ("an exception in that stage (a bug or a parser failure) rejects the one caption, "
                 "not the batch")


def error_reason(exc: BaseException) -> str:
    """The reason for a stage that raised ``exc``: ``error_<Type>``."""
    return ERROR_PREFIX + type(exc).__name__


def is_known(stage: str, reason: str) -> bool:
    """Whether ``reason`` at ``stage`` is in the catalogue (an ``error_<Type>`` at a stage that runs code)."""
    if reason.startswith(ERROR_PREFIX):
        return stage in ERROR_STAGES and len(reason) > len(ERROR_PREFIX)
    entry = REASONS.get(reason)
    return entry is not None and entry.stage == stage


def counter_name(reason: str) -> str:
    """The Beam counter (namespace ``sgshards``) that counts rejections for ``reason``."""
    return f"rejected_{reason}"


def markdown_table() -> str:
    """The README's table of reasons."""
    lines = ["| reason | stage | meaning |", "| --- | --- | --- |"]
    lines += [f"| `{name}` | {r.stage} | {r.meaning} |" for name, r in REASONS.items()]
    lines.append(f"| `{ERROR_FAMILY}` | {', '.join(ERROR_STAGES)} | {ERROR_MEANING} |")
    return "\n".join(lines) + "\n"


# -- records between stages -------------------------------------------------------------

class InputItem(TypedDict):
    """An input row as engines hand it to ``annotate.annotate_batch``."""
    index: int                      # dataset-wide row number
    key: str                        # the output key (already made safe)
    caption: Optional[str]
    url: Optional[str]
    source: Optional[dict]          # where it came from: {"file", "row"} (+ the user's key)
    reject: Optional[str]           # a read-stage reason when the row could not be used
    raw: Optional[str]              # the row as read, for the dead letter


class Outcome(TypedDict):
    """What became of one input item: written (``record``) or rejected (``stage``, ``reason``, ``raw``)."""
    index: int
    key: str
    status: str                     # STATUS_WRITTEN | STATUS_REJECTED
    stage: Optional[str]
    reason: Optional[str]
    raw: Optional[str]
    source: Optional[dict]
    record: Optional[dict]          # the sample record's JSON form


class DeadLetter(TypedDict):
    """One line of ``dead_letters/{stem}.jsonl``."""
    key: str
    index: int
    source: Optional[dict]
    stage: Optional[str]
    reason: Optional[str]
    raw: Optional[str]


class IndexRow(TypedDict):
    """One row of ``{stem}_index.parquet`` (schema: ``schemas.export.INDEX_SCHEMA``)."""
    key: str
    index: int
    status: str
    stage: Optional[str]
    reason: Optional[str]
    positives: int
    negatives: int


if __name__ == "__main__":
    if sys.argv[1:] != ["--markdown"]:
        sys.exit("usage: python -m sgshards.schemas.outcomes --markdown")
    sys.stdout.write(markdown_table())
