"""Scene graphs from parses: the rules that turn a DepToken view into a SceneGraph."""
