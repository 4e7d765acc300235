"""``python -m models``: the TopicLens command line."""

from __future__ import annotations

import sys

from models.cli.main import main

sys.exit(main())
