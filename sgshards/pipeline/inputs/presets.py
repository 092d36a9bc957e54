"""Input presets: the layouts users hold, so they need not spell out columns.

    cc12m        url<TAB>caption, no header
    cc3m         caption<TAB>url, no header
    laion        LAION / img2dataset parquet: caption (or TEXT), url (or URL), key and
                 status when present (rows whose download failed are rejected, with a reason)
    img2dataset  img2dataset WebDataset shards ({key}.jpg|png|webp, .txt, .json)
    yfcc15m      YFCC100M / YFCC-15M metadata: the caption is chosen from title and description

Explicit --caption-column/--url-column/--key-column override a preset's choice.
"""
from __future__ import annotations

from . import sources

PRESETS = {
    "cc12m": {"format": "tsv", "caption": 1, "url": 0, "header": False},
    "cc3m": {"format": "tsv", "caption": 0, "url": 1, "header": False},
    "laion": {"format": "parquet", "caption": ("caption", "TEXT", "text"), "url": ("url", "URL"),
              "key": ("key",), "status": ("status",)},
    "img2dataset": {"format": "wds"},
    "yfcc15m": {"format": "yfcc"},
}


def preset_spec(name: str, first_file: str, caption=None, url=None, key=None) -> sources.InputSpec:
    """The InputSpec of preset ``name``; columns given explicitly win."""
    try:
        preset = PRESETS[name]
    except KeyError:
        raise sources.InputError(f"unknown preset {name!r} (one of {', '.join(PRESETS)})") from None
    fmt = preset["format"]
    if fmt == "parquet":
        names = sources.parquet_names(first_file)
        found = {role: next((c for c in preset.get(role, ()) if c in names), None)    # first of the names held
                 for role in ("caption", "url", "key", "status")}
        if caption is None and found["caption"] is None:
            raise sources.InputError(f"{first_file} has none of the caption columns "
                                     f"{', '.join(preset['caption'])}: pass --caption-column")
        return sources.InputSpec(fmt, caption if caption is not None else found["caption"],
                                 url if url is not None else found["url"],
                                 key if key is not None else found["key"], None, found["status"])
    return sources.InputSpec(fmt, caption if caption is not None else preset.get("caption", 0),
                             url if url is not None else preset.get("url"), key, preset.get("header"))
