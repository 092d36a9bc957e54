"""What every parser backend is: ``parse(captions) -> list[Doc]`` of DepToken views, loaded
once per process by name.  Backends import this module, never each other."""
from __future__ import annotations

from typing import Optional, Protocol, Sequence

from ..schemas.depview import Doc


class ModelNotFound(RuntimeError):
    """The requested parser model is not installed or not at the given path."""


class Parser(Protocol):
    backend: str
    label: str

    def parse(self, captions: Sequence[str]) -> list[Doc]: ...


_LOADED: dict = {}


def load_parser(backend: str = "spacy", model: Optional[str] = None) -> Parser:
    """A parser backend by name: "spacy" (default) or "stanza" (optional extra).
    Loaded once per process: every DoFn instance or task on a worker shares it."""
    if (backend, model) not in _LOADED:
        if backend == "spacy":
            from .spacy_backend import SpacyParser
            _LOADED[backend, model] = SpacyParser(model)
        elif backend == "stanza":
            from .stanza_backend import StanzaParser
            _LOADED[backend, model] = StanzaParser(model)
        else:
            raise ValueError(f"unknown parser backend {backend!r} (spacy or stanza)")
    return _LOADED[backend, model]
