"""Registers the model commands (``fit``, ...) with the CLI; filled in by the topic-model modules."""
