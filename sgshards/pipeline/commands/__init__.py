"""Commands: the CLI, validate and audit."""
