"""The command line, ``python -m models ...``: shared arguments and checks, one module per command, and the entry
point (:func:`models.cli.main.main`)."""
