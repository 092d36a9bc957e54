"""Caption normalisation: raw web alt-text -> one clean line the parser can read.

``normalize_caption(raw)`` returns ``(caption, None)`` or ``(None, reason)``;
reasons are constants of the catalogue ``sgshards.schemas.outcomes`` (dead-letter reasons, counter names).

What is done, in order (deterministic, pure ``str``/``re`` work; the result is
a fixed point: normalising a normalised caption returns it unchanged):

1. Code points: surrogate pairs that leaked into a ``str`` are joined, lone
   surrogates dropped (they cannot be written as UTF-8); C1 controls
   U+0080..U+009F are read as the Windows-1252 characters they almost always
   are in scraped text (U+0092 -> ``’``); other control characters removed
   (tab/newline/... become spaces); invisible format characters (zero-width
   space, BOM, soft hyphen, bidi marks) removed.
2. HTML entities decoded, repeatedly for double escapes (``&amp;amp;`` -> ``&``).
   Only well-formed references (``&name;``, ``&#39;``, ``&#x27;``) and a few
   common ones missing the semicolon (``&amp``) are decoded, so ``AT&T`` or
   ``this&not that`` stay as written.
3. Typographic quotes to ASCII (``’`` -> ``'``, ``“”`` -> ``"``).  ZWJ/ZWNJ are
   kept only between two non-ASCII characters (emoji sequences, Indic and
   Persian text), elsewhere removed.
4. HTML: ``<script>``/``<style>`` elements and comments dropped; known tags
   removed, block tags (``<br>``, ``<p>``, ``<li>``...) becoming a space.
   Unknown angle-bracket text (``<3``, ``<dog>``) is left alone.
5. CC-12M's ``<PERSON>`` placeholder (see ``replace_person_placeholders``).
6. All whitespace (NBSP, ideographic space, line separators) collapsed to
   single spaces; Unicode NFC.
7. A wrapping pair of quotes around the whole caption removed.
8. Tokenised-text artefacts of CC3M-like captions: a space before ``.`` or
   ``,`` (and before a final ``!``/``?``) removed, ``dog 's`` -> ``dog's``,
   ``the 70 's`` -> ``the 70's``, ``do n't`` -> ``don't``; in a caption with
   CC3M's lower-cased, tokenised shape also ``close - up`` -> ``close-up``,
   ``globes : the`` -> ``globes: the``, ``$ 45`` -> ``$45`` and more
   (``sgshards.text.pretokenised``).

ASCII captions with nothing to do (most of them) skip all of this after a few
substring tests.

Length policy (a caption is one image's alt-text; the text encoder sees ~77
tokens and parse cost grows with length):

* input longer than ``HARD_LIMIT_CHARS`` (100,000 characters) is rejected
  before any work as ``caption_too_long``: that is a scraped page, not a
  caption, and regexes over it would be wasted time;
* a cleaned caption longer than ``max_chars`` is truncated, not rejected: at
  the last sentence end (``.``/``!``/``?``) in the second half of the window,
  else at the last space there, else (scripts written without spaces) at
  ``max_chars`` itself, never inside a combining sequence.

Rejections: ``not_text`` (not a ``str``), ``empty_caption`` (nothing left,
e.g. whitespace, ``<br>``, ``&nbsp;``), ``control_characters_only``,
``no_letters`` (digits, punctuation, emoji only: nothing to parse),
``caption_too_short`` (fewer than ``min_chars`` characters),
``caption_too_long``.  Non-English text is never rejected here.
"""
from __future__ import annotations

import html
import re
import unicodedata

from .. import defaults
from .pretokenised import MARKERS as PRETOKENISED_MARKERS
from .pretokenised import looks_pretokenised, repair_pretokenised
from ..schemas.outcomes import (
    CAPTION_TOO_LONG, CAPTION_TOO_SHORT, CONTROL_CHARACTERS_ONLY, EMPTY_CAPTION, NO_LETTERS, NOT_TEXT)

REJECT_REASONS = (NOT_TEXT, EMPTY_CAPTION, CONTROL_CHARACTERS_ONLY, NO_LETTERS,
                  CAPTION_TOO_SHORT, CAPTION_TOO_LONG)

HARD_LIMIT_CHARS = 100_000

# --- code points -----------------------------------------------------------


def _c1_as_cp1252(code: int):
    try:
        return bytes([code]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: undefined
        return None


_CODE_POINT_TABLE: dict[int, str | None] = {c: None for c in range(0x20)}
_CODE_POINT_TABLE.update({c: " " for c in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F)})
_CODE_POINT_TABLE[0x7F] = None
_CODE_POINT_TABLE.update({c: _c1_as_cp1252(c) for c in range(0x80, 0xA0)})
_INVISIBLE = [0x00AD, 0x034F, 0x061C, 0x180E, 0x200B, 0x200E, 0x200F, 0xFEFF, 0xFFFC,
              *range(0x202A, 0x202F), *range(0x2060, 0x2065), *range(0x2066, 0x206A)]
_CODE_POINT_TABLE.update({c: None for c in _INVISIBLE})

_TRANSLATED_CODE_POINT = re.compile("[%s]" % "".join(re.escape(chr(c)) for c in sorted(_CODE_POINT_TABLE)))
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# A joiner survives only with a non-ASCII, non-space character on both sides.
_STRAY_JOINER = re.compile(r"(?<![^\x00-\x7f\s])[\u200c\u200d]+|[\u200c\u200d]+(?![^\x00-\x7f\s])")


def _remove_stray_joiners(s: str) -> str:
    if "\u200c" in s or "\u200d" in s:
        return _STRAY_JOINER.sub("", s)
    return s


def _join_pair(m: re.Match) -> str:
    hi, lo = ord(m.group(0)[0]), ord(m.group(0)[1])
    return chr(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))


def _fix_code_points(s: str) -> str:
    if _SURROGATE.search(s):
        s = _SURROGATE.sub("", _SURROGATE_PAIR.sub(_join_pair, s))
    if _TRANSLATED_CODE_POINT.search(s):  # translate() is slow per char; most text needs none
        s = s.translate(_CODE_POINT_TABLE)
    return s


# --- entities ----------------------------------------------------------------

_ENTITY = re.compile(r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};"
                     r"|(?:amp|nbsp|quot|lt|gt)(?![A-Za-z0-9;]))")
_MAX_UNESCAPE_ROUNDS = 4


def _unescape_entities(s: str) -> str:
    for _ in range(_MAX_UNESCAPE_ROUNDS):
        decoded = _ENTITY.sub(lambda m: html.unescape(m.group(0)), s)
        if decoded == s:
            break
        s = decoded
    return s


# --- <PERSON> ------------------------------------------------------------------

_PLACEHOLDER_RUN = re.compile(r"<\s*person\s*>(?:\s*<\s*person\s*>)*", re.I)
_PH = "<PERSON>"
_TRAILING_CREDIT = re.compile(
    r"(?<=\S)[\s\-\u2013\u2014|,:;/(\[]*"
    r"(?:\b(?:photo(?:graph)?|image|picture|pic|illustration)s?(?:\s*credits?)?\s*(?:by\b|:|-)?"
    r"|\bcredits?\s*:?|\bcourtesy(?:\s+of)?|\u00a9|\(c\)|\bcopyright)"
    r"\s*:?\s*\u00a9?\s*<PERSON>[\s)\].]*$", re.I)
_WHOLE_CAPTION_CREDIT = re.compile(r"^\s*\b((?:photo(?:graph)?|image|picture|pic)s?)\s*<PERSON>[\s.]*$", re.I)
_HONORIFICS = frozenset("mr mrs ms miss mx dr prof sir dame".split())
_TITLES = frozenset((
    "actor actress singer rapper musician guitarist drummer bassist pianist vocalist dj producer "
    "artist painter sculptor photographer designer architect author writer poet director filmmaker "
    "model star celebrity comedian host presenter chef player footballer striker goalkeeper "
    "quarterback pitcher athlete boxer wrestler fighter golfer cyclist runner skater swimmer coach "
    "captain manager president senator governor mayor minister chancellor politician candidate "
    "king queen prince princess duke duchess lord lady judge officer general ceo founder "
    "blogger influencer dancer ballerina"
).split())
_DETERMINERS = frozenset(
    "the a an this that these those my your his her its our their every each another any no".split())
# One pass with a callback: a regex alternation of the word lists would be tried at every position.
_PLACEHOLDER = re.compile(r"(?:\b([A-Za-z]+)(\.?)(\s+))?<PERSON>")


def _placeholder_as_noun(m: re.Match) -> str:
    word, dot, space = m.group(1), m.group(2), m.group(3)
    if word is None:
        return "a person"
    lowered = word.lower()
    if lowered in _HONORIFICS:
        return "a person"
    if not dot and lowered in _TITLES:
        return word
    if not dot and lowered in _DETERMINERS:
        return f"{word}{space}person"
    return f"{word}{dot}{space}a person"


def replace_person_placeholders(s: str) -> str:
    """Turn CC-12M's ``<PERSON>`` name placeholder into a noun phrase.

    Rules, in order:
    * several in a row (a first and a last name) become one placeholder;
    * a trailing photo credit after other text is dropped, the person is not
      in the picture: ``a beach at dusk | Photo: <PERSON>`` -> ``a beach at dusk``
      (also ``photo by``, ``credit:``, ``courtesy of``, ``©``);
    * a caption that is only a credit keeps it as one: ``Photo <PERSON>`` ->
      ``Photo by a person``;
    * an honorific goes with the name: ``Mr. <PERSON>`` -> ``a person``;
    * after a role noun the name is dropped, the role is the noun:
      ``actor <PERSON> attends`` -> ``actor attends``, ``singer <PERSON>'s
      album`` -> ``singer's album``;
    * after a determiner it is ``person`` (``the <PERSON>`` -> ``the person``),
      otherwise ``a person``: ``<PERSON>'s dog`` -> ``a person's dog``,
      ``a painting by <PERSON>`` -> ``a painting by a person``.
    """
    s = _PLACEHOLDER_RUN.sub(_PH, s)
    if _PH not in s:
        return s
    if s.rstrip(" .)]").endswith(_PH):
        s = _TRAILING_CREDIT.sub("", s)
        s = _WHOLE_CAPTION_CREDIT.sub(r"\1 by <PERSON>", s)
    return _PLACEHOLDER.sub(_placeholder_as_noun, s)


# --- HTML ----------------------------------------------------------------------

_BLOCK_TAGS = ("br p div li ul ol dl dt dd hr tr td th table tbody thead tfoot h1 h2 h3 h4 h5 h6 "
               "blockquote pre section article header footer nav aside figure figcaption center "
               "address main caption title")
_INLINE_TAGS = ("b i u s em strong span a img font sup sub small big strike del ins mark code q "
                "cite abbr tt var kbd samp label wbr nobr time data meta link source picture")
_ATTRS = r"""(?:[^<>"']|"[^"]*"|'[^']*')*"""
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_BLOCK_TAG = re.compile(r"</?(?:%s)\b%s/?>" % ("|".join(_BLOCK_TAGS.split()), _ATTRS), re.I)
# Namespaced tags (<o:p> from word processors) are inline noise too.
_INLINE_TAG = re.compile(r"</?(?:(?:%s)\b|[a-z]+:[a-z]+)%s/?>" % ("|".join(_INLINE_TAGS.split()), _ATTRS),
                         re.I)


def _strip_html(s: str) -> str:
    for _ in range(3):  # removing "</b>" from "<</b>b>" makes a new tag
        stripped = _INLINE_TAG.sub("", _BLOCK_TAG.sub(" ", _COMMENT.sub(" ", _SCRIPT_OR_STYLE.sub(" ", s))))
        if stripped == s or "<" not in stripped:
            return stripped
        s = stripped
    return s


# --- typography, tokenisation artefacts, wrapping quotes --------------

_QUOTES_TABLE = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                               "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'})
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,]+)(?=\s|$)|\s+([!?][\s!?]*)$")
# "dog 's" -> "dog's", "they 're"; after a number only "'s": "the 70 's", "a 1960 's replica"
_SPLIT_CLITIC = re.compile(r"(?<=[^\W\d_]) '(s|re|ve|ll|m|d)\b(?!')|(?<=\d) '(s)\b(?!')")
_SPLIT_NOT = re.compile(r"(?<=[^\W\d_]) (?=n't\b)")  # PTB's "ca n't" is "can't" rejoined
_WRAPPING_PAIRS = {'"': '"', "'": "'", "\u00ab": "\u00bb", "\u2039": "\u203a", "\u300c": "\u300d", "`": "`"}


def _fix_tokenisation(s: str) -> str:
    if " " not in s:
        return s
    s = _SPACE_BEFORE_PUNCT.sub(lambda m: m.group(1) or m.group(2).replace(" ", ""), s)
    if " '" in s:
        s = _SPLIT_CLITIC.sub(lambda m: "'" + (m.group(1) or m.group(2)), s)
    if " n't" in s:
        s = _SPLIT_NOT.sub("", s)
    return repair_pretokenised(s)


def _unwrap_quotes(s: str) -> str:
    while len(s) >= 2:  # '"quoted"' inside "'...'"
        close = _WRAPPING_PAIRS.get(s[0])
        inner = s[1:-1]
        if close == '"' == s[-1] and '""' in inner and '"' not in inner.replace('""', ""):
            inner = inner.replace('""', '"')  # a CSV field written as text: 'Mike ""The Truth"" Jackson'
            s = inner.strip(" \u200c\u200d")
            continue
        if close is None or s[-1] != close or s[0] in inner or close in inner:
            break
        s = inner.strip(" \u200c\u200d")  # a joiner at an edge joins nothing
    return s


# --- length -----------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?](?=\s)")
_TRAILING_JOINERS = " ,;:-\u2013\u2014/|&("


def truncate_caption(s: str, max_chars: int) -> str:
    """Cut ``s`` to at most ``max_chars`` at a sentence end or space in the window's
    second half, else hard at ``max_chars`` (outside any combining sequence)."""
    if len(s) <= max_chars:
        return s
    window = s[:max_chars + 1]  # a boundary right after max_chars still fits
    half = max_chars // 2
    ends = [m.end() for m in _SENTENCE_END.finditer(window, half) if m.end() <= max_chars]
    if ends:
        return s[:ends[-1]]
    space = window.rfind(" ", half)
    if space > 0:
        return s[:space].rstrip(_TRAILING_JOINERS) or s[:space]
    cut = max_chars
    while cut > 1 and (unicodedata.combining(s[cut]) or s[cut] in "\u200c\u200d"
                       or s[cut - 1] in "\u200c\u200d" or "\ufe00" <= s[cut] <= "\ufe0f"):
        cut -= 1
    return s[:cut]


# --- entry point ------------------------------------------------------------------

# An ASCII caption passing these checks is already clean (most of CC-12M); plain
# substring tests because a regex with alternations costs more than the whole fast path.
_ASCII_CONTROL_OR_MARKUP = re.compile(r"[\x00-\x1f\x7f&<]")
_NEEDS_WORK_AFTER_SPACE = ("  ", " .", " ,", " !", " ?", " '", " n't")


def _is_clean_ascii(s: str) -> bool:
    return (s.isascii() and s != "" and s[0] not in " \"'`" and s[-1] != " "
            and not _ASCII_CONTROL_OR_MARKUP.search(s)
            and not any(pattern in s for pattern in _NEEDS_WORK_AFTER_SPACE)
            and not (any(marker in s for marker in PRETOKENISED_MARKERS) and looks_pretokenised(s)))


_ASCII_LETTER = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")


def _clean(raw: str) -> tuple[str | None, str | None]:
    s = _fix_code_points(raw)
    if not s.strip():
        return None, (EMPTY_CAPTION if not raw.strip() else CONTROL_CHARACTERS_ONLY)
    if "&" in s:
        unescaped = _unescape_entities(s)
        if unescaped != s:
            s = _fix_code_points(unescaped)  # entities may encode controls (&#8203;)
    if not s.isascii():
        s = _remove_stray_joiners(s.translate(_QUOTES_TABLE))  # tag matching reads ASCII quotes
    if "<" in s:
        s = _strip_html(s)
        s = replace_person_placeholders(s)
        if "<" in s:
            s = _strip_html(s)  # "<<PERSON>" became "<a person", which reads as a tag
        s = _remove_stray_joiners(s)  # a removed tag may have been a joiner's neighbour
    s = " ".join(s.split())
    if not s.isascii() and not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    return _fix_tokenisation(_unwrap_quotes(s)), None


def normalize_caption(raw, max_chars: int = defaults.MAX_CHARS,
                      min_chars: int = defaults.MIN_CHARS) -> tuple[str | None, str | None]:
    """Clean one raw caption; ``(caption, None)`` or ``(None, reason)``. See module doc."""
    if not 1 <= min_chars <= max_chars:
        raise ValueError(f"need 1 <= min_chars <= max_chars, got {min_chars}, {max_chars}")
    if not isinstance(raw, str):
        return None, NOT_TEXT
    if len(raw) > HARD_LIMIT_CHARS:
        return None, CAPTION_TOO_LONG
    if _is_clean_ascii(raw):
        s = raw
        has_letter = _ASCII_LETTER.search(s) is not None
    else:
        s, reason = _clean(raw)
        if reason:
            return None, reason
        has_letter = _LETTER.search(s) is not None
    if not s:
        return None, EMPTY_CAPTION
    if not has_letter:
        return None, NO_LETTERS
    if len(s) < min_chars:
        return None, CAPTION_TOO_SHORT
    return truncate_caption(s, max_chars), None
