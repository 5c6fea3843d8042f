#!/bin/bash
# bench/install-deps.sh - install the Debian packages `make bench` needs beyond `make check`'s
# (scripts/install-deps.sh and tests/vm/setup.sh), only those that are missing. The guest
# runs the host's binaries (shared root), so these are installed on the host.
#   strace       scale part: io_setup/io_destroy calls of the daemons
#   gnuplot-nox  flaky part: its SVG picture (bench/plot.sh)
exec "$(dirname "$0")/../scripts/install-deps.sh" strace gnuplot-nox
