"""spaCy's ``attribute_ruler`` with its Matcher replaced by table lookups: same matches, same order.

en_core_web_sm's attribute ruler (the tag map: TAG -> POS and morphology, plus ~120 word
exceptions) takes a fifth to a quarter of the whole pipeline's time on a caption, most of it in
the general-purpose Matcher and in a Span made per match.  Its patterns are single tokens (and a few pairs) tested for
equality, set membership or a regular expression on LOWER, TAG, DEP and IS_SPACE, which a
dictionary keyed on the token's lower form and tag finds directly.

``AttributeRuler.match`` and ``set_annotations`` are replaced on the ruler instance; the
attributes are still set by spaCy's own ``set_token_attrs`` from the ruler's own tables.  A
ruler with a pattern this module does not understand (operators, other attributes or
predicates) is left as it is.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from spacy.tokens._retokenize import set_token_attrs

# Token attributes the compiled patterns test, in the order of a token's key tuple.
KEY_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_LOWER, _TAG, _DEP, _IS_SPACE = range(len(KEY_ATTRS))


class Unsupported(ValueError):
    """A pattern uses a Matcher feature the table does not reproduce."""


def install(nlp) -> bool:
    """Give the pipeline's attribute ruler the table matcher; False (ruler left as it is)
    when there is no ruler or one of its patterns is unsupported."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if not all(hasattr(ruler, name) for name in ("patterns", "attrs", "indices", "match", "set_annotations")):
        return False                                     # a spaCy whose ruler is built differently
    try:
        matcher = TableMatcher(ruler)
    except Unsupported:
        return False
    # AttributeRuler.__call__ looks both methods up on the instance
    ruler.match, ruler.set_annotations = matcher.match, matcher.set_annotations
    return True


class TableMatcher:
    """``AttributeRuler.match`` for rulers whose patterns are fixed-length token tests."""

    def __init__(self, ruler: Any) -> None:
        strings = ruler.vocab.strings
        self.strings = strings
        self.attrs, self.indices = ruler.attrs, ruler.indices      # per rule: what to set, on which token
        # Each pattern is filed under the values its first token must have for one attribute
        # (lower form, else tag, else dependency label), so a token only meets the patterns it
        # may start, with the tests the filing does not already settle; patterns that pin none
        # of these are tried on every token.
        self.index: tuple[dict[int, list], ...] = ({}, {}, {})
        self.anywhere: list = []
        for rule, entry in enumerate(ruler.patterns):
            match_id = strings[str(rule)]                # the Matcher key the ruler registered
            for pattern in entry["patterns"]:
                tests = [(offset, test) for offset, spec in enumerate(pattern)
                         for test in _token_tests(spec, strings)]
                filing = _filing_test([test for offset, test in tests if offset == 0])
                rest = [t for t in tests if t != (0, filing)]
                if filing is None:
                    self.anywhere.append((rule, match_id, len(pattern), rest))
                    continue
                position, kind, values = filing
                for value in ((values,) if kind == "eq" else values):
                    self.index[position].setdefault(value, []).append((rule, match_id, len(pattern), rest))

    def set_annotations(self, doc, matches) -> None:
        """The ruler's ``set_annotations`` without a Span per match: the same tokens get the
        same attributes in the same order."""
        for rule, _, start, end in matches:
            index = self.indices[rule]
            at = (start if index >= 0 else end) + index
            if not start <= at < end:
                raise ValueError(f"attribute_ruler pattern {rule} has index {index} outside its "
                                 f"{end - start}-token match")
            set_token_attrs(doc[at], self.attrs[rule])

    def match(self, doc) -> list[tuple[int, int, int, int]]:
        """(rule, match id, start, end) for every match, sorted as the ruler sorts them."""
        keys = doc.to_array(list(KEY_ATTRS)).tolist()
        n = len(keys)
        by_lower, by_tag, by_dep = self.index
        strings = self.strings
        empty: list = []
        found: list[tuple[int, int, int, int]] = []
        for i, key in enumerate(keys):
            for rules in (by_lower.get(key[_LOWER], empty), by_tag.get(key[_TAG], empty),
                          by_dep.get(key[_DEP], empty), self.anywhere):
                for rule, match_id, width, rest in rules:
                    end = i + width
                    if end > n:
                        continue
                    for offset, test in rest:
                        if not _passes(test, keys[i + offset], strings):
                            break
                    else:
                        found.append((rule, match_id, i, end))
        found.sort()
        return found


def _filing_test(tests: list[tuple]) -> Optional[tuple]:
    """The first token's equality or membership test on the most selective attribute it
    constrains (lower form, tag, dependency label), or None."""
    for position in (_LOWER, _TAG, _DEP):
        for test in tests:
            if test[0] == position and test[1] in ("eq", "in"):
                return test
    return None


def _passes(test: tuple, key: list, strings) -> bool:
    position, kind, value = test
    got = key[position]
    if kind == "eq":
        return got == value
    if kind == "in":
        return got in value
    if kind == "not_in":
        return got not in value
    return bool(value.search(strings[got]))              # "regex": spaCy searches the attribute's string


def _token_tests(spec: dict, strings) -> list[tuple]:
    """(key position, kind, value) tests for one token pattern, values as string ids."""
    tests: list[tuple] = []
    for attr, value in spec.items():
        if attr not in KEY_ATTRS:
            raise Unsupported(attr)
        position = KEY_ATTRS.index(attr)
        if isinstance(value, bool) and position == _IS_SPACE:
            tests.append((position, "eq", int(value)))
        elif isinstance(value, str) and position != _IS_SPACE:
            tests.append((position, "eq", strings.add(value)))
        elif isinstance(value, dict) and len(value) == 1 and position != _IS_SPACE:
            (op, arg), = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
                # "" is the missing value (id 0): {"NOT_IN": [""]} means "has one"
                tests.append((position, op.lower(), frozenset(strings.add(v) for v in arg)))
            elif op == "REGEX" and isinstance(arg, str):
                tests.append((position, "regex", re.compile(arg)))
            else:
                raise Unsupported(f"{attr} {op}")
        else:
            raise Unsupported(f"{attr} {value!r}")
    return tests
