#!/bin/bash
# Install the Debian packages needed to build and unit-test this project,
# only those that are missing (apt-get update runs only when something is).
# The VM test dependencies are installed by tests/vm/setup.sh.
# With package names as arguments, those are installed instead (make bench).
set -euo pipefail

PKGS=(
	gcc make pkg-config          # the build
	libdevmapper-dev             # devmapper.c: create/reload/message dm maps
	libudev-dev                  # discovery and uevents
	libaio-dev                   # directio checker and io_err_stat sampling
	liburcu-dev                  # RCU-swapped configuration in the daemon
	libcmocka-dev                # unit tests
	libsystemd-dev               # multipathd: sd_notify (READY, STATUS, watchdog) under systemd
	libreadline-dev              # multipathd -k: line editing and history (optional: READLINE=0)
	clang libclang-rt-14-dev     # make fuzz (libFuzzer)
	gcovr                        # make coverage: line coverage per file from gcov data
)
what="build dependencies"
if (($#)); then
	PKGS=("$@")
	what="packages $*"
fi

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$p")
done
if ((${#missing[@]})); then
	if [ "$(id -u)" != 0 ]; then
		echo "install-deps: missing packages: ${missing[*]} (run as root to install)" >&2
		exit 1
	fi
	echo "install-deps: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "install-deps: $what present"
