"""The commands of ``python -m models``: name -> (configure the sub-parser, run it). Each command's module adds
itself here when it is imported (:mod:`models.cli.main` imports them all)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

__all__ = ["COMMANDS", "Command"]

Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Command]] = {}
