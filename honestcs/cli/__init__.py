"""The ``honestcs`` command: ``check``, ``policy check``, ``promises`` and ``rule``.

Each sub-command lives in its own private module and registers itself here.
Every error a user can cause is printed on stderr as one clear message with
exit status 2; no traceback reaches the terminal. An error honestcs did not
expect (a bug) is one line and exit 2 as well, unless ``HONESTCS_DEBUG`` is
set, which shows its traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from honestcs import __version__
from honestcs._terminal import terminal_safe
from honestcs.cli._check import register as register_check
from honestcs.cli._policy import register as register_policy
from honestcs.cli._promises import register as register_promises
from honestcs.cli._report import register as register_report
from honestcs.cli._rule import register as register_rule
from honestcs.cli._streams import prepare_streams, stop_writing_stdout
from honestcs.exceptions import HonestCSError

__all__ = ["build_parser", "main"]

# What a shell reports for a process ended by SIGPIPE (128 + 13).
_EXIT_BROKEN_PIPE = 141

#: Exit status for a usage error, an invalid policy, or any other error the user can fix.
EXIT_USAGE = 2
#: Set (to anything) to see the traceback of an error honestcs did not expect.
DEBUG_VARIABLE = "HONESTCS_DEBUG"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="honestcs",
        description="Check customer-service replies against a written policy and track promises.",
    )
    parser.add_argument("--version", action="version", version=f"honestcs {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    register_check(commands)
    register_policy(commands)
    register_promises(commands)
    register_report(commands)
    register_rule(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status.

    Args:
        argv: Arguments without the program name; default ``sys.argv[1:]``.
    """
    prepare_streams()
    parser = build_parser()
    try:
        args = _parse(parser, argv)
        status: int = args.run(args)
        sys.stdout.flush()
    except HonestCSError as exc:
        # Messages quote what they are about (a file name, a stored value): escaped.
        print(f"honestcs: error: {terminal_safe(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (``honestcs promises list | head``): stop quietly, as a shell would.
        stop_writing_stdout()
        return _EXIT_BROKEN_PIPE
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(terminal_safe(f"honestcs: error: {where}{exc.strerror or exc}"), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        # A bug: still one line and exit 2, never a traceback, unless asked for one.
        if os.environ.get(DEBUG_VARIABLE):
            raise
        print(
            terminal_safe(
                f"honestcs: internal error: {type(exc).__name__}: {exc}; this is a bug in "
                f"honestcs, please report it with the command that caused it "
                f"({DEBUG_VARIABLE}=1 shows where it happened)"
            ).replace("\n", " "),
            file=sys.stderr,
        )
        return EXIT_USAGE
    return status


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """The parsed arguments; ``--help``, ``--version`` and usage errors exit from here."""
    try:
        return parser.parse_args(argv)
    except SystemExit:
        # What argparse printed is flushed here, where a reader gone away is handled, rather
        # than when Python exits, where it would be an error message of its own.
        sys.stdout.flush()
        raise
