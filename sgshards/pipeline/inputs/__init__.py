"""Readers: caption tables, img2dataset shards, presets.  A record that cannot be read
comes out rejected with a reason, never dropped."""
