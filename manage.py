#!/usr/bin/env python
"""Django's manage.py; `steunwijzer <command>` does the same once installed."""

import sys

from steunwijzer.cli import main

if __name__ == "__main__":
    main(sys.argv[1:])
