"""``python -m zakerclean`` runs the command line."""

from __future__ import annotations

import sys

from .runners.cli import main

sys.exit(main())
