"""Caption suitability: does a caption describe a visible scene?

Web alt-text is often not a description of what the image shows: product listings ("Yuan Tai
1075L-BLK Kaden Black Bonded Leather Loveseat"), titles of books, films and articles ("The Art of
Jakub Rozalski"), keyword lists ("kitchen ideas for remodeling kitchen remodel ideas"), lists of
names, file names and URLs, quotes and chatter ("just felt my heart break into pieces"), and text in
other languages.  Sub-graph positives and hard negatives made from such text are mostly wrong (a
swap inside a product title is neither false nor fluent), so such a caption keeps only itself as a
positive; its record is still written, with the reason (``schemas.outcomes``, stage
``suitability``).

``verdict(caption, doc, graph, min_scene) -> (reason, scene_score)`` (and ``assess``, its yes/no form)
reads general signals of the text and its parse, never a list of known captions:

- ``file_name_or_url``: a URL, a file name (``.jpg``) or a slug (``how-to-fix-dns-server``), an
  address or a file format written as words ("... www miifotos com ...", "mp3 download"), names
  joined by underscores ("Mount Everest_8");
- ``not_english``: words in another script, or more function and common words of other languages
  (``lexicon.languages``) than function words of English, or few words an English dictionary knows;
- ``text_only``: a question (or a first sentence that asks one or speaks to the reader), an
  imperative, a call to the reader opening a clause ("check out these tips"), or a first/second
  person statement ("i have this issue"): text about something, not a description of what is seen
  (``text.reader_text``; a first word English has only as a verb opens an imperative however it is tagged);
- ``product_listing``: prices, model numbers and SKUs, sizes and quantities, shop names, "for sale",
  trademark signs, a colour variant as the last part ("SLIM FIT - Overhemd - navy");
- ``keyword_list``: #tags or a photo site's "Tags:" list, runs of short comma/pipe-separated items,
  content words repeated (search keywords) in text with no determiner or verb, names and keywords in
  lower case with no grammar ("josh hutcherson glaad media awards 08");
- ``names_list`` / ``title_case``: Title Case text (most content words capitalised), mostly names or
  mostly dictionary words; a stock-photo title that is only a name ("Winston Churchill — Stock Photo");
- ``product_listing`` again, in sentence case: a verbless phrase headed by a shop's product noun with a
  brand's mark ("Paratrooper Skull iPhone 5C Case", "Dolphin Heart necklace");
- ``sentence_title``, ``statement``, ``no_visible_object``: clause-level signals of the parse and the
  graph (``text.statements``): "how to ..." and other sentence-case titles ("image titled ...", "ways to
  ...", a headline's "Tooting Market to host talent show"); a main clause that speaks to the reader ("you
  can ...", ``text_only``) or states what someone says, thinks, plans or will do of nothing seen; a graph
  of abstract heads and graphics of text only;
- ``keyword_list`` again: a noun stack, with a listing's marks (eight words or more) or, with no
  function word at all, a product's (a code, a brand written as one, a colour after its noun, two kinds
  of goods, keywords said again: "Leather trousers leather jeans wine red").  Taggers read the nouns of
  such titles as verbs ("jeans/VBZ"): the dictionary decides what reads as a verb (``verb_reading``).

- ``page_text``, ``segmented_listing``, event tickets, title segments, comma keywords (``text.page_shapes``):
  a page's furniture, listings between pipes or bullets, a page title of Title Case segments, a work's title ("... : subtitle", "(1950)");
- ``text.shop_titles``: a product title's noun pile with stacked attributes, a news headline's count;
- ``unlikely_scene``: what every rule keeps, when the learned P(scene) of ``text.scene_model``, shifted to
  the run's share of scenes, is below the run's ``--min-scene-score``; the record keeps that score
  (``scene_score``, 2 decimals, the value the decision compared) for every caption the rules keep, so a
  stricter gate can be applied later.

The parse is of the caption's description (``text.site_labels``: stock, print-shop and site labels
cut); ``Caption.original`` is the caption as written.  Lower-case CC3M captions and their "person"
placeholders never meet the Title Case, name and brand rules.  Everything here is string and token work on one caption (tens of microseconds).
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional, Sequence

from ..lexicon.languages import ENGLISH_FUNCTION_WORDS, FOREIGN_CONTENT_WORDS, OTHER_FUNCTION_WORDS
from ..lexicon.visibility import FORMAT_WORDS, MERCHANDISE, PICTURE_WORDS, PLACEHOLDERS, URL_WORDS
from ..lexicon.words import CLOTHING, COLOURS, SHADES
from ..schemas.depview import FINITE_TAGS, DepToken, children_index, has_letter
from ..schemas.graph import SceneGraph
from ..schemas.outcomes import (
    GENERIC_CLAIM, FILE_NAME_OR_URL, KEYWORD_LIST, NAMES_LIST, NO_VISIBLE_OBJECT, NOT_ENGLISH, PRODUCT_LISTING, SENTENCE_TITLE,
    STATEMENT, TEXT_ONLY, TITLE_CASE, UNLIKELY_SCENE)
from .keywords import is_english_word, readings, stuffed, stuffed_sentence
from .reader_text import text_only, unmarked_question
from .page_shapes import comma_keywords, event_tickets, page_text, segmented_listing, title_segments, work_title
from .shop_titles import news_headline, product_title
from .site_labels import STOCK_LABEL, STOCK_WORDS, labelled
from .claims import generic_claim, reader_address, reported_speech, seo_title
from .statements import abstract_only, how_to_title, sentence_title, statement_verb
from .scene_model import DEFAULT_PRIOR, scene_probability, shifted

# Function words of other languages written in Latin script that are not English words, and the
# common content words of those languages (``lexicon.languages``): two of them and fewer English
# function words make a caption "not English".
FOREIGN_FUNCTION_WORDS = OTHER_FUNCTION_WORDS - ENGLISH_FUNCTION_WORDS
FOREIGN_WORDS = FOREIGN_FUNCTION_WORDS | (FOREIGN_CONTENT_WORDS - ENGLISH_FUNCTION_WORDS)
ADDRESS_OR_FORMAT = URL_WORDS | FORMAT_WORDS

_URL = re.compile(r"(?:https?://|www\.)\S+|\b\S+\.(?:com|net|org|co\.uk|de|fr)\b", re.I)
_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|bmp|tiff?|pdf|mp4|svg)\b", re.I)
_SLUG = re.compile(r"^[\w'-]*[A-Za-z][\w']*(?:[-_][\w']+){2,}$|^[a-z]{3,}\d*-[a-z\d]{3,}$", re.I)
_PRICE = re.compile(r"[$£€¥]\s?\d|\d\s?(?:usd|eur|gbp)\b|\brrp\b", re.I)
# model numbers and SKUs: letters and two digits or more in one token ("1075L-BLK", "MR9Q2KS", "G40159")
_CODE = re.compile(r"^(?=(?:[\w./-]*\d){2})(?=[\w./-]*[A-Za-z])[A-Za-z\d#][\w./-]{3,}$")
_DIGIT = re.compile(r"\d")
# ordinals, decades, "3d", "4k", "mp3": letters and digits that are no code
_NOT_CODE = re.compile(r"^\d+(?:st|nd|rd|th|s|'s|d|k|p|am|pm)$|^\d+x\d+$", re.I)
_MEASURE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s?(?:oz|ml|cl|l|kg|g|mg|lb|lbs|mm|cm|m|in|inch|inches|ft|gb|tb|mah|w|v|watts?|volts?|pcs|pc|pack|pk|ct)\b"
    r"|\b\d+\s?-\s?(?:pack|piece|pc|pcs)\b|\b(?:size|sz|xxl|xl|xs)\b|\b\d+:\d+\s+scale\b|\b\d+\s?\"",
    re.I)
# a quantity of goods: a weight, a volume or a length in a shop's units ("Tello Chicken & Rice 15kg",
# "Biocol Raspberry Ketone 500 ml"); not "in", "m", "v" ("2013 in Charleston", "16v")
_QUANTITY = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:oz|ml|cl|kg|g|mg|lbs?|mm|cm)\b", re.I)
# a colour in parentheses at the end: a shop's variant ("FitFlop Pietra (black)")
_PAREN_END = re.compile(r"\(([^()]*)\)\W*$")
_SHOP = re.compile(r"\b(?:buy|sale|shop|brand new|in stock|discount|order|unisex|pcs|set of|pack of|pre-owned"
                   r"|used|new)\b", re.I)
_LISTING = re.compile(r"\b(?:for sale|to rent|for rent|to let|free shipping|wholesale)\b", re.I)
# a trademark sign: a brand's name of a product or service ("Testrite® Monster Tabletop Easel")
_TRADEMARK = re.compile("[\u00ae\u2122]")
# words joined by underscores: a file or user name ("Mount Everest_8", "HC_Commercial_Fruniture_Plastic_Chair")
_UNDERSCORED = re.compile(r"[^\W_]_+[^\W_]")
# a photo-sharing site's tag dump: "Tags:" and three words or more ("... Tags: uk greatbritain england wow")
_TAG_DUMP = re.compile(r"\btags?\s*:\s*(?:[^\s:]+\s+){2,}[^\s:]", re.I)
SEPARATOR_TOKENS = frozenset({",", ";", "|", "/", "·", "•", "-", "–", "—", "//", "||", "::"})
_HASHTAG = re.compile(r"(?:^|\s)#[^\W\d_]")
_STOCK = STOCK_LABEL
_LETTER = re.compile(r"[^\W\d_]")
# a word of two letters or more in a script English is not written in (Cyrillic, Hebrew, Arabic, Thai,
# kana, CJK, Hangul)
_OTHER_SCRIPT = re.compile(r"[\u0400-\u04ff\u0590-\u06ff\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{2,}")
FUNCTION_UPOS = frozenset({"DET", "ADP", "AUX", "CCONJ", "PRON", "SCONJ", "PART"})
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")

# a caption that names the picture and then its title: "image titled handle a child's meltdown"
_TITLED = re.compile(r"^\W*(?:image|picture|photo|photograph|illustration)\s+(?:titled|entitled)\b", re.I)
FINITE_OR_ING = FINITE_TAGS | {"VBG"}


class Caption(NamedTuple):
    """What the rules read: the caption without stock-site labels, the whole parse, and the tokens
    outside those labels (all of them, and the words: tokens with a letter)."""
    text: str
    doc: Sequence[DepToken]
    tokens: list[DepToken]
    words: list[DepToken]
    stock: bool                 # a stock-photo title ("... Royalty Free Stock Image")
    graph: Optional[SceneGraph] = None
    kids: Optional[list[list[int]]] = None     # children_index(doc), built once for every rule
    original: str = ""          # the caption as written, before ``site_labels.description`` cut its labels


def caption_view(caption: str, doc: Sequence[DepToken], graph: Optional[SceneGraph] = None) -> Caption:
    parsed = "".join(t.text + t.ws for t in doc)
    if parsed.strip() != caption.strip():       # the parse of the description: the labels are cut already
        return Caption(parsed, doc, list(doc), [t for t in doc if has_letter(t.text)], labelled(caption), graph,
                       children_index(doc), caption)
    lower = caption.lower()
    spans = ([m.span() for m in _STOCK.finditer(caption)]
             if any(w in lower for w in STOCK_WORDS) else [])
    if spans:
        tokens, start = [], 0
        for t in doc:
            end = start + len(t.text)
            if not any(a <= start and end <= b for a, b in spans):
                tokens.append(t)
            start = end + len(t.ws)
    else:
        tokens = list(doc)
    text = _STOCK.sub(" ", caption) if spans else caption
    return Caption(text, doc, tokens, [t for t in tokens if has_letter(t.text)], bool(spans), graph,
                   children_index(doc), caption)


def assess(caption: str, doc: Sequence[DepToken], graph: SceneGraph) -> tuple[bool, Optional[str]]:
    """(describes_scene, reason): reason is None when the caption describes a scene.  ``caption`` is
    the normalised caption, ``doc`` its parse and ``graph`` its scene graph."""
    reason = unsuitable_reason(caption, doc, graph)
    return reason is None, reason


class Verdict(NamedTuple):
    """The gate's answer for one caption: why it describes no scene (None: it describes one), and the
    learned P(scene) of a caption every rule keeps (2 decimals; None when a rule skipped it)."""
    reason: Optional[str]
    scene_score: Optional[float]


def verdict(caption: str, doc: Sequence[DepToken], graph: Optional[SceneGraph] = None,
            min_scene: float = 0.0, prior: float = DEFAULT_PRIOR) -> Verdict:
    """The first rule's reason; then, for a caption every rule keeps, its scene score (P(scene) for a
    corpus whose share of scenes is ``prior``: ``scene_model.shifted``), and ``unlikely_scene`` when
    the score is below ``min_scene`` (0: never).  The decision reads the rounded score the record
    keeps, so filtering records on it later agrees with the gate."""
    view = caption_view(caption, doc, graph)
    if not view.words:
        return Verdict(None, None)
    for rule in RULES:
        reason = rule(view)
        if reason:
            return Verdict(reason, None)
    score = round(shifted(scene_probability(view.tokens), prior), 2)
    return Verdict(UNLIKELY_SCENE if score < min_scene else None, score)


def unsuitable_reason(caption: str, doc: Sequence[DepToken], graph: Optional[SceneGraph] = None,
                      min_scene: float = 0.0) -> Optional[str]:
    """``verdict``'s reason alone."""
    return verdict(caption, doc, graph, min_scene).reason


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


def file_name_or_url(c: Caption) -> Optional[str]:
    text = c.text.strip()
    dotted = "." in text or "://" in text             # what every file name and URL match holds
    if " " not in text and (_SLUG.match(text) or dotted and (_FILE.search(text) or _URL.search(text))):
        return FILE_NAME_OR_URL
    if any(t.text.lower() in ADDRESS_OR_FORMAT for t in c.words):
        return FILE_NAME_OR_URL             # an address in words: "... wiring uk www miifotos com simple ..."
    if _UNDERSCORED.search(text) and not any(verb_reading(c, t) for t in c.words):
        return FILE_NAME_OR_URL             # "Mount Everest_8", "NMD_R1 Shoes"
    if not dotted:
        return None
    if _FILE.search(text) and (len(c.words) <= 3 or not any(t.tag in FINITE_TAGS for t in c.words)):
        return FILE_NAME_OR_URL             # "Private hell 36.JPG", "adobe.png How to Attract Talent ..."
    urls = sum(len(m.group(0)) for m in _URL.finditer(text))
    return FILE_NAME_OR_URL if urls > len(text) / 2 else None


def not_english(c: Caption) -> Optional[str]:
    if not c.text.isascii():
        letters = _LETTER.findall(c.text)
        if sum(1 for ch in letters if _LATIN.match(ch)) < 0.6 * len(letters) or _OTHER_SCRIPT.search(c.text):
            return NOT_ENGLISH              # "Обложка Electronic publishing", "金马伦景点 The Boh Tea Plantation"
    lower = [t.text.lower() for t in c.words]
    english_fn = sum(w in ENGLISH_FUNCTION_WORDS for w in lower)
    # function and common words of other languages: "lot 4 chaises blanches lot de 2 chaises ...",
    # "peter jackson king kong trucos pc descargar"
    foreign = sum(w in FOREIGN_WORDS for w in lower)
    if foreign >= 2 and foreign > english_fn:
        return NOT_ENGLISH
    # words that are no names: lower-case ones (a capitalised word may be a name in any language)
    common = [w.text for w in c.words if w.text.isalpha() and w.text.islower() and len(w.text) > 1
              and w.text not in ENGLISH_FUNCTION_WORDS and w.upos != "PROPN"]
    known = sum(is_english_word(w) for w in common)
    # a dictionary misses words ("anime girl in a kimono"): unknown words alone need numbers, else a
    # sign of another language (one of its function words, a letter English does not write)
    foreign_sign = foreign > 0 or not c.text.isascii()
    if len(common) >= 3 and known < 0.5 * len(common) and (foreign_sign or len(common) >= 5
                                                          and known < 0.3 * len(common)):
        return NOT_ENGLISH
    return None


def product_listing(c: Caption) -> Optional[str]:
    """Two signs of a listing: a price or "for sale" (two signs, or one in a sentence, with a verb or a
    determiner: "pupils celebrate raising £ 1,735", "the foyer of a house purchased for $7.3 million"),
    a size or quantity, a model number; or one sign and a shop word; or a quantity of goods in a
    phrase with no determiner and no verb ("Basmati Rice 2lb Bag")."""
    if _TRADEMARK.search(c.text) or _colour_variant(c):
        return PRODUCT_LISTING                  # "Testrite® Monster Tabletop Easel: Aluminum, Tabletop"
    sentence = any(t.tag in FINITE_TAGS or t.upos == "DET" for t in c.words)
    if _QUANTITY.search(c.text) and not sentence and not any(t.upos in ("VERB", "AUX") for t in c.words):
        return PRODUCT_LISTING
    strong = (1 if sentence else 2) * (bool(_PRICE.search(c.text)) + bool(_LISTING.search(c.text)))
    strong += len(_MEASURE.findall(c.text))
    if _DIGIT.search("".join(t.text for t in c.doc)):       # a code has two digits
        strong += sum(1 for t in c.doc if _CODE.match(t.text) and not _NOT_CODE.match(t.text))
    if strong != 1:                                           # shop words decide only one sign
        return PRODUCT_LISTING if strong >= 2 else None
    return PRODUCT_LISTING if _SHOP.search(_LISTING.sub(" ", c.text)) else None


def _colour_variant(c: Caption) -> bool:
    """The last of several separated parts, or a part in parentheses at the end, names only a colour: a
    shop's variant ("SLIM FIT - Overhemd - navy", "Porcelain stoneware - Dark Grey", "FitFlop Pietra
    (black)"); a description gives its colours to its nouns."""
    last = c.words[-1].text.lower()
    if last not in COLOURS and last not in SHADES:
        return False
    end = _PAREN_END.search(c.text)
    if end is not None:
        words = end.group(1).replace("/", " ").split()
        return 0 < len(words) <= 3 and all(w.lower() in COLOURS or w.lower() in SHADES for w in words)
    parts = segments(c.tokens)
    if len(parts) < 2 or len(parts[-1]) > 3:
        return False
    return all(t.text.lower() in COLOURS or t.text.lower() in SHADES for t in parts[-1]) \
        and any(t.text.lower() in COLOURS for t in parts[-1])


def branded_product(c: Caption) -> Optional[str]:
    return PRODUCT_LISTING if _branded_product(c) else None


def _branded_product(c: Caption) -> bool:
    """A product title in sentence case: a noun phrase (no verb) headed by a shop's product noun
    ("case", "necklace", "boots") with a brand's mark on a word: capitals inside it ("iPhone",
    "RoyalT"), all capitals ("PREMIUM BOOT", "PEATON"), or a capitalised word no dictionary knows
    ("Tacori", "Versace").  Lower-case text (CC3M) and scene phrases ("Women's leather jacket with
    laces") have none."""
    root = next((t for t in c.tokens if t.dep == "ROOT"), None)
    if c.stock or root is None or root.upos not in ("NOUN", "PROPN") or c.words[0].upos == "DET" \
            or any(t.tag in FINITE_TAGS for t in c.words):
        return False
    if root.lemma.lower() not in MERCHANDISE and root.lemma.lower() not in CLOTHING \
            and root.text.lower() not in MERCHANDISE:
        return False
    # the marks of a brand stand before the product noun or after "for"/"by" ("Case for iPhone 5C",
    # "sweater by Naeem Khan"), not in a place phrase ("A trail sign in the Bob Marshall Wilderness")
    maker = next((t.i for t in c.words if t.i > root.i and t.text.lower() in ("for", "by")), len(c.doc))
    if any(_brand_mark(t.text) for t in c.words if t.i <= root.i or t.i > maker):
        return True
    # a product's name in capitals inside sentence-case text: "Dolphin Heart necklace", "Cherry Blossoms
    # Double Happiness Chinese Wedding postcards" (a description has lower-case modifiers: "Gold
    # glittered christmas tree ornaments")
    return any(t.text[:1].isupper() and t.text.isalpha() and t.upos not in FUNCTION_UPOS
               and c.doc[t.i - 1].text not in (":", ".") for t in c.words[1:] if t.i < root.i)


def _brand_mark(word: str) -> bool:
    if not word.isalpha() or len(word) < 3:
        return False
    if any(ch.isupper() for ch in word[1:]):
        return not word.isupper() or len(word) >= 4      # "iPhone", "PEATON"; not "USA", "LED"
    return word[0].isupper() and not is_english_word(word.lower())


def _structured(segment: Sequence[DepToken]) -> bool:
    """A phrase with grammar: a determiner, a preposition with its object, a verb or an auxiliary."""
    return any(t.upos in ("DET", "AUX", "VERB") or (t.dep == "prep" and t.upos == "ADP") for t in segment)


def segments(doc: Sequence[DepToken]) -> list[list[DepToken]]:
    """The caption's tokens split at list separators (commas, pipes, slashes, dashes, bullets)."""
    out: list[list[DepToken]] = [[]]
    for t in doc:
        if t.text in SEPARATOR_TOKENS:
            out.append([])
        elif any(ch.isalnum() for ch in t.text):
            out[-1].append(t)
    return [s for s in out if s]


def keyword_list(c: Caption) -> Optional[str]:
    if len(_HASHTAG.findall(c.text)) >= 2 or _TAG_DUMP.search(c.text):
        return KEYWORD_LIST
    parts = segments(c.tokens) if sum(t.text in SEPARATOR_TOKENS for t in c.tokens) >= 3 else []
    if len(parts) >= 4 and sum(map(len, parts)) <= 3 * len(parts) and not any(map(_structured, parts)):
        return KEYWORD_LIST
    if _lower_case_names(c):
        return KEYWORD_LIST
    if stuffed_sentence(c.words, c.doc):
        return KEYWORD_LIST
    content = [t for t in c.words if t.upos in ("NOUN", "PROPN", "ADJ") and t.lemma.lower() not in PLACEHOLDERS]
    if len(content) < 4 or any(t.upos in ("DET", "AUX") or t.tag in FINITE_TAGS for t in c.doc):
        return None
    repeated = sorted(stuffed(c.doc, content).values(), reverse=True)
    if not repeated:
        return None
    # search keywords: a word three times, two words twice, a word doubled ("jar pendant light kit jar
    # pendant light kit", "template template"); or one word twice with no preposition, conjunction or
    # list ("best slim wallets belstaff wallet"; "soup and potato cream soup", "wall art, canvas art")
    doubled = any(a.text.lower() == b.text.lower() for a, b in zip(content, content[1:]) if b.i == a.i + 1)
    # or a long run of keywords with one preposition ("coffee reflector epoxy flooring in millburn nj epoxy coating ...")
    if repeated[0] >= 3 or repeated[1:2] == [2] or doubled \
            or len(content) >= 8 and sum(t.text.lower() in ENGLISH_FUNCTION_WORDS for t in c.words) <= 1:
        return KEYWORD_LIST
    return None if any(t.upos in ("ADP", "CCONJ") or t.text in (",", ";") for t in c.doc) else KEYWORD_LIST


def _lower_case_names(c: Caption) -> bool:
    """Search words in lower case with names in them, and no grammar: three words or more, no
    determiner, preposition, verb, pronoun or conjunction, two words or more no dictionary knows
    ("josh hutcherson glaad media awards 08", "jeu splinter cell conviction tom clancy's").  A
    description writes its words with grammar or with a dictionary's words ("dew and grass", "red
    white blue hairbows"); CC3M writes names as "person"."""
    words = [t for t in c.words if t.text.isalpha()]
    if len(words) < 3 or not all(t.text.islower() for t in words):
        return False
    if any(t.upos in ("DET", "ADP", "AUX", "VERB", "PRON", "SCONJ", "CCONJ") for t in c.doc):
        return False
    return sum(1 for t in words if len(t.text) > 2 and not is_english_word(t.text)) >= 2


def title_case(c: Caption) -> Optional[str]:
    content = [t for t in c.words if t.text.isalpha() and len(t.text) > 1
               and t.text.lower() not in ENGLISH_FUNCTION_WORDS and t.text.lower() not in FOREIGN_FUNCTION_WORDS]
    if c.stock:
        # a stock title describes ("Warthog in Masai Mara Stock Image") unless it is only a name, the
        # keyword it is sold under ("Winston Churchill — Stock Photo")
        if content and all(t.text[0].isupper() and not is_english_word(t.text.lower()) for t in content):
            return NAMES_LIST
        return None
    if len(content) == 1 and content[0].text[0].isupper() and not is_english_word(content[0].text.lower()):
        return NAMES_LIST                       # one name: "Cleancoal", "The Exorcist" is left alone
    if len(content) < 2:
        return None
    capital = [t for t in content if _capitalised(t.text)]
    if len(capital) < 0.8 * len(content):
        return None
    # a sentence in Title Case text: a lower-case verb ("Guard Kobe Bryant ... reacts during a loss") or
    # common noun ("Timber boardwalk in Green Point Reserve"), not one after a hyphen ("T-shirt")
    if any(_sentence_word(c.doc, t) for t in content):
        return None
    names = [t for t in capital if not is_english_word(t.text.lower())]
    return NAMES_LIST if len(names) > 0.6 * len(capital) else TITLE_CASE


def _sentence_word(doc: Sequence[DepToken], t: DepToken) -> bool:
    """A lower-case verb or dictionary common noun, not the tail of a hyphenated word."""
    if not t.text.islower() or (t.i and doc[t.i - 1].text == "-" and not doc[t.i - 1].ws):
        return False
    return t.tag in FINITE_OR_ING or (t.upos == "NOUN" and len(t.text) > 2 and is_english_word(t.text))


def noun_stack(c: Caption) -> Optional[str]:
    """Words with no verb and hardly a function word, in text that names no kind of picture: search
    keywords and shop titles, not a stock graphic's title ("renewable energy turbine on white
    background vector illustration") nor one thing described ("opal blue milk glass rooster candy dish
    on pedestal", "aran ivory handmade crocheted afghan, cream colored throw blanket").  Eight words
    or more with a listing's mark ("Supacaz Super Sticky Kush Star Fade Bar Tape neon blue sport
    factory"); six or more with no function word at all and a product's mark ("osho shirt tshirt
    spiritual meditation awareness", "Leather trousers leather jeans wine red")."""
    words = [t for t in c.words if t.text.isalpha()]
    if c.stock or len(words) < 6 or any(t.lemma.lower() in PICTURE_WORDS for t in words):
        return None
    # with a function word or two, any word tagged as a verb keeps the caption ("baby boy nautical
    # themed diaper cake for baby shower.") unless a dictionary knows it as a noun only ("leather
    # jeans/VBZ wine red"); with none, only a word that reads as a verb does
    if len(words) >= 8 and not any((t.upos == "VERB" or t.tag.startswith("VB")) and not _noun_only(t.text.lower())
                                   for t in words) \
            and sum(t.upos in FUNCTION_UPOS for t in words) <= 0.12 * len(words) and _listing_mark(c, words):
        return KEYWORD_LIST
    if any(t.text.lower() in ENGLISH_FUNCTION_WORDS for t in words) or any(verb_reading(c, t) for t in words):
        return None
    return KEYWORD_LIST if _product_mark(c, words) else None


def _listing_mark(c: Caption, words: list[DepToken]) -> bool:
    """A name or brand in capitals, a number, a separator or a word said twice; a description of one
    thing has none."""
    lemmas = [t.lemma.lower() for t in words]
    return (any(t.text[:1].isupper() for t in words[1:]) or any(any(ch.isdigit() for ch in t.text) for t in c.tokens)
            or any(t.text in SEPARATOR_TOKENS for t in c.tokens) or len(set(lemmas)) < len(lemmas))


def _product_mark(c: Caption, words: list[DepToken]) -> bool:
    """A number or model code, a brand's mark, a colour after its noun ("jeans wine red", "Jacket
    navy"), two kinds of merchandise ("shirt tshirt", "necklace earrings"), or keywords said again
    ("dress sweetheart dress zip short dress")."""
    # a brand written as one (capitals inside or all of them: "iPhone", "ShunDing", "CONVERSE"); a
    # capitalised word no dictionary knows is as often a place or a name ("Classic Pink Cadillac,
    # Bishop. California, USA (color)")
    if any(any(ch.isdigit() for ch in t.text) for t in c.tokens) \
            or any(_brand_mark(t.text) and not t.text[1:].islower() for t in words):
        return True
    last, before = words[-1], words[-2]
    if last.text.lower() in COLOURS and before.i == last.i - 1 and before.upos in ("NOUN", "PROPN") \
            and before.text.lower() not in COLOURS:
        return True
    goods = {t.lemma.lower() for t in words if t.lemma.lower() in MERCHANDISE or t.lemma.lower() in CLOTHING}
    if len(goods) >= 2:
        return True
    content = [t for t in words if t.upos in ("NOUN", "PROPN", "ADJ") and t.lemma.lower() not in PLACEHOLDERS]
    repeated = sorted(stuffed(c.doc, content).values(), reverse=True)
    return bool(repeated) and (repeated[0] >= 3 or repeated[1:2] == [2])


def _noun_only(word: str) -> bool:
    forms = readings(word)
    return "NOUN" in forms and "VERB" not in forms


def verb_reading(c: Caption, t: DepToken) -> bool:
    """A word tagged as a verb that is one: a verb of the dictionary that is no noun or adjective
    ("attends", "wearing"), or one with a subject ("Sydney Town Hall bells ring again"), or a participle
    with an object or a preposition ("Young woman feeding sheep").  Taggers read the nouns of product
    titles as verbs ("leather jeans/VBZ wine red", "patchwork/VBP", "Smoking/VBG mature"); a verb that
    modifies a noun ("knitted cardigan") is none."""
    if not t.tag.startswith("VB") or t.dep in ("amod", "compound", "nmod"):
        return False
    forms = readings(t.text.lower())
    if "VERB" not in forms:
        return False
    if "NOUN" not in forms and "ADJ" not in forms:
        return True
    kids = c.kids if c.kids is not None else children_index(c.doc)
    deps = {c.doc[k].dep for k in kids[t.i]}
    if deps & {"nsubj", "nsubjpass"}:
        return True
    return t.tag in ("VBG", "VBN") and bool(deps & {"dobj", "prep"})


def title_in_sentence_case(c: Caption) -> Optional[str]:
    if _TITLED.match(c.text) or how_to_title(c.doc) or sentence_title(c.doc, c.kids) or _headline_to(c.doc):
        return SENTENCE_TITLE
    return None


def _headline_to(doc: Sequence[DepToken]) -> bool:
    """A headline's future: names, then "to" and a verb, and no finite verb ("Es Devlin to design UK
    pavilion for Dubai Expo 2020", "Tooting Market to host talent show"; CC3M's stand-ins for names
    too: "actor to raise money for organisation.").  A thing and its purpose keeps ("gate to restrict
    entrance to the construction site")."""
    to = next((t for t in doc if t.text.lower() == "to"), None)
    if to is None or to.i == 0 or to.i + 1 >= len(doc) or doc[to.i + 1].tag != "VB":
        return False
    before = [t for t in doc[:to.i] if any(ch.isalnum() for ch in t.text)]
    if not before or not all(t.text[:1].isupper() or t.lemma.lower() in PLACEHOLDERS or t.upos == "NUM" for t in before):
        return False
    if len(before) == 1 and before[0].upos not in ("NOUN", "PROPN"):
        return False                            # not "Learning to handle goats", "Easy to modify"
    return any(t.upos != "NUM" for t in before) and not any(t.tag in FINITE_TAGS or t.tag == "MD" for t in doc)


def statement(c: Caption) -> Optional[str]:
    how = None if c.stock else statement_verb(c.doc, c.kids)
    return None if how is None else TEXT_ONLY if how == "reader" else STATEMENT


def claim(c: Caption) -> Optional[str]:
    """Clause signals of ``text.claims``: reported speech, a generic claim, the reader addressed, a
    site's "ideas" title.  Stock titles describe their picture."""
    if c.stock:
        return None
    kids = c.kids if c.kids is not None else children_index(c.doc)
    if reader_address(c.doc, kids):
        return TEXT_ONLY
    if reported_speech(c.doc, kids):
        return STATEMENT
    if generic_claim(c.doc, kids):
        return GENERIC_CLAIM
    return SENTENCE_TITLE if seo_title(c.doc, kids) else None


def no_visible_object(c: Caption) -> Optional[str]:
    return NO_VISIBLE_OBJECT if abstract_only(c.graph) else None


RULES = (file_name_or_url, not_english, text_only, page_text, product_listing, segmented_listing, event_tickets, keyword_list,
         comma_keywords, title_case, title_segments, branded_product, title_in_sentence_case, work_title, noun_stack,
         product_title, news_headline, statement, claim, unmarked_question, no_visible_object)
