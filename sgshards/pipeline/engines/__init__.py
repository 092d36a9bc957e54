"""The shard plan, one shard task (engine-neutral), and the Beam and PySpark engines."""
