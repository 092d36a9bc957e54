"""Words and their forms: lemmas and inflections (lemminflect, imported on first use)."""
