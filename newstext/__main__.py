"""``python -m newstext``: the same as the ``newstext`` command."""

import sys

from newstext.cli import main

sys.exit(main())
