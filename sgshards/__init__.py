"""sgshards: scene-graph-augmented caption shards for compositional vision-language training."""
__version__ = "0.1.0"
