"""Writers and bookkeeping: shards, the run manifest, the output lock and ownership."""
