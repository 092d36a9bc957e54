"""Caption clean-up and choice: normalisation, YFCC title/description choice. Pure, no Beam."""
