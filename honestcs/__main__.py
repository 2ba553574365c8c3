"""``python -m honestcs``: the same as the ``honestcs`` command."""

from honestcs.cli import main

raise SystemExit(main())
