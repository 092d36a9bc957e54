"""The part of a web caption that describes its picture: site labels cut before parsing.

Web alt-text wraps a description in the labels of the page it was taken from: a stock site's
("Woman holding a clock — Stock Photo #11031981", "Stock Photo: Brick wall texture", "Luminous light
bulb — Stockfoto", "Home Restoration Stock photo © carmen2011"), a print shop's ("Pajamas Framed Prints
- Girl blowing up balloon Framed Print by Sami Sarkis"), a gallery's widget ("Load image into Gallery
viewer, ...", "Thumbnail of ..."), a photographer's credit ("... Cyclocross 2013 © Meg McMahon", "Frederick
Nicholls Crouch (Photo courtesy of the Music Division, The New York Public Library)"), the site's name after
a pipe ("The hillside town of Lindos, Rhodes | Hello Victoria") and a shop's tag before one ("|READY STOCK|
Blue denim jacket", "DIESEL | Gray T-rain for Men | Lyst": the tag is cut, never the product).  Parsed with the
description, the labels become objects and relations nobody sees ("the economy is corkboard" from
"... on corkboard economy — Stock Photo", "Gym woman is stretching Royalty Free Stock Photography").

``description(caption)`` cuts them by shape (string work, no parse): the record keeps the caption as
written, the parser, the gate and the positives read the description.  Nothing is cut when fewer
than two words would be left.  ``labelled(caption)``: whether a stock site's label was cut (the gate
reads a stock title as describing its picture, ``text.suitability``).  A caption with no label (all
of CC3M) is returned unchanged after a few substring tests.
"""
from __future__ import annotations

import re

# Stock-photo sites' labels, in the languages they are sold in.
STOCK_LABEL = re.compile(
    r"(?:(?:royalty[- ]free|editorial)\s+)?\bstock\s*(?:photo(?:graph)?y?|photos|image|images|illustration|vector|footage|fotografie"
    r"|video|vettoriali"
    r"|foto|fotos|bild|billede|picture)s?\b|\b(?:foto|fotograf[ií]a|vector|photo)\s+(?:de\s+)?stock\b"
    r"|\bvettoriali\s+stock\b|\bstockfoto\b|\bstockbilder\b|\bstok\s+foto\w*|\blizenzfreies\s+foto\b|ストック写真"
    r"|\broyalty[- ]free\b"
    r"|\b[A-Z]\w+\s+item\s+for\s+sale\b", re.I)
STOCK_WORDS = ("stock", "royalty", "foto", "ストック", "item for sale")     # what every STOCK_LABEL match holds

# a label that opens the caption: "Stock Photo: Banquet hall", "Stock Video Footage of tourists ...",
# "Load image into Gallery viewer, Boys Baptismal Romper", "Thumbnail of video Three Loco"
_OPENING = re.compile(
    r"^\s*(?:(?:royalty[- ]free\s+)?stock\s+(?:video\s+)?(?:photo(?:graph)?y?|photos|images?|illustrations?|vectors?"
    r"|footage)(?:\s+footage)?\s*(?:of\b|:)|load image into gallery viewer\s*,|thumbnail(?:\s+image)?(?:\s+(?:of|for)\b)?)"
    r"\s*[:,\-\u2013\u2014]?\s*", re.I)
# what follows a stock label to the end: its number, its separators, the seller's credit ("#7911579",
# "- 8376333", "- Royalty-Free, Artist: naumoid, Code: 400-04986850", "© lunamarina")
_LABEL_TAIL = re.compile(r"^(?:[\s\W\d_]|royalty[- ]free|(?:artist|code|image id|id|by)\s*:?\s*[\w.-]+|©.*)*$", re.I)
# a file format named at the end: "stock photo of organism - Garden pests - JPG"
_FORMAT_END = re.compile(r"\s+[-\u2013\u2014]\s*(?:jpe?g|png|gif|eps)\s*$", re.I)
_FREE_END = re.compile(r"[\s:,-]*\bfree\s*$", re.I)        # "...: free stock photo"
_SEPARATORS = " \t-\u2013\u2014|:,;/#*"
# a print shop's product after its title: "... Framed Print by Sami Sarkis", "... Photographic Print by
# Kindra Clineff", "Cartoon pig Framed Print", and its category before the title ("Pajamas Framed Prints - ")
_PRINT_KIND = r"(?:(?:framed|canvas|metal|acrylic|art|fine art|photographic|poster|wood|giclee|greeting)\s+)"
_PRINT_END = re.compile(r"\s+" + _PRINT_KIND + r"*print(?:\s+#\S+)?(?:\s+by\s+[^,;|]{2,40})?\s*$", re.I)
_PRINT_KIND_END = re.compile(r"\s+" + _PRINT_KIND + r"+print(?:\s+#\S+)?(?:\s+by\s+[^,;|]{2,40})?\s*$", re.I)
_PRINT_SHOP = re.compile(r"\bprint\s+by\s+[^,;|]{2,40}$", re.I)
_PRINT_CATEGORY = re.compile(r"^(?:[\w'&]+\s+){1,4}" + _PRINT_KIND + r"*prints\s+[-\u2013\u2014]\s+", re.I)
# a photographer's credit at the end: "... 2013 © Meg McMahon", "... (Photo: © Jon Smith)"
_CREDIT_END = re.compile(r"\s*[(\[]?\s*(?:photo(?:graph)?(?:\s+credit)?\s*:?\s*(?:by\s*)?)?(?:©|\(c\)\s+\d{4})"
                         r"[^.!?©]{0,40}[)\]]?\s*$", re.I)
# a lender's credit at the end: "(Photo courtesy of the Music Division, The New York Public Library)",
# "- Provided courtesy of none / Fox 2000 Pictures", ". Courtesy of Sigma", "(Courtesy: Dr. Nicholson)"
# ("... flying to the ice courtesy of a first period hit" is no credit: a bare "courtesy" needs a separator)
_COURTESY_END = re.compile(r"(?:(?:\s*[-\u2013\u2014,.;]\s*|\s*[(\[]\s*)(?:_PICTURE\s+)*|\s+(?:_PICTURE\s+)+)"
                           r"courtesy(?:\s+of\b|\s*:)[^()\[\]]{2,80}[)\]]?\s*$"
                           .replace("_PICTURE", r"(?:photo(?:graph)?s?|image|picture|provided|used)"), re.I)
_CREDIT_START = re.compile(r"^\s*©\s*[^.!?©\-\u2013\u2014|]{2,40}\s[-\u2013\u2014|]\s+")
# a gallery widget's last word: "Flight over sea 3D Screensaver image 1 Thumbnail"
_THUMBNAIL_END = re.compile(r"\s+(?:video\s+)?thumbnail\s*$", re.I)
SITE_WORDS = 8             # the most words of a segment after a pipe that is cut as the site's
_PIPE = re.compile(r"\s*\|+\s*")
TAG_WORDS = 3              # the most words of a shop's tag in capitals before a pipe ("READY STOCK", "DIESEL")
_WORD = re.compile(r"[^\W\d_]{2,}")


def description(caption: str) -> str:
    """The caption without its site labels (see the module doc), or the caption itself."""
    text = caption
    for _ in range(3):                      # labels nest: "Load image ..., X | Site", "X Stock photo © name"
        cut = _cut_once(text)
        if cut == text:
            break
        text = cut
    return text if text != caption and len(_WORD.findall(text)) >= 2 else caption


def labelled(caption: str) -> bool:
    """Whether the caption carries a stock site's label."""
    lower = caption.lower()
    return any(w in lower for w in STOCK_WORDS) and STOCK_LABEL.search(caption) is not None


def _cut_once(text: str) -> str:
    lower = text.lower()
    if "|" in text:
        first, *rest = _untagged([s for s in _PIPE.split(text) if s.strip()] or [""], text)
        if not rest and first != text.strip():
            return first.strip()
        # a site's name or section after the description, not a sentence the caption goes on with
        if len(_WORD.findall(first)) >= 2 and all(len(s.split()) <= SITE_WORDS for s in rest):
            return first.strip()
    if any(w in lower for w in STOCK_WORDS):
        text = _cut_stock(text)
    if ("load image" in lower or "thumbnail" in lower or "stock" in lower) and _OPENING.match(text):
        text = text[_OPENING.match(text).end():]
    if "thumbnail" in lower:
        text = _THUMBNAIL_END.sub("", text)
    if lower.rstrip().endswith(("jpg", "jpeg", "png", "gif", "eps")):
        text = _FORMAT_END.sub("", text)
    if "print" in lower:
        text = _cut_print(text)
    if "courtesy" in lower:
        text = _COURTESY_END.sub("", text)
    if "©" in text or "(c)" in lower:
        text = _CREDIT_START.sub("", _CREDIT_END.sub("", text))
    return text.strip()


def _untagged(parts: list[str], text: str) -> list[str]:
    """The pipe's segments without a shop's tag before the description: a segment between pipes that
    opens the caption ("|READY STOCK| Blue denim jacket", "|SALE| Black leather ankle boots"), or a
    few words in capitals before a longer segment ("DIESEL | Gray T-rain for Men | Lyst"); a product
    named in capitals before a site's name ("LAUREL BLACK | The Sun") is the description."""
    if len(parts) < 2:
        return parts
    if text.lstrip().startswith("|"):
        return parts[1:]
    words, after = parts[0].split(), parts[1].split()
    if len(words) <= TAG_WORDS and parts[0].isupper() and not parts[1].isupper() and len(after) > len(words):
        return parts[1:]
    return parts


def _cut_stock(text: str) -> str:
    """A stock label and what follows it, at the end of the caption."""
    for m in reversed(list(STOCK_LABEL.finditer(text))):
        if m.start() > 0 and _LABEL_TAIL.match(text[m.end():]):
            return _FREE_END.sub("", text[:m.start()].rstrip(_SEPARATORS + ".")) or text
    return text


def _cut_print(text: str) -> str:
    if _PRINT_KIND_END.search(text) or _PRINT_SHOP.search(text):
        text = _PRINT_END.sub("", text)
        text = _PRINT_CATEGORY.sub("", text)
    return text
