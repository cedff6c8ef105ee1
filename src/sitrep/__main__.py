"""Allow ``python -m sitrep``."""

import sys

from sitrep.cli import main

sys.exit(main())
