"""The run: inputs (readers), engines (plan, shard work, Beam, Spark), outputs (shards,
manifest, lock), commands (CLI, validate, audit).  Thin: it wires the pure stages."""
