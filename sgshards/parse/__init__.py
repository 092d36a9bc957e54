"""Parser backends (spaCy, stanza) behind one protocol: captions in, DepToken views out."""
from .base import ModelNotFound, Parser, load_parser

__all__ = ["ModelNotFound", "Parser", "load_parser"]
