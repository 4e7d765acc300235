"""Imported once by the job runner's fork server (never by the app): the task modules, loaded and warmed.

Every job's child is forked from that process, so it starts with ``models`` imported and numba's kernels loaded.
A failure here only costs speed: the children then load what they need themselves.
"""

from __future__ import annotations

import logging

from app import job_tasks

try:
    job_tasks.warm_up()
except Exception:  # never stop the fork server from starting
    logging.getLogger(__name__).exception("warming up the job workers failed")
