#!/bin/bash
# bench/install-deps.sh - install the Debian packages `make bench` needs beyond `make check`'s
# (scripts/install-deps.sh and tests/vm/setup.sh), only those that are missing; apt-get update
# runs only when something is. The guest runs the host's binaries (shared root), so these
# are installed on the host.
set -euo pipefail

PKGS=(
	strace                       # scale part: io_setup/io_destroy calls of the daemons
	# gnuplot-nox comes with the flaky-path part (its SVG picture)
)

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$p")
done
if ((${#missing[@]})); then
	if [ "$(id -u)" != 0 ]; then
		echo "bench: missing packages: ${missing[*]} (run as root to install)" >&2
		exit 1
	fi
	echo "bench: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
