"""YFCC100M / YFCC-15M metadata -> one caption per photo.

YFCC stores ``title`` and ``description`` URL-encoded (``+`` for a space,
``%xx`` for UTF-8 bytes); descriptions often carry HTML, and titles are often
camera file names (``IMG_1234``) or dates.  ``decode_field`` makes a field
readable, ``choose_caption`` picks the one caption (the rule is in its
docstring), ``yfcc_fields`` / ``yfcc_from_mapping`` read the two input shapes
(headerless YFCC100M TSV rows, header-named rows) into
``{"key", "url", "title", "description"}`` with the text still raw.

Runs once per row of a 15M-row input: precompiled regexes, and the expensive
steps (URL decoding, HTML cleaning, sentence cutting) only when needed.
"""
from __future__ import annotations

import re
import string
from urllib.parse import unquote_plus

from ..lexicon.function_words import ARTICLES, FUNCTION_WORDS
from ..schemas.outcomes import (
    DESCRIPTION_TOO_LONG, FILE_NAME_OR_DATE, MOSTLY_LINKS_OR_TAGS, NO_LETTERS, NO_TEXT, TOO_FEW_WORDS)
from .normalize import HARD_LIMIT_CHARS, normalize_caption

# Rejection reasons of choose_caption (catalogue: sgshards.schemas.outcomes).
REJECT_REASONS = (NO_TEXT, MOSTLY_LINKS_OR_TAGS, FILE_NAME_OR_DATE, TOO_FEW_WORDS, DESCRIPTION_TOO_LONG)

DEFAULT_MAX_WORDS = 40
MIN_ALPHABETIC_WORDS = 2

# --- decoding ------------------------------------------------------------------------


def _url_decode(raw: str) -> str:
    # An encoded field never holds a literal space; one that does was decoded
    # upstream, and decoding it again would turn a real "+" into a space.
    if " " in raw or ("%" not in raw and "+" not in raw):
        return raw
    return unquote_plus(raw, errors="replace")


def _clean(text: str) -> str:
    cleaned, reason = normalize_caption(text, max_chars=HARD_LIMIT_CHARS)
    if cleaned is not None:
        return cleaned
    # Digits and punctuation only (a date): kept, it is still the field's value.
    return " ".join(text.split()) if reason == NO_LETTERS else ""


def decode_field(raw: str | None) -> str:
    """URL-decode (``+``, ``%xx`` as UTF-8, bad bytes -> U+FFFD), strip HTML, decode
    entities and collapse whitespace via ``normalize.normalize_caption`` (no
    length cut).  ``None`` and text with nothing left give ``""``; a value that
    already contains a space is taken as decoded and only cleaned.  Text longer
    than ``normalize.HARD_LIMIT_CHARS`` after decoding gives ``""``."""
    if not raw:
        return ""
    return _clean(_url_decode(raw))


# --- what a candidate is made of -------------------------------------------------------

_EDGE_PUNCT = string.punctuation + "\u201c\u201d\u2018\u2019\u00ab\u00bb\u2026\u00a1\u00bf\u2013\u2014"
_LINK = re.compile(r"[a-z][a-z0-9+.\-]*://|www\.|[\w\-]+(?:\.[\w\-]+)+/"
                   r"|[\w\-]+\.(?:com|net|org|edu|gov|info|biz|io|co\.uk)$", re.I)
_TAG = re.compile(r"[#@]\w")
_ALPHABETIC = re.compile(r"[^\W\d_]+(?:['\u2019.\-][^\W\d_]+)*")
_DIGIT_OR_UNDERSCORE = re.compile(r"[\d_]")
_MEDIA_EXTENSION = re.compile(r"\.(?:jpe?g|png|gif|tiff?|bmp|heic|raw|cr2|nef|arw|orf|dng|psd|mov|mp4|avi)$",
                              re.I)
# Camera prefixes, generic file/photo words, month and weekday names: what a
# title made by a camera, an uploader or a date stamp consists of besides digits.
_PHOTO_WORDS = frozenset("""
    img dsc dscn dscf dsci dcp dcim pict cimg imag hpim sdc mvi mvc gopr dji pana sam pxl snapshot screenshot
    photo photos picture pictures pic pics image images foto fotos scan scanned untitled copy edit edited
    version final small large medium resized crop cropped bw hdr pano panorama file jpg jpeg png raw new
    frame shot day project
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
    am pm
""".split())
# Fillers of a file-name or date title ("photo of the day", "day at the beach"): articles and a few
# prepositions and "and" of the shared list; a word outside them counts as content.
_FILLER_WORDS = (ARTICLES - {"an"}) | (FUNCTION_WORDS & frozenset({"of", "and", "on", "at", "in"}))


def _word_count(s: str) -> int:
    return len(s.split())


def _rejection(s: str) -> str | None:
    """Why the decoded text ``s`` cannot be a caption, or ``None`` when it can."""
    if not s:
        return NO_TEXT
    links_or_tags = alphabetic = counted = 0
    file_or_date = False  # a file-name-like token, a number/date/time or a photo word
    content_words = 0  # alphabetic words outside the photo and function words
    for token in s.split():
        # The cheap character tests keep the regexes off ordinary words.
        if ((token[0] in "#@" and _TAG.match(token))
                or (("." in token or ":" in token) and _LINK.match(token))):
            links_or_tags += 1
            counted += 1
            continue
        core = token.strip(_EDGE_PUNCT)
        if not core:
            continue  # a dash or an emoji-free "!!!": neither word nor link
        counted += 1
        if core.isalpha() or _ALPHABETIC.fullmatch(core):
            alphabetic += 1
            lowered = core.lower()
            if lowered in _PHOTO_WORDS:
                file_or_date = True
            elif lowered not in _FILLER_WORDS:
                content_words += 1
        elif _DIGIT_OR_UNDERSCORE.search(core) or _MEDIA_EXTENSION.search(core):
            file_or_date = True
    if 2 * links_or_tags > counted:
        return MOSTLY_LINKS_OR_TAGS
    if file_or_date and content_words == 0:
        return FILE_NAME_OR_DATE
    if alphabetic < MIN_ALPHABETIC_WORDS:
        return TOO_FEW_WORDS
    return None


# --- first sentence of a long description ---------------------------------------------

_LINE_BREAK = re.compile(r"[\r\n]+|<br\s*/?>|</?(?:p|div|li|h[1-6])\b[^>]*>", re.I)
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")


def _first_sentence(decoded_raw: str) -> str:
    """Text up to the first ``.``/``!``/``?`` followed by a space, or the first line
    break (newline, ``<br>``, ``<p>``...), whichever comes first; cleaned."""
    for line in _LINE_BREAK.split(decoded_raw):
        line = _clean(line)
        if line:
            end = _SENTENCE_END.search(line)
            return line[:end.end()] if end else line
    return ""


# --- the rule ---------------------------------------------------------------------------


def choose_caption(title: str | None, description: str | None,
                   max_words: int = DEFAULT_MAX_WORDS) -> tuple[str | None, str | None]:
    """Pick one caption from a photo's raw (URL-encoded) title and description.

    Returns ``(caption, None)`` or ``(None, reason)``.

    Rule: a candidate is usable when, after decoding, it has >= 2 alphabetic
    words, is not a camera/file name or date-only string, and is not mostly
    URLs/hashtags.  If both are usable, prefer the description when it has <=
    max_words words and more words than the title (descriptions tend to
    describe the image, titles to name it), otherwise the title.  A
    description over max_words is cut to its first sentence if that sentence
    is usable and <= max_words words.

    Definitions: words are whitespace-separated tokens.  An alphabetic word is
    a token that, without surrounding punctuation, is letters only (inner
    ``'``, ``-``, ``.`` allowed: ``don't``, ``U.S.``).  A camera/file name or
    date-only string has a file-name-like token (one with a digit or ``_``,
    or a media file extension such as ``.jpg``), a number, date or time, or a
    camera/photo word (``IMG``, ``DSC``, ``photo``, ``copy``, ``untitled``,
    a month or weekday name...), and no alphabetic word other than those
    photo words and ``of the a and on at in``: ``DSC_0042.JPG``,
    ``Copy of IMG_1234``, ``12 May 2009``.  Mostly URLs/hashtags: more than
    half of the tokens (punctuation-only tokens not counted) are URLs,
    ``#hashtags`` or ``@mentions``.  A first sentence ends at the first
    ``.``, ``!`` or ``?`` followed by a space, or at the first line break.

    Reasons: ``no_text`` (both fields empty after decoding), otherwise the
    title's reason when the title has text, else the description's:
    ``mostly_links_or_tags``, ``file_name_or_date``, ``too_few_words``,
    ``description_too_long`` (over max_words, first sentence unusable or too
    long).
    """
    title_text = decode_field(title)
    title_reason = _rejection(title_text)

    description_raw = _url_decode(description) if description else ""
    description_text = _clean(description_raw) if description_raw else ""
    has_description = bool(description_text)
    if _word_count(description_text) > max_words:
        description_text = _first_sentence(description_raw)
        description_reason = _rejection(description_text)
        if description_reason is not None or _word_count(description_text) > max_words:
            description_reason = DESCRIPTION_TOO_LONG
    else:
        description_reason = _rejection(description_text)

    if description_reason is None and (
            title_reason is not None or _word_count(description_text) > _word_count(title_text)):
        return description_text, None
    if title_reason is None:
        return title_text, None
    if not title_text and not has_description:
        return None, NO_TEXT
    return None, (title_reason if title_text else description_reason)


# --- input layouts -----------------------------------------------------------------------

# The headerless yfcc100m_dataset TSV, one photo per line.
YFCC100M_COLUMNS = (
    "photo_id", "user_nsid", "user_nickname", "date_taken", "date_uploaded", "capture_device",
    "title", "description", "user_tags", "machine_tags", "longitude", "latitude", "accuracy",
    "page_url", "download_url", "license_name", "license_url", "server_id", "farm_id", "secret",
    "secret_original", "extension", "marker",
)
_PHOTO_ID, _TITLE, _DESCRIPTION, _DOWNLOAD_URL = (
    YFCC100M_COLUMNS.index(name) for name in ("photo_id", "title", "description", "download_url"))
_URL_PREFIXES = ("http://", "https://")


def _layout_offset(fields: list[str]) -> int:
    n = len(fields)
    if n >= len(YFCC100M_COLUMNS) + 1 and fields[0].isdigit() and fields[1].isdigit():
        return 1  # a release with a leading line-number column
    if n >= len(YFCC100M_COLUMNS) and fields[0].isdigit():
        return 0  # the user nsid ("12345678@N00") in column 1 is never all digits
    raise ValueError(f"not a YFCC100M row: {n} fields, first {fields[:2]!r}")


def yfcc_fields(fields: list[str]) -> dict:
    """One split headerless YFCC100M TSV row -> ``{"key", "url", "title", "description"}``
    (title and description still raw).  Layouts: the 23 columns of
    ``YFCC100M_COLUMNS`` (photo id first; trailing extra columns allowed), or
    24+ with a leading line number (first two fields integers).  Raises
    ``ValueError`` for a row fitting neither or whose download URL is neither
    empty nor http(s)."""
    offset = _layout_offset(fields)
    url = fields[_DOWNLOAD_URL + offset].strip()
    if url and not url.startswith(_URL_PREFIXES):
        raise ValueError(f"not a YFCC100M row: download URL column holds {url[:60]!r}")
    return {"key": fields[_PHOTO_ID + offset].strip(), "url": url,
            "title": fields[_TITLE + offset], "description": fields[_DESCRIPTION + offset]}


_KEY_COLUMNS = ("photoid", "key")
_URL_COLUMNS = ("downloadurl", "url")


def _column_name(name) -> str:
    return "".join(c for c in str(name).lower() if c.isalnum())  # "Photo ID", "download_url"


def _first_nonempty(by_name: dict, names: tuple[str, ...]):
    for name in names:
        value = by_name.get(name)
        if value is not None and value != "":
            return value
    return None


def yfcc_from_mapping(row: dict) -> dict:
    """A header-named row (CSV/TSV with header, parquet, JSON) -> the ``yfcc_fields``
    dict.  Column names match ignoring case, spaces and ``_``: key from
    ``photoid`` else ``key``, url from ``downloadurl`` else ``url``, ``title``,
    ``description``; values are turned into ``str`` (missing text is ``""``).
    Raises ``ValueError`` without a key or url or without both text columns."""
    by_name = {_column_name(name): value for name, value in row.items()}
    key = _first_nonempty(by_name, _KEY_COLUMNS)
    url = _first_nonempty(by_name, _URL_COLUMNS)
    if key is None or url is None:
        raise ValueError(f"YFCC row without a photoid/key or downloadurl/url column: {sorted(row)[:10]}")
    if "title" not in by_name and "description" not in by_name:
        raise ValueError(f"YFCC row without title and description columns: {sorted(row)[:10]}")
    title, description = by_name.get("title"), by_name.get("description")
    return {"key": str(key).strip(), "url": str(url).strip(),
            "title": "" if title is None else str(title),
            "description": "" if description is None else str(description)}
