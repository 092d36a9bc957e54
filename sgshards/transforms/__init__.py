"""Pure, framework-free stages over plain records (no Beam imports here)."""
